// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace ConnectDesk::TestSupport {

/** One record as stored in a topic. */
struct TopicRecord
{
    int partition = -1;
    qint64 offset = -1;
    QByteArray value;
};

/**
 * Looks at a broker from the outside with plain librdkafka (not the product's wrappers), so
 * that tests can check what a worker wrote: every record of a topic, and the offsets a
 * consumer group committed. Only calls the development broker supports are used (metadata,
 * watermarks, fetch with assign, OffsetFetch); it never joins a group.
 */
class KafkaProbe
{
public:
    explicit KafkaProbe(QString bootstrapServers);

    /** Every record of the topic's partitions 0..partitions-1, up to the high watermarks as
     *  they are when called; nullopt (with a warning) on errors or timeout. */
    std::optional<QList<TopicRecord>> readTopic(const QString &topic, int partitions,
                                                int timeoutMs = 60000) const;
    /** Committed offset per partition of a group; partitions without a commit are absent. */
    std::optional<QMap<int, qint64>> committedOffsets(const QString &group, const QString &topic,
                                                      int partitions, int timeoutMs = 30000) const;

private:
    QString m_bootstrapServers;
};

} // namespace ConnectDesk::TestSupport
