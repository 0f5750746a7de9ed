// SPDX-License-Identifier: Apache-2.0
#include "jsonconverter.h"

#include "builtinconverters.h"
#include "converterconfig.h"
#include "jsonconverter_p.h"
#include "serializationexception.h"
#include "json/jsonreader.h"
#include "json/jsonvalue.h"
#include "json/jsonwriter.h"

#include "core/api/exceptions.h"

#include <QCache>

namespace ConnectDesk::Converters {

using Api::ConfigDef;
using Api::DataException;
using Api::Schema;
using Api::SchemaAndValue;
using Api::Value;

namespace {

constexpr QStringView EnvelopeSchema = u"schema";
constexpr QStringView EnvelopePayload = u"payload";

DataException serializationError(const JsonParseError &error)
{
    return DataException(QStringLiteral("Converting byte[] to Kafka Connect data failed due to "
                                        "serialization error: "),
                         SerializationException(error.toString()));
}

DataException envelopeError()
{
    return DataException(QStringLiteral(
        "JsonConverter with schemas.enable requires \"schema\" and \"payload\" fields and may "
        "not contain additional fields. If you are trying to deserialize plain JSON data, set "
        "schemas.enable=false in your converter configuration."));
}

struct CachedSchemaJson
{
    // Holds the schema alive so its address (the cache key) cannot be reused by another one.
    std::shared_ptr<const Api::SchemaData> schema;
    QByteArray json;
};

} // namespace

struct JsonConverter::Private
{
    Internal::JsonConverterSettings settings;
    Internal::JsonEncoder encoder{settings};
    Internal::JsonDecoder decoder{settings};
    // Schemas are immutable and shared by reference, so identity is a cheap, exact key for the
    // Connect → JSON direction; JSON schemas are compared structurally (as Kafka does).
    QCache<quintptr, CachedSchemaJson> fromConnectCache{1000};
    // JSON → Connect: keyed by the schema's JSON text (producers repeat it byte for byte).
    QCache<QByteArray, Schema> toConnectCache{1000};

    QByteArray schemaJson(const Schema &schema)
    {
        const auto key = quintptr(schema.data().get());
        if (const CachedSchemaJson *cached = fromConnectCache.object(key))
            return cached->json;
        JsonWriter writer;
        encoder.writeSchema(writer, schema);
        QByteArray json = writer.take();
        fromConnectCache.insert(key, new CachedSchemaJson{schema.data(), json});
        return json;
    }

    // The schema of a validated JSON text.
    Schema connectSchema(QByteArrayView text)
    {
        if (text == "null")
            return Schema();
        // A raw-data key avoids copying the text for lookups.
        const QByteArray lookup = QByteArray::fromRawData(text.data(), text.size());
        if (const Schema *cached = toConnectCache.object(lookup))
            return *cached;
        const std::optional<JsonValue> json = JsonReader::parse(text);
        Q_ASSERT(json);
        Schema schema = decoder.readSchema(json.value_or(JsonValue()));
        toConnectCache.insert(text.toByteArray(), new Schema(schema));
        return schema;
    }
};

JsonConverter::JsonConverter()
    : d(std::make_unique<Private>())
{}

JsonConverter::~JsonConverter() = default;

QString JsonConverter::version() const
{
    return builtinConverterVersion();
}

ConfigDef JsonConverter::config() const
{
    return configDef();
}

ConfigDef JsonConverter::configDef()
{
    ConfigDef def = ConverterConfig::newConfigDef();
    auto define = [&def](const char *name, ConfigDef::Type type, const QVariant &defaultValue,
                         ConfigDef::Importance importance, const QString &documentation,
                         const QString &group, int orderInGroup, const QString &displayName) {
        ConfigDef::Key key;
        key.name = QString::fromLatin1(name);
        key.type = type;
        key.defaultValue = defaultValue;
        key.importance = importance;
        key.documentation = documentation;
        key.group = group;
        key.orderInGroup = orderInGroup;
        key.width = ConfigDef::Width::Medium;
        key.displayName = displayName;
        return key;
    };
    const QString schemas = QStringLiteral("Schemas");
    const QString serialization = QStringLiteral("Serialization");
    def.define(define(SchemasEnableConfig, ConfigDef::Type::Boolean, true,
                      ConfigDef::Importance::High,
                      QStringLiteral("Include schemas within each of the serialized values and "
                                     "keys."),
                      schemas, 0, QStringLiteral("Enable Schemas")));
    def.define(define(SchemasCacheSizeConfig, ConfigDef::Type::Int, 1000,
                      ConfigDef::Importance::High,
                      QStringLiteral("The maximum number of schemas that can be cached in this "
                                     "converter instance."),
                      schemas, 1, QStringLiteral("Schema Cache Size")));
    ConfigDef::Key decimalFormat = define(
        DecimalFormatConfig, ConfigDef::Type::String, QStringLiteral("BASE64"),
        ConfigDef::Importance::Low,
        QStringLiteral("Controls which format this converter will serialize decimals in. This "
                       "value is case insensitive and can be either 'BASE64' (default) or "
                       "'NUMERIC'"),
        serialization, 0, QStringLiteral("Decimal Format"));
    decimalFormat.validator = ConfigDef::caseInsensitiveValidString(
        {QStringLiteral("BASE64"), QStringLiteral("NUMERIC")});
    def.define(decimalFormat);
    def.define(define(ReplaceNullWithDefaultConfig, ConfigDef::Type::Boolean, true,
                      ConfigDef::Importance::Low,
                      QStringLiteral("Whether to replace fields that have a default value and "
                                     "that are null to the default value. When set to true, the "
                                     "default value is used, otherwise null is used."),
                      serialization, 1, QStringLiteral("Replace null with default")));
    return def;
}

void JsonConverter::configure(const Api::ConfigMap &configs, bool isKey)
{
    configure(ConverterConfig::withType(configs, isKey));
}

void JsonConverter::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(configDef(), configs);
    Internal::JsonConverterSettings settings;
    settings.schemasEnabled = config.getBoolean(QString::fromLatin1(SchemasEnableConfig));
    settings.schemaCacheSize = config.getInt(QString::fromLatin1(SchemasCacheSizeConfig));
    const QString format = config.getString(QString::fromLatin1(DecimalFormatConfig));
    settings.decimalFormat = format.compare(QLatin1StringView("NUMERIC"), Qt::CaseInsensitive) == 0
                                 ? Internal::DecimalFormat::Numeric
                                 : Internal::DecimalFormat::Base64;
    settings.replaceNullWithDefault = config.getBoolean(
        QString::fromLatin1(ReplaceNullWithDefaultConfig));

    d->settings = settings;
    const qsizetype cacheSize = qMax(0, settings.schemaCacheSize);
    d->fromConnectCache.clear();
    d->fromConnectCache.setMaxCost(cacheSize);
    d->toConnectCache.clear();
    d->toConnectCache.setMaxCost(cacheSize);
}

QByteArray JsonConverter::fromConnectData(const QString &topic, const Api::Headers &headers,
                                          const Schema &schema, const Value &value)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    if (schema.isNull() && value.isNull())
        return QByteArray(); // tombstone

    JsonWriter writer(256);
    if (d->settings.schemasEnabled) {
        writer.beginObject().key(EnvelopeSchema);
        if (schema.isNull())
            writer.writeNull();
        else
            writer.writeRaw(d->schemaJson(schema));
        writer.key(EnvelopePayload);
        d->encoder.writeValue(writer, schema, value);
        writer.endObject();
    } else {
        d->encoder.writeValue(writer, schema, value);
    }
    return writer.take();
}

SchemaAndValue JsonConverter::toConnectData(const QString &topic, const Api::Headers &headers,
                                            const QByteArray &bytes)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    if (bytes.isNull())
        return {}; // tombstone

    // Connect's JsonDeserializer allows leading zeros, and ObjectMapper.readTree() stops after
    // the first value.
    static const JsonReader::Options options{.allowLeadingZeros = true,
                                             .allowTrailingContent = true};
    JsonParseError error;
    if (!d->settings.schemasEnabled) {
        const std::optional<JsonValue> document = JsonReader::parse(bytes, options, &error);
        if (!document) {
            // No content at all is Jackson's MissingNode: null.
            if (error.code == JsonParseError::Code::EmptyInput)
                return {};
            throw serializationError(error);
        }
        return {Schema(), d->decoder.readValue(Schema(), *document)};
    }

    // The envelope's members are split without building them, so a cached schema costs a
    // hash lookup of its text instead of a parse and a structural comparison.
    const auto members = JsonReader::parseRawMembers(bytes, options, &error);
    if (!members) {
        if (error.code == JsonParseError::Code::NotAnObject) {
            JsonParseError full;
            if (!JsonReader::parse(bytes, options, &full))
                throw serializationError(full);
            throw envelopeError();
        }
        if (error.code == JsonParseError::Code::EmptyInput)
            throw envelopeError();
        throw serializationError(error);
    }
    QByteArrayView schemaText;
    QByteArrayView payloadText;
    for (const JsonReader::RawMember &member : *members) {
        if (member.first == EnvelopeSchema)
            schemaText = member.second;
        else if (member.first == EnvelopePayload)
            payloadText = member.second;
    }
    if (members->size() != 2 || schemaText.isNull() || payloadText.isNull())
        throw envelopeError();

    const Schema schema = d->connectSchema(schemaText);
    const std::optional<JsonValue> payload = JsonReader::parse(payloadText, options);
    Q_ASSERT(payload); // validated by parseRawMembers()
    return {schema, d->decoder.readValue(schema, payload.value_or(JsonValue()))};
}

QByteArray JsonConverter::fromConnectHeader(const QString &topic, const QString &headerKey,
                                            const Schema &schema, const Value &value)
{
    Q_UNUSED(headerKey)
    return fromConnectData(topic, Api::Headers(), schema, value);
}

SchemaAndValue JsonConverter::toConnectHeader(const QString &topic, const QString &headerKey,
                                              const QByteArray &bytes)
{
    Q_UNUSED(headerKey)
    return toConnectData(topic, Api::Headers(), bytes);
}

JsonValue JsonConverter::asJsonSchema(const Schema &schema)
{
    if (schema.isNull())
        return JsonValue();
    return *JsonReader::parse(d->schemaJson(schema));
}

Schema JsonConverter::asConnectSchema(const JsonValue &jsonSchema)
{
    return d->connectSchema(JsonWriter::toJson(jsonSchema));
}

bool JsonConverter::schemasEnabled() const
{
    return d->settings.schemasEnabled;
}

JsonConverter::DecimalFormat JsonConverter::decimalFormat() const
{
    return d->settings.decimalFormat == Internal::DecimalFormat::Numeric ? DecimalFormat::Numeric
                                                                         : DecimalFormat::Base64;
}

bool JsonConverter::replaceNullWithDefault() const
{
    return d->settings.replaceNullWithDefault;
}

int JsonConverter::schemaCacheSize() const
{
    return d->settings.schemaCacheSize;
}

qsizetype JsonConverter::fromConnectSchemaCacheSize() const
{
    return d->fromConnectCache.size();
}

qsizetype JsonConverter::toConnectSchemaCacheSize() const
{
    return d->toConnectCache.size();
}

} // namespace ConnectDesk::Converters
