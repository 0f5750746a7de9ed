// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "deadletterqueue.h"
#include "errorhandler.h"
#include "states.h"
#include "statusstore.h"
#include "transformationchain.h"

#include "core/api/converter.h"

#include <QMutex>
#include <QSet>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <memory>

namespace ConnectDesk::Runtime {

/** Everything a task runner needs, assembled by the Worker. */
struct TaskSetup
{
    QString connector;
    int taskId = 0;
    QString taskClass;
    Api::ConfigMap connectorConfig;
    Api::ConfigMap taskConfig;
    std::unique_ptr<Api::Converter> keyConverter;
    QString keyConverterClass;
    std::unique_ptr<Api::Converter> valueConverter;
    QString valueConverterClass;
    std::unique_ptr<Api::HeaderConverter> headerConverter;
    QString headerConverterClass;
    std::shared_ptr<TransformationChain> transforms;
    /** Producer (source) or consumer (sink) properties, fully layered. */
    QMap<QString, QString> clientProps;
    /** Sink tasks whose connector names `errors.deadletterqueue.topic.name`. */
    std::unique_ptr<DeadLetterQueueReporter> deadLetterQueue;
    StatusStore *status = nullptr;
    /** topic.tracking.enable: record the topics the task uses. */
    bool topicTracking = true;
    QString workerId;
    qint64 offsetFlushIntervalMs = 60000;
    qint64 offsetFlushTimeoutMs = 5000;
};

/**
 * Runs one task on its own named thread (Kafka's WorkerTask): start, the poll/put loop,
 * pause/resume on request, stop, and status reporting. Any exception escaping plugin code ends
 * the loop with status FAILED and its trace; the worker and other tasks keep running.
 *
 * Owner: the Worker. Lifecycle: start() → setTargetState()* → requestStop() → wait().
 */
class WorkerTask : public QThread
{
    Q_OBJECT

public:
    explicit WorkerTask(TaskSetup setup);
    ~WorkerTask() override;

    QString id() const { return m_setup.connector + QLatin1Char('-') + QString::number(m_setup.taskId); }
    const TaskSetup &setup() const { return m_setup; }

    /** Thread-safe. */
    void setTargetState(TargetState state);
    /** Thread-safe; the loop ends at its next turn and the task stops cleanly. */
    void requestStop();
    bool isStopping() const { return m_stopping.load(); }

protected:
    void run() final;
    /** The task's life on its thread: initialize, start, loop until stopping, stop. */
    virtual void execute() = 0;

    /** Blocks while paused (reporting PAUSED, then RUNNING on resume); false when stopping. */
    bool awaitUnpaused();
    bool isPaused() const { return m_targetState.load() == TargetState::Paused; }
    void reportStatus(State state, const QString &trace = {});
    /** Records that the task used a topic (topic tracking); cheap when the topic is known. */
    void trackTopic(const QString &topic)
    {
        if (topic != m_lastTopic)
            trackNewTopic(topic);
    }
    void sleepInterruptibly(qint64 ms);

    TaskSetup m_setup;
    std::atomic_bool m_stopping = false;
    std::atomic<TargetState> m_targetState = TargetState::Started;
    ErrorHandler m_errors;

private:
    void trackNewTopic(const QString &topic);
    QString m_lastTopic;
    QSet<QString> m_knownTopics;

    QMutex m_pauseMutex;
    QWaitCondition m_pauseCondition;
};

} // namespace ConnectDesk::Runtime
