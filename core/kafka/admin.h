// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/records.h"
#include "core/util/result.h"

#include <QMap>
#include <QString>

#include <memory>

namespace ConnectDesk::Kafka {

/**
 * Cluster-level queries and topic creation. Blocking calls with timeouts: never call from a
 * GUI or herder thread. Against the development broker, create topics through EmbeddedBroker
 * (CreateTopics times out there) — see platform.md.
 */
class Admin
{
public:
    static Util::Result<std::unique_ptr<Admin>> create(const QMap<QString, QString> &props);
    ~Admin();

    Util::Result<QString> clusterId(int timeoutMs);
    /** Partition count of a topic; 0 when it does not exist. Note: on the development broker,
     *  a metadata request for a named topic creates it. */
    Util::Result<int> partitionCount(const QString &topic, int timeoutMs);
    /** Topic names and partition counts. */
    Util::Result<QMap<QString, int>> topics(int timeoutMs);
    /** Low and high watermark of a partition. */
    Util::Result<QPair<qint64, qint64>> watermarks(const QString &topic, int partition, int timeoutMs);
    /** CreateTopics (real brokers). */
    Util::Error createTopic(const QString &name, int partitions, int replicationFactor,
                            const QMap<QString, QString> &configs, int timeoutMs);

    /** Committed offsets of a consumer group for the given partitions (partitions without a
     *  committed offset are left out). */
    Util::Result<QMap<Api::TopicPartition, qint64>> listConsumerGroupOffsets(
        const QString &group, const QList<Api::TopicPartition> &partitions, int timeoutMs);
    /** Sets committed offsets of a consumer group that has no active members. */
    Util::Error alterConsumerGroupOffsets(const QString &group,
                                          const QMap<Api::TopicPartition, qint64> &offsets, int timeoutMs);

private:
    Admin();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ConnectDesk::Kafka
