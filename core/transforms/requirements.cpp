// SPDX-License-Identifier: Apache-2.0
#include "requirements.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"

namespace ConnectDesk::Transforms {

QString javaQualifiedClassName(const Api::Value &value)
{
    using Kind = Api::Value::Kind;
    switch (value.kind()) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Bytes:
        return QStringLiteral("[B");
    case Kind::Decimal:
        return QStringLiteral("java.math.BigDecimal");
    case Kind::Instant:
        return QStringLiteral("java.util.Date");
    case Kind::Array:
    case Kind::Map:
        return QStringLiteral("java.util.") + value.javaClassName();
    case Kind::Struct:
        return QStringLiteral("org.apache.kafka.connect.data.Struct");
    default:
        return QStringLiteral("java.lang.") + value.javaClassName();
    }
}

const Api::ValueMap &requireMap(const Api::Value &value, const QString &purpose)
{
    if (value.kind() != Api::Value::Kind::Map)
        throw Api::DataException(QStringLiteral("Only Map objects supported in absence of schema for [%1], found: %2")
                                     .arg(purpose, javaQualifiedClassName(value)));
    return value.toMap();
}

const Api::ValueMap *requireMapOrNull(const Api::Value &value, const QString &purpose)
{
    return value.isNull() ? nullptr : &requireMap(value, purpose);
}

const Api::StructPtr &requireStruct(const Api::Value &value, const QString &purpose)
{
    if (value.kind() != Api::Value::Kind::Struct)
        throw Api::DataException(QStringLiteral("Only Struct objects supported for [%1], found: %2")
                                     .arg(purpose, javaQualifiedClassName(value)));
    return value.toStruct();
}

const Api::StructPtr *requireStructOrNull(const Api::Value &value, const QString &purpose)
{
    return value.isNull() ? nullptr : &requireStruct(value, purpose);
}

void requireSchema(const Api::Schema &schema, const QString &purpose)
{
    if (schema.isNull())
        throw Api::DataException(QStringLiteral("Schema required for [%1]").arg(purpose));
}

const Api::SinkRecord &requireSinkRecord(const Api::ConnectRecord &record, const QString &purpose)
{
    const auto *sink = dynamic_cast<const Api::SinkRecord *>(&record);
    if (!sink) {
        const QString found = dynamic_cast<const Api::SourceRecord *>(&record)
                                  ? QStringLiteral("org.apache.kafka.connect.source.SourceRecord")
                                  : QStringLiteral("org.apache.kafka.connect.connector.ConnectRecord");
        throw Api::DataException(QStringLiteral("Only SinkRecord supported for [%1], found: %2").arg(purpose, found));
    }
    return *sink;
}

} // namespace ConnectDesk::Transforms
