// SPDX-License-Identifier: Apache-2.0
#include "headers.h"

#include "exceptions.h"

#include <QStringList>

namespace ConnectDesk::Api {

namespace {

/** Kafka's ConnectHeaders.checkSchemaMatches: the value must be of the schema's type. */
void checkSchemaMatches(const Schema &schema, const Value &value)
{
    if (schema.isNull())
        return;
    if (value.isNull()) {
        if (!schema.isOptional()) {
            throw DataException(QStringLiteral("A null value requires an optional schema but was ")
                                + schema.toString());
        }
        return;
    }
    using Kind = Value::Kind;
    const Kind kind = value.kind();
    bool ok = false;
    switch (schema.type()) {
    case SchemaType::Bytes:
        ok = kind == Kind::Bytes || (kind == Kind::Decimal && Logical::isDecimal(schema));
        break;
    case SchemaType::String:
        ok = kind == Kind::String;
        break;
    case SchemaType::Boolean:
        ok = kind == Kind::Boolean;
        break;
    case SchemaType::Int8:
        ok = kind == Kind::Int8;
        break;
    case SchemaType::Int16:
        ok = kind == Kind::Int16;
        break;
    case SchemaType::Int32:
        ok = kind == Kind::Int32
             || (kind == Kind::Instant && (Logical::isDate(schema) || Logical::isTime(schema)));
        break;
    case SchemaType::Int64:
        ok = kind == Kind::Int64 || (kind == Kind::Instant && Logical::isTimestamp(schema));
        break;
    case SchemaType::Float32:
        ok = kind == Kind::Float32;
        break;
    case SchemaType::Float64:
        ok = kind == Kind::Float64;
        break;
    case SchemaType::Array:
        ok = kind == Kind::Array;
        break;
    case SchemaType::Map:
        ok = kind == Kind::Map;
        break;
    case SchemaType::Struct:
        ok = kind == Kind::Struct;
        break;
    }
    if (!ok) {
        throw DataException(QStringLiteral("The value %1 is not compatible with the schema %2")
                                .arg(value.toJavaString(), schema.toString()));
    }
}

} // namespace

Headers &Headers::add(const QString &key, const Schema &schema, const Value &value)
{
    checkSchemaMatches(schema, value);
    m_headers.append(Header{key, schema, value});
    return *this;
}

Headers &Headers::add(const Header &header)
{
    m_headers.append(header);
    return *this;
}

Headers &Headers::addString(const QString &key, const QString &value)
{
    if (value.isNull())
        m_headers.append(Header{key, Schema::optionalString(), Value()});
    else
        m_headers.append(Header{key, Schema::string(), Value(value)});
    return *this;
}

Headers &Headers::remove(const QString &key)
{
    m_headers.removeIf([&key](const Header &h) { return h.key == key; });
    return *this;
}

const Header *Headers::lastWithName(const QString &key) const
{
    for (auto it = m_headers.crbegin(); it != m_headers.crend(); ++it) {
        if (it->key == key)
            return &*it;
    }
    return nullptr;
}

QList<Header> Headers::allWithName(const QString &key) const
{
    QList<Header> result;
    for (const Header &h : m_headers) {
        if (h.key == key)
            result.append(h);
    }
    return result;
}

QString Headers::toString() const
{
    if (m_headers.isEmpty())
        return QStringLiteral("ConnectHeaders(headers=)");
    QStringList parts;
    for (const Header &h : m_headers) {
        parts << QStringLiteral("ConnectHeader(key=%1, value=%2, schema=%3)")
                     .arg(h.key, h.value.toJavaString(), h.schema.toString());
    }
    return QStringLiteral("ConnectHeaders(headers=[%1])").arg(parts.join(QStringLiteral(", ")));
}

} // namespace ConnectDesk::Api
