// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/converter.h"

namespace ConnectDesk::Converters {

/**
 * Kafka's `org.apache.kafka.connect.storage.SimpleHeaderConverter`, the default
 * `header.converter`: writes a header value as the UTF-8 text of `Values.convertToString` and
 * reads text back with `Values.parseString`, inferring the schema (BOOLEAN, the smallest integer
 * type, FLOAT32/64, Decimal, Date/Time/Timestamp, ARRAY, MAP, else STRING). Null ↔ null. Bytes
 * that fail to parse come back as BYTES (logged at warning level). No configuration; stateless.
 */
class SimpleHeaderConverter : public Api::HeaderConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.storage.SimpleHeaderConverter";

    QString version() const override;
    Api::ConfigDef config() const override;
    static Api::ConfigDef configDef();

    void configure(const Api::ConfigMap &configs) override;
    Api::SchemaAndValue toConnectHeader(const QString &topic, const QString &headerKey,
                                        const QByteArray &bytes) override;
    QByteArray fromConnectHeader(const QString &topic, const QString &headerKey,
                                 const Api::Schema &schema, const Api::Value &value) override;
};

} // namespace ConnectDesk::Converters
