// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/records.h"
#include "core/util/result.h"

#include <QList>
#include <optional>

namespace ConnectDesk::Runtime {

class Worker;

/** One entry of Kafka's ConnectorOffsets: a partition and its offset (nullopt = null). */
struct PartitionOffset
{
    Api::OffsetMap partition;
    std::optional<Api::OffsetMap> offset;
};

/**
 * The offsets API of one connector (KIP-875), as Kafka's Worker carries it out.
 *
 * Sources: the offsets store (file or offsets topic) in Kafka's key format; alter and reset
 * write offsets and tombstones there. Sinks: the consumer group (`connect-<c>` or
 * `consumer.override.group.id`) through the Admin API, `{"kafka_topic","kafka_partition"}` →
 * `{"kafka_offset"}`. A sink offset reset (null, or DELETE) moves the group to the start of
 * the partition (its low watermark) instead of deleting the group's offsets: the development
 * broker aborts on DeleteConsumerGroupOffsets/DeleteGroups, and a connector restarted
 * afterwards reads from the beginning either way; GET then shows those start offsets.
 *
 * Blocking (network) calls with timeouts: call from the REST thread, never the herder's.
 * The caller checks first that the connector is STOPPED (Herder::checkOffsetsModifiable).
 */
class ConnectorOffsets
{
public:
    ConnectorOffsets(Worker *worker, QString connector, Api::ConfigMap config, bool sink);

    Util::Result<QList<PartitionOffset>> read();
    /** Returns Kafka's success message; 400 errors for bad sink partitions/offsets, 500 when the
     *  connector rejects the change. */
    Util::Result<QString> alter(const QList<PartitionOffset> &offsets);
    Util::Result<QString> reset();

private:
    Util::Result<QList<Api::TopicPartition>> sinkPartitions();
    Util::Result<bool> connectorAlterOffsets(const QList<PartitionOffset> &offsets);
    Util::Result<QString> alterSink(const QList<PartitionOffset> &offsets, bool reset);
    Util::Result<QString> alterSource(const QList<PartitionOffset> &offsets, bool reset);
    QString groupId() const;

    Worker *m_worker;
    QString m_connector;
    Api::ConfigMap m_config;
    bool m_sink;
};

} // namespace ConnectDesk::Runtime
