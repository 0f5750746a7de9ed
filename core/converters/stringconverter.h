// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/converter.h"

#include <memory>

namespace ConnectDesk::Converters {

namespace Internal {
class Charset;
}

/**
 * Kafka's `org.apache.kafka.connect.storage.StringConverter`, as a Converter and a
 * HeaderConverter: writes any value as its Java `toString()` text (the schema is ignored) in
 * `converter.encoding` (default UTF-8; also ISO-8859-1, US-ASCII, UTF-16[BE|LE],
 * UTF-32[BE|LE] under their Java names and aliases) and reads bytes back as an optional STRING.
 * Null ↔ null.
 *
 * An unknown encoding makes configure() throw SerializationException ("Unsupported encoding X"),
 * as Kafka's StringSerializer does. Thread affinity: one instance per task thread.
 */
class StringConverter : public Api::Converter, public Api::HeaderConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.storage.StringConverter";
    static constexpr char EncodingConfig[] = "converter.encoding";

    StringConverter();
    ~StringConverter() override;

    QString version() const override;
    Api::ConfigDef config() const override;
    static Api::ConfigDef configDef();

    void configure(const Api::ConfigMap &configs, bool isKey) override;
    void configure(const Api::ConfigMap &configs) override;

    QByteArray fromConnectData(const QString &topic, const Api::Headers &headers,
                               const Api::Schema &schema, const Api::Value &value) override;
    Api::SchemaAndValue toConnectData(const QString &topic, const Api::Headers &headers,
                                      const QByteArray &bytes) override;
    QByteArray fromConnectHeader(const QString &topic, const QString &headerKey,
                                 const Api::Schema &schema, const Api::Value &value) override;
    Api::SchemaAndValue toConnectHeader(const QString &topic, const QString &headerKey,
                                        const QByteArray &bytes) override;

    /** Java's canonical name of the configured encoding, e.g. "UTF-8". */
    QString encoding() const;

private:
    std::unique_ptr<Internal::Charset> m_charset;
};

} // namespace ConnectDesk::Converters
