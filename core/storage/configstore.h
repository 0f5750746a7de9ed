// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "states.h"

#include "core/api/configdef.h"
#include "core/util/result.h"

#include <QMap>

#include <memory>

namespace ConnectDesk::Storage {

class KafkaBasedLog;

/** What the cluster knows about one connector: its raw config, target state and the task
 *  configs of its last complete commit. */
struct ConnectorRecord
{
    Api::ConfigMap config;
    TargetState target = TargetState::Started;
    QList<Api::ConfigMap> taskConfigs;
};

/**
 * Connector configs, task configs and target states (Kafka's ConfigBackingStore). Without a
 * log it keeps them in memory (standalone); with one it writes every change to the config
 * topic first, in Kafka Connect's keys and JSON values (`connector-<c>`, `task-<c>-<n>`,
 * `commit-<c>`, `target-state-<c>`, `restart-connector-<c>`, `logger-cluster-<ns>`), and
 * load() rebuilds the state from the topic with Kafka's rules (last write wins, task configs
 * take effect on their commit record, tombstones delete).
 *
 * A change is applied to connectors() only after the broker acknowledged it, so a failed
 * write leaves no half-created connector. Thread: the herder's (not thread-safe).
 */
class ConfigStore
{
public:
    /** In memory (standalone). */
    ConfigStore();
    /** Backed by the config topic (distributed). */
    explicit ConfigStore(std::unique_ptr<KafkaBasedLog> log);
    ~ConfigStore();

    bool isPersistent() const { return m_log != nullptr; }
    /** Reads the config topic from the beginning (no-op in memory). */
    Util::Error load();

    const QMap<QString, ConnectorRecord> &connectors() const { return m_connectors; }

    /** Creates or replaces a connector config; target (when given) is written first. */
    Util::Error putConnectorConfig(const QString &name, const Api::ConfigMap &config,
                                   std::optional<TargetState> target = std::nullopt);
    Util::Error removeConnector(const QString &name);
    /** Writes the task configs and then their commit record (0 tasks for STOPPED). */
    Util::Error putTaskConfigs(const QString &name, const QList<Api::ConfigMap> &taskConfigs);
    Util::Error putTargetState(const QString &name, TargetState target);
    /** Records a restart request (KIP-745) for other readers of the topic. */
    Util::Error putRestartRequest(const QString &name, bool includeTasks, bool onlyFailed);
    /** Records a cluster-scope log level (KIP-976, `logger-cluster-<namespace>`). */
    Util::Error putLoggerLevel(const QString &nameSpace, const QString &level);

    /** Value encodings of the config topic (compact JSON, as Kafka's internal converter). */
    static QByteArray encodeProperties(const Api::ConfigMap &properties);
    static QByteArray encodeTargetState(TargetState target);
    static QByteArray encodeCommit(int tasks);

private:
    Util::Error write(const QList<QPair<QByteArray, std::optional<QByteArray>>> &records);

    std::unique_ptr<KafkaBasedLog> m_log;
    QMap<QString, ConnectorRecord> m_connectors;
};

} // namespace ConnectDesk::Storage
