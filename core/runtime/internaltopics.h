// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/workerconfig.h"
#include "core/util/result.h"

#include <functional>

namespace ConnectDesk::Kafka {
class Admin;
class EmbeddedBroker;
} // namespace ConnectDesk::Kafka

namespace ConnectDesk::Runtime {

/** A topic the worker needs: internal topics, dead-letter queues. */
struct TopicSpec
{
    QString name;
    /** -1 = the broker's default. */
    int partitions = 1;
    int replicationFactor = 3;
    QMap<QString, QString> configs;
};

/**
 * Finds a topic or creates it; returns its partition count. In-process broker: created with the
 * mock API (one replica, whatever was asked). Real broker: created through the Admin API. The
 * development broker in another process cannot create topics on request: looking the topic up
 * creates it with its default partition count, which is returned. created tells whether the
 * topic was missing.
 */
Util::Result<int> ensureTopic(const TopicSpec &topic, Kafka::Admin &admin, Kafka::EmbeddedBroker *embedded,
                              bool developmentBroker, bool *created = nullptr);

/**
 * Finds or creates an internal topic of distributed mode and returns its partition count.
 * In-process broker: created with the mock API. Real broker: looked up first (listing, which
 * never creates), created through the Admin API when missing (compacted, Kafka's partitions
 * and replication). The development broker in another process (`connectdesk-worker broker`)
 * cannot create topics on request; a lookup there creates them with 4 partitions, so a config
 * topic with more than one partition is used through partition 0 with a warning, where a real
 * cluster refuses to start as Kafka does.
 */
Util::Result<int> ensureInternalTopic(const Config::InternalTopicSettings &topic, Kafka::Admin &admin,
                                      Kafka::EmbeddedBroker *embedded, bool developmentBroker,
                                      const std::function<void(const QString &)> &warn);

} // namespace ConnectDesk::Runtime
