// SPDX-License-Identifier: Apache-2.0
#include "stringconverter.h"

#include "builtinconverters.h"
#include "charset_p.h"
#include "converterconfig.h"
#include "serializationexception.h"

namespace ConnectDesk::Converters {

using Api::ConfigDef;

StringConverter::StringConverter()
    : m_charset(std::make_unique<Internal::Charset>(
          *Internal::Charset::forName(QStringLiteral("UTF-8"))))
{}

StringConverter::~StringConverter() = default;

QString StringConverter::version() const
{
    return builtinConverterVersion();
}

ConfigDef StringConverter::config() const
{
    return configDef();
}

ConfigDef StringConverter::configDef()
{
    ConfigDef def = ConverterConfig::newConfigDef();
    ConfigDef::Key key;
    key.name = QString::fromLatin1(EncodingConfig);
    key.type = ConfigDef::Type::String;
    key.defaultValue = QStringLiteral("UTF-8");
    key.importance = ConfigDef::Importance::High;
    key.documentation = QStringLiteral(
        "The name of the Java character set to use for encoding strings as byte arrays.");
    key.width = ConfigDef::Width::Medium;
    key.displayName = QStringLiteral("Encoding");
    def.define(key);
    return def;
}

void StringConverter::configure(const Api::ConfigMap &configs, bool isKey)
{
    configure(ConverterConfig::withType(configs, isKey));
}

void StringConverter::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(configDef(), configs);
    const QString name = config.getString(QString::fromLatin1(EncodingConfig));
    const std::optional<Internal::Charset> charset = Internal::Charset::forName(name);
    if (!charset)
        throw SerializationException(QStringLiteral("Unsupported encoding ") + name);
    *m_charset = *charset;
}

QByteArray StringConverter::fromConnectData(const QString &topic, const Api::Headers &headers,
                                            const Api::Schema &schema, const Api::Value &value)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    Q_UNUSED(schema)
    if (value.isNull())
        return QByteArray();
    if (value.kind() == Api::Value::Kind::String)
        return m_charset->encode(value.toString());
    return m_charset->encode(value.toJavaString());
}

Api::SchemaAndValue StringConverter::toConnectData(const QString &topic,
                                                   const Api::Headers &headers,
                                                   const QByteArray &bytes)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    if (bytes.isNull())
        return {Api::Schema::optionalString(), Api::Value()};
    return {Api::Schema::optionalString(), Api::Value(m_charset->decode(bytes))};
}

QByteArray StringConverter::fromConnectHeader(const QString &topic, const QString &headerKey,
                                              const Api::Schema &schema, const Api::Value &value)
{
    Q_UNUSED(headerKey)
    return fromConnectData(topic, Api::Headers(), schema, value);
}

Api::SchemaAndValue StringConverter::toConnectHeader(const QString &topic,
                                                     const QString &headerKey,
                                                     const QByteArray &bytes)
{
    Q_UNUSED(headerKey)
    return toConnectData(topic, Api::Headers(), bytes);
}

QString StringConverter::encoding() const
{
    return m_charset->name();
}

} // namespace ConnectDesk::Converters
