// SPDX-License-Identifier: Apache-2.0
#include "workersinktask.h"

#include "logging.h"

#include "core/api/exceptions.h"
#include "core/config/connectorconfig.h"

#include <QRegularExpression>
#include <QScopeGuard>

namespace ConnectDesk::Runtime {

namespace {
constexpr int MaxPollRecords = 500 * 20; // librdkafka batches; Kafka's max.poll.records is 500
constexpr int IdlePollMs = 1000;

} // namespace

WorkerSinkTask::WorkerSinkTask(TaskSetup setup, std::unique_ptr<Api::SinkTask> task)
    : WorkerTask(std::move(setup))
    , m_task(std::move(task))
{}

WorkerSinkTask::~WorkerSinkTask()
{
    requestStop();
    wait();
}

void WorkerSinkTask::execute()
{
    auto consumer = Kafka::Consumer::create(m_setup.clientProps, this);
    if (!consumer)
        throw Api::ConnectException(consumer.error().message);
    m_consumer = consumer.takeValue();

    if (m_setup.deadLetterQueue) {
        if (const Util::Error error = m_setup.deadLetterQueue->start())
            throw Api::ConnectException(error.message);
        m_errors.setDeadLetterQueue(m_setup.deadLetterQueue.get());
    }
    m_task->initialize(this);
    m_task->start(m_setup.taskConfig);

    const QString regex = m_setup.taskConfig.value(QStringLiteral("topics.regex")).trimmed();
    const QStringList topics = Config::parseTopicsList(m_setup.taskConfig);
    const Util::Error subscribed = regex.isEmpty() ? m_consumer->subscribe(topics)
                                                   : m_consumer->subscribePattern(regex);
    if (subscribed)
        throw Api::ConnectException(subscribed.message);
    qCInfo(lcRuntime).noquote() << id() << "Sink task finished initialization and start";
    reportStatus(State::Running);
    m_sinceCommit.start();

    try {
        runLoop();
    } catch (...) {
        // Kafka does not commit or call the task after it failed: records of the batch put()
        // rejected must be consumed again. Leave the group now, on this thread.
        m_failed = true;
        m_consumer->close();
        throw;
    }

    // Leaving the group revokes the partitions: the listener commits and closes them.
    commitOffsets(true);
    m_consumer->close();
    if (!m_assigned.isEmpty())
        m_task->close(QList<Api::TopicPartition>(m_assigned.cbegin(), m_assigned.cend()));
    m_task->stop();
    rethrowCallbackFailure();
    qCInfo(lcRuntime).noquote() << id() << "stopped after delivering" << m_delivered.load() << "records";
}

void WorkerSinkTask::runLoop()
{
    while (!m_stopping) {
        if (isPaused() != m_consumerPaused) {
            // Paused: keep polling (group liveness) with every partition paused; commit first.
            m_consumerPaused = isPaused();
            const QList<Api::TopicPartition> all(m_assigned.cbegin(), m_assigned.cend());
            if (m_consumerPaused) {
                commitOffsets(false);
                m_consumer->pause(all);
                reportStatus(State::Paused);
            } else {
                QList<Api::TopicPartition> resumable;
                for (const auto &tp : all)
                    if (!m_pausedByTask.contains(tp))
                        resumable.append(tp);
                m_consumer->resume(resumable);
                reportStatus(State::Running);
            }
        }
        if (m_commitRequested || m_sinceCommit.elapsed() >= m_setup.offsetFlushIntervalMs)
            commitOffsets(false);
        const qint64 untilCommit = m_setup.offsetFlushIntervalMs - m_sinceCommit.elapsed();
        pollAndDeliver(int(std::clamp<qint64>(untilCommit, 0, IdlePollMs)));
    }
}

void WorkerSinkTask::pollAndDeliver(int timeoutMs)
{
    if (m_retryBatch) {
        // put() asked to be retried: redeliver the same batch after the requested pause.
        sleepInterruptibly(m_retryTimeoutMs > 0 ? m_retryTimeoutMs : 0);
        m_consumer->poll(0, 0); // keep the group session alive; everything is paused
        deliver();
        return;
    }
    Util::Error error;
    m_polled = m_consumer->poll(MaxPollRecords, timeoutMs, &error);
    m_polledIndex.clear();
    const QList<Kafka::Message> &messages = m_polled;
    rethrowCallbackFailure();
    if (error)
        qCWarning(lcRuntime).noquote() << id() << "consumer:" << error.message;
    applySeeks();
    m_batch.clear();
    m_batch.reserve(messages.size());
    // Skipped records still count as processed: their offsets are committed. A batch holds runs
    // of one partition, so the map is updated once per run, not once per record.
    const Kafka::Message *runEnd = nullptr;
    auto recordRun = [&] {
        if (runEnd) {
            m_currentOffsets.insert({runEnd->topic, runEnd->partition}, runEnd->offset + 1);
            trackTopic(runEnd->topic);
        }
    };
    for (const Kafka::Message &message : messages) {
        Api::SinkRecord record;
        if (convert(message, record))
            m_batch.append(std::move(record));
        if (runEnd && (runEnd->partition != message.partition || runEnd->topic != message.topic))
            recordRun();
        runEnd = &message;
    }
    recordRun();
    if (!errantRecordReporter())
        m_polled.clear(); // only the reporter needs the consumed bytes during put()
    if (!isPaused() || !m_batch.isEmpty())
        deliver();
}

bool WorkerSinkTask::convert(const Kafka::Message &message, Api::SinkRecord &record)
{
    m_errors.setConsumedMessage(&message);
    const auto forget = qScopeGuard([this] { m_errors.setConsumedMessage(nullptr); });
    record.topic = message.topic;
    record.kafkaPartition = message.partition;
    record.kafkaOffset = message.offset;
    record.originalTopic = message.topic;
    record.originalKafkaPartition = message.partition;
    record.originalKafkaOffset = message.offset;
    if (message.timestamp >= 0)
        record.timestamp = message.timestamp;
    record.timestampType = static_cast<Api::TimestampType>(message.timestampType);

    bool ok = m_errors.execute(ErrorStage::KeyConverter, m_setup.keyConverterClass, &record, [&] {
        const Api::SchemaAndValue key = m_setup.keyConverter->toConnectData(message.topic, {}, message.key);
        record.keySchema = key.schema;
        record.key = key.value;
    });
    ok = ok && m_errors.execute(ErrorStage::ValueConverter, m_setup.valueConverterClass, &record, [&] {
        const Api::SchemaAndValue value = m_setup.valueConverter->toConnectData(message.topic, {}, message.value);
        record.valueSchema = value.schema;
        record.value = value.value;
    });
    ok = ok && m_errors.execute(ErrorStage::HeaderConverter, m_setup.headerConverterClass, &record, [&] {
        for (const auto &[key, bytes] : message.headers) {
            const Api::SchemaAndValue header = m_setup.headerConverter->toConnectHeader(message.topic, key, bytes);
            record.headers.add(key, header.schema, header.value);
        }
    });
    if (!ok)
        return false;
    if (m_setup.transforms && !m_setup.transforms->isEmpty()) {
        bool skipped = false;
        return m_setup.transforms->apply(record, m_errors, &skipped);
    }
    return true;
}

void WorkerSinkTask::deliver()
{
    try {
        m_task->put(m_batch);
        if (m_errantFailure)
            std::rethrow_exception(m_errantFailure); // the task swallowed it; Kafka fails anyway
        m_delivered += m_batch.size();
        if (m_retryBatch) {
            m_retryBatch = false;
            if (!isPaused()) {
                QList<Api::TopicPartition> resumable;
                for (const auto &tp : std::as_const(m_assigned))
                    if (!m_pausedByTask.contains(tp))
                        resumable.append(tp);
                m_consumer->resume(resumable);
            }
        }
        m_batch.clear();
    } catch (const Api::RetriableException &e) {
        qCWarning(lcRuntime).noquote() << id() << "RetriableException from SinkTask:" << e.message();
        if (!m_retryBatch) {
            m_retryBatch = true;
            m_consumer->pause(QList<Api::TopicPartition>(m_assigned.cbegin(), m_assigned.cend()));
        }
    }
}

void WorkerSinkTask::commitOffsets(bool sync, const QList<Api::TopicPartition> &only)
{
    m_commitRequested = false;
    m_sinceCommit.restart();
    if (m_setup.deadLetterQueue && !m_setup.deadLetterQueue->flush(int(m_setup.offsetFlushTimeoutMs))) {
        // Committing now could lose a skipped record whose dead-letter write then fails.
        qCWarning(lcRuntime).noquote() << id() << "Dead letter queue writes to" << m_setup.deadLetterQueue->topic()
                                       << "still in flight; offsets are committed at a later attempt";
        return;
    }
    Kafka::PartitionOffsets current;
    for (auto it = m_currentOffsets.cbegin(); it != m_currentOffsets.cend(); ++it) {
        if (only.isEmpty() || only.contains(it.key()))
            current.insert(it.key(), it.value());
    }
    if (m_retryBatch) {
        // The batch being retried was not put yet: do not commit past it.
        for (const auto &record : std::as_const(m_batch)) {
            const Api::TopicPartition tp{record.originalTopic, record.originalKafkaPartition};
            const qint64 first = record.originalKafkaOffset;
            if (current.contains(tp) && current.value(tp) > first)
                current.insert(tp, first);
        }
    }
    Kafka::PartitionOffsets toCommit;
    try {
        toCommit = m_task->preCommit(current);
    } catch (const std::exception &e) {
        // Kafka rewinds to the last committed offsets so uncommitted data is redelivered.
        qCCritical(lcRuntime).noquote() << id() << "Offset commit failed, rewinding to last committed offsets"
                                        << Api::exceptionTrace(e);
        for (auto it = m_lastCommitted.cbegin(); it != m_lastCommitted.cend(); ++it) {
            m_consumer->seek(it.key(), it.value());
            m_currentOffsets.insert(it.key(), it.value());
        }
        return;
    }
    Kafka::PartitionOffsets filtered;
    for (auto it = toCommit.cbegin(); it != toCommit.cend(); ++it) {
        if (!m_assigned.contains(it.key()))
            continue;
        if (it.value() > m_currentOffsets.value(it.key(), -1)) {
            qCWarning(lcRuntime).noquote() << id() << "Ignoring invalid task provided offset"
                                           << it.key().toString() << it.value();
            continue;
        }
        if (m_lastCommitted.value(it.key(), -1) != it.value())
            filtered.insert(it.key(), it.value());
    }
    if (filtered.isEmpty())
        return;
    const Util::Error error = sync ? m_consumer->commitSync(filtered) : m_consumer->commitAsync(filtered);
    if (error) {
        qCWarning(lcRuntime).noquote() << id() << "Commit of offsets failed:" << error.message;
        return;
    }
    qint64 advanced = 0;
    for (auto it = filtered.cbegin(); it != filtered.cend(); ++it) {
        advanced += it.value() - std::max<qint64>(m_lastCommitted.value(it.key(), 0), 0);
        m_lastCommitted.insert(it.key(), it.value());
    }
    m_committedCount += advanced;
}

Api::ErrantRecordReporter *WorkerSinkTask::errantRecordReporter()
{
    // Kafka hands one out only when reporting does something: a dead-letter queue or the log.
    return m_setup.deadLetterQueue || m_errors.logsErrors() ? this : nullptr;
}

void WorkerSinkTask::report(const Api::SinkRecord &record, const std::exception &error)
{
    try {
        m_errors.reportFailed(ErrorStage::TaskPut, QStringLiteral("org.apache.kafka.connect.sink.SinkTask"),
                              originalOf(record), error);
    } catch (...) {
        if (!m_errantFailure)
            m_errantFailure = std::current_exception();
        throw;
    }
}

Kafka::Message WorkerSinkTask::originalOf(const Api::SinkRecord &record)
{
    if (m_polledIndex.isEmpty()) {
        for (qsizetype i = 0; i < m_polled.size(); ++i)
            m_polledIndex[{m_polled[i].topic, m_polled[i].partition}].insert(m_polled[i].offset, i);
    }
    const auto partition = m_polledIndex.constFind({record.originalTopic, record.originalKafkaPartition});
    if (partition != m_polledIndex.cend()) {
        if (const auto at = partition->constFind(record.originalKafkaOffset); at != partition->cend())
            return m_polled[*at];
    }
    // A record the task made up: send what the converters make of it, as Kafka does.
    Kafka::Message message;
    message.topic = record.topic;
    message.partition = record.kafkaPartition.value_or(-1);
    message.offset = record.kafkaOffset;
    message.timestamp = record.timestamp.value_or(-1);
    message.timestampType = int(record.timestampType);
    message.key = m_setup.keyConverter->fromConnectData(record.topic, record.headers, record.keySchema, record.key);
    message.value = m_setup.valueConverter->fromConnectData(record.topic, record.headers, record.valueSchema,
                                                            record.value);
    for (const Api::Header &header : record.headers)
        message.headers.append({header.key, m_setup.headerConverter->fromConnectHeader(record.topic, header.key,
                                                                                      header.schema, header.value)});
    return message;
}

void WorkerSinkTask::applySeeks()
{
    for (auto it = m_seeks.cbegin(); it != m_seeks.cend(); ++it) {
        if (m_assigned.contains(it.key())) {
            m_consumer->seek(it.key(), it.value());
            m_currentOffsets.insert(it.key(), it.value());
        }
    }
    m_seeks.clear();
}

void WorkerSinkTask::offset(const Api::TopicPartition &partition, qint64 offset)
{
    m_seeks.insert(partition, offset);
}

void WorkerSinkTask::pause(const QList<Api::TopicPartition> &partitions)
{
    for (const auto &tp : partitions)
        m_pausedByTask.insert(tp);
    m_consumer->pause(partitions);
}

void WorkerSinkTask::resume(const QList<Api::TopicPartition> &partitions)
{
    for (const auto &tp : partitions)
        m_pausedByTask.remove(tp);
    if (!isPaused())
        m_consumer->resume(partitions);
}

void WorkerSinkTask::rethrowCallbackFailure()
{
    if (!m_callbackFailure.isEmpty())
        throw Api::ConnectException(m_callbackFailure);
}

void WorkerSinkTask::guardCallback(const char *what, const std::function<void()> &call)
{
    // Exceptions must not unwind through librdkafka's C frames: keep the first, rethrow later.
    try {
        call();
    } catch (const std::exception &e) {
        if (m_callbackFailure.isEmpty())
            m_callbackFailure = QStringLiteral("Exception in %1: %2")
                                    .arg(QLatin1String(what), Api::exceptionTrace(e));
    }
}

void WorkerSinkTask::partitionsAssigned(const QList<Api::TopicPartition> &partitions)
{
    qCInfo(lcRuntime).noquote() << id() << "assigned" << partitions.size() << "partitions";
    for (const auto &tp : partitions)
        m_assigned.insert(tp);
    // Committed positions are where consumption resumes; remember them as committed.
    if (auto committed = m_consumer->committed(partitions, 10000)) {
        for (auto it = committed->cbegin(); it != committed->cend(); ++it)
            m_lastCommitted.insert(it.key(), it.value());
    }
    if (m_consumerPaused || m_retryBatch)
        m_consumer->pause(partitions);
    guardCallback("SinkTask.open", [&] { m_task->open(partitions); });
    applySeeks();
}

void WorkerSinkTask::partitionsRevoked(const QList<Api::TopicPartition> &partitions)
{
    qCInfo(lcRuntime).noquote() << id() << "revoked" << partitions.size() << "partitions";
    if (m_failed)
        return;
    guardCallback("SinkTask.close", [&] {
        if (!m_retryBatch)
            commitOffsets(true, partitions);
        m_task->close(partitions);
    });
    for (const auto &tp : partitions) {
        m_assigned.remove(tp);
        m_currentOffsets.remove(tp);
        m_lastCommitted.remove(tp);
    }
}

void WorkerSinkTask::partitionsLost(const QList<Api::TopicPartition> &partitions)
{
    qCWarning(lcRuntime).noquote() << id() << "lost" << partitions.size() << "partitions";
    if (m_failed)
        return;
    guardCallback("SinkTask.close", [&] { m_task->close(partitions); });
    for (const auto &tp : partitions) {
        m_assigned.remove(tp);
        m_currentOffsets.remove(tp);
        m_lastCommitted.remove(tp);
    }
}

} // namespace ConnectDesk::Runtime
