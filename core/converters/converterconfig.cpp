// SPDX-License-Identifier: Apache-2.0
#include "converterconfig.h"

namespace ConnectDesk::Converters::ConverterConfig {

Api::ConfigDef newConfigDef()
{
    Api::ConfigDef::Key key;
    key.name = QString::fromLatin1(TypeConfig);
    key.type = Api::ConfigDef::Type::String;
    key.defaultValue = std::nullopt;
    key.validator = Api::ConfigDef::validString({typeName(ConverterType::Key),
                                                 typeName(ConverterType::Value),
                                                 typeName(ConverterType::Header)});
    key.importance = Api::ConfigDef::Importance::Low;
    key.documentation = QStringLiteral("How this converter will be used.");
    Api::ConfigDef def;
    def.define(key);
    return def;
}

ConverterType type(const Api::AbstractConfig &config)
{
    const QString name = config.getString(QString::fromLatin1(TypeConfig));
    if (name == QLatin1String("key"))
        return ConverterType::Key;
    if (name == QLatin1String("header"))
        return ConverterType::Header;
    return ConverterType::Value;
}

QString typeName(ConverterType type)
{
    switch (type) {
    case ConverterType::Key:
        return QStringLiteral("key");
    case ConverterType::Value:
        return QStringLiteral("value");
    case ConverterType::Header:
        return QStringLiteral("header");
    }
    return {};
}

Api::ConfigMap withType(const Api::ConfigMap &configs, bool isKey)
{
    Api::ConfigMap copy = configs;
    copy.insert(QString::fromLatin1(TypeConfig),
                typeName(isKey ? ConverterType::Key : ConverterType::Value));
    return copy;
}

} // namespace ConnectDesk::Converters::ConverterConfig
