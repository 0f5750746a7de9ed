// SPDX-License-Identifier: Apache-2.0
#include "core/config/connectorconfig.h"

#include <QtTest>

using namespace ConnectDesk;
using Api::ConfigDef;
using Type = ConfigDef::Type;
using Width = ConfigDef::Width;
using Importance = ConfigDef::Importance;

namespace {

// The error messages validation reports for one key.
QStringList errorsFor(const ConfigDef &def, const Api::ConfigMap &props, const QString &key)
{
    for (const auto &value : def.validate(props)) {
        if (value.name == key)
            return value.errorMessages;
    }
    return {QStringLiteral("<no such key>")};
}

Api::ConfigMap base()
{
    return {{"name", "c"}, {"connector.class", "FileStreamSink"}};
}

Api::ConfigMap with(std::initializer_list<std::pair<QString, QString>> extra)
{
    Api::ConfigMap props = base();
    for (const auto &[k, v] : extra)
        props.insert(k, v);
    return props;
}

} // namespace

class tst_ConnectorConfig : public QObject
{
    Q_OBJECT

private slots:
    void commonKeys();
    void keyMetadata_data();
    void keyMetadata();
    void groups();
    void defaultsValidate();
    void nameValidation();
    void fieldValidation_data();
    void fieldValidation();
    void sinkTopics_data();
    void sinkTopics();
    void addSinkTopicErrorsAttachesToKeys();
    void topicsList();
};

void tst_ConnectorConfig::commonKeys()
{
    QCOMPARE(Config::commonConnectorConfigDef().names(),
             QStringList({"name", "connector.class", "tasks.max", "tasks.max.enforce",
                          "key.converter", "value.converter", "header.converter", "transforms",
                          "predicates", "config.action.reload", "errors.retry.timeout",
                          "errors.retry.delay.max.ms", "errors.tolerance", "errors.log.enable",
                          "errors.log.include.messages"}));
    const QStringList sink = Config::sinkConnectorConfigDef().names();
    QCOMPARE(sink.mid(15), QStringList({"topics", "topics.regex",
                                        "errors.deadletterqueue.topic.name",
                                        "errors.deadletterqueue.topic.replication.factor",
                                        "errors.deadletterqueue.context.headers.enable"}));
    const QStringList source = Config::sourceConnectorConfigDef().names();
    QCOMPARE(source.mid(15), QStringList({"topic.creation.groups", "exactly.once.support",
                                          "transaction.boundary",
                                          "transaction.boundary.interval.ms",
                                          "offsets.storage.topic"}));
}

void tst_ConnectorConfig::keyMetadata_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("required");
    QTest::addColumn<QString>("defaultText"); // convertToString of the default; "<null>"
    QTest::addColumn<QString>("group");
    QTest::addColumn<int>("order");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("importance");
    QTest::addColumn<QString>("displayName");

    auto row = [](const char *name, Type type, bool required, const char *def, const char *group,
                  int order, Width width, Importance importance, const char *display) {
        QTest::newRow(name) << name << int(type) << required << def << group << order
                            << int(width) << int(importance) << display;
    };
    row("name", Type::String, true, "<null>", "Common", 1, Width::Medium, Importance::High,
        "Connector name");
    row("connector.class", Type::String, true, "<null>", "Common", 2, Width::Long,
        Importance::High, "Connector class");
    row("tasks.max", Type::Int, false, "1", "Common", 3, Width::Short, Importance::High,
        "Tasks max");
    row("tasks.max.enforce", Type::Boolean, false, "true", "Common", 4, Width::Short,
        Importance::Low, "Enforce tasks max");
    row("key.converter", Type::Class, false, "<null>", "Common", 5, Width::Short, Importance::Low,
        "Key converter class");
    row("value.converter", Type::Class, false, "<null>", "Common", 6, Width::Short,
        Importance::Low, "Value converter class");
    row("header.converter", Type::Class, false, "<null>", "Common", 7, Width::Short,
        Importance::Low, "Header converter class");
    row("transforms", Type::List, false, "", "Transforms", 8, Width::Long, Importance::Low,
        "Transforms");
    row("predicates", Type::List, false, "", "Predicates", 9, Width::Long, Importance::Low,
        "Predicates");
    row("config.action.reload", Type::String, false, "restart", "Common", 10, Width::Medium,
        Importance::Low, "Reload Action");
    row("errors.retry.timeout", Type::Long, false, "0", "Error Handling", 1, Width::Medium,
        Importance::Medium, "Retry Timeout for Errors");
    row("errors.retry.delay.max.ms", Type::Long, false, "60000", "Error Handling", 2,
        Width::Medium, Importance::Medium, "Maximum Delay Between Retries for Errors");
    row("errors.tolerance", Type::String, false, "none", "Error Handling", 3, Width::Short,
        Importance::Medium, "Error Tolerance");
    row("errors.log.enable", Type::Boolean, false, "false", "Error Handling", 4, Width::Short,
        Importance::Medium, "Log Errors");
    row("errors.log.include.messages", Type::Boolean, false, "false", "Error Handling", 5,
        Width::Short, Importance::Medium, "Log Error Details");
    row("topics", Type::List, false, "", "Common", 4, Width::Long, Importance::High, "Topics");
    row("topics.regex", Type::String, false, "", "Common", 4, Width::Long, Importance::High,
        "Topics regex");
    row("errors.deadletterqueue.topic.name", Type::String, false, "", "Error Handling", 6,
        Width::Medium, Importance::Medium, "Dead Letter Queue Topic Name");
    row("errors.deadletterqueue.topic.replication.factor", Type::Short, false, "3",
        "Error Handling", 7, Width::Medium, Importance::Medium,
        "Dead Letter Queue Topic Replication Factor");
    row("errors.deadletterqueue.context.headers.enable", Type::Boolean, false, "false",
        "Error Handling", 8, Width::Medium, Importance::Medium, "Enable Error Context Headers");
    row("topic.creation.groups", Type::List, false, "", "Topic Creation", 1, Width::Long,
        Importance::Low, "Topic Creation Groups");
    row("exactly.once.support", Type::String, false, "requested", "Exactly Once Support", 2,
        Width::Short, Importance::Medium, "Exactly once support");
    row("transaction.boundary", Type::String, false, "poll", "Exactly Once Support", 3,
        Width::Short, Importance::Medium, "Transaction Boundary");
    row("transaction.boundary.interval.ms", Type::Long, false, "<null>", "Exactly Once Support",
        4, Width::Short, Importance::Low, "Transaction boundary interval");
    row("offsets.storage.topic", Type::String, false, "<null>", "offsets.topic", 1, Width::Long,
        Importance::Low, "Offsets topic");
}

void tst_ConnectorConfig::keyMetadata()
{
    QFETCH(QString, name);
    QFETCH(int, type);
    QFETCH(bool, required);
    QFETCH(QString, defaultText);
    QFETCH(QString, group);
    QFETCH(int, order);
    QFETCH(int, width);
    QFETCH(int, importance);
    QFETCH(QString, displayName);

    ConfigDef all = Config::sinkConnectorConfigDef();
    all.merge(Config::sourceConnectorConfigDef());
    const ConfigDef::Key *key = all.key(name);
    QVERIFY(key);
    QCOMPARE(int(key->type), type);
    QCOMPARE(!key->hasDefault(), required);
    if (!required) {
        const QString text = ConfigDef::convertToString(*key->defaultValue, key->type);
        QCOMPARE(text.isNull() ? QStringLiteral("<null>") : text, defaultText);
    }
    QCOMPARE(key->group, group);
    QCOMPARE(key->orderInGroup, order);
    QCOMPARE(int(key->width), width);
    QCOMPARE(int(key->importance), importance);
    QCOMPARE(key->displayName, displayName);
    QVERIFY(!key->documentation.isEmpty());
}

void tst_ConnectorConfig::groups()
{
    QCOMPARE(Config::sourceConnectorConfigDef().groups(),
             QStringList({"Common", "Transforms", "Predicates", "Error Handling", "Topic Creation",
                          "Exactly Once Support", "offsets.topic"}));
    QCOMPARE(Config::sinkConnectorConfigDef().groups(),
             QStringList({"Common", "Transforms", "Predicates", "Error Handling"}));
}

void tst_ConnectorConfig::defaultsValidate()
{
    for (const ConfigDef &def :
         {Config::sinkConnectorConfigDef(), Config::sourceConnectorConfigDef()}) {
        for (const auto &value : def.validate(base()))
            QVERIFY2(value.errorMessages.isEmpty(), qPrintable(value.name));
    }
    const auto values = Config::commonConnectorConfigDef().validate({});
    QCOMPARE(values.at(0).errorMessages,
             QStringList{"Missing required configuration \"name\" which has no default value."});
    QCOMPARE(values.at(1).errorMessages,
             QStringList{"Missing required configuration \"connector.class\" which has no "
                         "default value."});
    QCOMPARE(values.at(2).value, QVariant(1));
}

void tst_ConnectorConfig::nameValidation()
{
    const ConfigDef def = Config::commonConnectorConfigDef();
    QCOMPARE(errorsFor(def, with({{"name", ""}}), "name"),
             QStringList{"Invalid value  for configuration name: String may not be empty"});
    QCOMPARE(errorsFor(def, with({{"name", "bad\nname"}}), "name"),
             QStringList{"Invalid value bad\nname for configuration name: String may not contain "
                         "control sequences but had the following ASCII chars: 10"});
    QVERIFY(errorsFor(def, with({{"name", "local-file-sink"}}), "name").isEmpty());
}

void tst_ConnectorConfig::fieldValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("tasks.max 0")
        << "tasks.max" << "0"
        << QStringList{"Invalid value 0 for configuration tasks.max: Value must be at least 1"};
    QTest::newRow("tasks.max text")
        << "tasks.max" << "many"
        << QStringList{"Invalid value many for configuration tasks.max: Not a number of type INT",
                       "Invalid value null for configuration tasks.max: Value must be non-null"};
    QTest::newRow("duplicate transforms")
        << "transforms" << "a, b, a"
        << QStringList{"Invalid value [a, b, a] for configuration transforms: Duplicate alias "
                       "provided."};
    QTest::newRow("duplicate predicates")
        << "predicates" << "p,p"
        << QStringList{"Invalid value [p, p] for configuration predicates: Duplicate alias "
                       "provided."};
    QTest::newRow("tolerance")
        << "errors.tolerance" << "some"
        << QStringList{"Invalid value some for configuration errors.tolerance: String must be "
                       "one of: none, all"};
    QTest::newRow("reload")
        << "config.action.reload" << "always"
        << QStringList{"Invalid value always for configuration config.action.reload: String "
                       "must be one of: none, restart"};
    QTest::newRow("eos")
        << "exactly.once.support" << "maybe"
        << QStringList{"Invalid value maybe for configuration exactly.once.support: String "
                       "must be one of (case insensitive): REQUIRED, REQUESTED"};
    QTest::newRow("boundary")
        << "transaction.boundary" << "batch"
        << QStringList{"Invalid value batch for configuration transaction.boundary: String "
                       "must be one of (case insensitive): INTERVAL, POLL, CONNECTOR"};
    QTest::newRow("interval")
        << "transaction.boundary.interval.ms" << "-1"
        << QStringList{"Invalid value -1 for configuration transaction.boundary.interval.ms: "
                       "Value must be at least 0"};
    QTest::newRow("offsets topic")
        << "offsets.storage.topic" << ""
        << QStringList{"Invalid value  for configuration offsets.storage.topic: String must be "
                       "non-empty"};
    QTest::newRow("topic creation groups")
        << "topic.creation.groups" << "g,g"
        << QStringList{"Invalid value [g, g] for configuration topic.creation.groups: Duplicate "
                       "alias provided."};
    QTest::newRow("dlq rf")
        << "errors.deadletterqueue.topic.replication.factor" << "70000"
        << QStringList{"Invalid value 70000 for configuration "
                       "errors.deadletterqueue.topic.replication.factor: Not a number of type "
                       "SHORT"};
}

void tst_ConnectorConfig::fieldValidation()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QStringList, errors);
    ConfigDef all = Config::sinkConnectorConfigDef();
    all.merge(Config::sourceConnectorConfigDef());
    QCOMPARE(errorsFor(all, with({{key, value}}), key), errors);
    // Case-insensitive values are accepted in any case.
    QVERIFY(errorsFor(all, with({{"exactly.once.support", "REQUIRED"}}), "exactly.once.support")
                .isEmpty());
}

void tst_ConnectorConfig::sinkTopics_data()
{
    QTest::addColumn<Api::ConfigMap>("props");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("topics") << Api::ConfigMap{{"topics", "a,b"}} << QStringList{};
    QTest::newRow("regex") << Api::ConfigMap{{"topics.regex", "a.*"}} << QStringList{};
    QTest::newRow("neither")
        << Api::ConfigMap{} << QStringList{"Must configure one of topics or topics.regex"};
    QTest::newRow("blank both")
        << Api::ConfigMap{{"topics", "  "}, {"topics.regex", ""}}
        << QStringList{"Must configure one of topics or topics.regex"};
    QTest::newRow("both")
        << Api::ConfigMap{{"topics", "a"}, {"topics.regex", "b.*"}}
        << QStringList{"topics and topics.regex are mutually exclusive options, but both are set."};
    QTest::newRow("dlq in topics")
        << Api::ConfigMap{{"topics", "a, dlq"},
                          {"errors.deadletterqueue.topic.name", " dlq "}}
        << QStringList{"The DLQ topic 'dlq' may not be included in the list of topics "
                       "('topics=[a, dlq]') consumed by the connector"};
    QTest::newRow("dlq matches regex")
        << Api::ConfigMap{{"topics.regex", "dlq.*"},
                          {"errors.deadletterqueue.topic.name", "dlq-x"}}
        << QStringList{"The DLQ topic 'dlq-x' may not be matched by the regex for the topics "
                       "('topics.regex=dlq.*') consumed by the connector"};
    QTest::newRow("regex must match whole name")
        << Api::ConfigMap{{"topics.regex", "dlq"},
                          {"errors.deadletterqueue.topic.name", "dlq-x"}}
        << QStringList{};
    QTest::newRow("dlq elsewhere")
        << Api::ConfigMap{{"topics", "a"}, {"errors.deadletterqueue.topic.name", "dlq"}}
        << QStringList{};
}

void tst_ConnectorConfig::sinkTopics()
{
    QFETCH(Api::ConfigMap, props);
    QFETCH(QStringList, errors);
    QCOMPARE(Config::validateSinkTopics(props), errors);
}

void tst_ConnectorConfig::addSinkTopicErrorsAttachesToKeys()
{
    const ConfigDef def = Config::sinkConnectorConfigDef();
    const Api::ConfigMap props = with({{"topics", "a"}, {"topics.regex", "b.*"}});
    auto values = def.validate(props);
    Config::addSinkTopicErrors(props, values);
    const QString both = "topics and topics.regex are mutually exclusive options, but both are "
                         "set.";
    for (const auto &value : values) {
        if (value.name == "topics" || value.name == "topics.regex")
            QCOMPARE(value.errorMessages, QStringList{both});
        else
            QVERIFY2(value.errorMessages.isEmpty(), qPrintable(value.name));
    }

    QList<ConfigDef::ConfigValue> empty;
    Config::addSinkTopicErrors({}, empty);
    QCOMPARE(empty.size(), 2);
    QCOMPARE(empty.at(0).name, QStringLiteral("topics"));
    QCOMPARE(empty.at(1).name, QStringLiteral("topics.regex"));
    QCOMPARE(empty.at(1).errorMessages,
             QStringList{"Must configure one of topics or topics.regex"});

    // An invalid regex is reported by the key's validator.
    const auto invalid = errorsFor(def, with({{"topics.regex", "("}}), "topics.regex");
    QCOMPARE(invalid.size(), 1);
    QVERIFY2(invalid.at(0).startsWith(
                 "Invalid value ( for configuration topics.regex: Invalid regex: "),
             qPrintable(invalid.at(0)));
}

void tst_ConnectorConfig::topicsList()
{
    QCOMPARE(Config::parseTopicsList({{"topics", " a, b,,a ,c "}}), QStringList({"a", "b", "c"}));
    QVERIFY(Config::parseTopicsList({}).isEmpty());
    QVERIFY(Config::hasTopicsConfig({{"topics", "a"}}));
    QVERIFY(!Config::hasTopicsConfig({{"topics", " "}}));
    QVERIFY(Config::hasTopicsRegexConfig({{"topics.regex", ".*"}}));
    QVERIFY(Config::hasDlqTopicConfig({{"errors.deadletterqueue.topic.name", "d"}}));
    QVERIFY(!Config::hasDlqTopicConfig({}));
}

QTEST_GUILESS_MAIN(tst_ConnectorConfig)
#include "tst_connectorconfig.moc"
