// SPDX-License-Identifier: Apache-2.0
#include "herder.h"

#include "logging.h"

#include "core/plugin/pluginregistry.h"

#include <QPointer>
#include <QThread>

#include <chrono>
#include <future>

namespace ConnectDesk::Runtime {

namespace {

QString connectorType(Plugin::PluginRegistry *registry, const Api::ConfigMap &config)
{
    auto cls = registry->resolve(config.value(QStringLiteral("connector.class")).trimmed(),
                                 {Api::PluginType::Source, Api::PluginType::Sink});
    if (!cls)
        return QStringLiteral("unknown");
    return cls->type == Api::PluginType::Sink ? QStringLiteral("sink") : QStringLiteral("source");
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

/** Marks what the herder is doing, for Kafka's "Request timed out" stage summary. */
struct Herder::StageGuard
{
    StageGuard(Herder *herder, const QString &description)
        : herder(herder)
    {
        herder->beginStage(description);
    }
    ~StageGuard() { herder->endStage(); }
    Herder *herder;
};

Herder::Herder(Worker *worker, std::unique_ptr<Storage::ConfigStore> store, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_store(std::move(store))
    , m_snapshot(std::make_shared<ClusterSnapshot>())
{
    connect(m_worker, &Worker::reconfigurationRequested, this, [this](const QString &name) {
        const auto &connectors = m_store->connectors();
        if (connectors.contains(name) && connectors.value(name).target == TargetState::Started) {
            StageGuard stage(this, QStringLiteral("reconfiguring the tasks of connector %1").arg(name));
            updateTaskConfigs(name, false);
            publish();
        }
    });
}

Herder::~Herder()
{
    stop();
}

Util::Error Herder::run(std::function<Util::Error()> op, int timeoutMs)
{
    if (QThread::currentThread() == thread())
        return op();
    auto promise = std::make_shared<std::promise<Util::Error>>();
    std::future<Util::Error> future = promise->get_future();
    QMetaObject::invokeMethod(this, [op = std::move(op), promise] { promise->set_value(op()); },
                              Qt::QueuedConnection);
    if (future.wait_for(std::chrono::milliseconds(timeoutMs)) != std::future_status::ready)
        return Util::Error{QStringLiteral("Request timed out. ") + stage(), 500};
    return future.get();
}

std::shared_ptr<const ClusterSnapshot> Herder::snapshot() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_snapshot;
}

void Herder::publish()
{
    auto next = std::make_shared<ClusterSnapshot>();
    const auto &connectors = m_store->connectors();
    const auto previous = snapshot();
    for (auto it = connectors.cbegin(); it != connectors.cend(); ++it) {
        ConnectorSnapshot entry;
        entry.config = it->config;
        entry.target = it->target;
        entry.taskConfigs = it->taskConfigs;
        const auto old = previous->constFind(it.key());
        entry.type = old != previous->cend() && old->config == it->config
                         ? old->type
                         : connectorType(m_worker->registry(), it->config);
        next->insert(it.key(), entry);
    }
    QMutexLocker lock(&m_snapshotMutex);
    m_snapshot = std::move(next);
}

void Herder::beginStage(const QString &description)
{
    QMutexLocker lock(&m_snapshotMutex);
    m_stage = description;
    m_stageStarted = QDateTime::currentDateTimeUtc();
    m_stageEnded = QDateTime();
}

void Herder::endStage()
{
    QMutexLocker lock(&m_snapshotMutex);
    m_stageEnded = QDateTime::currentDateTimeUtc();
}

QString Herder::stage() const
{
    QMutexLocker lock(&m_snapshotMutex);
    if (m_stage.isEmpty())
        return {};
    if (!m_stageEnded.isValid())
        return QStringLiteral("The worker is currently %1, which began at %2.")
            .arg(m_stage, isoTime(m_stageStarted));
    return QStringLiteral("The last operation the worker completed was %1, which began at %2 and completed at %3.")
        .arg(m_stage, isoTime(m_stageStarted), isoTime(m_stageEnded));
}

bool Herder::isReady() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_ready;
}

void Herder::setReady()
{
    QMutexLocker lock(&m_snapshotMutex);
    m_ready = true;
}

Util::Error Herder::notFound(const QString &name) const
{
    return Util::Error{QStringLiteral("Connector %1 not found").arg(name), 404};
}

void Herder::startAll()
{
    StageGuard stage(this, QStringLiteral("starting the stored connectors"));
    const QStringList names = m_store->connectors().keys();
    for (const QString &name : names)
        startConnectorAndTasks(name);
    publish();
}

Util::Error Herder::putConnectorConfig(const QString &name, const Api::ConfigMap &config,
                                       std::optional<TargetState> initialState, bool allowReplace,
                                       bool *created)
{
    StageGuard stage(this, QStringLiteral("writing the config of connector %1").arg(name));
    const bool exists = m_store->connectors().contains(name);
    if (exists && !allowReplace)
        return Util::Error{QStringLiteral("Connector %1 already exists").arg(name), 409};
    const Api::ConfigMap previous = m_store->connectors().value(name).config;
    // Kafka writes a target state only when the request names one (initial_state).
    if (const Util::Error error = m_store->putConnectorConfig(name, config, exists ? std::nullopt : initialState))
        return Util::Error{error.message, 500};
    if (created)
        *created = !exists;
    const TargetState target = m_store->connectors().value(name).target;
    qCInfo(lcRuntime).noquote() << (exists ? "Reconfiguring" : "Creating") << "connector" << name
                                << "with target state" << targetStateName(target);
    if (exists && previous == config) {
        // An identical config restarts the connector instance only; tasks keep running.
        m_worker->stopConnector(name);
        if (m_worker->startConnector(name, config, target) && target == TargetState::Started)
            updateTaskConfigs(name, false);
    } else {
        if (exists) {
            m_worker->stopTasks(name);
            m_worker->stopConnector(name);
        }
        if (m_worker->startConnector(name, config, target)) {
            if (target == TargetState::Started)
                updateTaskConfigs(name, true);
            else if (target == TargetState::Stopped)
                m_worker->status()->removeTasks(name);
        }
    }
    publish();
    return {};
}

void Herder::startConnectorAndTasks(const QString &name)
{
    const Storage::ConnectorRecord record = m_store->connectors().value(name);
    if (!m_worker->startConnector(name, record.config, record.target))
        return;
    switch (record.target) {
    case TargetState::Stopped:
        m_worker->status()->removeTasks(name);
        break;
    case TargetState::Started:
        updateTaskConfigs(name, false);
        if (!m_worker->hasTasks(name))
            startTasks(name); // unchanged task configs: start the stored ones
        break;
    case TargetState::Paused:
        // A connector created PAUSED has no task configs until resumed (Kafka's rule); one
        // paused later keeps its tasks, idle.
        startTasks(name);
        break;
    }
}

void Herder::updateTaskConfigs(const QString &name, bool force)
{
    const Storage::ConnectorRecord record = m_store->connectors().value(name);
    const auto configs = m_worker->connectorTaskConfigs(name, record.config);
    if (!configs)
        return; // connector FAILED; status says why
    if (!force && *configs == record.taskConfigs && !record.taskConfigs.isEmpty())
        return;
    if (const Util::Error error = m_store->putTaskConfigs(name, *configs)) {
        qCWarning(lcRuntime).noquote() << "Could not write the task configs of" << name << ":" << error.message;
        return;
    }
    m_worker->stopTasks(name);
    m_worker->status()->removeTasks(name);
    startTasks(name);
}

void Herder::startTasks(const QString &name)
{
    const Storage::ConnectorRecord record = m_store->connectors().value(name);
    for (int i = 0; i < record.taskConfigs.size(); ++i)
        m_worker->startTask({name, i}, record.config, record.taskConfigs.at(i), record.target);
}

Util::Error Herder::deleteConnector(const QString &name)
{
    StageGuard stage(this, QStringLiteral("deleting connector %1").arg(name));
    if (!m_store->connectors().contains(name))
        return notFound(name);
    if (const Util::Error error = m_store->removeConnector(name))
        return Util::Error{error.message, 500};
    m_worker->stopTasks(name);
    m_worker->stopConnector(name);
    m_worker->status()->remove(name);
    qCInfo(lcRuntime).noquote() << "Deleted connector" << name;
    publish();
    return {};
}

Util::Error Herder::pauseConnector(const QString &name)
{
    StageGuard stage(this, QStringLiteral("pausing connector %1").arg(name));
    if (!m_store->connectors().contains(name))
        return Util::Error{QStringLiteral("Unknown connector %1").arg(name), 404};
    if (const Util::Error error = m_store->putTargetState(name, TargetState::Paused))
        return Util::Error{error.message, 500};
    const Api::ConfigMap config = m_store->connectors().value(name).config;
    if (!m_worker->isConnectorRunning(name))
        m_worker->startConnector(name, config, TargetState::Paused);
    else
        m_worker->setConnectorTargetState(name, config, TargetState::Paused);
    m_worker->setTaskTargetState(name, TargetState::Paused);
    publish();
    return {};
}

Util::Error Herder::resumeConnector(const QString &name)
{
    StageGuard stage(this, QStringLiteral("resuming connector %1").arg(name));
    if (!m_store->connectors().contains(name))
        return Util::Error{QStringLiteral("Unknown connector %1").arg(name), 404};
    if (const Util::Error error = m_store->putTargetState(name, TargetState::Started))
        return Util::Error{error.message, 500};
    const Storage::ConnectorRecord record = m_store->connectors().value(name);
    if (!m_worker->isConnectorRunning(name)) {
        startConnectorAndTasks(name);
    } else if (m_worker->setConnectorTargetState(name, record.config, TargetState::Started)) {
        m_worker->setTaskTargetState(name, TargetState::Started);
        // Resumed from STOPPED or PAUSED-at-creation: the tasks are generated now.
        updateTaskConfigs(name, false);
        if (!m_worker->hasTasks(name))
            startTasks(name);
    }
    publish();
    return {};
}

Util::Error Herder::stopConnector(const QString &name)
{
    StageGuard stage(this, QStringLiteral("stopping connector %1").arg(name));
    if (!m_store->connectors().contains(name))
        return notFound(name);
    // Kafka's order: first an empty task set, then the STOPPED target state.
    if (const Util::Error error = m_store->putTaskConfigs(name, {}))
        return Util::Error{error.message, 500};
    if (const Util::Error error = m_store->putTargetState(name, TargetState::Stopped))
        return Util::Error{error.message, 500};
    m_worker->stopTasks(name);
    m_worker->status()->removeTasks(name);
    const Api::ConfigMap config = m_store->connectors().value(name).config;
    if (!m_worker->isConnectorRunning(name))
        m_worker->startConnector(name, config, TargetState::Stopped);
    else
        m_worker->setConnectorTargetState(name, config, TargetState::Stopped);
    publish();
    return {};
}

Util::Error Herder::restartConnector(const QString &name)
{
    StageGuard stage(this, QStringLiteral("restarting connector %1").arg(name));
    if (!m_store->connectors().contains(name))
        return Util::Error{QStringLiteral("Unknown connector: %1").arg(name), 404};
    const Storage::ConnectorRecord record = m_store->connectors().value(name);
    m_worker->stopConnector(name);
    if (m_worker->startConnector(name, record.config, record.target) && record.target == TargetState::Started)
        updateTaskConfigs(name, false);
    publish();
    return {};
}

Util::Result<RestartPlan> Herder::restartConnectorAndTasks(const QString &name, bool includeTasks, bool onlyFailed)
{
    StageGuard stage(this, QStringLiteral("restarting connector %1 and its tasks").arg(name));
    if (!m_store->connectors().contains(name))
        return Util::Error{QStringLiteral("Unknown connector: %1").arg(name), 404};
    const auto connectorStatus = m_worker->status()->connector(name);
    if (!connectorStatus)
        return Util::Error{QStringLiteral("Status for connector %1 not found").arg(name), 404};
    if (const Util::Error error = m_store->putRestartRequest(name, includeTasks, onlyFailed))
        return Util::Error{error.message, 500};

    RestartPlan plan;
    plan.connector = !onlyFailed || connectorStatus->state == State::Failed;
    const auto taskStatuses = m_worker->status()->tasks(name);
    if (includeTasks) {
        for (auto it = taskStatuses.cbegin(); it != taskStatuses.cend(); ++it) {
            if (!onlyFailed || it->state == State::Failed)
                plan.tasks.append(it.key());
        }
    }
    const QString workerId = m_worker->workerId();
    if (plan.connector)
        m_worker->status()->putConnector(name, {State::Restarting, {}, workerId, 0});
    for (int task : std::as_const(plan.tasks))
        m_worker->status()->putTask(name, task, {State::Restarting, {}, workerId, 0});

    const Storage::ConnectorRecord record = m_store->connectors().value(name);
    for (int task : std::as_const(plan.tasks))
        m_worker->stopTask({name, task});
    if (plan.connector) {
        m_worker->stopConnector(name);
        m_worker->startConnector(name, record.config, record.target);
    }
    for (int task : std::as_const(plan.tasks)) {
        if (task < record.taskConfigs.size())
            m_worker->startTask({name, task}, record.config, record.taskConfigs.at(task), record.target);
    }
    publish();
    return plan;
}

Util::Error Herder::restartTask(const QString &name, int task)
{
    StageGuard stage(this, QStringLiteral("restarting task %1-%2").arg(name).arg(task));
    if (!m_store->connectors().contains(name))
        return Util::Error{QStringLiteral("Unknown connector: %1").arg(name), 404};
    const Storage::ConnectorRecord record = m_store->connectors().value(name);
    if (task < 0 || task >= record.taskConfigs.size())
        return Util::Error{QStringLiteral("Unknown task: %1-%2").arg(name).arg(task), 404};
    m_worker->stopTask({name, task});
    if (!m_worker->startTask({name, task}, record.config, record.taskConfigs.at(task), record.target))
        return Util::Error{QStringLiteral("Failed to start task: %1-%2").arg(name).arg(task), 500};
    return {};
}

Util::Error Herder::putLoggerLevel(const QString &nameSpace, const QString &level)
{
    StageGuard stage(this, QStringLiteral("writing the cluster log level of %1").arg(nameSpace));
    if (const Util::Error error = m_store->putLoggerLevel(nameSpace, level))
        return Util::Error{error.message, 500};
    return {};
}

Util::Error Herder::checkOffsetsModifiable(const QString &name) const
{
    const auto &connectors = m_store->connectors();
    if (!connectors.contains(name))
        return notFound(name);
    const Storage::ConnectorRecord &record = connectors[name];
    if (record.target != TargetState::Stopped || !record.taskConfigs.isEmpty())
        return Util::Error{QStringLiteral("Connectors must be in the STOPPED state before their offsets can be modified. "
                                          "This can be done for the specified connector by issuing a 'PUT' request to "
                                          "the '/connectors/%1/stop' endpoint").arg(name), 400};
    return {};
}

void Herder::stop()
{
    m_worker->stopAll();
}

} // namespace ConnectDesk::Runtime
