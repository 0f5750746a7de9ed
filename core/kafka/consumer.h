// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kafkamessage.h"

#include "core/api/records.h"
#include "core/util/result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace ConnectDesk::Kafka {

using Api::TopicPartition;
using PartitionOffsets = QMap<TopicPartition, qint64>;

/** Told about group rebalances, inside Consumer::poll() on the consumer's thread. */
class RebalanceListener
{
public:
    virtual ~RebalanceListener() = default;
    virtual void partitionsAssigned(const QList<TopicPartition> &partitions) = 0;
    /** Before the partitions go away: commit what was processed for them here. */
    virtual void partitionsRevoked(const QList<TopicPartition> &partitions) = 0;
    /** Partitions lost without a clean revoke: do not commit. */
    virtual void partitionsLost(const QList<TopicPartition> &partitions)
    {
        partitionsRevoked(partitions);
    }
};

/**
 * A librdkafka group consumer (subscribe, poll batches, explicit commits). Thread: one owner
 * thread; the rebalance listener runs inside poll() on that thread.
 */
class Consumer
{
public:
    static Util::Result<std::unique_ptr<Consumer>> create(const QMap<QString, QString> &props,
                                                          RebalanceListener *listener = nullptr);
    ~Consumer();

    Util::Error subscribe(const QStringList &topics);
    /** Java regex subscription (topics.regex); librdkafka needs the leading '^'. */
    Util::Error subscribePattern(const QString &regex);
    /** Up to maxMessages records, waiting at most timeoutMs for the first. Consumer errors
     *  (other than end of partition) are returned through error. */
    QList<Message> poll(int maxMessages, int timeoutMs, Util::Error *error = nullptr);

    /** Reads the given partitions from the given offsets, without a group (internal topics).
     *  Offsets: >= 0, or -2 for the beginning. */
    Util::Error assign(const PartitionOffsets &offsets);
    /** Low and high watermark of a partition. */
    Util::Result<QPair<qint64, qint64>> watermarks(const TopicPartition &partition, int timeoutMs);

    Util::Error commitSync(const PartitionOffsets &offsets);
    Util::Error commitAsync(const PartitionOffsets &offsets);
    Util::Result<PartitionOffsets> committed(const QList<TopicPartition> &partitions, int timeoutMs);
    QList<TopicPartition> assignment() const;
    Util::Error pause(const QList<TopicPartition> &partitions);
    Util::Error resume(const QList<TopicPartition> &partitions);
    Util::Error seek(const TopicPartition &partition, qint64 offset, int timeoutMs = 5000);
    /** Leaves the group (revokes, with the listener called). */
    void close();

    struct Private; // opaque; public so librdkafka's C callbacks can reach it

private:
    Consumer();
    std::unique_ptr<Private> d;
};

} // namespace ConnectDesk::Kafka
