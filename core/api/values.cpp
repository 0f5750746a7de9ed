// SPDX-License-Identifier: Apache-2.0
#include "values.h"

#include "exceptions.h"
#include "javaformat_p.h"
#include "schema_p.h"
#include "struct.h"
#include "values_p.h"

#include <cmath>
#include <limits>

namespace ConnectDesk::Api::Values {

namespace {

constexpr qint64 MillisPerDay = 24LL * 60 * 60 * 1000;

[[noreturn]] void unableToConvert(const Value &value, const QString &target)
{
    throw DataException(QStringLiteral("Unable to convert %1 (%2) to %3")
                            .arg(value.toJavaString(), Api::Internal::javaClassDescription(value),
                                 target));
}

[[noreturn]] void nullNotAllowed()
{
    throw DataException(
        QStringLiteral("Unable to convert a null value to a schema that requires a value"));
}

/** Java's `BigDecimal.longValue()`: the integer part, then its low 64 bits. */
qint64 decimalLongValue(const Decimal &d)
{
    Decimal integral = d;
    if (d.scale() > 0) {
        const QString plain = d.toPlainString();
        const qsizetype point = plain.indexOf(QLatin1Char('.'));
        integral = Decimal::fromString(point < 0 ? plain : plain.left(point));
    } else if (d.scale() < 0) {
        // Beyond 10^64 every low 64-bit pattern is a multiple of 2^64 → 0.
        if (-qint64(d.scale()) > 64)
            return 0;
        integral = d.withScale(0);
    }
    const QByteArray bytes = integral.unscaledBytes();
    quint64 v = (quint8(bytes.at(0)) & 0x80) ? ~quint64(0) : 0;
    for (qsizetype i = std::max<qsizetype>(0, bytes.size() - 8); i < bytes.size(); ++i)
        v = (v << 8) | quint8(bytes.at(i));
    return qint64(v);
}

/** Java's `(long) double`: truncation, saturation, NaN → 0. */
qint64 doubleToLong(double v)
{
    if (std::isnan(v))
        return 0;
    if (v >= 9223372036854775807.0)
        return std::numeric_limits<qint64>::max();
    if (v <= -9223372036854775808.0)
        return std::numeric_limits<qint64>::min();
    return qint64(v);
}

qint64 asLong(const Value &value, const Schema &fromSchema)
{
    switch (value.kind()) {
    case Value::Kind::Int8:
    case Value::Kind::Int16:
    case Value::Kind::Int32:
    case Value::Kind::Int64:
        return value.integerValue();
    case Value::Kind::Float32:
    case Value::Kind::Float64:
        return doubleToLong(value.numberValue());
    case Value::Kind::Decimal:
        return decimalLongValue(value.toDecimal());
    case Value::Kind::String: {
        bool ok = false;
        const Decimal d = Decimal::fromString(value.toString(), &ok);
        if (ok)
            return decimalLongValue(d);
        break; // like Java's NumberFormatException: fall through to the schema checks
    }
    default:
        break;
    }
    if (!fromSchema.isNull()) {
        if (value.kind() == Value::Kind::Instant) {
            const qint64 ms = value.toInstant().epochMs;
            if (Logical::isDate(fromSchema)) {
                if (ms % MillisPerDay != 0) {
                    throw DataException(QStringLiteral("Kafka Connect Date type should not have "
                                                       "any time fields set to non-zero values."));
                }
                return qint32(ms / MillisPerDay);
            }
            if (Logical::isTime(fromSchema)) {
                if (ms < 0 || ms > MillisPerDay) {
                    throw DataException(QStringLiteral("Kafka Connect Time type should not have "
                                                       "any date fields set to non-zero values."));
                }
                return ms;
            }
            if (Logical::isTimestamp(fromSchema))
                return ms;
        }
        unableToConvert(value, fromSchema.toString());
    }
    unableToConvert(value, QStringLiteral("a number"));
}

double asDouble(const Value &value, const Schema &fromSchema)
{
    switch (value.kind()) {
    case Value::Kind::Int8:
    case Value::Kind::Int16:
    case Value::Kind::Int32:
    case Value::Kind::Int64:
    case Value::Kind::Float32:
    case Value::Kind::Float64:
        return value.numberValue();
    case Value::Kind::Decimal:
        return value.toDecimal().toDouble();
    case Value::Kind::String: {
        bool ok = false;
        const Decimal d = Decimal::fromString(value.toString(), &ok);
        if (ok)
            return d.toDouble();
        break;
    }
    default:
        break;
    }
    return double(asLong(value, fromSchema));
}

QString escape(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return out;
}

void append(QString &out, const Value &value, bool embedded)
{
    switch (value.kind()) {
    case Value::Kind::String:
        if (embedded)
            out += QLatin1Char('"') + escape(value.toString()) + QLatin1Char('"');
        else
            out += value.toString();
        return;
    case Value::Kind::Bytes: {
        const QString base64 = QString::fromLatin1(value.toBytes().toBase64());
        out += embedded ? QLatin1Char('"') + base64 + QLatin1Char('"') : base64;
        return;
    }
    case Value::Kind::Array: {
        out += QLatin1Char('[');
        bool first = true;
        for (const Value &v : value.toList()) {
            if (!first)
                out += QLatin1Char(',');
            first = false;
            append(out, v, true);
        }
        out += QLatin1Char(']');
        return;
    }
    case Value::Kind::Map: {
        out += QLatin1Char('{');
        bool first = true;
        for (const auto &[k, v] : value.toMap()) {
            if (!first)
                out += QLatin1Char(',');
            first = false;
            append(out, k, true);
            out += QLatin1Char(':');
            append(out, v, true);
        }
        out += QLatin1Char('}');
        return;
    }
    case Value::Kind::Struct: {
        const Struct &s = *value.toStruct();
        out += QLatin1Char('{');
        bool first = true;
        for (const Field &field : s.schema().fields()) {
            if (!first)
                out += QLatin1Char(',');
            first = false;
            append(out, Value(field.name()), true);
            out += QLatin1Char(':');
            append(out, s.get(field), true);
        }
        out += QLatin1Char('}');
        return;
    }
    case Value::Kind::Instant:
        out += Api::Internal::isoFormatForValues(value.toInstant().epochMs);
        return;
    default:
        // null, booleans and numbers (Decimal included) print as Java's toString().
        out += value.toJavaString();
        return;
    }
}

Instant dateToLogical(const Schema &toSchema, qint32 days)
{
    if (!Logical::isDate(toSchema)) {
        throw DataException(
            QStringLiteral("Requested conversion of Date object but the schema does not match."));
    }
    return Instant{qint64(days) * MillisPerDay};
}

Instant timeToLogical(const Schema &toSchema, qint32 ms)
{
    if (!Logical::isTime(toSchema)) {
        throw DataException(
            QStringLiteral("Requested conversion of Date object but the schema does not match."));
    }
    if (ms < 0 || ms > MillisPerDay) {
        throw DataException(QStringLiteral("Time values must use number of milliseconds greater "
                                           "than 0 and less than 86400000"));
    }
    return Instant{ms};
}

Value parsedIfString(const Value &value)
{
    return value.kind() == Value::Kind::String ? parseString(value.toString()).value : value;
}

Instant toDate(const Schema &toSchema, const Schema &fromSchema, const Value &input)
{
    const Value value = parsedIfString(input);
    if (value.kind() == Value::Kind::Instant) {
        if (fromSchema.isNull() || Logical::isDate(fromSchema))
            return value.toInstant();
        if (Logical::isTimestamp(fromSchema)) {
            // Truncates towards zero, as Kafka does.
            return dateToLogical(toSchema, qint32(value.toInstant().epochMs / MillisPerDay));
        }
    }
    return dateToLogical(toSchema, qint32(asLong(value, fromSchema)));
}

Instant toTime(const Schema &toSchema, const Schema &fromSchema, const Value &input)
{
    const Value value = parsedIfString(input);
    if (value.kind() == Value::Kind::Instant) {
        if (fromSchema.isNull() || Logical::isTime(fromSchema))
            return value.toInstant();
        if (Logical::isTimestamp(fromSchema)) {
            qint64 ms = value.toInstant().epochMs % MillisPerDay;
            if (ms < 0)
                ms += MillisPerDay;
            return timeToLogical(toSchema, qint32(ms));
        }
    }
    return timeToLogical(toSchema, qint32(asLong(value, fromSchema)));
}

Instant toTimestamp(const Schema &toSchema, const Schema &fromSchema, const Value &input)
{
    if (!Logical::isTimestamp(toSchema)) {
        throw DataException(QStringLiteral(
            "Requested conversion of Timestamp object but the schema does not match."));
    }
    const Value value = parsedIfString(input);
    if (value.kind() == Value::Kind::Instant) {
        if (fromSchema.isNull() || Logical::isTimestamp(fromSchema))
            return value.toInstant();
        if (Logical::isDate(fromSchema)) // asLong() checks midnight and gives days
            return Instant{asLong(value, fromSchema) * MillisPerDay};
    }
    return Instant{asLong(value, fromSchema)};
}

Decimal toDecimal(const Schema &toSchema, const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::Bytes:
        return Decimal::fromUnscaledBytes(value.toBytes(), Logical::decimalScale(toSchema));
    case Value::Kind::Decimal:
        return value.toDecimal();
    case Value::Kind::String: {
        bool ok = false;
        const Decimal d = Decimal::fromString(value.toString(), &ok);
        if (!ok)
            unableToConvert(value, toSchema.toString());
        return d;
    }
    default:
        if (value.isNumber())
            return Decimal::fromDouble(value.numberValue());
        unableToConvert(value, toSchema.toString());
    }
}

QByteArray toBytes(const Schema &toSchema, const Value &value)
{
    if (value.kind() == Value::Kind::Bytes)
        return value.toBytes();
    if (value.kind() == Value::Kind::Decimal) {
        const int schemaScale = Logical::decimalScale(toSchema);
        if (value.toDecimal().scale() != schemaScale) {
            throw DataException(
                QStringLiteral("Decimal value has mismatching scale for given Decimal schema. "
                               "Schema has scale %1, value has scale %2.")
                    .arg(QString::number(schemaScale),
                         QString::number(value.toDecimal().scale())));
        }
        return value.toDecimal().unscaledBytes();
    }
    unableToConvert(value, toSchema.toString());
}

Schema selectorSchema(SchemaType type)
{
    SchemaData data;
    data.type = type;
    return Api::Internal::makeSchema(std::move(data));
}

/** Values.SchemaDetector: one type for every non-null element, optional if any is null. */
class SchemaDetector
{
public:
    bool canDetect(const Value &value)
    {
        if (value.isNull()) {
            m_optional = true;
            return true;
        }
        const Schema schema = inferSchema(value);
        if (schema.isNull())
            return false;
        if (!m_type)
            m_type = schema.type();
        return *m_type == schema.type();
    }

    Schema schema() const
    {
        if (!m_type)
            return {};
        SchemaData data;
        data.type = *m_type;
        data.optional = m_optional;
        return Api::Internal::makeSchema(std::move(data));
    }

private:
    std::optional<SchemaType> m_type;
    bool m_optional = false;
};

} // namespace

namespace Internal {

Value convertTo(const Schema &toSchema, const Schema &fromSchema, const Value &value)
{
    if (value.isNull()) {
        if (toSchema.isOptional())
            return {};
        nullNotAllowed();
    }
    switch (toSchema.type()) {
    case SchemaType::Bytes:
        if (Logical::isDecimal(toSchema))
            return toDecimal(toSchema, value);
        return toBytes(toSchema, value);
    case SchemaType::String:
        return Values::convertToString(fromSchema, value);
    case SchemaType::Boolean:
        return *convertToBoolean(fromSchema, value);
    case SchemaType::Int8:
        return Value::int8(*convertToByte(fromSchema, value));
    case SchemaType::Int16:
        return Value::int16(*convertToShort(fromSchema, value));
    case SchemaType::Int32:
        if (Logical::isDate(toSchema))
            return toDate(toSchema, fromSchema, value);
        if (Logical::isTime(toSchema))
            return toTime(toSchema, fromSchema, value);
        return Value::int32(*convertToInteger(fromSchema, value));
    case SchemaType::Int64:
        if (Logical::isTimestamp(toSchema))
            return toTimestamp(toSchema, fromSchema, value);
        return Value::int64(*convertToLong(fromSchema, value));
    case SchemaType::Float32:
        return Value::float32(*convertToFloat(fromSchema, value));
    case SchemaType::Float64:
        return Value::float64(*convertToDouble(fromSchema, value));
    case SchemaType::Array: {
        const Value v = parsedIfString(value);
        if (v.kind() == Value::Kind::Array)
            return v;
        break;
    }
    case SchemaType::Map: {
        const Value v = parsedIfString(value);
        if (v.kind() == Value::Kind::Map)
            return v;
        break;
    }
    case SchemaType::Struct:
        if (value.kind() == Value::Kind::Struct)
            return value;
        break;
    }
    unableToConvert(value, toSchema.toString());
}

} // namespace Internal

QString convertToString(const Schema &schema, const Value &value)
{
    Q_UNUSED(schema);
    if (value.isNull())
        return {};
    QString out;
    append(out, value, false);
    return out;
}

Schema inferSchema(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::String:
        return Schema::string();
    case Value::Kind::Boolean:
        return Schema::boolean();
    case Value::Kind::Int8:
        return Schema::int8();
    case Value::Kind::Int16:
        return Schema::int16();
    case Value::Kind::Int32:
        return Schema::int32();
    case Value::Kind::Int64:
        return Schema::int64();
    case Value::Kind::Float32:
        return Schema::float32();
    case Value::Kind::Float64:
        return Schema::float64();
    case Value::Kind::Bytes:
        return Schema::bytes();
    case Value::Kind::Array: {
        if (value.toList().empty())
            return {};
        SchemaDetector detector;
        for (const Value &element : value.toList()) {
            if (!detector.canDetect(element))
                return {};
        }
        const Schema elementSchema = detector.schema();
        return elementSchema.isNull() ? Schema() : SchemaBuilder::array(elementSchema).build();
    }
    case Value::Kind::Map: {
        if (value.toMap().empty())
            return {};
        SchemaDetector keys;
        SchemaDetector values;
        for (const auto &[k, v] : value.toMap()) {
            if (!keys.canDetect(k) || !values.canDetect(v))
                return {};
        }
        if (keys.schema().isNull() || values.schema().isNull())
            return {};
        return SchemaBuilder::map(keys.schema(), values.schema()).build();
    }
    case Value::Kind::Struct:
        return value.toStruct()->schema();
    default:
        return {};
    }
}

std::optional<bool> convertToBoolean(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    if (value.kind() == Value::Kind::Boolean)
        return value.toBool();
    if (value.kind() == Value::Kind::String) {
        const SchemaAndValue parsed = parseString(value.toString());
        if (parsed.value.kind() == Value::Kind::Boolean)
            return parsed.value.toBool();
    }
    return asLong(value, schema) != 0;
}

std::optional<qint8> convertToByte(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    if (value.kind() == Value::Kind::Int8)
        return value.toInt8();
    return qint8(asLong(value, schema));
}

std::optional<qint16> convertToShort(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    if (value.kind() == Value::Kind::Int16)
        return value.toInt16();
    return qint16(asLong(value, schema));
}

std::optional<qint32> convertToInteger(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    if (value.kind() == Value::Kind::Int32)
        return value.toInt32();
    return qint32(asLong(value, schema));
}

std::optional<qint64> convertToLong(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    return asLong(value, schema);
}

std::optional<float> convertToFloat(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    if (value.kind() == Value::Kind::Float32)
        return value.toFloat32();
    return float(asDouble(value, schema));
}

std::optional<double> convertToDouble(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    return asDouble(value, schema);
}

std::optional<ValueList> convertToList(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    return Internal::convertTo(selectorSchema(SchemaType::Array), schema, value).toList();
}

std::optional<ValueMap> convertToMap(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    return Internal::convertTo(selectorSchema(SchemaType::Map), schema, value).toMap();
}

std::optional<Decimal> convertToDecimal(const Schema &schema, const Value &value, int scale)
{
    Q_UNUSED(schema);
    if (value.isNull())
        return std::nullopt;
    return toDecimal(Logical::decimalSchema(scale), value);
}

std::optional<Instant> convertToDate(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    return toDate(Logical::dateSchema(), schema, value);
}

std::optional<Instant> convertToTime(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    return toTime(Logical::timeSchema(), schema, value);
}

std::optional<Instant> convertToTimestamp(const Schema &schema, const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    return toTimestamp(Logical::timestampSchema(), schema, value);
}

} // namespace ConnectDesk::Api::Values
