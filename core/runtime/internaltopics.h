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
