// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "states.h"
#include "statusstore.h"

#include "core/api/configdef.h"
#include "core/config/workerconfig.h"
#include "core/util/result.h"

#include <QMap>
#include <QMutex>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

namespace ConnectDesk::Kafka {
class EmbeddedBroker;
}

namespace ConnectDesk::Plugin {
class PluginRegistry;
}
namespace ConnectDesk::Storage {
class OffsetBackingStore;
}

namespace ConnectDesk::Runtime {

class DeadLetterQueueReporter;
class WorkerConnector;
class WorkerTask;

/** A task's identity. */
struct TaskId
{
    QString connector;
    int task = 0;
    friend bool operator<(const TaskId &a, const TaskId &b)
    {
        return a.connector < b.connector || (a.connector == b.connector && a.task < b.task);
    }
};

/** Progress of one task for displays (./run, consoles). */
struct TaskProgress
{
    TaskId id;
    bool sink = false;
    /** Records produced (source) or put (sink). */
    qint64 records = 0;
    /** Records whose offsets were committed. */
    qint64 committed = 0;
};

/**
 * Runs connector instances and task threads on this process (Kafka's Worker): builds each
 * task's converters, transformation chain and Kafka client settings from the worker and
 * connector configs, starts and stops tasks, and forwards target states. It does not decide
 * what runs — the herder does.
 *
 * Thread: the herder's. Tasks run on their own threads.
 */
class Worker : public QObject
{
    Q_OBJECT

public:
    Worker(Config::WorkerConfig config, QString bootstrapServers, QString workerId,
           Plugin::PluginRegistry *registry, std::shared_ptr<Storage::OffsetBackingStore> offsets,
           StatusStore *status, QObject *parent = nullptr);
    ~Worker() override;

    const QString &workerId() const { return m_workerId; }
    /** Against the development broker, sink consumers use a 6 s session timeout: its groups
     *  wait session.timeout.ms - 1 s after a member leaves before anyone can join again
     *  (restart, offsets API), 44 s with the client default. Set before tasks start. */
    void setDevelopmentBroker(bool development) { m_developmentBroker = development; }
    /** The broker running in this process, if any: topics the worker creates (dead-letter
     *  queues) are created through its mock API. Set before tasks start. */
    void setEmbeddedBroker(Kafka::EmbeddedBroker *broker) { m_embeddedBroker = broker; }
    const Config::WorkerConfig &config() const { return m_config; }
    Plugin::PluginRegistry *registry() const { return m_registry; }
    StatusStore *status() const { return m_status; }
    const QString &bootstrapServers() const { return m_bootstrapServers; }
    const std::shared_ptr<Storage::OffsetBackingStore> &offsets() const { return m_offsets; }
    /** The settings of a sink connector's consumer (group `connect-<c>` unless overridden);
     *  thread-safe, for the offsets API. */
    QMap<QString, QString> sinkConsumerProps(const QString &connector, const Api::ConfigMap &config) const;
    /** Admin client settings for the offsets API and topic lookups; thread-safe. */
    QMap<QString, QString> adminProps(const QString &connector, const Api::ConfigMap &config) const;

    /** Creates and initializes the connector, then moves it to the target state. false when it
     *  could not be created or started (status FAILED with the reason). */
    bool startConnector(const QString &name, const Api::ConfigMap &config, TargetState target);
    bool isConnectorRunning(const QString &name) const { return m_connectors.contains(name); }
    bool setConnectorTargetState(const QString &name, const Api::ConfigMap &config, TargetState target);
    std::optional<QList<Api::ConfigMap>> connectorTaskConfigs(const QString &name,
                                                              const Api::ConfigMap &config);
    void stopConnector(const QString &name);

    /** Starts a task thread; false with status FAILED when it cannot be set up. */
    bool startTask(const TaskId &id, const Api::ConfigMap &connectorConfig,
                   const Api::ConfigMap &taskConfig, TargetState target);
    bool hasTasks(const QString &connector) const;
    void setTaskTargetState(const QString &connector, TargetState target);
    /** Requests every task of the connector to stop, then waits (task.shutdown.graceful.timeout.ms). */
    void stopTasks(const QString &connector);
    void stopTask(const TaskId &id);
    void stopAll();

    /** Thread-safe. */
    QList<TaskProgress> progress() const;

Q_SIGNALS:
    void reconfigurationRequested(const QString &connector);

private:
    Util::Result<std::unique_ptr<WorkerTask>> buildTask(const TaskId &id,
                                                        const Api::ConfigMap &connectorConfig,
                                                        const Api::ConfigMap &taskConfig);
    void stopMatching(const std::function<bool(const TaskId &)> &matches);
    QMap<QString, QString> producerProps(const TaskId &id, const Api::ConfigMap &connectorConfig) const;
    QMap<QString, QString> consumerProps(const TaskId &id, const Api::ConfigMap &connectorConfig) const;
    std::unique_ptr<DeadLetterQueueReporter> deadLetterQueue(const TaskId &id,
                                                             const Api::ConfigMap &connectorConfig) const;

    Config::WorkerConfig m_config;
    QString m_bootstrapServers;
    QString m_workerId;
    bool m_developmentBroker = false;
    Kafka::EmbeddedBroker *m_embeddedBroker = nullptr;
    Plugin::PluginRegistry *m_registry;
    std::shared_ptr<Storage::OffsetBackingStore> m_offsets;
    StatusStore *m_status;
    std::map<QString, std::unique_ptr<WorkerConnector>> m_connectors;
    /** Guards m_tasks' membership against progress() from other threads. */
    mutable QMutex m_tasksMutex;
    std::map<TaskId, std::unique_ptr<WorkerTask>> m_tasks;
};

} // namespace ConnectDesk::Runtime
