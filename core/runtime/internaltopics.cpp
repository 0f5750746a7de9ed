// SPDX-License-Identifier: Apache-2.0
#include "internaltopics.h"

#include "core/kafka/admin.h"
#include "core/kafka/embeddedbroker.h"

namespace ConnectDesk::Runtime {

namespace {
constexpr int TimeoutMs = 30000;
}

Util::Result<int> ensureTopic(const TopicSpec &topic, Kafka::Admin &admin, Kafka::EmbeddedBroker *embedded,
                              bool developmentBroker, bool *created)
{
    const int wanted = topic.partitions > 0 ? topic.partitions : 1;
    auto topics = admin.topics(TimeoutMs);
    if (!topics)
        return Util::Error{QStringLiteral("Cannot list the topics of the cluster: %1").arg(topics.error().message)};
    if (const int existing = topics->value(topic.name, 0); existing > 0)
        return existing;
    if (created)
        *created = true;
    if (embedded) {
        if (const Util::Error error = embedded->createTopic(topic.name, wanted, 1))
            return error;
        return wanted;
    }
    if (!developmentBroker) {
        if (const Util::Error error = admin.createTopic(topic.name, topic.partitions, topic.replicationFactor,
                                                        topic.configs, TimeoutMs))
            return Util::Error{QStringLiteral("Unable to create topic %1: %2").arg(topic.name, error.message)};
    }
    auto partitions = admin.partitionCount(topic.name, TimeoutMs); // on the development broker the lookup creates it
    if (!partitions)
        return partitions.error();
    return *partitions;
}

Util::Result<int> ensureInternalTopic(const Config::InternalTopicSettings &topic, Kafka::Admin &admin,
                                      Kafka::EmbeddedBroker *embedded, bool developmentBroker,
                                      const std::function<void(const QString &)> &warn)
{
    const bool configTopic = topic.prefix == QLatin1String("config.storage.");
    const int wanted = topic.partitions > 0 ? topic.partitions : 1;
    bool created = false;
    auto found = ensureTopic({topic.name, topic.partitions, topic.replicationFactor, topic.topicConfigs}, admin,
                             embedded, developmentBroker, &created);
    if (!found)
        return found;
    const int partitions = *found;
    if (created && developmentBroker && !embedded && partitions != wanted)
        warn(QStringLiteral("warning: the development broker created internal topic %1 with %2 partitions "
                            "(wanted %3); start it with --topic %1:%3 to get exactly that")
                 .arg(topic.name).arg(partitions).arg(wanted));
    if (configTopic && partitions > 1) {
        const QString message = QStringLiteral(
            "Topic '%1' supplied via the 'config.storage.topic' property is required to have a single partition "
            "in order to guarantee consistency of connector configurations, but found %2 partitions.")
                                    .arg(topic.name).arg(partitions);
        if (!developmentBroker)
            return Util::Error{message};
        warn(QStringLiteral("warning: %1 Using partition 0 only (development broker).").arg(message));
    }
    return partitions;
}

} // namespace ConnectDesk::Runtime
