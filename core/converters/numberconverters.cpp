// SPDX-License-Identifier: Apache-2.0
#include "numberconverters.h"

#include "builtinconverters.h"
#include "converterconfig.h"
#include "javatypes_p.h"
#include "serializationexception.h"

#include "core/api/exceptions.h"

#include <QtEndian>

#include <bit>
#include <cmath>

namespace ConnectDesk::Converters {

using Api::DataException;
using Api::Value;

namespace {

template<typename T>
QByteArray bigEndian(T value)
{
    QByteArray out(qsizetype(sizeof(T)), Qt::Uninitialized);
    qToBigEndian(value, out.data());
    return out;
}

template<typename T>
T fromBigEndian(const QByteArray &bytes)
{
    return qFromBigEndian<T>(bytes.constData());
}

} // namespace

// --- NumberConverter ---------------------------------------------------------------------------

NumberConverter::NumberConverter(const char *typeName, Value::Kind kind, int size)
    : m_typeName(typeName)
    , m_kind(kind)
    , m_size(size)
{}

QString NumberConverter::version() const
{
    return builtinConverterVersion();
}

Api::ConfigDef NumberConverter::config() const
{
    return configDef();
}

Api::ConfigDef NumberConverter::configDef()
{
    return ConverterConfig::newConfigDef();
}

void NumberConverter::configure(const Api::ConfigMap &configs, bool isKey)
{
    configure(ConverterConfig::withType(configs, isKey));
}

void NumberConverter::configure(const Api::ConfigMap &configs)
{
    // Validates converter.type, as Kafka's NumberConverterConfig does.
    const Api::AbstractConfig config(configDef(), configs);
    Q_UNUSED(config)
}

QByteArray NumberConverter::fromConnectData(const QString &topic, const Api::Headers &headers,
                                            const Api::Schema &schema, const Value &value)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    Q_UNUSED(schema)
    if (value.isNull())
        return QByteArray();
    if (value.kind() != m_kind) {
        const QString cls = Internal::javaClassText(value);
        throw DataException(QStringLiteral("Failed to serialize to %1 (was %2): ")
                                .arg(QLatin1StringView(m_typeName), cls),
                            Internal::ClassCastException(
                                QStringLiteral("%1 cannot be cast to the %2 type")
                                    .arg(cls, QLatin1StringView(m_typeName))));
    }
    return serialize(value);
}

Api::SchemaAndValue NumberConverter::toConnectData(const QString &topic,
                                                   const Api::Headers &headers,
                                                   const QByteArray &bytes)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    if (bytes.isNull())
        return {schema(), Value()};
    if (bytes.size() != m_size) {
        throw DataException(QStringLiteral("Failed to deserialize %1: ")
                                .arg(QLatin1StringView(m_typeName)),
                            SerializationException(sizeError()));
    }
    return {schema(), deserialize(bytes)};
}

QByteArray NumberConverter::fromConnectHeader(const QString &topic, const QString &headerKey,
                                              const Api::Schema &schema, const Value &value)
{
    Q_UNUSED(headerKey)
    return fromConnectData(topic, Api::Headers(), schema, value);
}

Api::SchemaAndValue NumberConverter::toConnectHeader(const QString &topic,
                                                     const QString &headerKey,
                                                     const QByteArray &bytes)
{
    Q_UNUSED(headerKey)
    return toConnectData(topic, Api::Headers(), bytes);
}

// --- ShortConverter ----------------------------------------------------------------------------

ShortConverter::ShortConverter()
    : NumberConverter("short", Value::Kind::Int16, 2)
{}

Api::Schema ShortConverter::schema() const
{
    return Api::Schema::optionalInt16();
}

QByteArray ShortConverter::serialize(const Value &value) const
{
    return bigEndian<qint16>(value.toInt16());
}

Value ShortConverter::deserialize(const QByteArray &bytes) const
{
    return Value::int16(fromBigEndian<qint16>(bytes));
}

QString ShortConverter::sizeError() const
{
    return QStringLiteral("Size of data received by ShortDeserializer is not 2");
}

// --- IntegerConverter --------------------------------------------------------------------------

IntegerConverter::IntegerConverter()
    : NumberConverter("integer", Value::Kind::Int32, 4)
{}

Api::Schema IntegerConverter::schema() const
{
    return Api::Schema::optionalInt32();
}

QByteArray IntegerConverter::serialize(const Value &value) const
{
    return bigEndian<qint32>(value.toInt32());
}

Value IntegerConverter::deserialize(const QByteArray &bytes) const
{
    return Value::int32(fromBigEndian<qint32>(bytes));
}

QString IntegerConverter::sizeError() const
{
    return QStringLiteral("Size of data received by IntegerDeserializer is not 4");
}

// --- LongConverter -----------------------------------------------------------------------------

LongConverter::LongConverter()
    : NumberConverter("long", Value::Kind::Int64, 8)
{}

Api::Schema LongConverter::schema() const
{
    return Api::Schema::optionalInt64();
}

QByteArray LongConverter::serialize(const Value &value) const
{
    return bigEndian<qint64>(value.toInt64());
}

Value LongConverter::deserialize(const QByteArray &bytes) const
{
    return Value::int64(fromBigEndian<qint64>(bytes));
}

QString LongConverter::sizeError() const
{
    return QStringLiteral("Size of data received by LongDeserializer is not 8");
}

// --- FloatConverter ----------------------------------------------------------------------------

FloatConverter::FloatConverter()
    : NumberConverter("float", Value::Kind::Float32, 4)
{}

Api::Schema FloatConverter::schema() const
{
    return Api::Schema::optionalFloat32();
}

QByteArray FloatConverter::serialize(const Value &value) const
{
    // Float.floatToRawIntBits: NaN payloads are kept.
    return bigEndian<quint32>(std::bit_cast<quint32>(value.toFloat32()));
}

Value FloatConverter::deserialize(const QByteArray &bytes) const
{
    return Value::float32(std::bit_cast<float>(fromBigEndian<quint32>(bytes)));
}

QString FloatConverter::sizeError() const
{
    return QStringLiteral("Size of data received by Deserializer is not 4");
}

// --- DoubleConverter ---------------------------------------------------------------------------

DoubleConverter::DoubleConverter()
    : NumberConverter("double", Value::Kind::Float64, 8)
{}

Api::Schema DoubleConverter::schema() const
{
    return Api::Schema::optionalFloat64();
}

QByteArray DoubleConverter::serialize(const Value &value) const
{
    // Double.doubleToLongBits: every NaN becomes the canonical 0x7ff8000000000000.
    const double v = value.toFloat64();
    const quint64 bits = std::isnan(v) ? Q_UINT64_C(0x7ff8000000000000) : std::bit_cast<quint64>(v);
    return bigEndian<quint64>(bits);
}

Value DoubleConverter::deserialize(const QByteArray &bytes) const
{
    return Value::float64(std::bit_cast<double>(fromBigEndian<quint64>(bytes)));
}

QString DoubleConverter::sizeError() const
{
    return QStringLiteral("Size of data received by Deserializer is not 8");
}

// --- BooleanConverter --------------------------------------------------------------------------

QString BooleanConverter::version() const
{
    return builtinConverterVersion();
}

Api::ConfigDef BooleanConverter::config() const
{
    return configDef();
}

Api::ConfigDef BooleanConverter::configDef()
{
    return ConverterConfig::newConfigDef();
}

void BooleanConverter::configure(const Api::ConfigMap &configs, bool isKey)
{
    configure(ConverterConfig::withType(configs, isKey));
}

void BooleanConverter::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(configDef(), configs);
    Q_UNUSED(config)
}

QByteArray BooleanConverter::fromConnectData(const QString &topic, const Api::Headers &headers,
                                             const Api::Schema &schema, const Value &value)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    if (!schema.isNull() && schema.type() != Api::SchemaType::Boolean) {
        throw DataException(QStringLiteral("Invalid schema type for BooleanConverter: ")
                            + Api::Schema::typeEnumName(schema.type()));
    }
    if (value.isNull())
        return QByteArray();
    if (value.kind() != Value::Kind::Boolean) {
        throw DataException(QStringLiteral("BooleanConverter is not compatible with objects of "
                                           "type ")
                            + Internal::javaClassText(value));
    }
    return QByteArray(1, value.toBool() ? '\x01' : '\x00');
}

Api::SchemaAndValue BooleanConverter::toConnectData(const QString &topic,
                                                    const Api::Headers &headers,
                                                    const QByteArray &bytes)
{
    Q_UNUSED(topic)
    Q_UNUSED(headers)
    if (bytes.isNull())
        return {Api::Schema::optionalBoolean(), Value()};
    if (bytes.size() != 1) {
        throw DataException(QStringLiteral("Failed to deserialize boolean: "),
                            SerializationException(QStringLiteral(
                                "Size of data received by BooleanDeserializer is not 1")));
    }
    const char b = bytes.at(0);
    if (b != 0 && b != 1) {
        // Java prints the signed byte.
        throw DataException(QStringLiteral("Failed to deserialize boolean: "),
                            SerializationException(
                                QStringLiteral("Unexpected byte received by "
                                               "BooleanDeserializer: %1")
                                    .arg(int(qint8(b)))));
    }
    return {Api::Schema::optionalBoolean(), Value(b == 1)};
}

QByteArray BooleanConverter::fromConnectHeader(const QString &topic, const QString &headerKey,
                                               const Api::Schema &schema, const Value &value)
{
    Q_UNUSED(headerKey)
    return fromConnectData(topic, Api::Headers(), schema, value);
}

Api::SchemaAndValue BooleanConverter::toConnectHeader(const QString &topic,
                                                      const QString &headerKey,
                                                      const QByteArray &bytes)
{
    Q_UNUSED(headerKey)
    return toConnectData(topic, Api::Headers(), bytes);
}

} // namespace ConnectDesk::Converters
