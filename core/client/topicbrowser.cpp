// SPDX-License-Identifier: Apache-2.0
#include "topicbrowser.h"

#include "assignedconsumer_p.h"
#include "core/kafka/admin.h"
#include "core/kafka/consumer.h"

#include <QDeadlineTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace ConnectDesk::Client {

QFuture<TopicSnapshot> TopicBrowser::read(const QMap<QString, QString> &kafkaProperties, const QString &topic,
                                          int maxPerPartition, int timeoutMs)
{
    return QtConcurrent::run([=] { return readNow(kafkaProperties, topic, maxPerPartition, timeoutMs); });
}

TopicSnapshot TopicBrowser::readNow(const QMap<QString, QString> &kafkaProperties, const QString &topic,
                                    int maxPerPartition, int timeoutMs)
{
    TopicSnapshot snapshot;
    snapshot.topic = topic;
    const QDeadlineTimer deadline(timeoutMs);
    auto admin = Kafka::Admin::create(kafkaProperties);
    if (!admin) {
        snapshot.error = admin.error().message;
        return snapshot;
    }
    // The listing, not a metadata request for the name: the development broker would create it.
    auto topics = (*admin)->topics(int(qMax<qint64>(1000, deadline.remainingTime())));
    if (!topics) {
        snapshot.error = topics.error().message;
        return snapshot;
    }
    if (!topics->contains(topic))
        return snapshot;
    snapshot.exists = true;
    snapshot.partitions = topics->value(topic);

    Kafka::PartitionOffsets start;
    QMap<int, qint64> ends;
    for (int partition = 0; partition < snapshot.partitions; ++partition) {
        auto marks = (*admin)->watermarks(topic, partition, int(qMax<qint64>(1000, deadline.remainingTime())));
        if (!marks) {
            snapshot.error = marks.error().message;
            return snapshot;
        }
        snapshot.totalRecords += marks->second - marks->first;
        snapshot.endOffsets.insert(partition, marks->second);
        if (marks->second > marks->first) {
            start.insert({topic, partition}, qMax(marks->first, marks->second - maxPerPartition));
            ends.insert(partition, marks->second);
        }
    }
    if (start.isEmpty())
        return snapshot;

    auto consumer = Kafka::Consumer::create(Internal::assignedConsumerProperties(kafkaProperties, QStringLiteral("browser")));
    if (!consumer) {
        snapshot.error = consumer.error().message;
        return snapshot;
    }
    if (const Util::Error error = (*consumer)->assign(start)) {
        snapshot.error = error.message;
        return snapshot;
    }
    QMap<int, QList<TopicRecord>> byPartition;
    while (!ends.isEmpty() && !deadline.hasExpired()) {
        Util::Error error;
        // A batch call waits for its whole batch or the timeout: a short one keeps a partial batch
        // from idling (measured by tests/bench/ctl-bench.sh: `dlq` of 10,000 records 1.0 s instead of 1.7 s).
        const QList<Kafka::Message> batch = (*consumer)->poll(1000, 20, &error);
        if (error && batch.isEmpty() && !error.retriable) {
            snapshot.error = error.message;
            break;
        }
        for (const Kafka::Message &message : batch) {
            byPartition[message.partition].append(TopicRecord::fromMessage(message));
            if (message.offset + 1 >= ends.value(message.partition, 0))
                ends.remove(message.partition);
        }
    }
    if (!ends.isEmpty() && snapshot.error.isEmpty())
        snapshot.error = QStringLiteral("Timed out after %1 ms reading %2").arg(timeoutMs).arg(topic);
    for (const QList<TopicRecord> &records : std::as_const(byPartition))
        snapshot.records += records;
    return snapshot;
}

} // namespace ConnectDesk::Client
