// SPDX-License-Identifier: Apache-2.0
#include "workertask.h"

#include "logging.h"

#include "core/api/exceptions.h"

namespace ConnectDesk::Runtime {

WorkerTask::WorkerTask(TaskSetup setup)
    : m_setup(std::move(setup))
    , m_errors(m_setup.connectorConfig, m_setup.connector, m_setup.taskId, &m_stopping)
{
    setObjectName(QStringLiteral("task-thread-%1").arg(id()));
}

WorkerTask::~WorkerTask()
{
    requestStop();
    wait();
}

void WorkerTask::setTargetState(TargetState state)
{
    QMutexLocker lock(&m_pauseMutex);
    m_targetState = state;
    m_pauseCondition.wakeAll();
}

void WorkerTask::requestStop()
{
    QMutexLocker lock(&m_pauseMutex);
    m_stopping = true;
    m_pauseCondition.wakeAll();
}

void WorkerTask::run()
{
    try {
        execute();
        if (!m_stopping)
            qCWarning(lcRuntime).noquote() << id() << "ended without a stop request";
    } catch (const std::exception &e) {
        const QString trace = Api::exceptionTrace(e, m_setup.taskClass);
        qCCritical(lcRuntime).noquote() << id() << "threw an uncaught and unrecoverable exception"
                                        << trace;
        qCCritical(lcRuntime).noquote() << id() << "is being killed and will not recover until manually restarted";
        reportStatus(State::Failed, trace);
        return;
    } catch (...) {
        reportStatus(State::Failed, QStringLiteral("java.lang.Error: unknown exception"));
        return;
    }
    // A clean stop leaves the task unassigned on this worker (Kafka's shutdown status).
    reportStatus(State::Unassigned);
}

bool WorkerTask::awaitUnpaused()
{
    if (!isPaused())
        return !m_stopping;
    reportStatus(State::Paused);
    {
        QMutexLocker lock(&m_pauseMutex);
        while (m_targetState.load() == TargetState::Paused && !m_stopping)
            m_pauseCondition.wait(&m_pauseMutex);
    }
    if (m_stopping)
        return false;
    reportStatus(State::Running);
    return true;
}

void WorkerTask::reportStatus(State state, const QString &trace)
{
    if (!m_setup.status)
        return;
    m_setup.status->putTask(m_setup.connector, m_setup.taskId, {state, trace, m_setup.workerId, 0});
}

void WorkerTask::trackNewTopic(const QString &topic)
{
    m_lastTopic = topic;
    if (!m_setup.topicTracking || !m_setup.status || m_knownTopics.contains(topic))
        return;
    m_knownTopics.insert(topic);
    m_setup.status->putTopic(m_setup.connector, topic, m_setup.taskId);
}

void WorkerTask::sleepInterruptibly(qint64 ms)
{
    QMutexLocker lock(&m_pauseMutex);
    if (!m_stopping)
        m_pauseCondition.wait(&m_pauseMutex, QDeadlineTimer(ms));
}

} // namespace ConnectDesk::Runtime
