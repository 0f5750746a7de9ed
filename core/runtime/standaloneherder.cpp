// SPDX-License-Identifier: Apache-2.0
#include "standaloneherder.h"

#include "connectorvalidator.h"
#include "logging.h"

namespace ConnectDesk::Runtime {

StandaloneHerder::StandaloneHerder(Worker *worker, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
{
    connect(m_worker, &Worker::reconfigurationRequested, this, [this](const QString &name) {
        if (m_connectors.contains(name) && m_connectors[name].target == TargetState::Started)
            updateTaskConfigs(name);
    });
}

StandaloneHerder::~StandaloneHerder()
{
    stop();
}

Util::Error StandaloneHerder::notFound(const QString &name) const
{
    return Util::Error{QStringLiteral("Connector %1 not found").arg(name), 404};
}

Util::Error StandaloneHerder::putConnectorConfig(const QString &name, const Api::ConfigMap &config,
                                                 std::optional<TargetState> initialState,
                                                 bool allowReplace, bool *created)
{
    const bool exists = m_connectors.contains(name);
    if (exists && !allowReplace)
        return Util::Error{QStringLiteral("Connector %1 already exists").arg(name), 409};
    auto validation = validateConnectorConfig(config, *m_worker->registry());
    if (!validation)
        return validation.error();
    const QStringList errors = validation->errors();
    if (!errors.isEmpty())
        return Util::Error{invalidConfigMessage(errors), 400};

    if (exists) {
        m_worker->stopTasks(name);
        m_worker->stopConnector(name);
    }
    ConnectorState &state = m_connectors[name];
    state.config = config;
    if (!exists)
        state.target = initialState.value_or(TargetState::Started);
    state.taskConfigs.clear();
    if (created)
        *created = !exists;
    qCInfo(lcRuntime).noquote() << (exists ? "Reconfiguring" : "Creating") << "connector" << name
                                << "with target state" << targetStateName(state.target);
    startConnectorAndTasks(name);
    return {};
}

void StandaloneHerder::startConnectorAndTasks(const QString &name)
{
    ConnectorState &state = m_connectors[name];
    if (!m_worker->startConnector(name, state.config, state.target))
        return;
    if (state.target == TargetState::Stopped) {
        state.taskConfigs.clear();
        m_worker->status()->removeTasks(name);
        return;
    }
    // A connector created PAUSED generates no task configs until resumed (Kafka's rule).
    if (state.target == TargetState::Started)
        updateTaskConfigs(name);
    else
        startTasks(name);
}

void StandaloneHerder::updateTaskConfigs(const QString &name)
{
    ConnectorState &state = m_connectors[name];
    const auto configs = m_worker->connectorTaskConfigs(name, state.config);
    if (!configs)
        return; // connector FAILED; status says why
    if (*configs == state.taskConfigs && !state.taskConfigs.isEmpty())
        return;
    m_worker->stopTasks(name);
    m_worker->status()->removeTasks(name);
    state.taskConfigs = *configs;
    startTasks(name);
}

void StandaloneHerder::startTasks(const QString &name)
{
    const ConnectorState &state = m_connectors[name];
    for (int i = 0; i < state.taskConfigs.size(); ++i)
        m_worker->startTask({name, i}, state.config, state.taskConfigs.at(i), state.target);
}

Util::Error StandaloneHerder::deleteConnector(const QString &name)
{
    if (!m_connectors.contains(name))
        return notFound(name);
    m_worker->stopTasks(name);
    m_worker->stopConnector(name);
    m_connectors.remove(name);
    m_worker->status()->remove(name);
    qCInfo(lcRuntime).noquote() << "Deleted connector" << name;
    return {};
}

Util::Error StandaloneHerder::pauseConnector(const QString &name)
{
    if (!m_connectors.contains(name))
        return notFound(name);
    ConnectorState &state = m_connectors[name];
    state.target = TargetState::Paused;
    m_worker->setConnectorTargetState(name, state.config, TargetState::Paused);
    m_worker->setTaskTargetState(name, TargetState::Paused);
    return {};
}

Util::Error StandaloneHerder::resumeConnector(const QString &name)
{
    if (!m_connectors.contains(name))
        return notFound(name);
    ConnectorState &state = m_connectors[name];
    const bool hadTasks = !state.taskConfigs.isEmpty();
    state.target = TargetState::Started;
    if (!m_worker->isConnectorRunning(name)) {
        startConnectorAndTasks(name);
        return {};
    }
    if (!m_worker->setConnectorTargetState(name, state.config, TargetState::Started))
        return {};
    m_worker->setTaskTargetState(name, TargetState::Started);
    if (!hadTasks)
        updateTaskConfigs(name); // resumed from STOPPED or PAUSED-at-creation: tasks regenerated
    return {};
}

Util::Error StandaloneHerder::stopConnector(const QString &name)
{
    if (!m_connectors.contains(name))
        return notFound(name);
    ConnectorState &state = m_connectors[name];
    state.target = TargetState::Stopped;
    m_worker->stopTasks(name);
    m_worker->status()->removeTasks(name);
    state.taskConfigs.clear();
    m_worker->setConnectorTargetState(name, state.config, TargetState::Stopped);
    return {};
}

Util::Error StandaloneHerder::restartConnector(const QString &name, bool includeTasks, bool onlyFailed)
{
    if (!m_connectors.contains(name))
        return notFound(name);
    const ConnectorState state = m_connectors.value(name);
    const auto connectorStatus = m_worker->status()->connector(name);
    const bool restartConnector = !onlyFailed || (connectorStatus && connectorStatus->state == State::Failed);
    if (restartConnector) {
        m_worker->stopConnector(name);
        m_worker->startConnector(name, state.config, state.target);
    }
    if (includeTasks) {
        const auto statuses = m_worker->status()->tasks(name);
        for (int i = 0; i < state.taskConfigs.size(); ++i) {
            if (!onlyFailed || statuses.value(i).state == State::Failed)
                restartTask(name, i);
        }
    }
    return {};
}

Util::Error StandaloneHerder::restartTask(const QString &name, int task)
{
    if (!m_connectors.contains(name))
        return Util::Error{QStringLiteral("Unknown connector: %1").arg(name), 404};
    const ConnectorState &state = m_connectors[name];
    if (task < 0 || task >= state.taskConfigs.size())
        return Util::Error{QStringLiteral("Unknown task: %1-%2").arg(name).arg(task), 404};
    m_worker->stopTask({name, task});
    if (!m_worker->startTask({name, task}, state.config, state.taskConfigs.at(task), state.target))
        return Util::Error{QStringLiteral("Failed to start task: %1-%2").arg(name).arg(task), 500};
    return {};
}

std::optional<Api::ConfigMap> StandaloneHerder::connectorConfig(const QString &name) const
{
    if (!m_connectors.contains(name))
        return std::nullopt;
    return m_connectors.value(name).config;
}

QList<Api::ConfigMap> StandaloneHerder::taskConfigs(const QString &name) const
{
    return m_connectors.value(name).taskConfigs;
}

std::optional<TargetState> StandaloneHerder::targetState(const QString &name) const
{
    if (!m_connectors.contains(name))
        return std::nullopt;
    return m_connectors.value(name).target;
}

void StandaloneHerder::stop()
{
    m_worker->stopAll();
}

} // namespace ConnectDesk::Runtime
