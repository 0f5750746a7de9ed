// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "topicrecord.h"

#include <QList>
#include <QMap>
#include <QString>

#include <memory>

namespace ConnectDesk::Kafka {
class Admin;
class Consumer;
}

namespace ConnectDesk::Client {

/**
 * Follows a topic: the records written after given offsets, as they arrive (`dlq --tail`).
 * Like TopicBrowser it assigns partitions, never joins a group and never commits. A topic that
 * does not exist yet is looked for at each poll (by listing, so looking never creates it) and
 * followed from its beginning once it appears.
 *
 * Owner: the caller. Thread: one thread, which poll() blocks for at most its timeout.
 */
class TopicTail
{
public:
    /** startOffsets: partition -> first offset to read (TopicSnapshot::endOffsets); a partition
     *  missing from it is read from its beginning. */
    TopicTail(QMap<QString, QString> kafkaProperties, QString topic, QMap<int, qint64> startOffsets);
    ~TopicTail();

    /** The records that arrived within timeoutMs, in arrival order; *error (when given) says why
     *  reading failed, empty otherwise. A later poll may succeed (a broker that came back). */
    QList<TopicRecord> poll(int timeoutMs, QString *error = nullptr);
    bool isFollowing() const { return m_consumer != nullptr; }

private:
    bool assignWhenPresent(int timeoutMs, QString *error);

    QMap<QString, QString> m_properties;
    QString m_topic;
    QMap<int, qint64> m_startOffsets;
    std::unique_ptr<Kafka::Admin> m_admin;
    std::unique_ptr<Kafka::Consumer> m_consumer;
};

} // namespace ConnectDesk::Client
