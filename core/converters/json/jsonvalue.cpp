// SPDX-License-Identifier: Apache-2.0
#include "jsonvalue.h"

#include "jsonnumbers.h"

#include <QHashFunctions>

#include <limits>

namespace ConnectDesk::Converters {

namespace {
const JsonValue &nullValue()
{
    static const JsonValue null;
    return null;
}
const QString &emptyString()
{
    static const QString empty;
    return empty;
}
const JsonValue::Array &emptyArray()
{
    static const JsonValue::Array empty;
    return empty;
}
const JsonValue::Object &emptyObject()
{
    static const JsonValue::Object empty;
    return empty;
}
} // namespace

JsonValue JsonValue::fromNumberText(const QByteArray &text)
{
    Q_ASSERT(JsonNumbers::isValidNumberText(text));
    JsonValue v;
    v.m_data = NumberText{text, JsonNumbers::isIntegralText(text)};
    return v;
}

JsonValue::Type JsonValue::type() const
{
    switch (m_data.index()) {
    case NullIndex:
        return Type::Null;
    case BoolIndex:
        return Type::Bool;
    case IntIndex:
    case DoubleIndex:
    case TextIndex:
        return Type::Number;
    case StringIndex:
        return Type::String;
    case ArrayIndex:
        return Type::Array;
    default:
        return Type::Object;
    }
}

bool JsonValue::isIntegral() const
{
    if (isInt64())
        return true;
    if (const auto *text = std::get_if<NumberText>(&m_data))
        return text->integral;
    return false;
}

bool JsonValue::isInt32() const
{
    if (const auto *v = std::get_if<qint64>(&m_data))
        return *v >= std::numeric_limits<qint32>::min() && *v <= std::numeric_limits<qint32>::max();
    return false;
}

bool JsonValue::toBool(bool defaultValue) const
{
    if (const auto *v = std::get_if<bool>(&m_data))
        return *v;
    return defaultValue;
}

qint64 JsonValue::toInt64(qint64 defaultValue) const
{
    if (const auto *v = std::get_if<qint64>(&m_data))
        return *v;
    return defaultValue;
}

double JsonValue::toDouble(double defaultValue) const
{
    switch (m_data.index()) {
    case IntIndex:
        return double(std::get<qint64>(m_data));
    case DoubleIndex:
        return std::get<double>(m_data);
    case TextIndex:
        return JsonNumbers::parseDouble(std::get<NumberText>(m_data).text);
    default:
        return defaultValue;
    }
}

const QString &JsonValue::toString() const
{
    if (const auto *v = std::get_if<QString>(&m_data))
        return *v;
    return emptyString();
}

QByteArray JsonValue::numberText() const
{
    switch (m_data.index()) {
    case IntIndex:
        return QByteArray::number(std::get<qint64>(m_data));
    case DoubleIndex:
        return JsonNumbers::javaDoubleString(std::get<double>(m_data));
    case TextIndex:
        return std::get<NumberText>(m_data).text;
    default:
        return {};
    }
}

qsizetype JsonValue::size() const
{
    if (const auto *a = std::get_if<Array>(&m_data))
        return qsizetype(a->size());
    if (const auto *o = std::get_if<Object>(&m_data))
        return qsizetype(o->size());
    return 0;
}

const JsonValue::Array &JsonValue::toArray() const
{
    if (const auto *a = std::get_if<Array>(&m_data))
        return *a;
    return emptyArray();
}

JsonValue::Array &JsonValue::arrayRef()
{
    if (!isArray())
        m_data = Array();
    return std::get<Array>(m_data);
}

const JsonValue::Object &JsonValue::toObject() const
{
    if (const auto *o = std::get_if<Object>(&m_data))
        return *o;
    return emptyObject();
}

JsonValue::Object &JsonValue::objectRef()
{
    if (!isObject())
        m_data = Object();
    return std::get<Object>(m_data);
}

const JsonValue &JsonValue::at(qsizetype index) const
{
    const Array &a = toArray();
    if (index < 0 || index >= qsizetype(a.size()))
        return nullValue();
    return a[size_t(index)];
}

const JsonValue *JsonValue::find(QStringView key) const
{
    const auto *o = std::get_if<Object>(&m_data);
    if (!o)
        return nullptr;
    for (const Member &m : *o) {
        if (m.first == key)
            return &m.second;
    }
    return nullptr;
}

JsonValue *JsonValue::find(QStringView key)
{
    return const_cast<JsonValue *>(std::as_const(*this).find(key));
}

const JsonValue &JsonValue::operator[](QStringView key) const
{
    const JsonValue *v = find(key);
    return v ? *v : nullValue();
}

const JsonValue &JsonValue::operator[](QLatin1StringView key) const
{
    const auto *o = std::get_if<Object>(&m_data);
    if (!o)
        return nullValue();
    for (const Member &m : *o) {
        if (m.first == key)
            return m.second;
    }
    return nullValue();
}

JsonValue &JsonValue::insert(const QString &key, JsonValue value)
{
    if (JsonValue *existing = find(key)) {
        *existing = std::move(value);
        return *this;
    }
    return append(key, std::move(value));
}

JsonValue &JsonValue::append(const QString &key, JsonValue value)
{
    objectRef().emplace_back(key, std::move(value));
    return *this;
}

JsonValue &JsonValue::append(JsonValue value)
{
    arrayRef().push_back(std::move(value));
    return *this;
}

QString JsonValue::typeName() const
{
    return typeName(type());
}

QString JsonValue::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("NULL");
    case Type::Bool:
        return QStringLiteral("BOOLEAN");
    case Type::Number:
        return QStringLiteral("NUMBER");
    case Type::String:
        return QStringLiteral("STRING");
    case Type::Array:
        return QStringLiteral("ARRAY");
    case Type::Object:
        return QStringLiteral("OBJECT");
    }
    return {};
}

bool operator==(const JsonValue &a, const JsonValue &b)
{
    return a.m_data == b.m_data;
}

size_t qHash(const JsonValue &value, size_t seed)
{
    QtPrivate::QHashCombine combine;
    seed = combine(seed, value.m_data.index());
    switch (value.m_data.index()) {
    case JsonValue::BoolIndex:
        return combine(seed, int(std::get<bool>(value.m_data)));
    case JsonValue::IntIndex:
        return combine(seed, std::get<qint64>(value.m_data));
    case JsonValue::DoubleIndex:
        return combine(seed, std::get<double>(value.m_data));
    case JsonValue::TextIndex:
        return combine(seed, std::get<JsonValue::NumberText>(value.m_data).text);
    case JsonValue::StringIndex:
        return combine(seed, std::get<QString>(value.m_data));
    case JsonValue::ArrayIndex:
        for (const JsonValue &v : std::get<JsonValue::Array>(value.m_data))
            seed = combine(seed, qHash(v, 0));
        return seed;
    case JsonValue::ObjectIndex:
        for (const JsonValue::Member &m : std::get<JsonValue::Object>(value.m_data)) {
            seed = combine(seed, m.first);
            seed = combine(seed, qHash(m.second, 0));
        }
        return seed;
    default:
        return seed;
    }
}

} // namespace ConnectDesk::Converters
