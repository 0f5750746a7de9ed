// SPDX-License-Identifier: Apache-2.0
#include "jsonconverter_p.h"

#include "json/jsonnumbers.h"
#include "json/jsonvalue.h"

#include "core/api/decimal.h"
#include "core/api/exceptions.h"
#include "core/api/struct.h"

#include <cmath>
#include <limits>

namespace ConnectDesk::Converters::Internal {

using Api::DataException;
using Api::Schema;
using Api::SchemaBuilder;
using Api::SchemaType;
using Api::Value;

namespace {

constexpr qint64 MillisPerDay = 24 * 60 * 60 * 1000;

// Jackson's number accessors: longValue()/intValue()/floatValue() convert any number node
// (truncating towards zero and keeping the low bits, like Java's casts), which Kafka relies on.
qint64 longValue(const JsonValue &json)
{
    if (json.isInt64())
        return json.toInt64();
    if (json.isDouble()) {
        const double d = json.toDouble();
        if (std::isnan(d))
            return 0;
        if (d >= 9223372036854775807.0)
            return std::numeric_limits<qint64>::max();
        if (d <= -9223372036854775808.0)
            return std::numeric_limits<qint64>::min();
        return qint64(d);
    }
    return JsonNumbers::truncatedInt64(json.numberText());
}

qint32 intValue(const JsonValue &json)
{
    return qint32(quint32(quint64(longValue(json))));
}

[[noreturn]] void wrongJsonType(const Schema &schema, const char *expected, const JsonValue &json)
{
    throw DataException(QStringLiteral("Invalid type for %1: expected a JSON %2 but found %3")
                            .arg(Schema::typeEnumName(schema.type()), QLatin1StringView(expected),
                                 json.typeName()));
}

// Jackson writes non-finite doubles as these strings; accept them back.
std::optional<double> nonFinite(const JsonValue &json)
{
    if (!json.isString())
        return std::nullopt;
    const QString &s = json.toString();
    if (s == QLatin1StringView("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (s == QLatin1StringView("Infinity"))
        return std::numeric_limits<double>::infinity();
    if (s == QLatin1StringView("-Infinity"))
        return -std::numeric_limits<double>::infinity();
    return std::nullopt;
}

bool decodeBase64(const QString &text, QByteArray *out)
{
    const QByteArray latin1 = text.toLatin1();
    auto result = QByteArray::fromBase64Encoding(latin1, QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = std::move(result.decoded);
    return true;
}

} // namespace

Value JsonDecoder::readValue(const Schema &schema, const JsonValue &json) const
{
    if (schema.isNull())
        return readSchemaless(json);

    if (json.isNull()) {
        if (!schema.defaultValue().isNull() && m_settings.replaceNullWithDefault)
            return schema.defaultValue();
        if (schema.isOptional())
            return Value();
        throw DataException(QStringLiteral("Invalid null value for required %1 field")
                                .arg(Schema::typeEnumName(schema.type())));
    }

    const QString name = schema.name();
    if (!name.isEmpty()) {
        bool handled = false;
        Value logical = readLogical(schema, name, json, &handled);
        if (handled)
            return logical;
    }

    switch (schema.type()) {
    case SchemaType::Boolean:
        if (!json.isBool())
            wrongJsonType(schema, "boolean", json);
        return Value(json.toBool());
    case SchemaType::Int8:
        if (!json.isNumber())
            wrongJsonType(schema, "number", json);
        return Value::int8(qint8(intValue(json)));
    case SchemaType::Int16:
        if (!json.isNumber())
            wrongJsonType(schema, "number", json);
        return Value::int16(qint16(intValue(json)));
    case SchemaType::Int32:
        if (!json.isNumber())
            wrongJsonType(schema, "number", json);
        return Value::int32(intValue(json));
    case SchemaType::Int64:
        if (!json.isNumber())
            wrongJsonType(schema, "number", json);
        return Value::int64(longValue(json));
    case SchemaType::Float32:
        if (json.isNumber()) {
            if (json.isInt64())
                return Value::float32(float(json.toInt64()));
            if (json.isDouble())
                return Value::float32(float(json.toDouble()));
            return Value::float32(JsonNumbers::parseFloat(json.numberText()));
        }
        if (const auto special = nonFinite(json))
            return Value::float32(float(*special));
        wrongJsonType(schema, "number", json);
    case SchemaType::Float64:
        if (json.isNumber())
            return Value::float64(json.toDouble());
        if (const auto special = nonFinite(json))
            return Value::float64(*special);
        wrongJsonType(schema, "number", json);
    case SchemaType::String:
        if (!json.isString())
            wrongJsonType(schema, "string", json);
        return Value(json.toString());
    case SchemaType::Bytes: {
        if (!json.isString())
            wrongJsonType(schema, "string", json);
        QByteArray bytes;
        if (!decodeBase64(json.toString(), &bytes)) {
            throw DataException(QStringLiteral("Invalid bytes field"),
                                Api::IllegalArgumentException(
                                    QStringLiteral("Illegal base64 character or padding")));
        }
        return Value(bytes);
    }
    case SchemaType::Array: {
        if (!json.isArray()) {
            throw DataException(QStringLiteral("Arrays should be encoded as JSON arrays, but "
                                               "found ")
                                + json.typeName());
        }
        const Schema elementSchema = schema.valueSchema();
        Api::ValueList list;
        list.reserve(json.toArray().size());
        for (const JsonValue &element : json.toArray())
            list.push_back(readValue(elementSchema, element));
        return Value(std::move(list));
    }
    case SchemaType::Map:
        return readMap(schema, json);
    case SchemaType::Struct:
        return readStruct(schema, json);
    }
    return Value();
}

Value JsonDecoder::readSchemaless(const JsonValue &json) const
{
    switch (json.type()) {
    case JsonValue::Type::Null:
        return Value();
    case JsonValue::Type::Bool:
        return Value(json.toBool());
    case JsonValue::Type::Number:
        if (json.isIntegral())
            return Value::int64(longValue(json));
        return Value::float64(json.toDouble());
    case JsonValue::Type::String:
        return Value(json.toString());
    case JsonValue::Type::Array: {
        Api::ValueList list;
        list.reserve(json.toArray().size());
        for (const JsonValue &element : json.toArray())
            list.push_back(readSchemaless(element));
        return Value(std::move(list));
    }
    case JsonValue::Type::Object: {
        Api::ValueMap map;
        map.reserve(json.toObject().size());
        for (const JsonValue::Member &member : json.toObject())
            map.emplace_back(Value(member.first), readSchemaless(member.second));
        return Value(std::move(map));
    }
    }
    return Value();
}

Value JsonDecoder::readMap(const Schema &schema, const JsonValue &json) const
{
    const Schema keySchema = schema.keySchema();
    const Schema valueSchema = schema.valueSchema();
    Api::ValueMap map;
    // String keys are a JSON object; other key types an array of [key, value] pairs.
    if (keySchema.type() == SchemaType::String) {
        if (!json.isObject()) {
            throw DataException(QStringLiteral("Maps with string fields should be encoded as JSON "
                                               "objects, but found ")
                                + json.typeName());
        }
        map.reserve(json.toObject().size());
        for (const JsonValue::Member &member : json.toObject())
            map.emplace_back(Value(member.first), readValue(valueSchema, member.second));
        return Value(std::move(map));
    }

    if (!json.isArray()) {
        throw DataException(QStringLiteral("Maps with non-string fields should be encoded as JSON "
                                           "array of tuples, but found ")
                            + json.typeName());
    }
    map.reserve(json.toArray().size());
    for (const JsonValue &entry : json.toArray()) {
        if (!entry.isArray()) {
            throw DataException(QStringLiteral("Found invalid map entry instead of array tuple: ")
                                + entry.typeName());
        }
        if (entry.size() != 2) {
            throw DataException(QStringLiteral("Found invalid map entry, expected length 2 but "
                                               "found :%1")
                                    .arg(entry.size()));
        }
        Value key = readValue(keySchema, entry.at(0));
        Value value = readValue(valueSchema, entry.at(1));
        // A Java HashMap keeps one entry per key: a repeated key replaces the earlier value.
        auto existing = std::find_if(map.begin(), map.end(),
                                     [&key](const auto &e) { return e.first == key; });
        if (existing != map.end())
            existing->second = std::move(value);
        else
            map.emplace_back(std::move(key), std::move(value));
    }
    return Value(std::move(map));
}

Value JsonDecoder::readStruct(const Schema &schema, const JsonValue &json) const
{
    if (!json.isObject()) {
        throw DataException(QStringLiteral("Structs should be encoded as JSON objects, but found ")
                            + json.typeName());
    }
    auto result = Api::Struct::create(schema);
    for (const Api::Field &field : schema.fields())
        result->put(field, readValue(field.schema(), json[field.name()]));
    return Value(std::move(result));
}

Value JsonDecoder::readLogical(const Schema &schema, const QString &name, const JsonValue &json,
                               bool *handled) const
{
    *handled = true;
    if (name == QLatin1StringView(Api::Logical::DecimalName)) {
        if (json.isNumber()) {
            if (json.isInt64())
                return Value(Api::Decimal::fromInt64(json.toInt64(), 0));
            bool ok = false;
            const Api::Decimal d = Api::Decimal::fromString(QString::fromLatin1(json.numberText()),
                                                            &ok);
            if (!ok) {
                throw DataException(QStringLiteral("Invalid type for Decimal, underlying "
                                                   "representation should be numeric or bytes "
                                                   "but was NUMBER"));
            }
            return Value(d);
        }
        if (json.isString()) {
            QByteArray bytes;
            const bool decoded = decodeBase64(json.toString(), &bytes);
            if (!decoded || bytes.isEmpty()) {
                // What Java's base64 decoder or `new BigInteger(byte[])` would complain about.
                const QString cause = decoded
                                          ? QStringLiteral("Zero length BigInteger")
                                          : QStringLiteral("Illegal base64 character or padding");
                throw DataException(QStringLiteral("Invalid bytes for Decimal field"),
                                    Api::IllegalArgumentException(cause));
            }
            try {
                return Value(
                    Api::Decimal::fromUnscaledBytes(bytes, Api::Logical::decimalScale(schema)));
            } catch (const Api::DataException &e) {
                throw DataException(QStringLiteral("Invalid bytes for Decimal field"), e);
            }
        }
        throw DataException(QStringLiteral("Invalid type for Decimal, underlying representation "
                                           "should be numeric or bytes but was ")
                            + json.typeName());
    }
    if (name == QLatin1StringView(Api::Logical::DateName)) {
        if (!json.isInt32()) {
            throw DataException(QStringLiteral("Invalid type for Date, underlying representation "
                                               "should be integer but was ")
                                + json.typeName());
        }
        return Value(Api::Instant{json.toInt64() * MillisPerDay});
    }
    if (name == QLatin1StringView(Api::Logical::TimeName)) {
        if (!json.isInt32()) {
            throw DataException(QStringLiteral("Invalid type for Time, underlying representation "
                                               "should be integer but was ")
                                + json.typeName());
        }
        const qint64 ms = json.toInt64();
        if (ms < 0 || ms > MillisPerDay) {
            throw DataException(QStringLiteral("Time values must use number of milliseconds "
                                               "greater than 0 and less than 86400000"));
        }
        return Value(Api::Instant{ms});
    }
    if (name == QLatin1StringView(Api::Logical::TimestampName)) {
        if (!json.isIntegral()) {
            throw DataException(QStringLiteral("Invalid type for Timestamp, underlying "
                                               "representation should be integral but was ")
                                + json.typeName());
        }
        return Value(Api::Instant{longValue(json)});
    }
    *handled = false;
    return Value();
}

Schema JsonDecoder::readSchema(const JsonValue &json) const
{
    if (json.isNull())
        return Schema();

    const JsonValue &typeNode = json[QLatin1StringView("type")];
    if (!typeNode.isString())
        throw DataException(QStringLiteral("Schema must contain 'type' field"));
    const QString &typeName = typeNode.toString();
    const std::optional<SchemaType> type = schemaTypeFromJsonName(typeName);
    if (!type)
        throw DataException(QStringLiteral("Unknown schema type: ") + typeName);

    std::optional<SchemaBuilder> builder;
    switch (*type) {
    case SchemaType::Array: {
        const JsonValue *items = json.find(u"items");
        if (!items || items->isNull())
            throw DataException(QStringLiteral("Array schema did not specify the element type"));
        builder = SchemaBuilder::array(readSchema(*items));
        break;
    }
    case SchemaType::Map: {
        const JsonValue *keys = json.find(u"keys");
        if (!keys)
            throw DataException(QStringLiteral("Map schema did not specify the key type"));
        const JsonValue *values = json.find(u"values");
        if (!values)
            throw DataException(QStringLiteral("Map schema did not specify the value type"));
        builder = SchemaBuilder::map(readSchema(*keys), readSchema(*values));
        break;
    }
    case SchemaType::Struct: {
        builder = SchemaBuilder::structBuilder();
        const JsonValue *fields = json.find(u"fields");
        if (!fields || !fields->isArray()) {
            throw DataException(
                QStringLiteral("Struct schema's \"fields\" argument is not an array."));
        }
        for (const JsonValue &field : fields->toArray()) {
            const JsonValue &fieldName = field[QLatin1StringView("field")];
            if (!fieldName.isString()) {
                throw DataException(
                    QStringLiteral("Struct schema's field name not specified properly"));
            }
            builder->field(fieldName.toString(), readSchema(field));
        }
        break;
    }
    default:
        builder.emplace(*type);
        break;
    }

    const JsonValue &optional = json[QLatin1StringView("optional")];
    if (optional.isBool() && optional.toBool())
        builder->optional();
    else
        builder->required();

    const JsonValue &name = json[QLatin1StringView("name")];
    if (name.isString())
        builder->name(name.toString());

    const JsonValue &version = json[QLatin1StringView("version")];
    if (version.isIntegral())
        builder->version(intValue(version));

    const JsonValue &doc = json[QLatin1StringView("doc")];
    if (doc.isString())
        builder->doc(doc.toString());

    const JsonValue &parameters = json[QLatin1StringView("parameters")];
    if (parameters.isObject()) {
        for (const JsonValue::Member &member : parameters.toObject()) {
            if (!member.second.isString())
                throw DataException(QStringLiteral("Schema parameters must have string values."));
            builder->parameter(member.first, member.second.toString());
        }
    }

    if (const JsonValue *defaultNode = json.find(u"default")) {
        // Converted against the schema built so far, so logical types apply to the default.
        const Value defaultValue = readValue(builder->build(), *defaultNode);
        if (!defaultValue.isNull())
            builder->defaultValue(defaultValue);
    }
    return builder->build();
}

} // namespace ConnectDesk::Converters::Internal
