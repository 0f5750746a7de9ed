// SPDX-License-Identifier: Apache-2.0
#include "topictail.h"

#include "assignedconsumer_p.h"
#include "core/kafka/admin.h"
#include "core/kafka/consumer.h"

#include <QThread>

namespace ConnectDesk::Client {

TopicTail::TopicTail(QMap<QString, QString> kafkaProperties, QString topic, QMap<int, qint64> startOffsets)
    : m_properties(std::move(kafkaProperties))
    , m_topic(std::move(topic))
    , m_startOffsets(std::move(startOffsets))
{
}

TopicTail::~TopicTail() = default;

bool TopicTail::assignWhenPresent(int timeoutMs, QString *error)
{
    if (!m_admin) {
        auto admin = Kafka::Admin::create(m_properties);
        if (!admin) {
            *error = admin.error().message;
            return false;
        }
        m_admin = admin.takeValue();
    }
    auto topics = m_admin->topics(qMax(1000, timeoutMs));
    if (!topics) {
        *error = topics.error().message;
        return false;
    }
    const int partitions = topics->value(m_topic);
    if (partitions <= 0) {
        // Not there yet (no failure so far): wait as long as a poll would.
        QThread::msleep(quint64(qMax(0, timeoutMs)));
        return false;
    }
    auto consumer = Kafka::Consumer::create(Internal::assignedConsumerProperties(m_properties, QStringLiteral("tail")));
    if (!consumer) {
        *error = consumer.error().message;
        return false;
    }
    Kafka::PartitionOffsets start;
    for (int partition = 0; partition < partitions; ++partition)
        start.insert({m_topic, partition}, m_startOffsets.value(partition, 0));
    if (const Util::Error failed = (*consumer)->assign(start)) {
        *error = failed.message;
        return false;
    }
    m_consumer = consumer.takeValue();
    return true;
}

QList<TopicRecord> TopicTail::poll(int timeoutMs, QString *error)
{
    QString ignored;
    QString &failure = error ? *error : ignored;
    failure.clear();
    if (!m_consumer && !assignWhenPresent(timeoutMs, &failure))
        return {};
    Util::Error pollError;
    const QList<Kafka::Message> batch = m_consumer->poll(500, timeoutMs, &pollError);
    if (pollError && batch.isEmpty() && !pollError.retriable)
        failure = pollError.message;
    QList<TopicRecord> records;
    records.reserve(batch.size());
    for (const Kafka::Message &message : batch)
        records.append(TopicRecord::fromMessage(message));
    return records;
}

} // namespace ConnectDesk::Client
