// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to JsonConverter: the Connect ↔ JSON translation, without caches or configuration
// parsing, so it can be tested and reused on its own.

#include "core/api/schema.h"
#include "core/api/value.h"

#include <QByteArray>
#include <QLatin1StringView>

#include <optional>

namespace ConnectDesk::Converters {

class JsonValue;
class JsonWriter;

namespace Internal {

enum class DecimalFormat { Base64, Numeric };

/** The parsed JsonConverter configuration. */
struct JsonConverterSettings
{
    bool schemasEnabled = true;
    int schemaCacheSize = 1000;
    DecimalFormat decimalFormat = DecimalFormat::Base64;
    bool replaceNullWithDefault = true;
};

/** The `type` names of JSON schemas: "boolean", "int8" ... "float", "double" ... "struct". */
QLatin1StringView jsonSchemaTypeName(Api::SchemaType type);
std::optional<Api::SchemaType> schemaTypeFromJsonName(QStringView name);

/** Connect data → JSON (Kafka's JsonConverter.convertToJson and asJsonSchema), streamed into a
 *  JsonWriter. Throws DataException with Kafka's messages. Stateless apart from the settings. */
class JsonEncoder
{
public:
    explicit JsonEncoder(const JsonConverterSettings &settings) : m_settings(settings) {}

    void writeValue(JsonWriter &out, const Api::Schema &schema, const Api::Value &value) const;
    /** The schema object (never null: the caller writes `null` for the null schema). */
    void writeSchema(JsonWriter &out, const Api::Schema &schema) const;

    /** Java's `BigDecimal.toString()`: "12.34", "1E+3", "1.5E-7". */
    static QByteArray decimalToJavaString(const Api::Decimal &decimal);

private:
    bool writeLogical(JsonWriter &out, const Api::Schema &schema, const QString &name,
                      const Api::Value &value) const;
    void writeMap(JsonWriter &out, const Api::Schema &schema, const Api::ValueMap &map) const;
    void writeSchemaMembers(JsonWriter &out, const Api::Schema &schema) const;

    const JsonConverterSettings &m_settings;
};

/** JSON → Connect data (Kafka's JsonConverter.convertToConnect and asConnectSchema). Throws
 *  DataException with Kafka's messages. */
class JsonDecoder
{
public:
    explicit JsonDecoder(const JsonConverterSettings &settings) : m_settings(settings) {}

    /** The schema may be null (schemaless: the type is inferred from the JSON). */
    Api::Value readValue(const Api::Schema &schema, const JsonValue &json) const;
    /** A JSON null gives the null schema. */
    Api::Schema readSchema(const JsonValue &json) const;

private:
    Api::Value readLogical(const Api::Schema &schema, const QString &name,
                           const JsonValue &json, bool *handled) const;
    Api::Value readSchemaless(const JsonValue &json) const;
    Api::Value readMap(const Api::Schema &schema, const JsonValue &json) const;
    Api::Value readStruct(const Api::Schema &schema, const JsonValue &json) const;

    const JsonConverterSettings &m_settings;
};

} // namespace Internal
} // namespace ConnectDesk::Converters
