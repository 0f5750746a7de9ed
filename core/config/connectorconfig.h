// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"

#include <QList>
#include <QStringList>

namespace ConnectDesk::Config {

/** Framework connector key names (Kafka's ConnectorConfig, SinkConnectorConfig,
 *  SourceConnectorConfig). Everything else in a connector config belongs to the connector. */
namespace ConnectorKeys {
inline constexpr char Name[] = "name";
inline constexpr char ConnectorClass[] = "connector.class";
inline constexpr char TasksMax[] = "tasks.max";
inline constexpr char TasksMaxEnforce[] = "tasks.max.enforce";
inline constexpr char KeyConverter[] = "key.converter";
inline constexpr char ValueConverter[] = "value.converter";
inline constexpr char HeaderConverter[] = "header.converter";
inline constexpr char Transforms[] = "transforms";
inline constexpr char Predicates[] = "predicates";
inline constexpr char ConfigActionReload[] = "config.action.reload";
inline constexpr char ErrorsRetryTimeout[] = "errors.retry.timeout";
inline constexpr char ErrorsRetryDelayMaxMs[] = "errors.retry.delay.max.ms";
inline constexpr char ErrorsTolerance[] = "errors.tolerance";
inline constexpr char ErrorsLogEnable[] = "errors.log.enable";
inline constexpr char ErrorsLogIncludeMessages[] = "errors.log.include.messages";
// Sink only.
inline constexpr char Topics[] = "topics";
inline constexpr char TopicsRegex[] = "topics.regex";
inline constexpr char DlqTopicName[] = "errors.deadletterqueue.topic.name";
inline constexpr char DlqTopicReplicationFactor[] =
    "errors.deadletterqueue.topic.replication.factor";
inline constexpr char DlqContextHeadersEnable[] = "errors.deadletterqueue.context.headers.enable";
// Source only.
inline constexpr char TopicCreationGroups[] = "topic.creation.groups";
inline constexpr char ExactlyOnceSupport[] = "exactly.once.support";
inline constexpr char TransactionBoundary[] = "transaction.boundary";
inline constexpr char TransactionBoundaryIntervalMs[] = "transaction.boundary.interval.ms";
inline constexpr char OffsetsStorageTopic[] = "offsets.storage.topic";
// Prefixes.
inline constexpr char ProducerOverridePrefix[] = "producer.override.";
inline constexpr char ConsumerOverridePrefix[] = "consumer.override.";
inline constexpr char AdminOverridePrefix[] = "admin.override.";
inline constexpr char TopicCreationPrefix[] = "topic.creation.";
} // namespace ConnectorKeys

/** Group names of the framework keys, as `GET /connector-plugins/{p}/config` and validation
 *  report them. */
namespace ConnectorGroups {
inline constexpr char Common[] = "Common";
inline constexpr char Transforms[] = "Transforms";
inline constexpr char Predicates[] = "Predicates";
inline constexpr char ErrorHandling[] = "Error Handling";
inline constexpr char TopicCreation[] = "Topic Creation";
inline constexpr char ExactlyOnceSupport[] = "Exactly Once Support";
inline constexpr char OffsetsTopic[] = "offsets.topic";
} // namespace ConnectorGroups

/**
 * The framework keys every connector has (Kafka's `ConnectorConfig.configDef()`): name,
 * connector.class, tasks.max, converters, transforms, predicates, config.action.reload and the
 * errors.* keys, with Kafka's types, defaults, validators, groups, orders, widths and display
 * names.
 *
 * Converter keys carry no class validator here: whether a class exists is the plugin
 * registry's business, checked by the runtime when validating.
 */
Api::ConfigDef commonConnectorConfigDef();
/** Common keys plus topic.creation.groups, exactly.once.support, transaction.boundary,
 *  transaction.boundary.interval.ms and offsets.storage.topic. */
Api::ConfigDef sourceConnectorConfigDef();
/** Common keys plus topics, topics.regex and the errors.deadletterqueue.* keys. */
Api::ConfigDef sinkConnectorConfigDef();

/**
 * The sink's cross-key checks (Kafka's `SinkConnectorConfig.validate`), which ConfigDef cannot
 * express: exactly one of `topics` / `topics.regex` set, and the dead-letter-queue topic
 * neither listed in `topics` nor matched by `topics.regex`. Returns the distinct messages, in
 * Kafka's words, e.g. `Must configure one of topics or topics.regex`; empty when fine.
 */
QStringList validateSinkTopics(const Api::ConfigMap &props);

/**
 * The same checks, added to a validation result as Kafka does: each message goes to the entry
 * of the key it concerns (`topics` and/or `topics.regex`), appending an entry when missing.
 */
void addSinkTopicErrors(const Api::ConfigMap &props, QList<Api::ConfigDef::ConfigValue> &values);

/** `topics` as a list: split on commas, blanks trimmed, empty items and duplicates dropped
 *  (Kafka's `SinkConnectorConfig.parseTopicsList`). */
QStringList parseTopicsList(const Api::ConfigMap &props);

/** A LIST value as Kafka splits it: on commas, items trimmed, empty items dropped. */
QStringList splitList(const QString &value);

/** The keys starting with prefix, with the prefix removed (`transforms.x.`, `key.converter.`,
 *  `producer.override.`...). */
Api::ConfigMap withPrefixStripped(const Api::ConfigMap &props, const QString &prefix);

/** True when `topics` is set to something other than blanks. */
bool hasTopicsConfig(const Api::ConfigMap &props);
/** True when `topics.regex` is set to something other than blanks. */
bool hasTopicsRegexConfig(const Api::ConfigMap &props);
/** True when `errors.deadletterqueue.topic.name` is set to something other than blanks. */
bool hasDlqTopicConfig(const Api::ConfigMap &props);

} // namespace ConnectDesk::Config
