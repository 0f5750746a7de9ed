// SPDX-License-Identifier: Apache-2.0
#include "bytearrayconverter.h"

#include "builtinconverters.h"
#include "converterconfig.h"
#include "javatypes_p.h"

#include "core/api/exceptions.h"

namespace ConnectDesk::Converters {

QString ByteArrayConverter::version() const
{
    return builtinConverterVersion();
}

Api::ConfigDef ByteArrayConverter::config() const
{
    return configDef();
}

Api::ConfigDef ByteArrayConverter::configDef()
{
    return ConverterConfig::newConfigDef();
}

void ByteArrayConverter::configure(const Api::ConfigMap &configs, bool isKey)
{
    // Nothing to configure (Kafka does not even check converter.type here).
    Q_UNUSED(configs)
    Q_UNUSED(isKey)
}

void ByteArrayConverter::configure(const Api::ConfigMap &configs)
{
    Q_UNUSED(configs)
}

QByteArray ByteArrayConverter::fromConnectData(const QString &topic, const Api::Headers &headers,
                                               const Api::Schema &schema, const Api::Value &value)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    if (!schema.isNull() && schema.type() != Api::SchemaType::Bytes) {
        throw Api::DataException(QStringLiteral("Invalid schema type for ByteArrayConverter: ")
                                 + Api::Schema::typeEnumName(schema.type()));
    }
    if (value.isNull())
        return QByteArray();
    if (value.kind() != Api::Value::Kind::Bytes) {
        throw Api::DataException(
            QStringLiteral("ByteArrayConverter is not compatible with objects of type ")
            + Internal::javaClassText(value));
    }
    // A non-null value must stay non-null even when empty (zero bytes is not a tombstone).
    const QByteArray &bytes = value.toBytes();
    return bytes.isNull() ? QByteArray("") : bytes;
}

Api::SchemaAndValue ByteArrayConverter::toConnectData(const QString &topic,
                                                      const Api::Headers &headers,
                                                      const QByteArray &bytes)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    return {Api::Schema::optionalBytes(), bytes.isNull() ? Api::Value() : Api::Value(bytes)};
}

QByteArray ByteArrayConverter::fromConnectHeader(const QString &topic, const QString &headerKey,
                                                 const Api::Schema &schema,
                                                 const Api::Value &value)
{
    Q_UNUSED(headerKey)
    return fromConnectData(topic, Api::Headers(), schema, value);
}

Api::SchemaAndValue ByteArrayConverter::toConnectHeader(const QString &topic,
                                                        const QString &headerKey,
                                                        const QByteArray &bytes)
{
    Q_UNUSED(headerKey)
    return toConnectData(topic, Api::Headers(), bytes);
}

} // namespace ConnectDesk::Converters
