// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "errorhandler.h"

#include "core/kafka/kafkamessage.h"
#include "core/util/result.h"

#include <QMap>
#include <QString>

#include <functional>
#include <memory>

namespace ConnectDesk::Kafka {
class Producer;
}

namespace ConnectDesk::Runtime {

/**
 * A sink connector's dead-letter queue (Kafka's DeadLetterQueueReporter): each record that
 * failed in a converter, a transformation or was reported through the ErrantRecordReporter is
 * written to `errors.deadletterqueue.topic.name` as it was consumed (key, value, headers and
 * timestamp bytes unchanged), with the `__connect.errors.*` context headers appended when
 * `errors.deadletterqueue.context.headers.enable=true`. Writes are asynchronous; a failed write
 * is logged and counted, never fatal. flush() lets the task commit offsets only after the
 * records it skipped are safely in the queue.
 *
 * Owner: the sink task. Thread: the task's own (the producer's delivery callbacks run inside
 * its poll()/flush() calls there).
 */
class DeadLetterQueueReporter
{
public:
    struct Settings
    {
        QString topic;
        int replicationFactor = 3;
        bool contextHeaders = false;
        QString connector;
        int task = 0;
        /** Fully layered producer settings (client.id `connector-dlq-producer-<c>-<n>`). */
        QMap<QString, QString> producerProps;
        /** Finds the topic or creates it (1 partition, replicationFactor); run by start(). */
        std::function<Util::Error(const QString &topic, int replicationFactor)> ensureTopic;
    };

    explicit DeadLetterQueueReporter(Settings settings);
    ~DeadLetterQueueReporter();

    const QString &topic() const { return m_settings.topic; }

    /** Creates the topic if missing and the producer; the error reads as Kafka's
     *  `Could not initialize dead letter queue with topic=<t>` with the cause. */
    Util::Error start();
    /** Queues the original record with the failure's context. */
    void report(const Kafka::Message &original, ErrorStage stage, const QString &className,
                const std::exception &error);
    /** Waits up to timeoutMs for queued writes; false when some are still in flight. */
    bool flush(int timeoutMs);

    qint64 written() const { return m_written; }
    qint64 failed() const { return m_failed; }

    /** The `__connect.errors.*` headers of one failure, in Kafka's order. */
    static Kafka::RawHeaders contextHeaders(const Kafka::Message &original, const QString &connector, int task,
                                            ErrorStage stage, const QString &className,
                                            const std::exception &error);

private:
    Settings m_settings;
    std::unique_ptr<Kafka::Producer> m_producer;
    qint64 m_written = 0;
    qint64 m_failed = 0;
};

} // namespace ConnectDesk::Runtime
