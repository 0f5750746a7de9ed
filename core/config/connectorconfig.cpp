// SPDX-License-Identifier: Apache-2.0
#include "connectorconfig.h"

#include "core/api/exceptions.h"

#include <QRegularExpression>
#include <QSet>

namespace ConnectDesk::Config {

using Api::ConfigDef;
using Api::ConfigException;
using Api::ConfigMap;
using Importance = ConfigDef::Importance;
using Type = ConfigDef::Type;
using Width = ConfigDef::Width;

namespace {

struct KeySpec
{
    const char *name;
    Type type;
    std::optional<QVariant> defaultValue;
    ConfigDef::Validator validator;
    Importance importance;
    const char *documentation;
    const char *group;
    int order;
    Width width;
    const char *displayName;
};

ConfigDef::Key toKey(const KeySpec &spec)
{
    ConfigDef::Key key;
    key.name = QString::fromLatin1(spec.name);
    key.type = spec.type;
    key.defaultValue = spec.defaultValue;
    key.validator = spec.validator;
    key.importance = spec.importance;
    key.documentation = QString::fromUtf8(spec.documentation);
    key.group = QString::fromLatin1(spec.group);
    key.orderInGroup = spec.order;
    key.width = spec.width;
    key.displayName = QString::fromUtf8(spec.displayName);
    return key;
}

// Kafka's alias validator: non-null, no alias twice ("unique <kind> aliases").
ConfigDef::Validator uniqueAliases(const QString &what)
{
    return ConfigDef::composite(
        {ConfigDef::nonNullString(),
         ConfigDef::lambda(
             [](const QString &name, const QVariant &value) {
                 const QStringList aliases = value.toStringList();
                 if (QSet<QString>(aliases.cbegin(), aliases.cend()).size() < aliases.size()) {
                     throw ConfigException(name, ConfigDef::valueToString(value),
                                           QStringLiteral("Duplicate alias provided."));
                 }
             },
             what)});
}

ConfigDef::Validator regexValidator()
{
    return ConfigDef::lambda(
        [](const QString &name, const QVariant &value) {
            const QRegularExpression regex(value.toString());
            if (!regex.isValid()) {
                throw ConfigException(name, value.toString(),
                                      QStringLiteral("Invalid regex: %1 near index %2")
                                          .arg(regex.errorString())
                                          .arg(regex.patternErrorOffset()));
            }
        },
        QStringLiteral("valid regex"));
}

const QVariant Null;
constexpr auto Required = std::nullopt;

bool isBlank(const ConfigMap &props, const char *key)
{
    const auto it = props.constFind(QString::fromLatin1(key));
    return it == props.cend() || it->trimmed().isEmpty();
}

struct FieldError
{
    QString key;
    QString value;
    QString message;
};

QList<FieldError> sinkTopicErrors(const ConfigMap &props)
{
    using namespace ConnectorKeys;
    const QString topicsKey = QString::fromLatin1(Topics);
    const QString regexKey = QString::fromLatin1(TopicsRegex);
    const QString topics = props.value(topicsKey);
    const QString regex = props.value(regexKey);
    const QString dlqTopic = props.value(QString::fromLatin1(DlqTopicName)).trimmed();
    const bool hasTopics = hasTopicsConfig(props);
    const bool hasRegex = hasTopicsRegexConfig(props);

    QList<FieldError> errors;
    auto both = [&](const QString &message) {
        errors.append({topicsKey, topics, message});
        errors.append({regexKey, regex, message});
    };
    if (hasTopics && hasRegex) {
        both(QStringLiteral("%1 and %2 are mutually exclusive options, but both are set.")
                 .arg(topicsKey, regexKey));
    }
    if (!hasTopics && !hasRegex)
        both(QStringLiteral("Must configure one of %1 or %2").arg(topicsKey, regexKey));

    if (!dlqTopic.isEmpty()) {
        if (hasTopics) {
            const QStringList list = parseTopicsList(props);
            if (list.contains(dlqTopic)) {
                errors.append({topicsKey, topics,
                               QStringLiteral("The DLQ topic '%1' may not be included in the list "
                                              "of topics ('%2=%3') consumed by the connector")
                                   .arg(dlqTopic, topicsKey,
                                        ConfigDef::valueToString(QVariant(list)))});
            }
        }
        if (hasRegex) {
            // An invalid regex is already reported by the key's validator.
            const QRegularExpression pattern(QRegularExpression::anchoredPattern(regex));
            if (pattern.isValid() && pattern.match(dlqTopic).hasMatch()) {
                errors.append({regexKey, regex,
                               QStringLiteral("The DLQ topic '%1' may not be matched by the regex "
                                              "for the topics ('%2=%3') consumed by the connector")
                                   .arg(dlqTopic, regexKey, regex)});
            }
        }
    }
    return errors;
}

} // namespace

ConfigDef commonConnectorConfigDef()
{
    using namespace ConnectorKeys;
    using namespace ConnectorGroups;
    const QList<KeySpec> specs = {
        {Name, Type::String, Required, ConfigDef::nonEmptyStringWithoutControlChars(),
         Importance::High, "Unique name of the connector in this Connect cluster.", Common, 1,
         Width::Medium, "Connector name"},
        {ConnectorClass, Type::String, Required, {}, Importance::High,
         "Class of the connector: its full name, its simple name or the simple name without the "
         "'Connector' suffix (FileStreamSink, FileStreamSinkConnector and "
         "org.apache.kafka.connect.file.FileStreamSinkConnector name the same class).",
         Common, 2, Width::Long, "Connector class"},
        {TasksMax, Type::Int, 1, ConfigDef::atLeast(1), Importance::High,
         "Largest number of tasks the connector may create.", Common, 3, Width::Short,
         "Tasks max"},
        {TasksMaxEnforce, Type::Boolean, true, {}, Importance::Low,
         "Deprecated. When true, a connector that creates more tasks than tasks.max fails, and "
         "so do existing task sets above the limit; when false this is only logged.",
         Common, 4, Width::Short, "Enforce tasks max"},
        {KeyConverter, Type::Class, Null, {}, Importance::Low,
         "Converter for record keys of this connector; unset uses the worker's key.converter. "
         "Its settings go in key.converter.*.",
         Common, 5, Width::Short, "Key converter class"},
        {ValueConverter, Type::Class, Null, {}, Importance::Low,
         "Converter for record values of this connector; unset uses the worker's "
         "value.converter. Its settings go in value.converter.*.",
         Common, 6, Width::Short, "Value converter class"},
        {HeaderConverter, Type::Class, Null, {}, Importance::Low,
         "Converter for record header values of this connector; unset uses the worker's "
         "header.converter. Its settings go in header.converter.*.",
         Common, 7, Width::Short, "Header converter class"},
        {ConnectorKeys::Transforms, Type::List, QStringList(),
         uniqueAliases(QStringLiteral("unique transformation aliases")), Importance::Low,
         "Aliases of the single message transforms applied to records, in order; each is "
         "configured with transforms.<alias>.type and transforms.<alias>.*.",
         ConnectorGroups::Transforms, 8, Width::Long, "Transforms"},
        {ConnectorKeys::Predicates, Type::List, QStringList(),
         uniqueAliases(QStringLiteral("unique predicate aliases")), Importance::Low,
         "Aliases of the predicates transforms may refer to; each is configured with "
         "predicates.<alias>.type and predicates.<alias>.*.",
         ConnectorGroups::Predicates, 9, Width::Long, "Predicates"},
        {ConfigActionReload, Type::String, QStringLiteral("restart"),
         ConfigDef::validString({QStringLiteral("none"), QStringLiteral("restart")}),
         Importance::Low,
         "What to do when a value from a config provider changes: 'restart' restarts the "
         "connector with the new values (possibly later, when the provider says the old value "
         "expires), 'none' does nothing.",
         Common, 10, Width::Medium, "Reload Action"},
        {ErrorsRetryTimeout, Type::Long, qint64(0), {}, Importance::Medium,
         "How long, in milliseconds, a failed operation is retried. 0 (the default) means no "
         "retries, -1 retries forever.",
         ErrorHandling, 1, Width::Medium, "Retry Timeout for Errors"},
        {ErrorsRetryDelayMaxMs, Type::Long, qint64(60000), {}, Importance::Medium,
         "Longest wait, in milliseconds, between two retries; past it, random jitter is added "
         "so that retries of many tasks spread out.",
         ErrorHandling, 2, Width::Medium, "Maximum Delay Between Retries for Errors"},
        {ErrorsTolerance, Type::String, QStringLiteral("none"),
         ConfigDef::validString({QStringLiteral("none"), QStringLiteral("all")}),
         Importance::Medium,
         "'none' (the default) fails the task at the first error; 'all' skips records that "
         "fail and carries on.",
         ErrorHandling, 3, Width::Short, "Error Tolerance"},
        {ErrorsLogEnable, Type::Boolean, false, {}, Importance::Medium,
         "Log every error with the failed operation and record. When false (the default) only "
         "errors that are not tolerated are reported.",
         ErrorHandling, 4, Width::Short, "Log Errors"},
        {ErrorsLogIncludeMessages, Type::Boolean, false, {}, Importance::Medium,
         "Include the failed record in those logs: topic, partition, offset and timestamp for "
         "sinks; key, value, headers, schemas and source partition/offset for sources. False "
         "by default, which keeps record contents out of log files.",
         ErrorHandling, 5, Width::Short, "Log Error Details"},
    };
    ConfigDef def;
    for (const KeySpec &spec : specs)
        def.define(toKey(spec));
    return def;
}

ConfigDef sinkConnectorConfigDef()
{
    using namespace ConnectorKeys;
    using namespace ConnectorGroups;
    const QList<KeySpec> specs = {
        {Topics, Type::List, QStringLiteral(""), {}, Importance::High,
         "Comma-separated topics to consume. Set this or topics.regex, not both.", Common, 4,
         Width::Long, "Topics"},
        {TopicsRegex, Type::String, QStringLiteral(""), regexValidator(), Importance::High,
         "Regular expression of the topics to consume. Set this or topics, not both.", Common,
         4, Width::Long, "Topics regex"},
        {DlqTopicName, Type::String, QStringLiteral(""), {}, Importance::Medium,
         "Dead letter queue: the topic that receives records this sink connector, its "
         "transforms or its converters fail on (with errors.tolerance=all). Empty (the "
         "default) disables it.",
         ErrorHandling, 6, Width::Medium, "Dead Letter Queue Topic Name"},
        {DlqTopicReplicationFactor, Type::Short, 3, {}, Importance::Medium,
         "Replication factor of the dead letter queue topic when the worker has to create it.",
         ErrorHandling, 7, Width::Medium, "Dead Letter Queue Topic Replication Factor"},
        {DlqContextHeadersEnable, Type::Boolean, false, {}, Importance::Medium,
         "Add headers describing the error to records sent to the dead letter queue; their "
         "names start with __connect.errors.",
         ErrorHandling, 8, Width::Medium, "Enable Error Context Headers"},
    };
    ConfigDef def = commonConnectorConfigDef();
    for (const KeySpec &spec : specs)
        def.define(toKey(spec));
    return def;
}

ConfigDef sourceConnectorConfigDef()
{
    using namespace ConnectorKeys;
    using namespace ConnectorGroups;
    const ConfigDef::Validator atLeastZero = ConfigDef::atLeast(0);
    const QList<KeySpec> specs = {
        {TopicCreationGroups, Type::List, QStringList(),
         uniqueAliases(QStringLiteral("unique topic creation groups")), Importance::Low,
         "Names of topic creation rule groups besides 'default', tried in order; each is "
         "configured with topic.creation.<group>.*.",
         TopicCreation, 1, Width::Long, "Topic Creation Groups"},
        {ConnectorKeys::ExactlyOnceSupport, Type::String, QStringLiteral("requested"),
         ConfigDef::caseInsensitiveValidString({QStringLiteral("requested"),
                                                QStringLiteral("required")}),
         Importance::Medium,
         "requested or required. 'required' makes creation and validation fail unless the "
         "worker has exactly-once source support enabled and the connector declares it can "
         "provide exactly-once delivery with this configuration.",
         ConnectorGroups::ExactlyOnceSupport, 2, Width::Short, "Exactly once support"},
        {TransactionBoundary, Type::String, QStringLiteral("poll"),
         ConfigDef::caseInsensitiveValidString({QStringLiteral("poll"), QStringLiteral("interval"),
                                                QStringLiteral("connector")}),
         Importance::Medium,
         "poll, interval or connector: commit a producer transaction for each batch a task "
         "returns, every transaction.boundary.interval.ms, or where the connector decides "
         "(only for connectors that can).",
         ConnectorGroups::ExactlyOnceSupport, 3, Width::Short, "Transaction Boundary"},
        {TransactionBoundaryIntervalMs, Type::Long, Null,
         ConfigDef::lambda(
             [atLeastZero](const QString &name, const QVariant &value) {
                 if (value.isValid())
                     atLeastZero.ensureValid(name, value);
             },
             atLeastZero.description),
         Importance::Low,
         "With transaction.boundary=interval, how often transactions are committed; unset uses "
         "the worker's offset.flush.interval.ms.",
         ConnectorGroups::ExactlyOnceSupport, 4, Width::Short, "Transaction boundary interval"},
        {OffsetsStorageTopic, Type::String, Null, ConfigDef::nonEmptyString(), Importance::Low,
         "A separate offsets topic for this connector, created when missing (distributed mode "
         "only). Unset uses the worker's offsets topic.",
         OffsetsTopic, 1, Width::Long, "Offsets topic"},
    };
    ConfigDef def = commonConnectorConfigDef();
    for (const KeySpec &spec : specs)
        def.define(toKey(spec));
    return def;
}

QStringList validateSinkTopics(const ConfigMap &props)
{
    QStringList messages;
    for (const FieldError &error : sinkTopicErrors(props)) {
        if (!messages.contains(error.message))
            messages.append(error.message);
    }
    return messages;
}

void addSinkTopicErrors(const ConfigMap &props, QList<ConfigDef::ConfigValue> &values)
{
    for (const FieldError &error : sinkTopicErrors(props)) {
        auto it = std::find_if(values.begin(), values.end(), [&](const ConfigDef::ConfigValue &v) {
            return v.name == error.key;
        });
        if (it == values.end()) {
            values.append(ConfigDef::ConfigValue{error.key, error.value, {}, {}, true});
            it = values.end() - 1;
        }
        it->errorMessages.append(error.message);
    }
}

QStringList splitList(const QString &value)
{
    QStringList result;
    for (const QString &part : value.split(QLatin1Char(','))) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            result.append(item);
    }
    return result;
}

ConfigMap withPrefixStripped(const ConfigMap &props, const QString &prefix)
{
    ConfigMap result;
    for (auto it = props.cbegin(); it != props.cend(); ++it) {
        if (it.key().startsWith(prefix))
            result.insert(it.key().mid(prefix.size()), it.value());
    }
    return result;
}

QStringList parseTopicsList(const ConfigMap &props)
{
    const QString key = QString::fromLatin1(ConnectorKeys::Topics);
    const QVariant parsed = ConfigDef::parseType(key, props.value(key), Type::List);
    QStringList result;
    for (const QString &topic : parsed.toStringList()) {
        if (!topic.isEmpty() && !result.contains(topic))
            result.append(topic);
    }
    return result;
}

bool hasTopicsConfig(const ConfigMap &props)
{
    return !isBlank(props, ConnectorKeys::Topics);
}

bool hasTopicsRegexConfig(const ConfigMap &props)
{
    return !isBlank(props, ConnectorKeys::TopicsRegex);
}

bool hasDlqTopicConfig(const ConfigMap &props)
{
    return !isBlank(props, ConnectorKeys::DlqTopicName);
}

} // namespace ConnectDesk::Config
