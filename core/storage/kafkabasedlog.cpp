// SPDX-License-Identifier: Apache-2.0
#include "kafkabasedlog.h"

#include "logging.h"

#include "core/kafka/consumer.h"
#include "core/kafka/producer.h"

#include <QDeadlineTimer>

namespace ConnectDesk::Storage {

namespace {
constexpr int MessageTimeoutMs = 25000;
}

Util::Result<std::unique_ptr<KafkaBasedLog>> KafkaBasedLog::open(const QString &topic, int partitions,
                                                                 const QMap<QString, QString> &clientProps)
{
    std::unique_ptr<KafkaBasedLog> log(new KafkaBasedLog);
    log->m_topic = topic;
    log->m_partitions = qMax(1, partitions);

    QMap<QString, QString> producerProps = clientProps;
    producerProps.insert(QStringLiteral("acks"), QStringLiteral("all"));
    producerProps.insert(QStringLiteral("linger.ms"), QStringLiteral("0"));
    producerProps.insert(QStringLiteral("enable.idempotence"), QStringLiteral("false"));
    producerProps.insert(QStringLiteral("max.in.flight.requests.per.connection"), QStringLiteral("1"));
    // The same key lands on the same partition as with Kafka's Java producer.
    producerProps.insert(QStringLiteral("partitioner"), QStringLiteral("murmur2_random"));
    // A write reported as failed must never land later (a connector the worker refused would
    // come back at the next start): records expire inside the client before send() gives up.
    producerProps.insert(QStringLiteral("message.timeout.ms"), QString::number(MessageTimeoutMs));
    KafkaBasedLog *raw = log.get();
    auto producer = Kafka::Producer::create(producerProps, [raw](const Kafka::DeliveryReport &report) {
        if (report.errorCode != 0 && reinterpret_cast<quintptr>(report.opaque) == raw->m_sendGeneration)
            raw->m_deliveryError = report.errorMessage;
    });
    if (!producer)
        return producer.error();
    log->m_producer = producer.takeValue();

    QMap<QString, QString> consumerProps = clientProps;
    // librdkafka needs a group id even to assign partitions; it is never joined or committed.
    consumerProps.insert(QStringLiteral("group.id"), QStringLiteral("connectdesk-internal-reader-%1").arg(topic));
    consumerProps.insert(QStringLiteral("enable.auto.commit"), QStringLiteral("false"));
    consumerProps.insert(QStringLiteral("enable.partition.eof"), QStringLiteral("false"));
    auto consumer = Kafka::Consumer::create(consumerProps);
    if (!consumer)
        return consumer.error();
    log->m_consumer = consumer.takeValue();
    Kafka::PartitionOffsets start;
    for (int p = 0; p < log->m_partitions; ++p) {
        start.insert({topic, p}, -2); // the beginning
        log->m_positions.insert(p, 0);
    }
    if (const Util::Error error = log->m_consumer->assign(start))
        return error;
    return log;
}

KafkaBasedLog::~KafkaBasedLog()
{
    if (m_producer)
        (void)m_producer->flush(5000);
}

Util::Error KafkaBasedLog::readToEnd(const Consumer &consume, int timeoutMs)
{
    QMutexLocker lock(&m_mutex);
    const QDeadlineTimer deadline(timeoutMs);
    QMap<int, qint64> ends;
    for (int p = 0; p < m_partitions; ++p) {
        auto marks = m_consumer->watermarks({m_topic, p}, int(qMax<qint64>(1, deadline.remainingTime())));
        if (!marks)
            return Util::Error{QStringLiteral("Cannot read topic %1: %2").arg(m_topic, marks.error().message),
                               marks.error().code, true};
        ends.insert(p, marks->second);
        // Records below the low watermark are gone (retention): start where the log starts.
        if (m_positions.value(p) < marks->first)
            m_positions[p] = marks->first;
    }
    auto behind = [&] {
        for (auto it = ends.cbegin(); it != ends.cend(); ++it) {
            if (m_positions.value(it.key()) < it.value())
                return true;
        }
        return false;
    };
    while (behind()) {
        if (deadline.hasExpired())
            return Util::Error{QStringLiteral("Timed out reading topic %1 to its end").arg(m_topic), 0, true};
        Util::Error error;
        const auto messages = m_consumer->poll(10000, 100, &error);
        if (error)
            qCWarning(lcStorage).noquote() << "Reading" << m_topic << ":" << error.message;
        for (const auto &message : messages) {
            if (message.offset < m_positions.value(message.partition))
                continue;
            m_positions[message.partition] = message.offset + 1;
            Record record;
            record.key = message.key;
            if (!message.value.isNull())
                record.value = message.value;
            record.partition = message.partition;
            record.offset = message.offset;
            consume(record);
        }
    }
    return {};
}

Util::Error KafkaBasedLog::send(const QList<Record> &records, int partition, int timeoutMs)
{
    QMutexLocker lock(&m_mutex);
    m_deliveryError.clear();
    void *const tag = reinterpret_cast<void *>(++m_sendGeneration);
    const QDeadlineTimer deadline(timeoutMs);
    for (const Record &record : records) {
        for (;;) {
            const Util::Error error = m_producer->produce(m_topic, partition, record.key,
                                                          record.value.value_or(QByteArray()), {},
                                                          std::nullopt, tag);
            if (!error)
                break;
            if (!error.retriable || deadline.hasExpired()) {
                m_producer->purgeQueued(); // the part of the batch already queued must not land alone
                return Util::Error{QStringLiteral("Cannot write to topic %1: %2").arg(m_topic, error.message)};
            }
            m_producer->poll(10);
        }
    }
    // Wait past the records' own expiry, so each is either acknowledged or failed for good.
    const int flushMs = int(qMax<qint64>(deadline.remainingTime(), MessageTimeoutMs + 5000));
    if (const Util::Error error = m_producer->flush(flushMs)) {
        // The client did not expire them in time (a loaded machine): drop what is still queued,
        // so a write reported as failed cannot land when the broker comes back.
        m_producer->purgeQueued();
        return Util::Error{QStringLiteral("Cannot write to topic %1: %2").arg(m_topic, error.message), 0, true};
    }
    if (!m_deliveryError.isEmpty())
        return Util::Error{QStringLiteral("Cannot write to topic %1: %2").arg(m_topic, m_deliveryError), 0, true};
    return {};
}

Util::Error KafkaBasedLog::send(const QByteArray &key, const std::optional<QByteArray> &value,
                                int partition, int timeoutMs)
{
    return send(QList<Record>{Record{key, value, 0, 0}}, partition, timeoutMs);
}

} // namespace ConnectDesk::Storage
