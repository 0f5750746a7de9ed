// SPDX-License-Identifier: Apache-2.0
#include "value.h"

#include "javaformat_p.h"
#include "struct.h"

#include <cmath>
#include <cstring>

namespace ConnectDesk::Api {

namespace {

template<typename T>
bool javaFloatEquals(T a, T b)
{
    // Java's Float/Double.equals compare bit patterns: NaN equals NaN, 0.0 differs from -0.0.
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

bool mapEquals(const ValueMap &a, const ValueMap &b)
{
    if (a.size() != b.size())
        return false;
    if (a == b)
        return true;
    // Java's Map.equals ignores entry order.
    for (const auto &[key, value] : a) {
        bool found = false;
        for (const auto &[otherKey, otherValue] : b) {
            if (key == otherKey) {
                if (!(value == otherValue))
                    return false;
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

template<typename T>
const T &emptyOf()
{
    static const T empty;
    return empty;
}

} // namespace

Value::Value(StructPtr v)
{
    if (v)
        m_data = std::move(v);
}

bool Value::isInteger() const
{
    const Kind k = kind();
    return k == Kind::Int8 || k == Kind::Int16 || k == Kind::Int32 || k == Kind::Int64;
}

bool Value::isNumber() const
{
    return isInteger() || kind() == Kind::Float32 || kind() == Kind::Float64;
}

#define CONNECTDESK_VALUE_GET(T, fallback)                                        \
    if (const auto *p = std::get_if<T>(&m_data))                                  \
        return *p;                                                                \
    Q_ASSERT_X(false, Q_FUNC_INFO, "Value accessed with the wrong kind");         \
    return fallback

bool Value::toBool() const
{
    CONNECTDESK_VALUE_GET(bool, false);
}

qint8 Value::toInt8() const
{
    CONNECTDESK_VALUE_GET(qint8, 0);
}

qint16 Value::toInt16() const
{
    CONNECTDESK_VALUE_GET(qint16, 0);
}

qint32 Value::toInt32() const
{
    CONNECTDESK_VALUE_GET(qint32, 0);
}

qint64 Value::toInt64() const
{
    CONNECTDESK_VALUE_GET(qint64, 0);
}

float Value::toFloat32() const
{
    CONNECTDESK_VALUE_GET(float, 0.0f);
}

double Value::toFloat64() const
{
    CONNECTDESK_VALUE_GET(double, 0.0);
}

const QString &Value::toString() const
{
    CONNECTDESK_VALUE_GET(QString, emptyOf<QString>());
}

const QByteArray &Value::toBytes() const
{
    CONNECTDESK_VALUE_GET(QByteArray, emptyOf<QByteArray>());
}

const Api::Decimal &Value::toDecimal() const
{
    CONNECTDESK_VALUE_GET(Api::Decimal, emptyOf<Api::Decimal>());
}

Api::Instant Value::toInstant() const
{
    CONNECTDESK_VALUE_GET(Api::Instant, Api::Instant());
}

const ValueList &Value::toList() const
{
    CONNECTDESK_VALUE_GET(ValueList, emptyOf<ValueList>());
}

ValueList &Value::toList()
{
    if (auto *p = std::get_if<ValueList>(&m_data))
        return *p;
    Q_ASSERT_X(false, Q_FUNC_INFO, "Value accessed with the wrong kind");
    thread_local ValueList scratch;
    scratch.clear();
    return scratch;
}

const ValueMap &Value::toMap() const
{
    CONNECTDESK_VALUE_GET(ValueMap, emptyOf<ValueMap>());
}

ValueMap &Value::toMap()
{
    if (auto *p = std::get_if<ValueMap>(&m_data))
        return *p;
    Q_ASSERT_X(false, Q_FUNC_INFO, "Value accessed with the wrong kind");
    thread_local ValueMap scratch;
    scratch.clear();
    return scratch;
}

const StructPtr &Value::toStruct() const
{
    CONNECTDESK_VALUE_GET(StructPtr, emptyOf<StructPtr>());
}

#undef CONNECTDESK_VALUE_GET

qint64 Value::integerValue() const
{
    switch (kind()) {
    case Kind::Int8:
        return std::get<qint8>(m_data);
    case Kind::Int16:
        return std::get<qint16>(m_data);
    case Kind::Int32:
        return std::get<qint32>(m_data);
    case Kind::Int64:
        return std::get<qint64>(m_data);
    default:
        return 0;
    }
}

double Value::numberValue() const
{
    switch (kind()) {
    case Kind::Float32:
        return std::get<float>(m_data);
    case Kind::Float64:
        return std::get<double>(m_data);
    default:
        return double(integerValue());
    }
}

Value Value::mapValue(const QString &key) const
{
    const auto *map = std::get_if<ValueMap>(&m_data);
    if (!map)
        return {};
    for (const auto &[k, v] : *map) {
        if (k.kind() == Kind::String && k.toString() == key)
            return v;
    }
    return {};
}

bool operator==(const Value &a, const Value &b)
{
    using Kind = Value::Kind;
    if (a.kind() != b.kind())
        return false;
    switch (a.kind()) {
    case Kind::Null:
        return true;
    case Kind::Float32:
        return javaFloatEquals(a.toFloat32(), b.toFloat32());
    case Kind::Float64:
        return javaFloatEquals(a.toFloat64(), b.toFloat64());
    case Kind::Map:
        return mapEquals(a.toMap(), b.toMap());
    case Kind::Struct: {
        const StructPtr &sa = a.toStruct();
        const StructPtr &sb = b.toStruct();
        if (sa == sb)
            return true;
        return sa && sb && *sa == *sb;
    }
    default:
        return a.m_data == b.m_data;
    }
}

QString Value::toJavaString() const
{
    switch (kind()) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Boolean:
        return toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Int8:
    case Kind::Int16:
    case Kind::Int32:
    case Kind::Int64:
        return QString::number(integerValue());
    case Kind::Float32:
        return Internal::javaFloatToString(toFloat32());
    case Kind::Float64:
        return Internal::javaDoubleToString(toFloat64());
    case Kind::String:
        return toString();
    case Kind::Bytes:
        return QString::fromLatin1(toBytes().toBase64());
    case Kind::Decimal:
        return toDecimal().toString();
    case Kind::Instant:
        return Internal::javaDateToString(toInstant().epochMs);
    case Kind::Array: {
        QString out = QStringLiteral("[");
        bool first = true;
        for (const Value &v : toList()) {
            if (!first)
                out += QStringLiteral(", ");
            first = false;
            out += v.toJavaString();
        }
        return out + QLatin1Char(']');
    }
    case Kind::Map: {
        QString out = QStringLiteral("{");
        bool first = true;
        for (const auto &[k, v] : toMap()) {
            if (!first)
                out += QStringLiteral(", ");
            first = false;
            out += k.toJavaString() + QLatin1Char('=') + v.toJavaString();
        }
        return out + QLatin1Char('}');
    }
    case Kind::Struct:
        return toStruct() ? toStruct()->toString() : QStringLiteral("null");
    }
    return {};
}

QString Value::javaClassName() const
{
    switch (kind()) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Boolean:
        return QStringLiteral("Boolean");
    case Kind::Int8:
        return QStringLiteral("Byte");
    case Kind::Int16:
        return QStringLiteral("Short");
    case Kind::Int32:
        return QStringLiteral("Integer");
    case Kind::Int64:
        return QStringLiteral("Long");
    case Kind::Float32:
        return QStringLiteral("Float");
    case Kind::Float64:
        return QStringLiteral("Double");
    case Kind::String:
        return QStringLiteral("String");
    case Kind::Bytes:
        return QStringLiteral("byte[]");
    case Kind::Decimal:
        return QStringLiteral("BigDecimal");
    case Kind::Instant:
        return QStringLiteral("Date");
    case Kind::Array:
        return QStringLiteral("ArrayList");
    case Kind::Map:
        return QStringLiteral("HashMap");
    case Kind::Struct:
        return QStringLiteral("Struct");
    }
    return {};
}

} // namespace ConnectDesk::Api
