// SPDX-License-Identifier: Apache-2.0
#include "configinfos.h"

#include "core/converters/json/jsonwriter.h"

#include <optional>

namespace ConnectDesk::Rest {

namespace {

using Api::ConfigDef;
using Converters::JsonWriter;

bool isNullValue(const QVariant &value)
{
    if (!value.isValid() || value.typeId() == QMetaType::Nullptr)
        return true;
    return value.typeId() == QMetaType::QString && value.toString().isNull();
}

// Kafka's ConfigDef.convertToString(value, type); without a type, Java's toString().
QString renderValue(const QVariant &value, std::optional<ConfigDef::Type> type)
{
    if (isNullValue(value))
        return {};
    if (!type)
        return ConfigDef::valueToString(value);
    return ConfigDef::convertToString(value, *type);
}

// Recommended values of a LIST key are single items, rendered as strings.
QString renderRecommended(const QVariant &value, std::optional<ConfigDef::Type> type)
{
    if (type == ConfigDef::Type::List)
        type = ConfigDef::Type::String;
    if (type == ConfigDef::Type::String && !isNullValue(value)
        && value.typeId() != QMetaType::QString)
        return ConfigDef::valueToString(value); // Java's toString() of a non-string object
    return renderValue(value, type);
}

void writeNullableString(JsonWriter &writer, const QString &value)
{
    if (value.isNull())
        writer.writeNull();
    else
        writer.writeString(value);
}

void writeStringArray(JsonWriter &writer, const QStringList &values)
{
    writer.beginArray();
    for (const QString &value : values)
        writeNullableString(writer, value);
    writer.endArray();
}

void writeKeyInfo(JsonWriter &writer, const ConfigDef::Key &key)
{
    writer.beginObject();
    writer.key(u"name").writeString(key.name);
    writer.key(u"type").writeString(ConfigDef::typeName(key.type));
    writer.key(u"required").writeBool(!key.hasDefault());
    writer.key(u"default_value");
    writeNullableString(writer, key.hasDefault()
                                    ? ConfigDef::convertToString(*key.defaultValue, key.type)
                                    : QString());
    writer.key(u"importance").writeString(ConfigDef::importanceName(key.importance));
    writer.key(u"documentation");
    writeNullableString(writer, key.documentation);
    // Kafka's internal keys have the group "" rather than none.
    writer.key(u"group");
    if (!key.group.isEmpty())
        writer.writeString(key.group);
    else if (key.internal)
        writer.writeString(QLatin1StringView(""));
    else
        writer.writeNull();
    writer.key(u"width").writeString(ConfigDef::widthName(key.width));
    // Kafka's short define() forms use the name as display name.
    writer.key(u"display_name").writeString(key.displayName.isEmpty() ? key.name : key.displayName);
    writer.key(u"dependents");
    writeStringArray(writer, key.dependents);
    writer.key(u"order").writeInt64(key.orderInGroup);
    writer.endObject();
}

void writeValueInfo(JsonWriter &writer, const ConfigDef::ConfigValue &value,
                    std::optional<ConfigDef::Type> type)
{
    writer.beginObject();
    writer.key(u"name").writeString(value.name);
    writer.key(u"value");
    writeNullableString(writer, renderValue(value.value, type));
    writer.key(u"recommended_values").beginArray();
    for (const QVariant &recommended : value.recommendedValues)
        writeNullableString(writer, renderRecommended(recommended, type));
    writer.endArray();
    writer.key(u"errors");
    writeStringArray(writer, value.errorMessages);
    writer.key(u"visible").writeBool(value.visible);
    writer.endObject();
}

} // namespace

QByteArray configInfosJson(const Runtime::ConnectorValidation &validation)
{
    JsonWriter writer;
    writer.beginObject();
    writer.key(u"name");
    writeNullableString(writer, validation.name);
    writer.key(u"error_count").writeInt64(validation.errorCount);
    writer.key(u"groups");
    writeStringArray(writer, validation.groups);
    writer.key(u"configs").beginArray();
    for (const Runtime::ConfigInfo &info : validation.configs) {
        writer.beginObject();
        writer.key(u"definition");
        if (info.definition)
            writeKeyInfo(writer, *info.definition);
        else
            writer.writeNull();
        writer.key(u"value");
        if (info.value) {
            const std::optional<ConfigDef::Type> type
                = info.definition ? std::optional(info.definition->type) : std::nullopt;
            writeValueInfo(writer, *info.value, type);
        } else {
            writer.writeNull();
        }
        writer.endObject();
    }
    writer.endArray();
    writer.endObject();
    return writer.take();
}

QByteArray configKeyInfosJson(const QList<Api::ConfigDef::Key> &keys)
{
    JsonWriter writer;
    writer.beginArray();
    for (const auto &key : keys)
        writeKeyInfo(writer, key);
    writer.endArray();
    return writer.take();
}

QByteArray pluginListJson(const QList<Runtime::PluginListing> &plugins)
{
    JsonWriter writer;
    writer.beginArray();
    for (const auto &plugin : plugins) {
        writer.beginObject();
        writer.key(u"class").writeString(plugin.className);
        writer.key(u"type").writeString(plugin.type);
        if (!plugin.version.isEmpty() && plugin.version != QLatin1String("undefined"))
            writer.key(u"version").writeString(plugin.version);
        writer.endObject();
    }
    writer.endArray();
    return writer.take();
}

} // namespace ConnectDesk::Rest
