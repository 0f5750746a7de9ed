// SPDX-License-Identifier: Apache-2.0
#include "entities.h"

#include "core/converters/json/jsonwriter.h"

namespace ConnectDesk::Rest::Entities {

using Converters::JsonWriter;
using L = QLatin1StringView;

void writeStringMap(JsonWriter &out, const Api::ConfigMap &map)
{
    out.beginObject();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        out.key(it.key());
        if (it.value().isNull())
            out.writeNull();
        else
            out.writeString(it.value());
    }
    out.endObject();
}

void writeValue(JsonWriter &out, const Api::Value &value)
{
    using Kind = Api::Value::Kind;
    switch (value.kind()) {
    case Kind::Null:
        out.writeNull();
        break;
    case Kind::Boolean:
        out.writeBool(value.toBool());
        break;
    case Kind::Int8:
    case Kind::Int16:
    case Kind::Int32:
    case Kind::Int64:
        out.writeInt64(value.integerValue());
        break;
    case Kind::Float32:
        out.writeFloat(value.toFloat32());
        break;
    case Kind::Float64:
        out.writeDouble(value.toFloat64());
        break;
    case Kind::String:
        out.writeString(value.toString());
        break;
    case Kind::Bytes:
        out.writeString(QString::fromLatin1(value.toBytes().toBase64()));
        break;
    case Kind::Array:
        out.beginArray();
        for (const auto &item : value.toList())
            writeValue(out, item);
        out.endArray();
        break;
    case Kind::Map:
        out.beginObject();
        for (const auto &[key, item] : value.toMap()) {
            out.key(key.toJavaString());
            writeValue(out, item);
        }
        out.endObject();
        break;
    default:
        out.writeString(value.toJavaString());
        break;
    }
}

void writeConnectorInfo(JsonWriter &out, const QString &name, const Runtime::ConnectorSnapshot &connector)
{
    out.beginObject().key(L("name")).writeString(name).key(L("config"));
    writeStringMap(out, connector.config);
    out.key(L("tasks")).beginArray();
    for (int i = 0; i < connector.taskConfigs.size(); ++i)
        out.beginObject().key(L("connector")).writeString(name).key(L("task")).writeInt64(i).endObject();
    out.endArray().key(L("type")).writeString(connector.type).endObject();
}

QByteArray connectorInfo(const QString &name, const Runtime::ConnectorSnapshot &connector)
{
    JsonWriter out;
    writeConnectorInfo(out, name, connector);
    return out.take();
}

namespace {
void writeStateFields(JsonWriter &out, const Storage::Status &status)
{
    out.key(L("state")).writeString(Storage::stateName(status.state));
    out.key(L("worker_id")).writeString(status.workerId);
    if (!status.trace.isEmpty())
        out.key(L("trace")).writeString(status.trace);
}
} // namespace

void writeTaskState(JsonWriter &out, int id, const Storage::Status &status)
{
    out.beginObject().key(L("id")).writeInt64(id);
    writeStateFields(out, status);
    out.endObject();
}

void writeConnectorState(JsonWriter &out, const QString &name, const Storage::Status &connector,
                         const QMap<int, Storage::Status> &tasks, const QString &type)
{
    out.beginObject().key(L("name")).writeString(name).key(L("connector")).beginObject();
    writeStateFields(out, connector);
    out.endObject().key(L("tasks")).beginArray();
    for (auto it = tasks.cbegin(); it != tasks.cend(); ++it)
        writeTaskState(out, it.key(), it.value());
    out.endArray().key(L("type")).writeString(type).endObject();
}

QByteArray connectorState(const QString &name, const Storage::Status &connector,
                          const QMap<int, Storage::Status> &tasks, const QString &type)
{
    JsonWriter out;
    writeConnectorState(out, name, connector, tasks, type);
    return out.take();
}

QByteArray taskInfos(const QString &name, const QList<Api::ConfigMap> &taskConfigs)
{
    JsonWriter out;
    out.beginArray();
    for (int i = 0; i < taskConfigs.size(); ++i) {
        out.beginObject().key(L("id")).beginObject()
            .key(L("connector")).writeString(name).key(L("task")).writeInt64(i)
            .endObject().key(L("config"));
        writeStringMap(out, taskConfigs.at(i));
        out.endObject();
    }
    out.endArray();
    return out.take();
}

QByteArray taskConfigsByTaskId(const QString &name, const QList<Api::ConfigMap> &taskConfigs)
{
    JsonWriter out;
    out.beginObject();
    for (int i = 0; i < taskConfigs.size(); ++i) {
        out.key(QStringLiteral("%1-%2").arg(name).arg(i));
        writeStringMap(out, taskConfigs.at(i));
    }
    out.endObject();
    return out.take();
}

QByteArray connectorOffsets(const QList<Runtime::PartitionOffset> &offsets)
{
    JsonWriter out;
    out.beginObject().key(L("offsets")).beginArray();
    for (const auto &entry : offsets) {
        out.beginObject().key(L("partition")).beginObject();
        for (auto it = entry.partition.cbegin(); it != entry.partition.cend(); ++it) {
            out.key(it.key());
            writeValue(out, it.value());
        }
        out.endObject().key(L("offset"));
        if (!entry.offset) {
            out.writeNull();
        } else {
            out.beginObject();
            for (auto it = entry.offset->cbegin(); it != entry.offset->cend(); ++it) {
                out.key(it.key());
                writeValue(out, it.value());
            }
            out.endObject();
        }
        out.endObject();
    }
    out.endArray().endObject();
    return out.take();
}

QByteArray message(const QString &text)
{
    JsonWriter out;
    out.beginObject().key(L("message")).writeString(text).endObject();
    return out.take();
}

QByteArray stringList(const QStringList &list)
{
    JsonWriter out;
    out.beginArray();
    for (const QString &item : list)
        out.writeString(item);
    out.endArray();
    return out.take();
}

} // namespace ConnectDesk::Rest::Entities
