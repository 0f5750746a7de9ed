// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/api/value.h"
#include "core/runtime/connectoroffsets.h"
#include "core/runtime/herder.h"
#include "core/storage/statusstore.h"

#include <QByteArray>

namespace ConnectDesk::Converters {
class JsonWriter;
}

namespace ConnectDesk::Rest {

/**
 * Kafka Connect's REST entities as compact JSON (Kafka's member order): ConnectorInfo,
 * ConnectorStateInfo, TaskState, TaskInfo, ConnectorOffsets. Stateless; any thread.
 */
namespace Entities {

void writeStringMap(Converters::JsonWriter &out, const Api::ConfigMap &map);
void writeValue(Converters::JsonWriter &out, const Api::Value &value);

/** `{"name","config","tasks":[{"connector","task"}],"type"}`. */
void writeConnectorInfo(Converters::JsonWriter &out, const QString &name, const Runtime::ConnectorSnapshot &connector);
QByteArray connectorInfo(const QString &name, const Runtime::ConnectorSnapshot &connector);

/** `{"id","state","worker_id","trace"?}` (trace only when non-empty). */
void writeTaskState(Converters::JsonWriter &out, int id, const Storage::Status &status);
/** `{"name","connector":{"state","worker_id","trace"?},"tasks":[...],"type"}`. */
void writeConnectorState(Converters::JsonWriter &out, const QString &name, const Storage::Status &connector,
                         const QMap<int, Storage::Status> &tasks, const QString &type);
QByteArray connectorState(const QString &name, const Storage::Status &connector,
                          const QMap<int, Storage::Status> &tasks, const QString &type);

/** `[{"id":{"connector","task"},"config":{...}}]`. */
QByteArray taskInfos(const QString &name, const QList<Api::ConfigMap> &taskConfigs);
/** `{"<c>-<n>":{...}}` (deprecated `/tasks-config`). */
QByteArray taskConfigsByTaskId(const QString &name, const QList<Api::ConfigMap> &taskConfigs);
/** `{"offsets":[{"partition":{...},"offset":{...}|null}]}`. */
QByteArray connectorOffsets(const QList<Runtime::PartitionOffset> &offsets);
/** `{"message":"..."}`. */
QByteArray message(const QString &text);
/** `["a","b"]`. */
QByteArray stringList(const QStringList &list);

} // namespace Entities
} // namespace ConnectDesk::Rest
