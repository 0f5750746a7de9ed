// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "states.h"
#include "worker.h"

#include "core/api/configdef.h"
#include "core/storage/configstore.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QMap>
#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

namespace ConnectDesk::Runtime {

/** A connector as REST shows it: raw config, target state, committed task configs, type. */
struct ConnectorSnapshot
{
    Api::ConfigMap config;
    TargetState target = TargetState::Started;
    QList<Api::ConfigMap> taskConfigs;
    /** "source", "sink" or "unknown". */
    QString type;
};
using ClusterSnapshot = QMap<QString, ConnectorSnapshot>;

/** What a restart with includeTasks/onlyFailed will restart (Kafka's RestartPlan). */
struct RestartPlan
{
    bool connector = false;
    QList<int> tasks;
};

/**
 * The one owner of every state change (Kafka's herder): create, reconfigure, pause, resume,
 * stop, restart, delete, offset changes. Standalone and single-node distributed mode differ
 * only in the ConfigStore (memory or config topic) and the stores the Worker was given.
 *
 * Thread: lives on its own thread ("herder"). Methods marked "herder thread" must run there;
 * other threads go through run(), which queues the work and waits with a timeout, so REST never
 * blocks the herder and a stuck herder gives a "Request timed out" answer, not a hang.
 * snapshot() and stage() are thread-safe.
 *
 * Errors carry the HTTP status Kafka gives: 400 invalid, 404 unknown, 409 exists, 500 other.
 */
class Herder : public QObject
{
    Q_OBJECT

public:
    Herder(Worker *worker, std::unique_ptr<Storage::ConfigStore> store, QObject *parent = nullptr);
    ~Herder() override;

    Worker *worker() const { return m_worker; }

    // --- any thread ---
    /** Runs op on the herder thread and waits up to timeoutMs (directly when already there). */
    Util::Error run(std::function<Util::Error()> op, int timeoutMs = 90000);
    std::shared_ptr<const ClusterSnapshot> snapshot() const;
    /** Kafka's stage summary for timeouts and health: what the herder is doing or did last. */
    QString stage() const;
    bool isReady() const;

    // --- herder thread ---
    /** Starts every stored connector in its target state (worker start-up). */
    void startAll();
    void setReady();
    /** Stores and (re)starts a connector; config must have been validated. With
     *  allowReplace=false an existing name is a 409. */
    Util::Error putConnectorConfig(const QString &name, const Api::ConfigMap &config,
                                   std::optional<TargetState> initialState, bool allowReplace,
                                   bool *created = nullptr);
    Util::Error deleteConnector(const QString &name);
    Util::Error pauseConnector(const QString &name);
    Util::Error resumeConnector(const QString &name);
    Util::Error stopConnector(const QString &name);
    /** Plain restart of the connector instance (204). */
    Util::Error restartConnector(const QString &name);
    /** Restart with includeTasks/onlyFailed (202): marks what restarts RESTARTING, restarts it,
     *  and returns the plan. */
    Util::Result<RestartPlan> restartConnectorAndTasks(const QString &name, bool includeTasks, bool onlyFailed);
    Util::Error restartTask(const QString &name, int task);
    /** Writes a cluster-scope log level to the config topic (distributed; no-op in memory). */
    Util::Error putLoggerLevel(const QString &nameSpace, const QString &level);
    /** 404 unless the connector exists; 400 unless it is STOPPED with no tasks (offsets API). */
    Util::Error checkOffsetsModifiable(const QString &name) const;
    /** Stops every task and connector (shutdown). */
    void stop();

private:
    struct StageGuard;
    Util::Error notFound(const QString &name) const;
    void startConnectorAndTasks(const QString &name);
    void updateTaskConfigs(const QString &name, bool force);
    void startTasks(const QString &name);
    void publish();
    void beginStage(const QString &description);
    void endStage();

    Worker *m_worker;
    std::unique_ptr<Storage::ConfigStore> m_store;

    mutable QMutex m_snapshotMutex;
    std::shared_ptr<const ClusterSnapshot> m_snapshot;
    QString m_stage;
    QDateTime m_stageStarted;
    QDateTime m_stageEnded;
    bool m_ready = false;
};

} // namespace ConnectDesk::Runtime
