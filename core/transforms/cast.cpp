// SPDX-License-Identifier: Apache-2.0
#include "cast.h"

#include "javanumbers.h"
#include "requirements.h"
#include "schemautil.h"
#include "transformkeys.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/api/values.h"

namespace ConnectDesk::Transforms {

namespace {

using Api::SchemaType;
using Api::Value;
using Kind = Api::Value::Kind;

const QString Purpose = QStringLiteral("cast types");
constexpr char SpecConfig[] = "spec";

const QList<SchemaType> InputTypes = {SchemaType::Int8,    SchemaType::Int16,   SchemaType::Int32,
                                      SchemaType::Int64,   SchemaType::Float32, SchemaType::Float64,
                                      SchemaType::Boolean, SchemaType::String,  SchemaType::Bytes};
const QList<SchemaType> OutputTypes = InputTypes.mid(0, InputTypes.size() - 1);

/** Java's `EnumSet.toString()`: "[INT8, INT16, ...]". */
QString typeSetText(const QList<SchemaType> &types)
{
    QStringList names;
    for (SchemaType t : types)
        names.append(Api::Schema::typeEnumName(t));
    return QLatin1Char('[') + names.join(QLatin1String(", ")) + QLatin1Char(']');
}

/** `String.split(":")`: trailing empty parts are dropped. */
QStringList javaSplitOnColon(const QString &text)
{
    if (text.isEmpty())
        return {text};
    QStringList parts = text.split(QLatin1Char(':'));
    while (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    return parts;
}

/** `Schema.Type.valueOf(name.toUpperCase(Locale.ROOT))`. */
std::optional<SchemaType> typeFromEnumName(const QString &name)
{
    const QString upper = name.toUpper();
    for (int t = int(SchemaType::Int8); t <= int(SchemaType::Struct); ++t) {
        if (Api::Schema::typeEnumName(SchemaType(t)) == upper)
            return SchemaType(t);
    }
    return std::nullopt;
}

SchemaType validOutputType(SchemaType type)
{
    if (!OutputTypes.contains(type))
        throw Api::ConfigException(QStringLiteral("Cast transformation does not support casting to %1; supported types are %2")
                                       .arg(Api::Schema::typeEnumName(type), typeSetText(OutputTypes)));
    return type;
}

SchemaType parseCastType(const QString &text)
{
    const QString trimmed = JavaNumbers::javaTrim(text);
    const auto type = typeFromEnumName(trimmed);
    if (!type)
        throw Api::ConfigException(QStringLiteral("Invalid type found in casting spec: ") + trimmed);
    return validOutputType(*type);
}

struct ParsedSpec
{
    QList<QPair<QString, SchemaType>> fields;
    std::optional<SchemaType> wholeValue;
};

ParsedSpec parseFieldTypes(const QStringList &mappings)
{
    ParsedSpec spec;
    for (const QString &mapping : mappings) {
        const QStringList parts = javaSplitOnColon(mapping);
        if (parts.size() > 2) {
            // Kafka reports this under ReplaceField's key name; kept for identical messages.
            throw Api::ConfigException(QStringLiteral("renames"),
                                       QLatin1Char('[') + mappings.join(QLatin1String(", ")) + QLatin1Char(']'),
                                       QStringLiteral("Invalid rename mapping: ") + mapping);
        }
        if (parts.isEmpty()) // ":" alone; Java fails with an index error here
            throw Api::ConfigException(QStringLiteral("Invalid type found in casting spec: "));
        if (parts.size() == 1) {
            spec.wholeValue = parseCastType(parts.at(0));
            continue;
        }
        const QString field = JavaNumbers::javaTrim(parts.at(0));
        const SchemaType type = parseCastType(parts.at(1));
        auto it = std::find_if(spec.fields.begin(), spec.fields.end(), [&](const auto &p) { return p.first == field; });
        if (it != spec.fields.end())
            it->second = type;
        else
            spec.fields.append({field, type});
    }
    if (spec.wholeValue && mappings.size() > 1)
        throw Api::ConfigException(QStringLiteral("Cast transformations that specify a type to cast the entire value "
                                                  "to may only specify a single cast in their spec"));
    return spec;
}

/** `ConnectSchema.schemaType(value.getClass())`: none for BigDecimal and java.util.Date. */
std::optional<SchemaType> schemaTypeOf(const Value &value)
{
    switch (value.kind()) {
    case Kind::Boolean:
        return SchemaType::Boolean;
    case Kind::Int8:
        return SchemaType::Int8;
    case Kind::Int16:
        return SchemaType::Int16;
    case Kind::Int32:
        return SchemaType::Int32;
    case Kind::Int64:
        return SchemaType::Int64;
    case Kind::Float32:
        return SchemaType::Float32;
    case Kind::Float64:
        return SchemaType::Float64;
    case Kind::String:
        return SchemaType::String;
    case Kind::Bytes:
        return SchemaType::Bytes;
    case Kind::Array:
        return SchemaType::Array;
    case Kind::Map:
        return SchemaType::Map;
    case Kind::Struct:
        return SchemaType::Struct;
    default:
        return std::nullopt;
    }
}

[[noreturn]] void unexpectedType(const Value &value)
{
    throw Api::DataException(QStringLiteral("Unexpected type in Cast transformation: class ")
                             + javaQualifiedClassName(value));
}

/** The internal number of a Date, Time or Timestamp value (their `fromLogical`). */
Value encodeLogicalType(const Api::Schema &schema, const Value &value)
{
    if (value.kind() != Kind::Instant)
        return value;
    const qint64 ms = value.toInstant().epochMs;
    if (Api::Logical::isDate(schema)) {
        if (ms % 86400000 != 0)
            throw Api::DataException(
                QStringLiteral("Kafka Connect Date type should not have any time fields set to non-zero values."));
        return Value::int32(qint32(ms / 86400000));
    }
    if (Api::Logical::isTime(schema)) {
        if (ms < 0 || ms > 86400000)
            throw Api::DataException(
                QStringLiteral("Kafka Connect Time type should not have any date fields set to non-zero values."));
        return Value::int32(qint32(ms));
    }
    if (Api::Logical::isTimestamp(schema))
        return Value::int64(ms);
    return value;
}

bool isJavaNumber(const Value &v)
{
    return v.isNumber() || v.kind() == Kind::Decimal;
}

// Number.intValue(), longValue(), floatValue(), doubleValue() of each Java number class.
qint32 intValue(const Value &v)
{
    if (v.kind() == Kind::Float32 || v.kind() == Kind::Float64)
        return JavaNumbers::doubleToInt(v.numberValue());
    if (v.kind() == Kind::Decimal)
        return qint32(JavaNumbers::decimalToLong(v.toDecimal()));
    return qint32(v.integerValue());
}

qint64 longValue(const Value &v)
{
    if (v.kind() == Kind::Float32 || v.kind() == Kind::Float64)
        return JavaNumbers::doubleToLong(v.numberValue());
    if (v.kind() == Kind::Decimal)
        return JavaNumbers::decimalToLong(v.toDecimal());
    return v.integerValue();
}

float floatValue(const Value &v)
{
    switch (v.kind()) {
    case Kind::Float32:
        return v.toFloat32();
    case Kind::Float64:
        return float(v.toFloat64());
    case Kind::Decimal:
        return JavaNumbers::decimalToFloat(v.toDecimal());
    default:
        return float(v.integerValue());
    }
}

double doubleValue(const Value &v)
{
    switch (v.kind()) {
    case Kind::Float32:
    case Kind::Float64:
        return v.numberValue();
    case Kind::Decimal:
        return JavaNumbers::decimalToDouble(v.toDecimal());
    default:
        return double(v.integerValue());
    }
}

/** Thrown where Java's parsers throw NumberFormatException. */
struct NumberFormatError
{};

template<typename T>
T parsedOrThrow(const std::optional<T> &parsed)
{
    if (!parsed)
        throw NumberFormatError();
    return *parsed;
}

Value castTo(const Api::Schema &schema, const Value &value, SchemaType target)
{
    const bool number = isJavaNumber(value);
    const bool boolean = value.kind() == Kind::Boolean;
    const bool text = value.kind() == Kind::String;
    switch (target) {
    case SchemaType::Int8:
        if (number)
            return Value::int8(qint8(intValue(value)));
        if (boolean)
            return Value::int8(value.toBool() ? 1 : 0);
        if (text)
            return Value::int8(qint8(parsedOrThrow(JavaNumbers::parseInteger(value.toString(), -128, 127))));
        unexpectedType(value);
    case SchemaType::Int16:
        if (number)
            return Value::int16(qint16(intValue(value)));
        if (boolean)
            return Value::int16(value.toBool() ? 1 : 0);
        if (text)
            return Value::int16(qint16(parsedOrThrow(JavaNumbers::parseInteger(value.toString(), -32768, 32767))));
        unexpectedType(value);
    case SchemaType::Int32:
        if (number)
            return Value::int32(intValue(value));
        if (boolean)
            return Value::int32(value.toBool() ? 1 : 0);
        if (text)
            return Value::int32(qint32(parsedOrThrow(JavaNumbers::parseInteger(
                value.toString(), std::numeric_limits<qint32>::min(), std::numeric_limits<qint32>::max()))));
        unexpectedType(value);
    case SchemaType::Int64:
        if (number)
            return Value::int64(longValue(value));
        if (boolean)
            return Value::int64(value.toBool() ? 1 : 0);
        if (text)
            return Value::int64(parsedOrThrow(JavaNumbers::parseInteger(
                value.toString(), std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max())));
        unexpectedType(value);
    case SchemaType::Float32:
        if (number)
            return Value::float32(floatValue(value));
        if (boolean)
            return Value::float32(value.toBool() ? 1.f : 0.f);
        if (text)
            return Value::float32(parsedOrThrow(JavaNumbers::parseFloat(value.toString())));
        unexpectedType(value);
    case SchemaType::Float64:
        if (number)
            return Value::float64(doubleValue(value));
        if (boolean)
            return Value::float64(value.toBool() ? 1. : 0.);
        if (text)
            return Value::float64(parsedOrThrow(JavaNumbers::parseDouble(value.toString())));
        unexpectedType(value);
    case SchemaType::Boolean:
        if (number)
            return Value(longValue(value) != 0);
        if (boolean)
            return value;
        if (text)
            return Value(JavaNumbers::parseBoolean(value.toString()));
        unexpectedType(value);
    case SchemaType::String:
        if (value.kind() == Kind::Instant)
            return Value(Api::Values::convertToString(schema, value));
        if (value.kind() == Kind::Bytes)
            return Value(QString::fromLatin1(value.toBytes().toBase64()));
        return Value(value.toJavaString());
    default:
        throw Api::DataException(Api::Schema::typeEnumName(target)
                                 + QStringLiteral(" is not supported in the Cast transformation."));
    }
}

Value castValueToType(const Api::Schema &schema, const Value &original, SchemaType target)
{
    if (original.isNull())
        return {};
    const auto inferred = schema.isNull() ? schemaTypeOf(original) : std::optional(schema.type());
    if (!inferred)
        throw Api::DataException(QStringLiteral("Cast transformation was passed a value of type class %1 which is "
                                                "not supported by Connect's data API")
                                     .arg(javaQualifiedClassName(original)));
    if (!InputTypes.contains(*inferred))
        throw Api::DataException(QStringLiteral("Cast transformation does not support casting from %1; supported "
                                                "types are %2")
                                     .arg(Api::Schema::typeEnumName(*inferred), typeSetText(InputTypes)));
    Value value = original;
    if (!schema.isNull() && target != SchemaType::String)
        value = encodeLogicalType(schema, value);
    try {
        return castTo(schema, value, target);
    } catch (const NumberFormatError &) {
        throw Api::DataException(QStringLiteral("Value (%1) was out of range for requested data type")
                                     .arg(value.toJavaString()));
    }
}

} // namespace

Api::ConfigDef Cast::configDef()
{
    Api::ConfigDef def;
    def.define({.name = QString::fromLatin1(SpecConfig),
                .type = Api::ConfigDef::Type::List,
                .defaultValue = std::nullopt,
                .validator = Api::ConfigDef::lambda(
                    [](const QString &, const QVariant &value) {
                        const QStringList list = value.toStringList();
                        if (!value.isValid() || list.isEmpty())
                            throw Api::ConfigException(QStringLiteral("Must specify at least one field to cast."));
                        parseFieldTypes(list);
                    },
                    QStringLiteral("list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>")),
                .importance = Api::ConfigDef::Importance::High,
                .documentation = QStringLiteral(
                    "Either one type, to cast the whole key or value, or field:type pairs for top-level fields "
                    "of a Struct or Map. Types: int8, int16, int32, int64, float32, float64, boolean, string; "
                    "bytes can only become string (base64).")});
    def.define(replaceNullWithDefaultKey());
    return def;
}

Api::ConfigDef Cast::config() const
{
    return configDef();
}

void Cast::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(configDef(), configs);
    const ParsedSpec spec = parseFieldTypes(config.getList(QString::fromLatin1(SpecConfig)));
    m_casts = spec.fields;
    m_wholeValueCastType = spec.wholeValue;
    m_replaceNullWithDefault = config.getBoolean(QString::fromLatin1(ReplaceNullWithDefault));
    m_schemaCache = SchemaCache();
}

bool Cast::apply(Api::ConnectRecord &record)
{
    const Value &value = operatingValue(record, m_side);
    if (value.isNull())
        return true;
    const Api::Schema schema = operatingSchema(record, m_side);

    if (schema.isNull()) {
        if (m_wholeValueCastType) {
            setOperating(record, m_side, {}, castValueToType({}, value, *m_wholeValueCastType));
            return true;
        }
        Api::ValueMap updated = requireMap(value, Purpose);
        for (const auto &[field, type] : m_casts) {
            auto it = std::find_if(updated.begin(), updated.end(), [&](const auto &entry) {
                return entry.first.kind() == Kind::String && entry.first.toString() == field;
            });
            // Like Java's HashMap.put, a field missing from the map is added (with null).
            const Value cast = castValueToType({}, it == updated.end() ? Value() : it->second, type);
            if (it == updated.end())
                updated.emplace_back(Value(field), cast);
            else
                it->second = cast;
        }
        setOperating(record, m_side, {}, Value(std::move(updated)));
        return true;
    }

    const Api::Schema updatedSchema = this->updatedSchema(schema);
    if (m_wholeValueCastType) {
        setOperating(record, m_side, updatedSchema, castValueToType(schema, value, *m_wholeValueCastType));
        return true;
    }
    const Api::StructPtr &original = requireStruct(value, Purpose);
    auto updated = Api::Struct::create(updatedSchema);
    for (const Api::Field &field : original->schema().fields()) {
        const Value fieldValue = Transforms::fieldValue(*original, field, m_replaceNullWithDefault);
        auto it = std::find_if(m_casts.cbegin(), m_casts.cend(), [&](const auto &p) { return p.first == field.name(); });
        updated->put(updatedSchema.field(field.name()),
                     it != m_casts.cend() ? castValueToType(field.schema(), fieldValue, it->second) : fieldValue);
    }
    setOperating(record, m_side, updatedSchema, Value(updated));
    return true;
}

Api::Schema Cast::updatedSchema(const Api::Schema &valueSchema)
{
    Api::Schema cached = m_schemaCache.get(valueSchema);
    if (!cached.isNull())
        return cached;

    std::optional<Api::SchemaBuilder> builder;
    if (m_wholeValueCastType) {
        builder.emplace(*m_wholeValueCastType);
        copySchemaBasics(valueSchema, *builder);
    } else {
        builder.emplace(SchemaType::Struct);
        copySchemaBasics(valueSchema, *builder);
        for (const Api::Field &field : valueSchema.fields()) {
            auto it = std::find_if(m_casts.cbegin(), m_casts.cend(), [&](const auto &p) { return p.first == field.name(); });
            if (it == m_casts.cend()) {
                builder->field(field.name(), field.schema());
                continue;
            }
            Api::SchemaBuilder fieldBuilder(it->second);
            if (field.schema().isOptional())
                fieldBuilder.optional();
            if (!field.schema().defaultValue().isNull())
                fieldBuilder.defaultValue(castValueToType(field.schema(), field.schema().defaultValue(), it->second));
            builder->field(field.name(), fieldBuilder.build());
        }
    }
    if (valueSchema.isOptional())
        builder->optional();
    if (!valueSchema.defaultValue().isNull())
        builder->defaultValue(castValueToType(valueSchema, valueSchema.defaultValue(), builder->type()));

    const Api::Schema updated = builder->build();
    m_schemaCache.put(valueSchema, updated);
    return updated;
}

} // namespace ConnectDesk::Transforms
