// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ConnectDesk::Kafka {
class Consumer;
class Producer;
} // namespace ConnectDesk::Kafka

namespace ConnectDesk::Storage {

/**
 * One internal topic read from the beginning and appended to (Kafka's KafkaBasedLog): the
 * backing of the config, offsets and status stores in distributed mode. Reading assigns every
 * partition without a consumer group; writes are acknowledged by the broker (acks=all) before
 * send() returns.
 *
 * Thread-safe: send() and readToEnd() serialize on one lock.
 */
class KafkaBasedLog
{
public:
    struct Record
    {
        QByteArray key;
        /** nullopt = tombstone. */
        std::optional<QByteArray> value;
        int partition = 0;
        qint64 offset = 0;
    };
    using Consumer = std::function<void(const Record &)>;

    /** clientProps: bootstrap.servers and the worker's client settings. partitions: the
     *  topic's partition count (it must exist). */
    static Util::Result<std::unique_ptr<KafkaBasedLog>> open(const QString &topic, int partitions,
                                                             const QMap<QString, QString> &clientProps);
    ~KafkaBasedLog();

    const QString &topic() const { return m_topic; }
    /** Hands every record after the last one read to consume, up to the topic's current end. */
    Util::Error readToEnd(const Consumer &consume, int timeoutMs = 30000);
    /** Appends records (value nullopt = tombstone) and waits for the broker's acknowledgement.
     *  partition -1 = by key hash (Java's murmur2, as Kafka's producer does). */
    Util::Error send(const QList<Record> &records, int partition = -1, int timeoutMs = 30000);
    Util::Error send(const QByteArray &key, const std::optional<QByteArray> &value,
                     int partition = -1, int timeoutMs = 30000);

private:
    KafkaBasedLog() = default;

    QString m_topic;
    int m_partitions = 0;
    QMutex m_mutex;
    std::unique_ptr<Kafka::Producer> m_producer;
    std::unique_ptr<Kafka::Consumer> m_consumer;
    /** Next offset to read per partition. */
    QMap<int, qint64> m_positions;
    QString m_deliveryError;
    /** Tags the records of one send(); late reports of an earlier, failed send are not this one's. */
    quintptr m_sendGeneration = 0;
};

} // namespace ConnectDesk::Storage
