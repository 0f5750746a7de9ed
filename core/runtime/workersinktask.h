// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "workertask.h"

#include "core/api/task.h"
#include "core/kafka/consumer.h"

#include <QElapsedTimer>
#include <QSet>

#include <functional>

namespace ConnectDesk::Runtime {

/**
 * Sink task loop (Kafka's WorkerSinkTask): consume → converters → transforms → put; offsets
 * (last delivered + 1 per original partition) committed to the group `connect-<connector>` after
 * preCommit()/flush(), every `offset.flush.interval.ms`, on request, on pause, on revocation and
 * at stop. Records that fail conversion or a transform, and those the task reports through the
 * ErrantRecordReporter, go through the ErrorHandler (log, dead-letter queue, tolerance); offsets
 * are committed only once their dead-letter writes are acknowledged.
 * Thread: its own; rebalance callbacks run on it inside the consumer poll.
 */
class WorkerSinkTask : public WorkerTask,
                       private Api::SinkTaskContext,
                       private Api::ErrantRecordReporter,
                       private Kafka::RebalanceListener
{
    Q_OBJECT

public:
    WorkerSinkTask(TaskSetup setup, std::unique_ptr<Api::SinkTask> task);
    ~WorkerSinkTask() override;

    qint64 recordsDelivered() const { return m_delivered.load(); }
    qint64 recordsCommitted() const { return m_committedCount.load(); }

protected:
    void execute() override;

private:
    // SinkTaskContext
    Api::ConfigMap configs() const override { return m_setup.taskConfig; }
    void offset(const Api::TopicPartition &partition, qint64 offset) override;
    void timeout(qint64 timeoutMs) override { m_retryTimeoutMs = timeoutMs; }
    QSet<Api::TopicPartition> assignment() const override { return m_assigned; }
    void pause(const QList<Api::TopicPartition> &partitions) override;
    void resume(const QList<Api::TopicPartition> &partitions) override;
    void requestCommit() override { m_commitRequested = true; }
    Api::ErrantRecordReporter *errantRecordReporter() override;

    // ErrantRecordReporter
    void report(const Api::SinkRecord &record, const std::exception &error) override;
    /** The consumed bytes of a record of the current batch, or the record converted back to
     *  bytes when the task made it up. */
    Kafka::Message originalOf(const Api::SinkRecord &record);

    // RebalanceListener
    void partitionsAssigned(const QList<Api::TopicPartition> &partitions) override;
    void partitionsRevoked(const QList<Api::TopicPartition> &partitions) override;
    void partitionsLost(const QList<Api::TopicPartition> &partitions) override;

    void runLoop();
    void pollAndDeliver(int timeoutMs);
    bool convert(const Kafka::Message &message, Api::SinkRecord &record);
    void deliver();
    void commitOffsets(bool sync, const QList<Api::TopicPartition> &only = {});
    void applySeeks();
    void rethrowCallbackFailure();
    void guardCallback(const char *what, const std::function<void()> &call);

    std::unique_ptr<Api::SinkTask> m_task;
    QSet<Api::TopicPartition> m_assigned;
    QSet<Api::TopicPartition> m_pausedByTask;
    Kafka::PartitionOffsets m_currentOffsets;
    Kafka::PartitionOffsets m_lastCommitted;
    QMap<Api::TopicPartition, qint64> m_seeks;
    QList<Api::SinkRecord> m_batch;
    /** The messages the current batch was converted from (kept for the ErrantRecordReporter),
     *  and their positions by partition and offset, built on the first report. */
    QList<Kafka::Message> m_polled;
    QHash<Api::TopicPartition, QHash<qint64, qsizetype>> m_polledIndex;
    bool m_retryBatch = false;
    qint64 m_retryTimeoutMs = -1;
    bool m_commitRequested = false;
    bool m_consumerPaused = false;
    QElapsedTimer m_sinceCommit;
    std::atomic<qint64> m_delivered = 0;
    std::atomic<qint64> m_committedCount = 0;
    QString m_callbackFailure;
    /** A report the tolerance refused: fails the task after put() even if the task caught it. */
    std::exception_ptr m_errantFailure;
    /** Set when the task failed: leaving the group then neither commits nor calls the task. */
    bool m_failed = false;
    // Last, so it is destroyed first: closing it calls the rebalance listener, which uses the
    // members above.
    std::unique_ptr<Kafka::Consumer> m_consumer;
};

} // namespace ConnectDesk::Runtime
