// SPDX-License-Identifier: Apache-2.0
#include "javatypes_p.h"

namespace ConnectDesk::Converters::Internal {

QString javaClassText(const Api::Value &value)
{
    using Kind = Api::Value::Kind;
    switch (value.kind()) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Boolean:
        return QStringLiteral("class java.lang.Boolean");
    case Kind::Int8:
        return QStringLiteral("class java.lang.Byte");
    case Kind::Int16:
        return QStringLiteral("class java.lang.Short");
    case Kind::Int32:
        return QStringLiteral("class java.lang.Integer");
    case Kind::Int64:
        return QStringLiteral("class java.lang.Long");
    case Kind::Float32:
        return QStringLiteral("class java.lang.Float");
    case Kind::Float64:
        return QStringLiteral("class java.lang.Double");
    case Kind::String:
        return QStringLiteral("class java.lang.String");
    case Kind::Bytes:
        return QStringLiteral("class [B");
    case Kind::Decimal:
        return QStringLiteral("class java.math.BigDecimal");
    case Kind::Instant:
        return QStringLiteral("class java.util.Date");
    case Kind::Array:
        return QStringLiteral("class java.util.ArrayList");
    case Kind::Map:
        return QStringLiteral("class java.util.HashMap");
    case Kind::Struct:
        return QStringLiteral("class org.apache.kafka.connect.data.Struct");
    }
    return {};
}

QString ClassCastException::javaClassName() const
{
    return QStringLiteral("java.lang.ClassCastException");
}

} // namespace ConnectDesk::Converters::Internal
