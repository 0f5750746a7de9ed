// SPDX-License-Identifier: Apache-2.0
#include "workersourcetask.h"

#include "logging.h"

#include "core/api/exceptions.h"
#include "core/kafka/producer.h"

#include <QScopeGuard>
#include <QThread>

#include <pthread.h>

namespace ConnectDesk::Runtime {

WorkerSourceTask::WorkerSourceTask(TaskSetup setup, std::unique_ptr<Api::SourceTask> task,
                                   std::shared_ptr<Storage::OffsetBackingStore> offsetStore,
                                   std::unique_ptr<OffsetCodec> writerCodec,
                                   std::unique_ptr<OffsetReader> reader)
    : WorkerTask(std::move(setup))
    , m_task(std::move(task))
    , m_offsetStore(std::move(offsetStore))
    , m_codec(std::move(writerCodec))
    , m_reader(std::move(reader))
{}

WorkerSourceTask::~WorkerSourceTask()
{
    requestStop();
    wait();
}

void WorkerSourceTask::execute()
{
    m_task->initialize(this);
    m_task->start(m_setup.taskConfig);
    qCInfo(lcRuntime).noquote() << id() << "Source task finished initialization and start";
    reportStatus(State::Running);
    m_committer = std::thread([this] { runCommitter(); });
    // However the loop ends (stop or failure), the committer drains acks and commits once more.
    const auto joinCommitter = qScopeGuard([this] {
        stopCommitter();
    });

    QList<Api::SourceRecord> batch;
    while (!m_stopping) {
        if (isPaused() && !awaitUnpaused())
            break;
        try {
            batch = m_task->poll();
        } catch (const Api::RetriableException &e) {
            qCWarning(lcRuntime).noquote() << id() << "failed to poll records from SourceTask. Will retry operation."
                                           << Api::exceptionTrace(e);
            continue;
        }
        sendRecords(batch);
        throwIfProducerFailed();
    }

    stopCommitter();
    throwIfProducerFailed();
    if (const qint64 pending = m_submitted.pendingCount(); pending > 0)
        qCWarning(lcRuntime).noquote() << id() << "stopped with" << pending
                                       << "unacknowledged records; they will be sent again after a restart";
    m_task->stop();
    qCInfo(lcRuntime).noquote() << id() << "stopped after sending" << m_sent.load() << "records";
}

void WorkerSourceTask::ensureProducer()
{
    if (m_producer)
        return;
    auto producer = Kafka::Producer::create(m_setup.clientProps, [this](const Kafka::DeliveryReport &r) {
        onDelivery(r);
    });
    if (!producer)
        throw Api::ConnectException(producer.error().message);
    m_producer = producer.takeValue();
    {
        std::lock_guard lock(m_committerMutex);
        m_readyProducer = m_producer.get();
    }
    m_committerWake.notify_all();
}

void WorkerSourceTask::stopCommitter()
{
    {
        std::lock_guard lock(m_committerMutex);
        m_committerStop = true;
    }
    m_committerWake.notify_all();
    if (Kafka::Producer *producer = m_readyProducer.load())
        producer->wake();
    if (m_committer.joinable())
        m_committer.join();
}

void WorkerSourceTask::runCommitter()
{
    // A name of its own, so profilers and debuggers tell it from the task thread (15 chars max).
    pthread_setname_np(pthread_self(), QStringLiteral("commit-%1").arg(id()).left(15).toUtf8().constData());
    QElapsedTimer sinceCommit;
    sinceCommit.start();
    while (!m_committerStop) {
        // Idle (nothing in flight) the committer sleeps until the next commit is due, so a
        // thousand idle sources cost no CPU; a produce wakes it through its delivery report,
        // and stopping through wake().
        const qint64 untilCommit = qMax<qint64>(1, m_setup.offsetFlushIntervalMs - sinceCommit.elapsed());
        if (Kafka::Producer *producer = m_readyProducer.load()) {
            const int timeoutMs = producer->outstanding() > 0 ? 50 : int(qMin<qint64>(untilCommit, 1000));
            producer->poll(timeoutMs);
        } else {
            std::unique_lock lock(m_committerMutex);
            m_committerWake.wait_for(lock, std::chrono::milliseconds(untilCommit),
                                     [this] { return m_committerStop || m_readyProducer.load(); });
        }
        flushAcks();
        if (sinceCommit.elapsed() >= m_setup.offsetFlushIntervalMs) {
            commitOffsets();
            sinceCommit.restart();
        }
    }
    // Final commit: wait for what is in flight (Kafka's offset.flush.timeout.ms), then commit.
    if (Kafka::Producer *producer = m_readyProducer.load())
        producer->flush(int(m_setup.offsetFlushTimeoutMs));
    flushAcks();
    commitOffsets();
}

void WorkerSourceTask::flushAcks()
{
    if (m_ackBatch.empty())
        return;
    m_submitted.ack(m_ackBatch);
    m_ackBatch.clear();
}

void WorkerSourceTask::sendRecords(QList<Api::SourceRecord> &records)
{
    // Convert the whole batch first, then track it under one lock, then hand it to Kafka.
    m_prepared.clear();
    m_originals.clear();
    for (Api::SourceRecord &record : records) {
        if (m_stopping)
            return; // not submitted: not committed, so polled again after a restart
        prepare(std::move(record));
    }
    records.clear();
    if (!m_prepared.empty())
        ensureProducer();
    const std::vector<SubmittedRecords::Entry *> entries = m_submitted.submit(m_originals);
    for (size_t i = 0; i < entries.size(); ++i) {
        const PreparedRecord &prepared = m_prepared[i];
        for (;;) {
            const Util::Error error = m_producer->produce(prepared.topic, prepared.partition,
                                                          prepared.key, prepared.value,
                                                          prepared.headers, prepared.timestamp,
                                                          entries[i]);
            if (!error)
                break;
            if (error.retriable && !m_stopping) {
                // Local queue full: the committer thread drains deliveries; wait a little.
                QThread::usleep(500);
                throwIfProducerFailed();
                continue;
            }
            if (m_stopping)
                return; // the rest stays unacked, so its offsets are not committed
            throw Api::ConnectException(QStringLiteral("Unrecoverable exception trying to send: %1")
                                            .arg(error.message));
        }
        trackTopic(prepared.topic);
        ++m_sent;
    }
}

void WorkerSourceTask::prepare(Api::SourceRecord &&original)
{
    // Transforms work on a copy: commitRecord() gets the record the task polled.
    Api::SourceRecord transformedStorage;
    const Api::SourceRecord *record = &original;
    if (m_setup.transforms && !m_setup.transforms->isEmpty()) {
        transformedStorage = original;
        bool skipped = false;
        if (!m_setup.transforms->apply(transformedStorage, m_errors, &skipped)) {
            commitRecord(original, nullptr);
            return;
        }
        record = &transformedStorage;
    }

    PreparedRecord prepared;
    const bool converted =
        m_errors.execute(ErrorStage::KeyConverter, m_setup.keyConverterClass, record, [&] {
            prepared.key = m_setup.keyConverter->fromConnectData(record->topic, record->headers,
                                                                 record->keySchema, record->key);
        })
        && m_errors.execute(ErrorStage::ValueConverter, m_setup.valueConverterClass, record, [&] {
               prepared.value = m_setup.valueConverter->fromConnectData(
                   record->topic, record->headers, record->valueSchema, record->value);
           })
        && m_errors.execute(ErrorStage::HeaderConverter, m_setup.headerConverterClass, record, [&] {
               for (const Api::Header &header : record->headers) {
                   prepared.headers.append({header.key, m_setup.headerConverter->fromConnectHeader(
                                                            record->topic, header.key, header.schema,
                                                            header.value)});
               }
           });
    if (!converted) {
        commitRecord(original, nullptr);
        return;
    }
    prepared.topic = record->topic;
    prepared.partition = record->kafkaPartition.value_or(-1);
    prepared.timestamp = record->timestamp;
    m_prepared.push_back(std::move(prepared));
    m_originals.push_back(std::move(original));
}

void WorkerSourceTask::onDelivery(const Kafka::DeliveryReport &report)
{
    auto *entry = static_cast<SubmittedRecords::Entry *>(report.opaque);
    if (!entry)
        return;
    if (report.errorCode != 0) {
        if (m_errors.toleratesAll()) {
            // Kafka treats a tolerated send failure as acknowledged so the offset moves on.
            qCWarning(lcRuntime).noquote() << id() << "failed to send record to topic" << report.topic
                                           << "; skipping it:" << report.errorMessage;
            commitRecord(entry->record, nullptr);
            m_ackBatch.push_back(entry);
            return;
        }
        QMutexLocker lock(&m_failureMutex);
        if (m_producerFailure.isEmpty())
            m_producerFailure = QStringLiteral("Unrecoverable exception from producer send callback: %1")
                                    .arg(report.errorMessage);
        return;
    }
    Api::RecordMetadata metadata{report.topic, report.partition, report.offset, report.timestamp};
    commitRecord(entry->record, &metadata);
    m_ackBatch.push_back(entry); // acked together after this poll: one lock per batch
    ++m_acked;
}

void WorkerSourceTask::commitRecord(const Api::SourceRecord &record, const Api::RecordMetadata *metadata)
{
    try {
        m_task->commitRecord(record, metadata);
    } catch (const std::exception &e) {
        qCWarning(lcRuntime).noquote() << id() << "Exception thrown while calling task.commitRecord()"
                                       << Api::exceptionTrace(e);
    }
}

void WorkerSourceTask::throwIfProducerFailed()
{
    QMutexLocker lock(&m_failureMutex);
    if (!m_producerFailure.isEmpty())
        throw Api::ConnectException(m_producerFailure);
}

void WorkerSourceTask::commitOffsets()
{
    // Offsets a failed write left behind are retried with (and overridden by) the new ones.
    for (const auto &[partition, offset] : m_submitted.takeCommittableOffsets()) {
        auto it = std::find_if(m_unwrittenOffsets.begin(), m_unwrittenOffsets.end(),
                               [&](const auto &entry) { return entry.first == partition; });
        if (it != m_unwrittenOffsets.end())
            it->second = offset;
        else
            m_unwrittenOffsets.append({partition, offset});
    }
    if (!m_unwrittenOffsets.isEmpty()) {
        QList<QPair<QByteArray, QByteArray>> entries;
        entries.reserve(m_unwrittenOffsets.size());
        for (const auto &[partition, offset] : std::as_const(m_unwrittenOffsets))
            entries.append({m_codec->key(m_setup.connector, partition), m_codec->value(offset)});
        if (const Util::Error error = m_offsetStore->write(entries)) {
            qCCritical(lcRuntime).noquote() << id() << "Failed to commit offsets, will retry:" << error.message;
            return; // records stay uncommitted meanwhile (at-least-once)
        }
        qCDebug(lcRuntime).noquote() << id() << "committed offsets for" << m_unwrittenOffsets.size() << "partitions";
        m_unwrittenOffsets.clear();
    }
    m_submitted.pruneCommitted();
    m_committed = m_acked.load();
    try {
        m_task->commit();
    } catch (const std::exception &e) {
        qCWarning(lcRuntime).noquote() << id() << "Exception thrown while calling task.commit()" << Api::exceptionTrace(e);
    }
}

} // namespace ConnectDesk::Runtime
