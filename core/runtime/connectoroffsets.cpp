// SPDX-License-Identifier: Apache-2.0
#include "connectoroffsets.h"

#include "offsetstorage.h"
#include "worker.h"

#include "core/api/connector.h"
#include "core/api/exceptions.h"
#include "core/config/connectorconfig.h"
#include "core/kafka/admin.h"
#include "core/kafka/consumer.h"
#include "core/plugin/pluginregistry.h"
#include "core/storage/offsetbackingstore.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace ConnectDesk::Runtime {

namespace {

constexpr int TimeoutMs = 30000;
const QString JsonConverterClass = QStringLiteral("org.apache.kafka.connect.json.JsonConverter");
const QString KafkaTopic = QStringLiteral("kafka_topic");
const QString KafkaPartition = QStringLiteral("kafka_partition");
const QString KafkaOffset = QStringLiteral("kafka_offset");

Util::Error badRequest(const QString &message)
{
    return Util::Error{message, 400};
}

/** An integer from a sink offsets entry; numeric strings count, as in Kafka. */
std::optional<qint64> integerOf(const Api::Value &value)
{
    if (value.isInteger())
        return value.integerValue();
    if (value.kind() == Api::Value::Kind::String) {
        bool ok = false;
        const qint64 n = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

QString alteredMessage(bool confirmed, bool reset)
{
    const QString verb = reset ? QStringLiteral("reset") : QStringLiteral("altered");
    if (confirmed)
        return QStringLiteral("The offsets for this connector have been %1 successfully").arg(verb);
    return QStringLiteral("The Connect framework-managed offsets for this connector have been %1 successfully. "
                          "However, if this connector manages offsets externally, they will need to be manually "
                          "%1 in the system that the connector uses.").arg(verb);
}

/**
 * Commits offsets as a member of the group: the development broker refuses commits from
 * outside a group it has seen before (UNKNOWN_MEMBER_ID), so the commit joins it first.
 */
Util::Error commitAsGroupMember(QMap<QString, QString> props, const QMap<Api::TopicPartition, qint64> &offsets)
{
    props.insert(QStringLiteral("enable.auto.commit"), QStringLiteral("false"));
    props.insert(QStringLiteral("session.timeout.ms"), QStringLiteral("6000"));
    auto consumer = Kafka::Consumer::create(props);
    if (!consumer)
        return consumer.error();
    QStringList topics;
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it) {
        if (!topics.contains(it.key().topic))
            topics.append(it.key().topic);
    }
    if (Util::Error error = (*consumer)->subscribe(topics))
        return error;
    // A group whose last member just left may hold new members back for its session timeout.
    QDeadlineTimer deadline(60000);
    while ((*consumer)->assignment().isEmpty() && !deadline.hasExpired())
        (void)(*consumer)->poll(1, 100);
    if ((*consumer)->assignment().isEmpty())
        return Util::Error{QStringLiteral("Timed out joining the consumer group")};
    Kafka::PartitionOffsets commit;
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
        commit.insert(it.key(), it.value());
    const Util::Error error = (*consumer)->commitSync(commit);
    (*consumer)->close();
    return error;
}

} // namespace

ConnectorOffsets::ConnectorOffsets(Worker *worker, QString connector, Api::ConfigMap config, bool sink)
    : m_worker(worker)
    , m_connector(std::move(connector))
    , m_config(std::move(config))
    , m_sink(sink)
{}

QString ConnectorOffsets::groupId() const
{
    const QString overridden = m_config.value(QStringLiteral("consumer.override.group.id"));
    return overridden.isEmpty() ? QStringLiteral("connect-%1").arg(m_connector) : overridden;
}

Util::Result<QList<Api::TopicPartition>> ConnectorOffsets::sinkPartitions()
{
    auto admin = Kafka::Admin::create(m_worker->adminProps(m_connector, m_config));
    if (!admin)
        return admin.error();
    auto topics = (*admin)->topics(TimeoutMs);
    if (!topics)
        return topics.error();
    const QStringList listed = Config::parseTopicsList(m_config);
    const QString regex = m_config.value(QStringLiteral("topics.regex")).trimmed();
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(regex));
    QList<Api::TopicPartition> result;
    for (auto it = topics->cbegin(); it != topics->cend(); ++it) {
        const bool wanted = listed.contains(it.key()) || (!regex.isEmpty() && pattern.match(it.key()).hasMatch());
        for (int p = 0; wanted && p < it.value(); ++p)
            result.append({it.key(), p});
    }
    return result;
}

Util::Result<QList<PartitionOffset>> ConnectorOffsets::read()
{
    QList<PartitionOffset> result;
    if (m_sink) {
        auto partitions = sinkPartitions();
        if (!partitions)
            return partitions.error();
        auto admin = Kafka::Admin::create(m_worker->adminProps(m_connector, m_config));
        if (!admin)
            return admin.error();
        auto committed = (*admin)->listConsumerGroupOffsets(groupId(), *partitions, TimeoutMs);
        if (!committed)
            return Util::Error{QStringLiteral("Failed to retrieve consumer group offsets for sink connector %1: %2")
                                   .arg(m_connector, committed.error().message)};
        for (auto it = committed->cbegin(); it != committed->cend(); ++it) {
            PartitionOffset entry;
            entry.partition.insert(KafkaTopic, it.key().topic);
            entry.partition.insert(KafkaPartition, Api::Value(qint32(it.key().partition)));
            entry.offset = Api::OffsetMap{{KafkaOffset, Api::Value(qint64(it.value()))}};
            result.append(entry);
        }
        return result;
    }
    auto json = m_worker->registry()->createAs<Api::Converter>(JsonConverterClass, {Api::PluginType::Converter});
    if (!json)
        return json.error();
    OffsetCodec codec(json.takeValue());
    for (const auto &[key, value] : m_worker->offsets()->entries()) {
        const auto parsedKey = codec.parseKey(key);
        if (!parsedKey || parsedKey->first != m_connector)
            continue;
        const auto offset = codec.parseValue(value);
        if (!offset)
            continue; // a tombstone: the partition has no offset any more
        result.append({parsedKey->second, *offset});
    }
    return result;
}

Util::Result<bool> ConnectorOffsets::connectorAlterOffsets(const QList<PartitionOffset> &offsets)
{
    auto connector = m_worker->registry()->createAs<Api::Connector>(
        m_config.value(QStringLiteral("connector.class")).trimmed(), {Api::PluginType::Source, Api::PluginType::Sink});
    if (!connector)
        return Util::Error{connector.error().message, 500};
    QList<QPair<Api::OffsetMap, std::optional<Api::OffsetMap>>> list;
    for (const auto &entry : offsets)
        list.append({entry.partition, entry.offset});
    try {
        return connector.value()->alterOffsets(m_config, list);
    } catch (const std::exception &e) {
        return Util::Error{QStringLiteral("Failed to alter offsets for connector %1: %2")
                               .arg(m_connector, Api::exceptionMessage(e)), 500};
    }
}

Util::Result<QString> ConnectorOffsets::alter(const QList<PartitionOffset> &offsets)
{
    if (offsets.isEmpty())
        return badRequest(QStringLiteral("Partitions / offsets need to be provided for an alter offsets request"));
    return m_sink ? alterSink(offsets, false) : alterSource(offsets, false);
}

Util::Result<QString> ConnectorOffsets::reset()
{
    auto current = read();
    if (!current)
        return current.error();
    QList<PartitionOffset> nulls;
    for (const auto &entry : std::as_const(*current))
        nulls.append({entry.partition, std::nullopt});
    return m_sink ? alterSink(nulls, true) : alterSource(nulls, true);
}

Util::Result<QString> ConnectorOffsets::alterSink(const QList<PartitionOffset> &offsets, bool reset)
{
    QMap<Api::TopicPartition, std::optional<qint64>> wanted;
    for (const auto &entry : offsets) {
        if (entry.partition.isEmpty())
            return badRequest(QStringLiteral("The partition for a sink connector offset cannot be null or missing"));
        if (!entry.partition.contains(KafkaTopic) || !entry.partition.contains(KafkaPartition))
            return badRequest(QStringLiteral("The partition for a sink connector offset must contain the keys '%1' and '%2'")
                                  .arg(KafkaTopic, KafkaPartition));
        const auto partition = integerOf(entry.partition.value(KafkaPartition));
        if (!partition)
            return badRequest(QStringLiteral("Failed to parse the following Kafka partition value in the provided offsets: '%1'. "
                                             "Partition values for sink connectors need to be integers.")
                                  .arg(entry.partition.value(KafkaPartition).toJavaString()));
        const Api::TopicPartition tp{entry.partition.value(KafkaTopic).toJavaString(), qint32(*partition)};
        if (!entry.offset) {
            wanted.insert(tp, std::nullopt);
            continue;
        }
        if (!entry.offset->contains(KafkaOffset))
            return badRequest(QStringLiteral("The offset for a sink connector should either be null or contain the key '%1'")
                                  .arg(KafkaOffset));
        const auto offset = integerOf(entry.offset->value(KafkaOffset));
        if (!offset)
            return badRequest(QStringLiteral("Failed to parse the following Kafka offset value in the provided offsets: '%1'. "
                                             "Offset values for sink connectors need to be integers.")
                                  .arg(entry.offset->value(KafkaOffset).toJavaString()));
        wanted.insert(tp, *offset);
    }
    auto confirmed = connectorAlterOffsets(offsets);
    if (!confirmed)
        return confirmed.error();
    auto admin = Kafka::Admin::create(m_worker->adminProps(m_connector, m_config));
    if (!admin)
        return admin.error();
    QMap<Api::TopicPartition, qint64> commit;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (it.value()) {
            commit.insert(it.key(), *it.value());
            continue;
        }
        auto marks = (*admin)->watermarks(it.key().topic, it.key().partition, TimeoutMs);
        if (!marks)
            return marks.error();
        commit.insert(it.key(), marks->first);
    }
    Util::Error error = (*admin)->alterConsumerGroupOffsets(groupId(), commit, TimeoutMs);
    if (error.code == 25 /* UNKNOWN_MEMBER_ID: a group the development broker keeps */)
        error = commitAsGroupMember(m_worker->sinkConsumerProps(m_connector, m_config), commit);
    if (error) {
        const QString what = reset ? QStringLiteral("reset") : QStringLiteral("alter");
        return Util::Error{QStringLiteral("Failed to %1 consumer group offsets for connector %2 either because its tasks "
                                          "haven't stopped completely yet or the connector was resumed before the request "
                                          "to %1 its offsets could be successfully completed. If the connector is in a "
                                          "stopped state, this operation can be safely retried. If it doesn't eventually "
                                          "succeed, the Connect cluster may need to be restarted to get rid of the zombie "
                                          "sink tasks. (%3)").arg(what, m_connector, error.message), 500};
    }
    return alteredMessage(*confirmed, reset);
}

Util::Result<QString> ConnectorOffsets::alterSource(const QList<PartitionOffset> &offsets, bool reset)
{
    auto isPrimitive = [](const Api::Value &value) {
        using Kind = Api::Value::Kind;
        switch (value.kind()) {
        case Kind::Array:
        case Kind::Map:
        case Kind::Struct:
            return false;
        default:
            return true;
        }
    };
    for (const auto &entry : offsets) {
        for (auto it = entry.partition.cbegin(); it != entry.partition.cend(); ++it) {
            if (!isPrimitive(it.value()))
                return badRequest(QStringLiteral("Partition values for source connectors must be primitive; key %1 is not")
                                      .arg(it.key()));
        }
        if (entry.offset) {
            for (auto it = entry.offset->cbegin(); it != entry.offset->cend(); ++it) {
                if (!isPrimitive(it.value()))
                    return badRequest(QStringLiteral("Offset values for source connectors must be primitive; key %1 is not")
                                          .arg(it.key()));
            }
        }
    }
    auto confirmed = connectorAlterOffsets(offsets);
    if (!confirmed)
        return confirmed.error();
    auto json = m_worker->registry()->createAs<Api::Converter>(JsonConverterClass, {Api::PluginType::Converter});
    if (!json)
        return json.error();
    OffsetCodec codec(json.takeValue());
    QList<QPair<QByteArray, QByteArray>> entries;
    for (const auto &entry : offsets)
        entries.append({codec.key(m_connector, entry.partition), codec.value(entry.offset)});
    if (const Util::Error error = m_worker->offsets()->write(entries))
        return Util::Error{QStringLiteral("Failed to write offsets for connector %1: %2").arg(m_connector, error.message), 500};
    return alteredMessage(*confirmed, reset);
}

} // namespace ConnectDesk::Runtime
