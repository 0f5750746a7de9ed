// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

#include <memory>

namespace ConnectDesk::Kafka {

/**
 * The embedded development broker: librdkafka's in-process mock cluster. It speaks the Kafka
 * protocol on loopback ports, so other processes (kcat, consoles) can use it too. In-memory,
 * not durable, 5 MiB retention per partition, no compaction: a development tool only.
 *
 * Lifecycle: start() → bootstrapServers() → destroyed. Thread: any; the cluster runs its own
 * thread.
 */
class EmbeddedBroker
{
public:
    static Util::Result<std::unique_ptr<EmbeddedBroker>> start(int brokers = 1);
    ~EmbeddedBroker();

    /** "127.0.0.1:PORT[,...]". */
    QString bootstrapServers() const;
    /** Creates a topic with an exact partition count (the mock API; CreateTopics hangs here). */
    Util::Error createTopic(const QString &name, int partitions, int replicationFactor = 1);

    /** Takes every broker down (connections refused) or brings them back: outage tests. */
    Util::Error setAvailable(bool available);

    /** True when a cluster id is the mock cluster's ("mockCluster..."): how a worker in another
     *  process knows it talks to the development broker. */
    static bool isDevelopmentClusterId(const QString &clusterId);

private:
    EmbeddedBroker();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ConnectDesk::Kafka
