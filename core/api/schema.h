// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connectdeskapi_global.h"
#include "value.h"

#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace ConnectDesk::Api {

class Field;
class Schema;
struct SchemaData;

/** Kafka Connect's `Schema.Type`. */
enum class SchemaType { Int8, Int16, Int32, Int64, Float32, Float64, Boolean, String, Bytes, Array, Map, Struct };

/**
 * An immutable Kafka Connect schema (Java `ConnectSchema`), shared by reference; a
 * default-constructed Schema is the null schema ("schemaless").
 *
 * Build with SchemaBuilder, or use the predefined primitive schemas (Schema::string(),
 * Schema::optionalInt32(), ...). Equality compares type, optionality, default, name, version,
 * doc, parameters and nested schemas, like Kafka.
 */
class CONNECTDESK_API_EXPORT Schema
{
public:
    Schema() = default;

    bool isNull() const { return !d; }
    explicit operator bool() const { return bool(d); }

    /** The type; DataException on the null schema (check isNull() first). */
    SchemaType type() const;
    /** True for optional schemas and for the null schema. */
    bool isOptional() const;
    /** The default value; null when the schema has none. */
    const Value &defaultValue() const;
    /** Logical or user name, empty when unnamed. */
    QString name() const;
    std::optional<int> version() const;
    QString doc() const;
    QMap<QString, QString> parameters() const;
    /** STRUCT only (DataException on other types, as in Kafka). */
    const QList<Field> &fields() const;
    /** STRUCT only (DataException on other types); an invalid Field when absent. */
    Field field(const QString &name) const;
    /** MAP only (DataException on other types). */
    Schema keySchema() const;
    /** MAP and ARRAY only (DataException on other types). May be the null schema for the
     *  element-type-less arrays and maps that Values::parseString() infers. */
    Schema valueSchema() const;

    bool isPrimitive() const;

    friend CONNECTDESK_API_EXPORT bool operator==(const Schema &a, const Schema &b);

    /** Java's `ConnectSchema.toString()`: `Schema{STRING}`, `Schema{com.acme.Order:STRUCT}`;
     *  "null" for the null schema. */
    QString toString() const;

    /** Kafka's `ConnectSchema.validateValue`: throws DataException when the value does not fit
     *  the schema (wrong kind, null for a required schema, logical-type mismatch...). The field
     *  name is used in the message when given. */
    static void validateValue(const Schema &schema, const Value &value, const QString &field = {});

    /** Kafka's `Type.getName()`: "int8", "int16", "int32", "int64", "float32", "float64",
     *  "boolean", "string", "bytes", "array", "map", "struct" (the names Cast uses;
     *  JsonConverter spells FLOAT32/FLOAT64 "float"/"double" itself). */
    static QString typeName(SchemaType type);
    /** Upper-case Java enum name: "INT8", ..., "STRUCT". */
    static QString typeEnumName(SchemaType type);
    static std::optional<SchemaType> typeFromName(const QString &lowerCaseName);

    // Predefined schemas, as Kafka's Schema.*_SCHEMA constants.
    static Schema int8();
    static Schema int16();
    static Schema int32();
    static Schema int64();
    static Schema float32();
    static Schema float64();
    static Schema boolean();
    static Schema string();
    static Schema bytes();
    static Schema optionalInt8();
    static Schema optionalInt16();
    static Schema optionalInt32();
    static Schema optionalInt64();
    static Schema optionalFloat32();
    static Schema optionalFloat64();
    static Schema optionalBoolean();
    static Schema optionalString();
    static Schema optionalBytes();
    /** The predefined primitive schema of a type; the null schema for ARRAY, MAP, STRUCT. */
    static Schema primitive(SchemaType type, bool optional);

    /** For builders and fields. */
    explicit Schema(std::shared_ptr<const SchemaData> data) : d(std::move(data)) {}
    const std::shared_ptr<const SchemaData> &data() const { return d; }

private:
    std::shared_ptr<const SchemaData> d;
};

/** A STRUCT field: name, position and schema. */
class CONNECTDESK_API_EXPORT Field
{
public:
    Field() = default;
    Field(const QString &name, int index, const Schema &schema);
    const QString &name() const { return m_name; }
    int index() const { return m_index; }
    const Schema &schema() const { return m_schema; }
    bool isValid() const { return m_index >= 0; }
    friend CONNECTDESK_API_EXPORT bool operator==(const Field &a, const Field &b);

    /** Java's `Field.toString()`: `Field{name=f, index=0, schema=Schema{INT32}}`. */
    QString toString() const;

private:
    QString m_name;
    int m_index = -1;
    Schema m_schema;
};

/** Kafka Connect's `SchemaAndValue`. */
struct SchemaAndValue
{
    Schema schema;
    Value value;
    friend bool operator==(const SchemaAndValue &, const SchemaAndValue &) = default;
};

/**
 * Fluent builder of schemas (Java `SchemaBuilder`). Throws SchemaBuilderException (a
 * DataException) on misuse, e.g. a field on a non-struct, a duplicate field, an invalid default.
 */
class CONNECTDESK_API_EXPORT SchemaBuilder
{
public:
    explicit SchemaBuilder(SchemaType type);
    /** Starts from an existing schema (copies all of its properties). */
    static SchemaBuilder from(const Schema &schema);

    static SchemaBuilder int8() { return SchemaBuilder(SchemaType::Int8); }
    static SchemaBuilder int16() { return SchemaBuilder(SchemaType::Int16); }
    static SchemaBuilder int32() { return SchemaBuilder(SchemaType::Int32); }
    static SchemaBuilder int64() { return SchemaBuilder(SchemaType::Int64); }
    static SchemaBuilder float32() { return SchemaBuilder(SchemaType::Float32); }
    static SchemaBuilder float64() { return SchemaBuilder(SchemaType::Float64); }
    static SchemaBuilder boolean() { return SchemaBuilder(SchemaType::Boolean); }
    static SchemaBuilder string() { return SchemaBuilder(SchemaType::String); }
    static SchemaBuilder bytes() { return SchemaBuilder(SchemaType::Bytes); }
    static SchemaBuilder structBuilder() { return SchemaBuilder(SchemaType::Struct); }
    static SchemaBuilder array(const Schema &valueSchema);
    static SchemaBuilder map(const Schema &keySchema, const Schema &valueSchema);

    SchemaType type() const;
    SchemaBuilder &optional();
    SchemaBuilder &required();
    SchemaBuilder &defaultValue(const Value &value);
    SchemaBuilder &name(const QString &name);
    SchemaBuilder &version(int version);
    SchemaBuilder &doc(const QString &doc);
    SchemaBuilder &parameter(const QString &key, const QString &value);
    SchemaBuilder &parameters(const QMap<QString, QString> &params);
    SchemaBuilder &field(const QString &name, const Schema &schema);

    Schema build() const;

private:
    std::shared_ptr<SchemaData> d;
};

/** Kafka Connect's logical types (org.apache.kafka.connect.data.Decimal/Date/Time/Timestamp). */
namespace Logical {
inline const char DecimalName[] = "org.apache.kafka.connect.data.Decimal";
inline const char DecimalScaleParameter[] = "scale";
inline const char DateName[] = "org.apache.kafka.connect.data.Date";
inline const char TimeName[] = "org.apache.kafka.connect.data.Time";
inline const char TimestampName[] = "org.apache.kafka.connect.data.Timestamp";

CONNECTDESK_API_EXPORT SchemaBuilder decimalBuilder(int scale);
CONNECTDESK_API_EXPORT Schema decimalSchema(int scale);
CONNECTDESK_API_EXPORT SchemaBuilder dateBuilder();
CONNECTDESK_API_EXPORT Schema dateSchema();
CONNECTDESK_API_EXPORT SchemaBuilder timeBuilder();
CONNECTDESK_API_EXPORT Schema timeSchema();
CONNECTDESK_API_EXPORT SchemaBuilder timestampBuilder();
CONNECTDESK_API_EXPORT Schema timestampSchema();

/** True when the schema is the named logical type. */
CONNECTDESK_API_EXPORT bool isDecimal(const Schema &schema);
CONNECTDESK_API_EXPORT bool isDate(const Schema &schema);
CONNECTDESK_API_EXPORT bool isTime(const Schema &schema);
CONNECTDESK_API_EXPORT bool isTimestamp(const Schema &schema);
/** Scale from the schema's parameters (DataException when missing or not a number). */
CONNECTDESK_API_EXPORT int decimalScale(const Schema &schema);
} // namespace Logical

} // namespace ConnectDesk::Api
