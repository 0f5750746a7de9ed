// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/converter.h"

namespace ConnectDesk::Converters {

/**
 * Kafka's `org.apache.kafka.connect.converters.ByteArrayConverter`, as a Converter and a
 * HeaderConverter: passes bytes through unchanged. Writing needs a BYTES (or null) schema and a
 * bytes (or null) value, else DataException; reading gives an optional BYTES schema.
 * Stateless; one instance per task thread like every converter.
 */
class ByteArrayConverter : public Api::Converter, public Api::HeaderConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.converters.ByteArrayConverter";

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
};

} // namespace ConnectDesk::Converters
