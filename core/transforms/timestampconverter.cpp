// SPDX-License-Identifier: Apache-2.0
#include "timestampconverter.h"

#include "requirements.h"
#include "schemautil.h"
#include "transformkeys.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"

#include <limits>

namespace ConnectDesk::Transforms {

namespace {

using Kind = Api::Value::Kind;
using Type = TimestampConverter::Type;

const QString Purpose = QStringLiteral("converting timestamp formats");
constexpr char FieldConfig[] = "field";
constexpr char TargetTypeConfig[] = "target.type";
constexpr char FormatConfig[] = "format";
constexpr char UnixPrecisionConfig[] = "unix.precision";

const QString Seconds = QStringLiteral("seconds");
const QString Milliseconds = QStringLiteral("milliseconds");
const QString Microseconds = QStringLiteral("microseconds");
const QString Nanoseconds = QStringLiteral("nanoseconds");

constexpr qint64 MsPerDay = 86400000;

std::optional<Type> typeFromName(const QString &name)
{
    if (name == QLatin1String("string"))
        return Type::String;
    if (name == QLatin1String("unix"))
        return Type::Unix;
    if (name == QLatin1String("Date"))
        return Type::Date;
    if (name == QLatin1String("Time"))
        return Type::Time;
    if (name == QLatin1String("Timestamp"))
        return Type::Timestamp;
    return std::nullopt;
}

/** Utils.isBlank. */
bool isBlank(const QString &text)
{
    return text.isNull() || text.trimmed().isEmpty();
}

/** TimeUnit conversions to a finer unit saturate instead of overflowing. */
qint64 saturatingMultiply(qint64 value, qint64 factor)
{
    qint64 result;
    if (__builtin_mul_overflow(value, factor, &result))
        return value > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return result;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0)))
        --q;
    return q;
}

Api::Schema typeSchema(Type type, bool optional)
{
    switch (type) {
    case Type::String:
        return optional ? Api::Schema::optionalString() : Api::Schema::string();
    case Type::Unix:
        return optional ? Api::Schema::optionalInt64() : Api::Schema::int64();
    case Type::Date:
        return optional ? Api::Logical::dateBuilder().optional().build() : Api::Logical::dateSchema();
    case Type::Time:
        return optional ? Api::Logical::timeBuilder().optional().build() : Api::Logical::timeSchema();
    case Type::Timestamp:
        return optional ? Api::Logical::timestampBuilder().optional().build() : Api::Logical::timestampSchema();
    }
    return {};
}

Type timestampTypeFromSchema(const Api::Schema &schema)
{
    if (Api::Logical::isTimestamp(schema))
        return Type::Timestamp;
    if (Api::Logical::isDate(schema))
        return Type::Date;
    if (Api::Logical::isTime(schema))
        return Type::Time;
    if (schema.type() == Api::SchemaType::String)
        return Type::String;
    if (schema.type() == Api::SchemaType::Int64)
        return Type::Unix;
    throw Api::ConnectException(QStringLiteral("Schema %1 does not correspond to a known timestamp type format")
                                    .arg(schema.toString()));
}

Type inferTimestampType(const Api::Value &timestamp)
{
    switch (timestamp.kind()) {
    case Kind::Instant:
        return Type::Timestamp;
    case Kind::Int64:
        return Type::Unix;
    case Kind::String:
        return Type::String;
    default:
        throw Api::DataException(QStringLiteral("TimestampConverter does not support class %1 objects as timestamps")
                                     .arg(javaQualifiedClassName(timestamp)));
    }
}

} // namespace

Api::ConfigDef TimestampConverter::configDef()
{
    using CD = Api::ConfigDef;
    CD def;
    def.define(QString::fromLatin1(FieldConfig), CD::Type::String, QString(""), CD::Importance::High,
               QStringLiteral("Name of the field holding the timestamp; empty when the whole key or value is "
                              "the timestamp."));
    def.define({.name = QString::fromLatin1(TargetTypeConfig),
                .type = CD::Type::String,
                .defaultValue = std::nullopt,
                .validator = CD::validString({QStringLiteral("string"), QStringLiteral("unix"), QStringLiteral("Date"),
                                              QStringLiteral("Time"), QStringLiteral("Timestamp")}),
                .importance = CD::Importance::High,
                .documentation = QStringLiteral("What the timestamp becomes: string, unix, Date, Time or "
                                                "Timestamp.")});
    def.define(QString::fromLatin1(FormatConfig), CD::Type::String, QString(""), CD::Importance::Medium,
               QStringLiteral("A java.text.SimpleDateFormat pattern, applied in UTC: the output text when the "
                              "target type is string, and how text timestamps are read."));
    def.define({.name = QString::fromLatin1(UnixPrecisionConfig),
                .type = CD::Type::String,
                .defaultValue = Milliseconds,
                .validator = CD::validString({Nanoseconds, Microseconds, Milliseconds, Seconds}),
                .importance = CD::Importance::Low,
                .documentation = QStringLiteral("Unit of Unix timestamps, both written (target type unix) and "
                                                "read (64-bit integers): seconds, milliseconds, microseconds or "
                                                "nanoseconds. Anything finer than a millisecond is lost.")});
    def.define(replaceNullWithDefaultKey());
    return def;
}

Api::ConfigDef TimestampConverter::config() const
{
    return configDef();
}

void TimestampConverter::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(configDef(), configs);
    m_field = config.getString(QString::fromLatin1(FieldConfig));
    if (m_field.isNull())
        m_field = QString(""); // Java would fail on a null field later; treat it as "whole value"
    m_targetType = *typeFromName(config.getString(QString::fromLatin1(TargetTypeConfig)));
    const QString pattern = config.getString(QString::fromLatin1(FormatConfig));
    m_unixPrecision = config.getString(QString::fromLatin1(UnixPrecisionConfig));
    m_replaceNullWithDefault = config.getBoolean(QString::fromLatin1(ReplaceNullWithDefault));
    m_schemaCache = SchemaCache();

    if (m_targetType == Type::String && isBlank(pattern))
        throw Api::ConfigException(
            QStringLiteral("TimestampConverter requires format option to be specified when using string timestamps"));
    m_format.reset();
    if (!isBlank(pattern)) {
        try {
            m_format.emplace(pattern);
        } catch (const Api::IllegalArgumentException &) {
            throw Api::ConfigException(
                QStringLiteral("TimestampConverter requires a SimpleDateFormat-compatible pattern for string "
                               "timestamps: ")
                + pattern);
        }
    }
}

bool TimestampConverter::apply(Api::ConnectRecord &record)
{
    const Api::Schema schema = operatingSchema(record, m_side);
    const Api::Value value = operatingValue(record, m_side);
    if (schema.isNull()) {
        if (value.isNull() || m_field.isEmpty()) {
            setOperating(record, m_side, {}, convert(value, std::nullopt));
            return true;
        }
        Api::ValueMap updated = requireMap(value, Purpose);
        auto it = std::find_if(updated.begin(), updated.end(), [&](const auto &entry) {
            return entry.first.kind() == Kind::String && entry.first.toString() == m_field;
        });
        // HashMap.put: a missing field is added, with null.
        const Api::Value converted = convert(it == updated.end() ? Api::Value() : it->second, std::nullopt);
        if (it == updated.end())
            updated.emplace_back(Api::Value(m_field), converted);
        else
            it->second = converted;
        setOperating(record, m_side, {}, Api::Value(std::move(updated)));
        return true;
    }

    if (m_field.isEmpty()) {
        const Type sourceType = timestampTypeFromSchema(schema);
        setOperating(record, m_side, typeSchema(m_targetType, schema.isOptional()), convert(value, sourceType));
        return true;
    }
    const Api::StructPtr *original = requireStructOrNull(value, Purpose);
    const Api::Schema updatedSchema = updatedStructSchema(schema);
    const Api::StructPtr updated = original ? convertStruct(*original, updatedSchema) : Api::StructPtr();
    setOperating(record, m_side, updatedSchema, updated ? Api::Value(updated) : Api::Value());
    return true;
}

Api::Schema TimestampConverter::updatedStructSchema(const Api::Schema &schema)
{
    Api::Schema cached = m_schemaCache.get(schema);
    if (!cached.isNull())
        return cached;
    Api::SchemaBuilder builder = Api::SchemaBuilder::structBuilder();
    copySchemaBasics(schema, builder);
    for (const Api::Field &field : schema.fields()) {
        if (field.name() == m_field)
            builder.field(field.name(), typeSchema(m_targetType, field.schema().isOptional()));
        else
            builder.field(field.name(), field.schema());
    }
    if (schema.isOptional())
        builder.optional();
    const Api::Value &defaultValue = schema.defaultValue();
    if (defaultValue.kind() == Kind::Struct) {
        // The default is converted against the schema as built so far, as Kafka does.
        builder.defaultValue(Api::Value(convertStruct(defaultValue.toStruct(), builder.build())));
    }
    const Api::Schema updated = builder.build();
    m_schemaCache.put(schema, updated);
    return updated;
}

Api::StructPtr TimestampConverter::convertStruct(const Api::StructPtr &value, const Api::Schema &updatedSchema) const
{
    if (!value)
        return {};
    auto updated = Api::Struct::create(updatedSchema);
    for (const Api::Field &field : value->schema().fields()) {
        const Api::Value fieldValue = Transforms::fieldValue(*value, field, m_replaceNullWithDefault);
        if (field.name() == m_field)
            updated->put(field.name(), convert(fieldValue, timestampTypeFromSchema(field.schema())));
        else
            updated->put(field.name(), fieldValue);
    }
    return updated;
}

Api::Value TimestampConverter::convert(const Api::Value &timestamp, std::optional<Type> sourceType) const
{
    if (timestamp.isNull())
        return {};
    const Type source = sourceType ? *sourceType : inferTimestampType(timestamp);
    return toType(m_targetType, toRaw(source, timestamp));
}

qint64 TimestampConverter::toRaw(Type type, const Api::Value &value) const
{
    const QString found = QStringLiteral("class ") + javaQualifiedClassName(value);
    switch (type) {
    case Type::String: {
        if (value.kind() != Kind::String)
            throw Api::DataException(QStringLiteral("Expected string timestamp to be a String, but found ") + found);
        if (!m_format) // Java fails with a NullPointerException here
            throw Api::DataException(QStringLiteral("TimestampConverter requires format option to be specified "
                                                    "when using string timestamps"));
        const auto parsed = m_format->parse(value.toString());
        if (!parsed)
            throw Api::DataException(QStringLiteral("Could not parse timestamp: value (%1) does not match pattern (%2)")
                                         .arg(value.toString(), m_format->pattern()));
        return *parsed;
    }
    case Type::Unix: {
        if (value.kind() != Kind::Int64)
            throw Api::DataException(QStringLiteral("Expected Unix timestamp to be a Long, but found ") + found);
        const qint64 unixTime = value.toInt64();
        if (m_unixPrecision == Seconds)
            return saturatingMultiply(unixTime, 1000);
        if (m_unixPrecision == Microseconds)
            return unixTime / 1000;
        if (m_unixPrecision == Nanoseconds)
            return unixTime / 1000000;
        return unixTime;
    }
    case Type::Date:
    case Type::Time:
    case Type::Timestamp: {
        if (value.kind() != Kind::Instant) {
            const QString name = type == Type::Date ? QStringLiteral("Date")
                                 : type == Type::Time ? QStringLiteral("Time")
                                                      : QStringLiteral("Timestamp");
            throw Api::DataException(QStringLiteral("Expected %1 to be a java.util.Date, but found %2").arg(name, found));
        }
        return value.toInstant().epochMs;
    }
    }
    return 0;
}

Api::Value TimestampConverter::toType(Type type, qint64 epochMs) const
{
    switch (type) {
    case Type::String:
        return Api::Value(m_format->format(epochMs));
    case Type::Unix:
        if (m_unixPrecision == Seconds)
            return Api::Value::int64(epochMs / 1000);
        if (m_unixPrecision == Microseconds)
            return Api::Value::int64(saturatingMultiply(epochMs, 1000));
        if (m_unixPrecision == Nanoseconds)
            return Api::Value::int64(saturatingMultiply(epochMs, 1000000));
        return Api::Value::int64(epochMs);
    case Type::Date:
        return Api::Value(Api::Instant{floorDiv(epochMs, MsPerDay) * MsPerDay});
    case Type::Time:
        return Api::Value(Api::Instant{epochMs - floorDiv(epochMs, MsPerDay) * MsPerDay});
    case Type::Timestamp:
        return Api::Value(Api::Instant{epochMs});
    }
    return {};
}

} // namespace ConnectDesk::Transforms
