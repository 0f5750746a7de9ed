// SPDX-License-Identifier: Apache-2.0
#include "requestbody.h"

#include "core/converters/json/jsonreader.h"
#include "core/converters/json/jsonwriter.h"

#include <limits>

namespace ConnectDesk::Rest::RequestBody {

using Converters::JsonValue;

namespace {

Util::Error mappingError(const QString &message)
{
    return Util::Error{message, 500};
}

QString jacksonTypeName(const JsonValue &value)
{
    switch (value.type()) {
    case JsonValue::Type::Array:
        return QStringLiteral("Array value (token `JsonToken.START_ARRAY`)");
    case JsonValue::Type::Object:
        return QStringLiteral("Object value (token `JsonToken.START_OBJECT`)");
    case JsonValue::Type::String:
        return QStringLiteral("String value");
    case JsonValue::Type::Number:
        return QStringLiteral("Number value");
    case JsonValue::Type::Bool:
        return QStringLiteral("Boolean value");
    case JsonValue::Type::Null:
        return QStringLiteral("null value");
    }
    return QString();
}

} // namespace

Util::Result<JsonValue> parse(const QByteArray &body, const QString &entity)
{
    if (body.trimmed().isEmpty())
        return mappingError(QStringLiteral("The request body is empty; a JSON %1 is required").arg(entity));
    Converters::JsonParseError error;
    auto value = Converters::JsonReader::parse(body, &error);
    if (!value)
        return mappingError(QStringLiteral("The request body is not valid JSON: %1").arg(error.toString()));
    return *value;
}

Util::Error checkFields(const JsonValue &object, const QStringList &allowed, const QString &entity)
{
    for (const auto &[key, member] : object.toObject()) {
        Q_UNUSED(member)
        if (!allowed.contains(key))
            return mappingError(QStringLiteral("Unrecognized field \"%1\" (class %2), not marked as ignorable "
                                               "(known properties: %3)")
                                    .arg(key, entity, QLatin1Char('"') + allowed.join(QStringLiteral("\", \"")) + QLatin1Char('"')));
    }
    return {};
}

Util::Result<Api::ConfigMap> stringMap(const JsonValue &value, const QString &what)
{
    if (!value.isObject())
        return mappingError(QStringLiteral("Cannot deserialize value of type `java.util.Map<java.lang.String,java.lang.String>` "
                                           "from %1 in %2: a JSON object of strings is required")
                                .arg(jacksonTypeName(value), what));
    Api::ConfigMap result;
    for (const auto &[key, member] : value.toObject()) {
        switch (member.type()) {
        case JsonValue::Type::String:
            result.insert(key, member.toString());
            break;
        case JsonValue::Type::Number:
            result.insert(key, QString::fromUtf8(member.numberText()));
            break;
        case JsonValue::Type::Bool:
            result.insert(key, member.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            break;
        case JsonValue::Type::Null:
            result.insert(key, QString());
            break;
        default:
            return mappingError(QStringLiteral("Cannot deserialize value of type `java.lang.String` from %1 "
                                               "(the value of \"%2\" in %3 must be a string)")
                                    .arg(jacksonTypeName(member), key, what));
        }
    }
    return result;
}

Util::Result<Api::ConfigMap> parseStringMap(const QByteArray &body, const QString &what)
{
    auto value = parse(body, QStringLiteral("java.util.Map<java.lang.String,java.lang.String>"));
    if (!value)
        return value.error();
    return stringMap(*value, what);
}

Api::Value toValue(const JsonValue &value)
{
    switch (value.type()) {
    case JsonValue::Type::Null:
        return Api::Value();
    case JsonValue::Type::Bool:
        return Api::Value(value.toBool());
    case JsonValue::Type::Number:
        if (value.isInt64()) {
            const qint64 n = value.toInt64();
            if (n >= std::numeric_limits<qint32>::min() && n <= std::numeric_limits<qint32>::max())
                return Api::Value(qint32(n));
            return Api::Value(n);
        }
        return Api::Value(value.toDouble());
    case JsonValue::Type::String:
        return Api::Value(value.toString());
    case JsonValue::Type::Array: {
        Api::ValueList list;
        for (const auto &item : value.toArray())
            list.push_back(toValue(item));
        return Api::Value(list);
    }
    case JsonValue::Type::Object: {
        Api::ValueMap map;
        for (const auto &[key, item] : value.toObject())
            map.emplace_back(Api::Value(key), toValue(item));
        return Api::Value(map);
    }
    }
    return Api::Value();
}

Util::Result<QList<Runtime::PartitionOffset>> connectorOffsets(const JsonValue &value)
{
    const QString entity = QStringLiteral("org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets");
    if (!value.isObject())
        return mappingError(QStringLiteral("Cannot deserialize value of type `%1` from %2").arg(entity, jacksonTypeName(value)));
    if (Util::Error error = checkFields(value, {QStringLiteral("offsets")}, entity))
        return error;
    QList<Runtime::PartitionOffset> result;
    const JsonValue *offsets = value.find(u"offsets");
    if (!offsets || offsets->isNull())
        return result; // the caller answers "Partitions / offsets need to be provided"
    if (!offsets->isArray())
        return mappingError(QStringLiteral("Cannot deserialize value of type `java.util.ArrayList` from %1 (\"offsets\")")
                                .arg(jacksonTypeName(*offsets)));
    const QString entryEntity = QStringLiteral("org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset");
    auto toMap = [](const JsonValue &object) {
        Api::OffsetMap map;
        for (const auto &[key, item] : object.toObject())
            map.insert(key, toValue(item));
        return map;
    };
    for (const JsonValue &entry : offsets->toArray()) {
        if (!entry.isObject())
            return mappingError(QStringLiteral("Cannot deserialize value of type `%1` from %2").arg(entryEntity, jacksonTypeName(entry)));
        if (Util::Error error = checkFields(entry, {QStringLiteral("partition"), QStringLiteral("offset")}, entryEntity))
            return error;
        Runtime::PartitionOffset item;
        const JsonValue *partition = entry.find(u"partition");
        if (partition && !partition->isNull()) {
            if (!partition->isObject())
                return mappingError(QStringLiteral("Cannot deserialize value of type `java.util.Map` from %1 (\"partition\")")
                                        .arg(jacksonTypeName(*partition)));
            item.partition = toMap(*partition);
        }
        const JsonValue *offset = entry.find(u"offset");
        if (offset && !offset->isNull()) {
            if (!offset->isObject())
                return mappingError(QStringLiteral("Cannot deserialize value of type `java.util.Map` from %1 (\"offset\")")
                                        .arg(jacksonTypeName(*offset)));
            item.offset = toMap(*offset);
        }
        result.append(item);
    }
    return result;
}

} // namespace ConnectDesk::Rest::RequestBody
