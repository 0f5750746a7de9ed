// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "offsetstorage.h"
#include "submittedrecords.h"
#include "workertask.h"

#include "core/api/task.h"
#include "core/kafka/kafkamessage.h"
#include "core/storage/offsetbackingstore.h"

#include <QElapsedTimer>
#include <QMutex>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace ConnectDesk::Kafka {
class Producer;
struct DeliveryReport;
} // namespace ConnectDesk::Kafka

namespace ConnectDesk::Runtime {

/**
 * Source task loop (Kafka's WorkerSourceTask, at-least-once): poll → transforms → converters →
 * produce; acks tracked per source partition; offsets of acked prefixes committed to the offset
 * store every `offset.flush.interval.ms` and at stop.
 *
 * Threads: the task thread polls the task and produces. A committer thread (Kafka's producer
 * callback thread and offset committer in one) serves delivery reports — so
 * SourceTask::commitRecord() and SourceTask::commit() run there, as in Kafka — and commits
 * offsets on schedule, so commits never wait for a slow or idle poll().
 */
class WorkerSourceTask : public WorkerTask, private Api::SourceTaskContext
{
    Q_OBJECT

public:
    WorkerSourceTask(TaskSetup setup, std::unique_ptr<Api::SourceTask> task,
                     std::shared_ptr<Storage::OffsetBackingStore> offsetStore,
                     std::unique_ptr<OffsetCodec> writerCodec, std::unique_ptr<OffsetReader> reader);
    ~WorkerSourceTask() override;

    /** Counters for progress displays; thread-safe. */
    qint64 recordsSent() const { return m_sent.load(); }
    qint64 recordsCommitted() const { return m_committed.load(); }

protected:
    void execute() override;

private:
    // SourceTaskContext
    Api::ConfigMap configs() const override { return m_setup.taskConfig; }
    Api::OffsetStorageReader *offsetStorageReader() override { return m_reader.get(); }

    /** A record converted and ready for the producer. */
    struct PreparedRecord
    {
        QString topic;
        qint32 partition = -1;
        std::optional<qint64> timestamp;
        QByteArray key;
        QByteArray value;
        Kafka::RawHeaders headers;
    };

    void sendRecords(QList<Api::SourceRecord> &records);
    /** Transforms and converts one record into m_prepared (and m_originals); a dropped or
     *  skipped record is reported to commitRecord() with no metadata. */
    void prepare(Api::SourceRecord &&original);
    void onDelivery(const Kafka::DeliveryReport &report);
    /** The committer thread's loop: serve deliveries, commit on schedule; at the end wait for
     *  outstanding acks (offset.flush.timeout.ms) and commit once more. */
    void runCommitter();
    void ensureProducer();
    void stopCommitter();
    void flushAcks();
    void commitOffsets();
    void commitRecord(const Api::SourceRecord &record, const Api::RecordMetadata *metadata);
    void throwIfProducerFailed();

    std::unique_ptr<Api::SourceTask> m_task;
    std::shared_ptr<Storage::OffsetBackingStore> m_offsetStore;
    std::unique_ptr<OffsetCodec> m_codec;
    std::unique_ptr<OffsetReader> m_reader;
    /** Created with the first batch to send: an idle source (a file that does not exist yet)
     *  costs no Kafka client and no librdkafka threads. Written once by the task thread. */
    std::unique_ptr<Kafka::Producer> m_producer;
    std::atomic<Kafka::Producer *> m_readyProducer = nullptr;
    std::mutex m_committerMutex;
    std::condition_variable m_committerWake;
    SubmittedRecords m_submitted;
    std::vector<PreparedRecord> m_prepared;     // task thread only
    std::vector<Api::SourceRecord> m_originals; // task thread only
    std::thread m_committer;
    std::vector<SubmittedRecords::Entry *> m_ackBatch; // committer thread only
    QList<QPair<Api::OffsetMap, Api::OffsetMap>> m_unwrittenOffsets; // committer thread only
    std::atomic_bool m_committerStop = false;
    QMutex m_failureMutex;
    QString m_producerFailure;
    std::atomic<qint64> m_sent = 0;
    std::atomic<qint64> m_committed = 0;
    std::atomic<qint64> m_acked = 0;
};

} // namespace ConnectDesk::Runtime
