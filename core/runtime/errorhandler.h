// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/api/records.h"

#include <QString>

#include <atomic>
#include <exception>
#include <functional>

namespace ConnectDesk::Kafka {
struct Message;
}

namespace ConnectDesk::Runtime {

class DeadLetterQueueReporter;

/** Where in a pipeline an error happened (Kafka's errors.Stage). */
enum class ErrorStage {
    TaskPoll,
    TaskPut,
    Transformation,
    KeyConverter,
    ValueConverter,
    HeaderConverter,
    KafkaProduce,
    KafkaConsume
};
QString errorStageName(ErrorStage stage);

/**
 * Runs one converter or transformation step of a record under the connector's `errors.*` keys
 * (Kafka's RetryWithToleranceOperator): RetriableException is retried with exponential back-off
 * (300 ms × 2^n, capped by `errors.retry.delay.max.ms`) until `errors.retry.timeout`; other
 * exceptions skip the record with `errors.tolerance=all` and fail the task with `none`. Each
 * failure is logged when `errors.log.enable=true` and, for sink tasks with a dead-letter queue,
 * written there with the consumed record set by setConsumedMessage().
 * Thread: the task's own thread.
 */
class ErrorHandler
{
public:
    ErrorHandler(const Api::ConfigMap &connectorConfig, QString connector, int task,
                 const std::atomic_bool *stopping);

    /** Runs op; true on success, false when the record is to be skipped. Throws
     *  ConnectException("Tolerance exceeded in error handler") when the error is not tolerated.
     *  The success path costs one call: no allocation, no clock reads. */
    template<typename Op>
    bool execute(ErrorStage stage, const QString &className, const Api::ConnectRecord *record, Op &&op)
    {
        try {
            op();
            return true;
        } catch (const std::exception &) {
            return handleFailure(stage, className, record, std::current_exception(),
                                 std::function<void()>(std::forward<Op>(op)));
        }
    }

    /** Reports a failure that already happened (the ErrantRecordReporter path, stage TASK_PUT):
     *  log, dead-letter queue, then tolerance — throws ConnectException("Tolerance exceeded in
     *  error handler") with `errors.tolerance=none`. */
    void reportFailed(ErrorStage stage, const QString &className, const Kafka::Message &original,
                      const std::exception &error);

    /** The consumed record being processed (sink tasks), for the log and the dead-letter queue;
     *  nullptr when none. Not owned; must outlive the calls that use it. */
    void setConsumedMessage(const Kafka::Message *message) { m_consumed = message; }
    /** Not owned; nullptr = no dead-letter queue. */
    void setDeadLetterQueue(DeadLetterQueueReporter *queue) { m_deadLetterQueue = queue; }

    bool logsErrors() const { return m_logEnabled; }
    bool toleratesAll() const { return m_tolerateAll; }
    qint64 skippedRecords() const { return m_skipped; }
    qint64 failedAttempts() const { return m_failures; }

private:
    /** Retries (RetriableException) or applies the tolerance; slow path of execute(). */
    bool handleFailure(ErrorStage stage, const QString &className, const Api::ConnectRecord *record,
                       std::exception_ptr failure, const std::function<void()> &retry);
    void report(ErrorStage stage, const QString &className, const Api::ConnectRecord *record,
                const std::exception &error);

    QString m_connector;
    int m_task = 0;
    const Kafka::Message *m_consumed = nullptr;
    DeadLetterQueueReporter *m_deadLetterQueue = nullptr;
    const std::atomic_bool *m_stopping = nullptr;
    qint64 m_retryTimeoutMs = 0;
    qint64 m_retryDelayMaxMs = 60000;
    bool m_tolerateAll = false;
    bool m_logEnabled = false;
    bool m_logIncludeMessages = false;
    qint64 m_skipped = 0;
    qint64 m_failures = 0;
};

} // namespace ConnectDesk::Runtime
