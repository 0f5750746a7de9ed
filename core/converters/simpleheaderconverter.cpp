// SPDX-License-Identifier: Apache-2.0
#include "simpleheaderconverter.h"

#include "builtinconverters.h"
#include "logging.h"

#include "core/api/exceptions.h"
#include "core/api/values.h"

namespace ConnectDesk::Converters {

QString SimpleHeaderConverter::version() const
{
    return builtinConverterVersion();
}

Api::ConfigDef SimpleHeaderConverter::config() const
{
    return configDef();
}

Api::ConfigDef SimpleHeaderConverter::configDef()
{
    return {};
}

void SimpleHeaderConverter::configure(const Api::ConfigMap &configs)
{
    Q_UNUSED(configs)
}

Api::SchemaAndValue SimpleHeaderConverter::toConnectHeader(const QString &topic,
                                                           const QString &headerKey,
                                                           const QByteArray &bytes)
{
    if (bytes.isNull())
        return {};
    try {
        return Api::Values::parseString(QString::fromUtf8(bytes));
    } catch (const std::exception &e) {
        // Kafka falls back to the raw bytes rather than failing the record.
        qCWarning(lcConverters).noquote()
            << QStringLiteral("Failed to deserialize value for header '%1' on topic '%2', so "
                              "using byte array: %3")
                   .arg(headerKey, topic, Api::exceptionMessage(e));
        return {Api::Schema::bytes(), Api::Value(bytes)};
    }
}

QByteArray SimpleHeaderConverter::fromConnectHeader(const QString &topic, const QString &headerKey,
                                                    const Api::Schema &schema,
                                                    const Api::Value &value)
{
    Q_UNUSED(topic)
    Q_UNUSED(headerKey)
    if (value.isNull())
        return QByteArray();
    return Api::Values::convertToString(schema, value).toUtf8();
}

} // namespace ConnectDesk::Converters
