// SPDX-License-Identifier: Apache-2.0
#include "struct.h"

#include "exceptions.h"

namespace ConnectDesk::Api {

namespace {

Value deepCopy(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::Struct:
        return Value(v.toStruct()->clone());
    case Value::Kind::Array: {
        ValueList list;
        list.reserve(v.toList().size());
        for (const Value &e : v.toList())
            list.push_back(deepCopy(e));
        return Value(std::move(list));
    }
    case Value::Kind::Map: {
        ValueMap map;
        map.reserve(v.toMap().size());
        for (const auto &[k, e] : v.toMap())
            map.emplace_back(deepCopy(k), deepCopy(e));
        return Value(std::move(map));
    }
    default:
        return v; // primitives, strings and bytes are values (implicitly shared, copy-on-write)
    }
}

} // namespace

Struct::Struct(const Schema &schema)
    : m_schema(schema)
{
    if (schema.isNull() || schema.type() != SchemaType::Struct)
        throw DataException(QStringLiteral("Not a struct schema: ") + schema.toString());
    m_values.resize(size_t(schema.fields().size()));
}

Value Struct::get(const QString &fieldName) const
{
    return get(lookupField(fieldName));
}

Value Struct::get(const Field &field) const
{
    const Value &v = getWithoutDefault(field);
    if (v.isNull())
        return field.schema().defaultValue();
    return v;
}

Value Struct::getWithoutDefault(const QString &fieldName) const
{
    return getWithoutDefault(lookupField(fieldName));
}

const Value &Struct::getWithoutDefault(const Field &field) const
{
    if (field.index() < 0 || size_t(field.index()) >= m_values.size())
        throw DataException(field.name() + QStringLiteral(" is not a valid field name"));
    return m_values[size_t(field.index())];
}

Struct &Struct::put(const QString &fieldName, const Value &value)
{
    return put(lookupField(fieldName), value);
}

Struct &Struct::put(const Field &field, const Value &value)
{
    if (!field.isValid())
        throw DataException(QStringLiteral("field cannot be null."));
    if (size_t(field.index()) >= m_values.size())
        throw DataException(field.name() + QStringLiteral(" is not a valid field name"));
    Schema::validateValue(field.schema(), value, field.name());
    m_values[size_t(field.index())] = value;
    return *this;
}

void Struct::validate() const
{
    for (const Field &field : m_schema.fields()) {
        const Schema &fieldSchema = field.schema();
        const Value &value = m_values[size_t(field.index())];
        if (value.isNull() && (fieldSchema.isOptional() || !fieldSchema.defaultValue().isNull()))
            continue;
        Schema::validateValue(fieldSchema, value, field.name());
    }
}

StructPtr Struct::clone() const
{
    auto copy = std::make_shared<Struct>(m_schema);
    for (size_t i = 0; i < m_values.size(); ++i)
        copy->m_values[i] = deepCopy(m_values[i]);
    return copy;
}

QString Struct::toString() const
{
    QString out = QStringLiteral("Struct{");
    bool first = true;
    const QList<Field> &fields = m_schema.fields();
    for (size_t i = 0; i < m_values.size(); ++i) {
        if (m_values[i].isNull())
            continue;
        if (!first)
            out += QLatin1Char(',');
        first = false;
        out += fields.at(qsizetype(i)).name() + QLatin1Char('=') + m_values[i].toJavaString();
    }
    return out + QLatin1Char('}');
}

bool operator==(const Struct &a, const Struct &b)
{
    return &a == &b || (a.m_schema == b.m_schema && a.m_values == b.m_values);
}

Field Struct::lookupField(const QString &fieldName) const
{
    const Field field = m_schema.field(fieldName);
    if (!field.isValid())
        throw DataException(fieldName + QStringLiteral(" is not a valid field name"));
    return field;
}

} // namespace ConnectDesk::Api
