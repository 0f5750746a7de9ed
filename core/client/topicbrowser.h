// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "topicrecord.h"

#include <QFuture>
#include <QMap>
#include <QString>

namespace ConnectDesk::Client {

/** What TopicBrowser found. */
struct TopicSnapshot
{
    QString topic;
    /** False when the topic does not exist (yet): a dead-letter queue before its first failure. */
    bool exists = false;
    /** Why the read failed (broker unreachable, ...); empty when it worked. */
    QString error;
    int partitions = 0;
    /** Records in the topic (high - low watermark, summed), including those not read. */
    qint64 totalRecords = 0;
    /** Each partition's end (high watermark) when it was read: where a TopicTail goes on. */
    QMap<int, qint64> endOffsets;
    /** The last records of each partition, ordered by partition and offset. */
    QList<TopicRecord> records;
};

/**
 * Reads the newest records of a topic without joining a consumer group (partitions are
 * assigned), so it never disturbs the cluster; used for dead-letter queues and internal topics.
 * Each read runs on Qt's thread pool and owns its own Kafka clients.
 */
class TopicBrowser
{
public:
    /** kafkaProperties: bootstrap.servers plus client settings (ClusterProfile). At most
     *  maxPerPartition records per partition, read within timeoutMs. */
    static QFuture<TopicSnapshot> read(const QMap<QString, QString> &kafkaProperties, const QString &topic,
                                       int maxPerPartition = 500, int timeoutMs = 10000);
    /** The same, on the calling thread (for a thread that may wait: the terminal console). */
    static TopicSnapshot readNow(const QMap<QString, QString> &kafkaProperties, const QString &topic,
                                 int maxPerPartition, int timeoutMs);
};

} // namespace ConnectDesk::Client
