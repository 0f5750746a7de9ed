// SPDX-License-Identifier: Apache-2.0
#include "configstore.h"

#include "kafkabasedlog.h"
#include "logging.h"

#include "core/converters/json/jsonreader.h"
#include "core/converters/json/jsonwriter.h"

namespace ConnectDesk::Storage {

namespace {

using Converters::JsonReader;
using Converters::JsonValue;
using Converters::JsonWriter;

const QString ConnectorPrefix = QStringLiteral("connector-");
const QString TaskPrefix = QStringLiteral("task-");
const QString CommitPrefix = QStringLiteral("commit-");
const QString TargetStatePrefix = QStringLiteral("target-state-");

// The config topic has exactly one partition in Kafka; the development broker may have made
// more, so every record goes to partition 0.
constexpr int ConfigPartition = 0;

std::optional<Api::ConfigMap> decodeProperties(const JsonValue &value)
{
    const JsonValue *properties = value.isObject() ? value.find(u"properties") : nullptr;
    if (!properties || !properties->isObject())
        return std::nullopt;
    Api::ConfigMap result;
    for (const auto &[key, member] : properties->toObject()) {
        if (member.isString())
            result.insert(key, member.toString());
        else if (!member.isNull())
            result.insert(key, QString::fromUtf8(JsonWriter::toJson(member)));
    }
    return result;
}

/** "<name>-<n>" → (name, n): the task number is after the last '-', names may contain '-'. */
std::optional<QPair<QString, int>> parseTaskKey(const QString &rest)
{
    const qsizetype dash = rest.lastIndexOf(QLatin1Char('-'));
    if (dash <= 0)
        return std::nullopt;
    bool ok = false;
    const int task = rest.mid(dash + 1).toInt(&ok);
    if (!ok || task < 0)
        return std::nullopt;
    return QPair<QString, int>(rest.left(dash), task);
}

} // namespace

ConfigStore::ConfigStore() = default;

ConfigStore::ConfigStore(std::unique_ptr<KafkaBasedLog> log)
    : m_log(std::move(log))
{}

ConfigStore::~ConfigStore() = default;

QByteArray ConfigStore::encodeProperties(const Api::ConfigMap &properties)
{
    JsonWriter writer;
    writer.beginObject().key(QLatin1StringView("properties")).beginObject();
    for (auto it = properties.cbegin(); it != properties.cend(); ++it)
        writer.key(it.key()).writeString(it.value());
    writer.endObject().endObject();
    return writer.take();
}

QByteArray ConfigStore::encodeTargetState(TargetState target)
{
    // Readers older than 3.5 know only STARTED and PAUSED: STOPPED goes in state.v2.
    const QString legacy = targetStateName(target == TargetState::Stopped ? TargetState::Paused : target);
    JsonWriter writer;
    writer.beginObject()
        .key(QLatin1StringView("state")).writeString(legacy)
        .key(QLatin1StringView("state.v2")).writeString(targetStateName(target))
        .endObject();
    return writer.take();
}

QByteArray ConfigStore::encodeCommit(int tasks)
{
    JsonWriter writer;
    writer.beginObject().key(QLatin1StringView("tasks")).writeInt64(tasks).endObject();
    return writer.take();
}

Util::Error ConfigStore::write(const QList<QPair<QByteArray, std::optional<QByteArray>>> &records)
{
    if (!m_log)
        return {};
    QList<KafkaBasedLog::Record> batch;
    for (const auto &[key, value] : records)
        batch.append({key, value, ConfigPartition, 0});
    return m_log->send(batch, ConfigPartition);
}

Util::Error ConfigStore::load()
{
    if (!m_log)
        return {};
    QMap<QString, Api::ConfigMap> configs;
    QMap<QString, TargetState> targets;
    QMap<QString, QMap<int, Api::ConfigMap>> pendingTasks;
    QMap<QString, QList<Api::ConfigMap>> committedTasks;
    const Util::Error error = m_log->readToEnd([&](const KafkaBasedLog::Record &record) {
        const QString key = QString::fromUtf8(record.key);
        std::optional<JsonValue> value;
        if (record.value) {
            Converters::JsonParseError parseError;
            value = JsonReader::parse(*record.value, &parseError);
            if (!value) {
                qCWarning(lcStorage).noquote() << "Ignoring config record" << key << "at offset"
                                               << record.offset << ":" << parseError.toString();
                return;
            }
        }
        if (key.startsWith(ConnectorPrefix)) {
            const QString name = key.mid(ConnectorPrefix.size());
            if (!value) {
                configs.remove(name);
                targets.remove(name);
                pendingTasks.remove(name);
                committedTasks.remove(name);
            } else if (auto properties = decodeProperties(*value)) {
                configs.insert(name, *properties);
            }
        } else if (key.startsWith(TaskPrefix)) {
            const auto id = parseTaskKey(key.mid(TaskPrefix.size()));
            if (id && value) {
                if (auto properties = decodeProperties(*value))
                    pendingTasks[id->first].insert(id->second, *properties);
            }
        } else if (key.startsWith(CommitPrefix)) {
            const QString name = key.mid(CommitPrefix.size());
            if (!value)
                return;
            const JsonValue *tasks = value->find(u"tasks");
            const int count = tasks && tasks->isIntegral() ? int(tasks->toInt64()) : -1;
            if (count < 0)
                return;
            const QMap<int, Api::ConfigMap> pending = pendingTasks.take(name);
            QList<Api::ConfigMap> complete;
            for (int i = 0; i < count; ++i) {
                if (!pending.contains(i))
                    break;
                complete.append(pending.value(i));
            }
            if (complete.size() == count) {
                committedTasks.insert(name, complete);
            } else {
                qCWarning(lcStorage).noquote() << "Connector" << name << "has an incomplete set of"
                                               << count << "task configs; waiting for a new one";
                committedTasks.remove(name);
            }
        } else if (key.startsWith(TargetStatePrefix)) {
            const QString name = key.mid(TargetStatePrefix.size());
            if (!value) {
                targets.remove(name);
                return;
            }
            const JsonValue *state = value->find(u"state.v2");
            if (!state || !state->isString())
                state = value->find(u"state");
            if (state && state->isString()) {
                if (auto target = targetStateFromName(state->toString()))
                    targets.insert(name, *target);
            }
        }
        // restart-connector-*, session-key, tasks-fencing-*, logger-cluster-*: not state we keep.
    });
    if (error)
        return error;
    m_connectors.clear();
    for (auto it = configs.cbegin(); it != configs.cend(); ++it) {
        ConnectorRecord &record = m_connectors[it.key()];
        record.config = it.value();
        record.target = targets.value(it.key(), TargetState::Started);
        record.taskConfigs = committedTasks.value(it.key());
    }
    return {};
}

Util::Error ConfigStore::putConnectorConfig(const QString &name, const Api::ConfigMap &config,
                                            std::optional<TargetState> target)
{
    QList<QPair<QByteArray, std::optional<QByteArray>>> records;
    if (target)
        records.append({(TargetStatePrefix + name).toUtf8(), encodeTargetState(*target)});
    records.append({(ConnectorPrefix + name).toUtf8(), encodeProperties(config)});
    if (const Util::Error error = write(records))
        return error;
    ConnectorRecord &record = m_connectors[name];
    record.config = config;
    if (target)
        record.target = *target;
    return {};
}

Util::Error ConfigStore::removeConnector(const QString &name)
{
    if (const Util::Error error = write({{(ConnectorPrefix + name).toUtf8(), std::nullopt},
                                         {(TargetStatePrefix + name).toUtf8(), std::nullopt}}))
        return error;
    m_connectors.remove(name);
    return {};
}

Util::Error ConfigStore::putTaskConfigs(const QString &name, const QList<Api::ConfigMap> &taskConfigs)
{
    QList<QPair<QByteArray, std::optional<QByteArray>>> records;
    for (int i = 0; i < taskConfigs.size(); ++i)
        records.append({QStringLiteral("%1%2-%3").arg(TaskPrefix, name).arg(i).toUtf8(),
                        encodeProperties(taskConfigs.at(i))});
    // One partition and one batch: the commit record always follows its task records.
    records.append({(CommitPrefix + name).toUtf8(), encodeCommit(int(taskConfigs.size()))});
    if (const Util::Error error = write(records))
        return error;
    if (m_connectors.contains(name))
        m_connectors[name].taskConfigs = taskConfigs;
    return {};
}

Util::Error ConfigStore::putTargetState(const QString &name, TargetState target)
{
    if (const Util::Error error = write({{(TargetStatePrefix + name).toUtf8(), encodeTargetState(target)}}))
        return error;
    if (m_connectors.contains(name))
        m_connectors[name].target = target;
    return {};
}

Util::Error ConfigStore::putRestartRequest(const QString &name, bool includeTasks, bool onlyFailed)
{
    JsonWriter writer;
    writer.beginObject()
        .key(QLatin1StringView("include-tasks")).writeBool(includeTasks)
        .key(QLatin1StringView("only-failed")).writeBool(onlyFailed)
        .endObject();
    return write({{QStringLiteral("restart-connector-%1").arg(name).toUtf8(), writer.take()}});
}

Util::Error ConfigStore::putLoggerLevel(const QString &nameSpace, const QString &level)
{
    JsonWriter writer;
    writer.beginObject().key(QLatin1StringView("level")).writeString(level).endObject();
    return write({{QStringLiteral("logger-cluster-%1").arg(nameSpace).toUtf8(), writer.take()}});
}

} // namespace ConnectDesk::Storage
