// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "offsetstorage.h"
#include "submittedrecords.h"
#include "workertask.h"

#include "core/api/task.h"
#include "core/storage/offsetbackingstore.h"

#include <QElapsedTimer>

namespace ConnectDesk::Kafka {
class Producer;
struct DeliveryReport;
} // namespace ConnectDesk::Kafka

namespace ConnectDesk::Runtime {

/**
 * Source task loop (Kafka's WorkerSourceTask, at-least-once): poll → transforms → converters →
 * produce; acks tracked per source partition; offsets of acked prefixes committed to the offset
 * store every `offset.flush.interval.ms` and at stop. Thread: its own.
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

    void sendRecords(QList<Api::SourceRecord> &records);
    bool convertAndSend(Api::SourceRecord &&original);
    void onDelivery(const Kafka::DeliveryReport &report);
    void commitOffsets();
    void throwIfProducerFailed();

    std::unique_ptr<Api::SourceTask> m_task;
    std::shared_ptr<Storage::OffsetBackingStore> m_offsetStore;
    std::unique_ptr<OffsetCodec> m_codec;
    std::unique_ptr<OffsetReader> m_reader;
    std::unique_ptr<Kafka::Producer> m_producer;
    SubmittedRecords m_submitted;
    QElapsedTimer m_sinceCommit;
    QString m_producerFailure;
    std::atomic<qint64> m_sent = 0;
    std::atomic<qint64> m_committed = 0;
    qint64 m_acked = 0;
};

} // namespace ConnectDesk::Runtime
