// SPDX-License-Identifier: Apache-2.0
#include "jsonconverter_p.h"

#include "javatypes_p.h"
#include "json/jsonwriter.h"

#include "core/api/decimal.h"
#include "core/api/exceptions.h"
#include "core/api/struct.h"

namespace ConnectDesk::Converters::Internal {

using Api::DataException;
using Api::Schema;
using Api::SchemaType;
using Api::Value;

namespace {

constexpr qint64 MillisPerDay = 24 * 60 * 60 * 1000;

[[noreturn]] void invalidType(const Schema &schema, const Value &value)
{
    const QString type = schema.isNull() ? QStringLiteral("unknown schema")
                                         : Schema::typeEnumName(schema.type());
    throw DataException(QStringLiteral("Invalid type for %1: %2").arg(type, javaClassText(value)));
}

void requireKind(const Schema &schema, const Value &value, Value::Kind kind)
{
    if (value.kind() != kind)
        invalidType(schema, value);
}

// ConnectSchema.schemaType(value.getClass()) for schemaless values.
std::optional<SchemaType> inferType(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::Boolean:
        return SchemaType::Boolean;
    case Value::Kind::Int8:
        return SchemaType::Int8;
    case Value::Kind::Int16:
        return SchemaType::Int16;
    case Value::Kind::Int32:
        return SchemaType::Int32;
    case Value::Kind::Int64:
        return SchemaType::Int64;
    case Value::Kind::Float32:
        return SchemaType::Float32;
    case Value::Kind::Float64:
        return SchemaType::Float64;
    case Value::Kind::String:
        return SchemaType::String;
    case Value::Kind::Bytes:
        return SchemaType::Bytes;
    case Value::Kind::Array:
        return SchemaType::Array;
    case Value::Kind::Map:
        return SchemaType::Map;
    case Value::Kind::Struct:
        return SchemaType::Struct;
    default:
        // Decimal and Instant (BigDecimal, java.util.Date) have no schemaless JSON form.
        return std::nullopt;
    }
}

void writeBase64(JsonWriter &out, const QByteArray &bytes)
{
    const QByteArray encoded = bytes.toBase64();
    out.writeString(QLatin1StringView(encoded));
}

struct TypeName
{
    SchemaType type;
    QLatin1StringView name;
};

constexpr TypeName JsonTypeNames[] = {
    {SchemaType::Boolean, QLatin1StringView("boolean")},
    {SchemaType::Int8, QLatin1StringView("int8")},
    {SchemaType::Int16, QLatin1StringView("int16")},
    {SchemaType::Int32, QLatin1StringView("int32")},
    {SchemaType::Int64, QLatin1StringView("int64")},
    {SchemaType::Float32, QLatin1StringView("float")},
    {SchemaType::Float64, QLatin1StringView("double")},
    {SchemaType::Bytes, QLatin1StringView("bytes")},
    {SchemaType::String, QLatin1StringView("string")},
    {SchemaType::Array, QLatin1StringView("array")},
    {SchemaType::Map, QLatin1StringView("map")},
    {SchemaType::Struct, QLatin1StringView("struct")},
};

} // namespace

QLatin1StringView jsonSchemaTypeName(SchemaType type)
{
    for (const TypeName &t : JsonTypeNames) {
        if (t.type == type)
            return t.name;
    }
    return {};
}

std::optional<SchemaType> schemaTypeFromJsonName(QStringView name)
{
    for (const TypeName &t : JsonTypeNames) {
        if (name == t.name)
            return t.type;
    }
    return std::nullopt;
}

QByteArray JsonEncoder::decimalToJavaString(const Api::Decimal &decimal)
{
    // Coefficient digits from the plain form: drop the sign and the point, and for a negative
    // scale the zeros toPlainString() appended.
    const QString plain = decimal.toPlainString();
    QByteArray digits;
    digits.reserve(plain.size());
    for (QChar c : plain) {
        if (c.isDigit())
            digits.append(char(c.unicode()));
    }
    const int scale = decimal.scale();
    if (scale < 0)
        digits.chop(qMin<qsizetype>(-qint64(scale), digits.size() - 1));
    qsizetype leading = 0;
    while (leading + 1 < digits.size() && digits.at(leading) == '0')
        ++leading;
    digits.remove(0, leading);

    QByteArray out;
    if (decimal.isNegative())
        out.append('-');
    const qint64 adjusted = -qint64(scale) + (digits.size() - 1);
    if (scale == 0) {
        out.append(digits);
    } else if (scale > 0 && adjusted >= -6) {
        if (digits.size() > scale) {
            out.append(digits.left(digits.size() - scale));
            out.append('.');
            out.append(digits.mid(digits.size() - scale));
        } else {
            out.append("0.");
            out.append(QByteArray(scale - digits.size(), '0'));
            out.append(digits);
        }
    } else {
        out.append(digits.at(0));
        if (digits.size() > 1) {
            out.append('.');
            out.append(digits.mid(1));
        }
        out.append('E');
        if (adjusted >= 0)
            out.append('+');
        out.append(QByteArray::number(adjusted));
    }
    return out;
}

void JsonEncoder::writeValue(JsonWriter &out, const Schema &schema, const Value &value) const
{
    if (value.isNull()) {
        if (schema.isNull()) {
            // Any schema is valid and there is no default: treat it as optional.
            out.writeNull();
            return;
        }
        if (!schema.defaultValue().isNull() && m_settings.replaceNullWithDefault) {
            writeValue(out, schema, schema.defaultValue());
            return;
        }
        if (schema.isOptional()) {
            out.writeNull();
            return;
        }
        throw DataException(QStringLiteral(
            "Conversion error: null value for field that is required and has no default value"));
    }

    SchemaType type;
    if (schema.isNull()) {
        const auto inferred = inferType(value);
        if (!inferred) {
            throw DataException(QStringLiteral("Java class %1 does not have corresponding schema "
                                               "type.")
                                    .arg(javaClassText(value)));
        }
        type = *inferred;
    } else {
        const QString name = schema.name();
        if (!name.isEmpty() && writeLogical(out, schema, name, value))
            return;
        type = schema.type();
    }

    switch (type) {
    case SchemaType::Int8:
        requireKind(schema, value, Value::Kind::Int8);
        out.writeInt64(value.toInt8());
        return;
    case SchemaType::Int16:
        requireKind(schema, value, Value::Kind::Int16);
        out.writeInt64(value.toInt16());
        return;
    case SchemaType::Int32:
        requireKind(schema, value, Value::Kind::Int32);
        out.writeInt64(value.toInt32());
        return;
    case SchemaType::Int64:
        requireKind(schema, value, Value::Kind::Int64);
        out.writeInt64(value.toInt64());
        return;
    case SchemaType::Float32:
        requireKind(schema, value, Value::Kind::Float32);
        out.writeFloat(value.toFloat32());
        return;
    case SchemaType::Float64:
        requireKind(schema, value, Value::Kind::Float64);
        out.writeDouble(value.toFloat64());
        return;
    case SchemaType::Boolean:
        requireKind(schema, value, Value::Kind::Boolean);
        out.writeBool(value.toBool());
        return;
    case SchemaType::String:
        requireKind(schema, value, Value::Kind::String);
        out.writeString(value.toString());
        return;
    case SchemaType::Bytes:
        if (value.kind() != Value::Kind::Bytes) {
            throw DataException(
                QStringLiteral("Invalid type for bytes type: %1").arg(javaClassText(value)));
        }
        writeBase64(out, value.toBytes());
        return;
    case SchemaType::Array: {
        requireKind(schema, value, Value::Kind::Array);
        const Schema elementSchema = schema.isNull() ? Schema() : schema.valueSchema();
        out.beginArray();
        for (const Value &element : value.toList())
            writeValue(out, elementSchema, element);
        out.endArray();
        return;
    }
    case SchemaType::Map:
        requireKind(schema, value, Value::Kind::Map);
        writeMap(out, schema, value.toMap());
        return;
    case SchemaType::Struct: {
        requireKind(schema, value, Value::Kind::Struct);
        const Api::StructPtr &s = value.toStruct();
        if (!s || schema.isNull() || !(s->schema() == schema))
            throw DataException(QStringLiteral("Mismatching schema."));
        out.beginObject();
        for (const Api::Field &field : schema.fields()) {
            out.key(field.name());
            writeValue(out, field.schema(), s->getWithoutDefault(field));
        }
        out.endObject();
        return;
    }
    }
}

void JsonEncoder::writeMap(JsonWriter &out, const Schema &schema, const Api::ValueMap &map) const
{
    const Schema keySchema = schema.isNull() ? Schema() : schema.keySchema();
    const Schema valueSchema = schema.isNull() ? Schema() : schema.valueSchema();
    // String keys make a JSON object; any other key type an array of [key, value] pairs.
    bool objectMode;
    if (schema.isNull()) {
        objectMode = true;
        for (const auto &entry : map) {
            if (entry.first.kind() != Value::Kind::String) {
                objectMode = false;
                break;
            }
        }
    } else {
        objectMode = keySchema.type() == SchemaType::String;
    }

    if (!objectMode) {
        out.beginArray();
        for (const auto &entry : map) {
            out.beginArray();
            writeValue(out, keySchema, entry.first);
            writeValue(out, valueSchema, entry.second);
            out.endArray();
        }
        out.endArray();
        return;
    }

    out.beginObject();
    for (const auto &entry : map) {
        const Value *key = &entry.first;
        if (key->isNull() && !keySchema.isNull()) {
            // Jackson takes the text of whatever the key converts to.
            if (!keySchema.defaultValue().isNull() && m_settings.replaceNullWithDefault) {
                key = &keySchema.defaultValue();
            } else if (keySchema.isOptional()) {
                out.key(u"null");
                writeValue(out, valueSchema, entry.second);
                continue;
            } else {
                throw DataException(QStringLiteral("Conversion error: null value for field that "
                                                   "is required and has no default value"));
            }
        }
        if (key->kind() != Value::Kind::String)
            invalidType(keySchema, *key);
        out.key(key->toString());
        writeValue(out, valueSchema, entry.second);
    }
    out.endObject();
}

bool JsonEncoder::writeLogical(JsonWriter &out, const Schema &schema, const QString &name,
                               const Value &value) const
{
    if (name == QLatin1StringView(Api::Logical::DecimalName)) {
        if (value.kind() != Value::Kind::Decimal) {
            throw DataException(QStringLiteral("Invalid type for Decimal, expected BigDecimal but "
                                               "was %1")
                                    .arg(javaClassText(value)));
        }
        const Api::Decimal &decimal = value.toDecimal();
        if (m_settings.decimalFormat == DecimalFormat::Numeric) {
            out.writeNumberText(decimalToJavaString(decimal));
            return true;
        }
        const int scale = Api::Logical::decimalScale(schema);
        if (decimal.scale() != scale) {
            throw DataException(QStringLiteral("Decimal value has mismatching scale for given "
                                               "Decimal schema. Schema has scale %1, value has "
                                               "scale %2.")
                                    .arg(scale)
                                    .arg(decimal.scale()));
        }
        writeBase64(out, decimal.unscaledBytes());
        return true;
    }

    enum class Logical { Date, Time, Timestamp } logical;
    QLatin1StringView logicalName;
    if (name == QLatin1StringView(Api::Logical::DateName)) {
        logical = Logical::Date;
        logicalName = QLatin1StringView("Date");
    } else if (name == QLatin1StringView(Api::Logical::TimeName)) {
        logical = Logical::Time;
        logicalName = QLatin1StringView("Time");
    } else if (name == QLatin1StringView(Api::Logical::TimestampName)) {
        logical = Logical::Timestamp;
        logicalName = QLatin1StringView("Timestamp");
    } else {
        return false;
    }

    if (value.kind() != Value::Kind::Instant) {
        throw DataException(QStringLiteral("Invalid type for %1, expected Date but was %2")
                                .arg(logicalName, javaClassText(value)));
    }
    const qint64 ms = value.toInstant().epochMs;
    switch (logical) {
    case Logical::Date:
        if (ms % MillisPerDay != 0) {
            throw DataException(QStringLiteral("Kafka Connect Date type should not have any time "
                                               "fields set to non-zero values."));
        }
        out.writeInt64(qint32(ms / MillisPerDay));
        break;
    case Logical::Time:
        if (ms < 0 || ms > MillisPerDay) {
            throw DataException(QStringLiteral("Kafka Connect Time type should not have any date "
                                               "fields set to non-zero values."));
        }
        out.writeInt64(qint32(ms));
        break;
    case Logical::Timestamp:
        out.writeInt64(ms);
        break;
    }
    return true;
}

void JsonEncoder::writeSchema(JsonWriter &out, const Schema &schema) const
{
    out.beginObject();
    writeSchemaMembers(out, schema);
    out.endObject();
}

void JsonEncoder::writeSchemaMembers(JsonWriter &out, const Schema &schema) const
{
    // Member order is Jackson's insertion order in Kafka's asJsonSchema: type, the nested
    // schemas, then optional, name, version, doc, parameters, default.
    out.key(QLatin1StringView("type")).writeString(jsonSchemaTypeName(schema.type()));
    switch (schema.type()) {
    case SchemaType::Array:
        out.key(QLatin1StringView("items"));
        writeSchema(out, schema.valueSchema());
        break;
    case SchemaType::Map:
        out.key(QLatin1StringView("keys"));
        writeSchema(out, schema.keySchema());
        out.key(QLatin1StringView("values"));
        writeSchema(out, schema.valueSchema());
        break;
    case SchemaType::Struct:
        out.key(QLatin1StringView("fields"));
        out.beginArray();
        for (const Api::Field &field : schema.fields()) {
            out.beginObject();
            writeSchemaMembers(out, field.schema());
            out.key(QLatin1StringView("field")).writeString(field.name());
            out.endObject();
        }
        out.endArray();
        break;
    default:
        break;
    }
    out.key(QLatin1StringView("optional")).writeBool(schema.isOptional());
    const QString name = schema.name();
    if (!name.isEmpty())
        out.key(QLatin1StringView("name")).writeString(name);
    if (const auto version = schema.version())
        out.key(QLatin1StringView("version")).writeInt64(*version);
    const QString doc = schema.doc();
    if (!doc.isNull())
        out.key(QLatin1StringView("doc")).writeString(doc);
    const QMap<QString, QString> parameters = schema.parameters();
    if (!parameters.isEmpty()) {
        out.key(QLatin1StringView("parameters")).beginObject();
        for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
            out.key(it.key()).writeString(it.value());
        out.endObject();
    }
    if (!schema.defaultValue().isNull()) {
        out.key(QLatin1StringView("default"));
        writeValue(out, schema, schema.defaultValue());
    }
}

} // namespace ConnectDesk::Converters::Internal
