// SPDX-License-Identifier: Apache-2.0
#include "core/config/errc.h"
#include "core/config/workerconfig.h"

#include <QtTest>

using namespace ConnectDesk;
using Config::WorkerConfig;

namespace {

Api::ConfigMap minimal()
{
    return {{"key.converter", "org.apache.kafka.connect.json.JsonConverter"},
            {"value.converter", "org.apache.kafka.connect.json.JsonConverter"},
            {"offset.storage.file.filename", "/tmp/connect.offsets"}};
}

Api::ConfigMap with(std::initializer_list<std::pair<QString, QString>> extra)
{
    Api::ConfigMap props = minimal();
    for (const auto &[k, v] : extra)
        props.insert(k, v);
    return props;
}

QString errorOf(const Api::ConfigMap &props)
{
    const auto result = WorkerConfig::standalone(props);
    return result.ok() ? QString() : result.error().message;
}

} // namespace

class tst_WorkerConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void definitionMatchesKafka();
    void requiredKeys();
    void invalidValues();
    void listeners();
    void restAdvertised();
    void responseHeaders();
    void prefixes();
    void unknownAndRemovedKeys();
    void embeddedBroker();
};

void tst_WorkerConfig::defaults()
{
    const auto result = WorkerConfig::standalone(minimal());
    QVERIFY2(result.ok(), qPrintable(errorOf(minimal())));
    const WorkerConfig &config = result.value();
    QVERIFY(config.isStandalone());
    QCOMPARE(config.bootstrapServers(), QStringList{"localhost:9092"});
    QVERIFY(!config.usesEmbeddedBroker());
    QCOMPARE(config.keyConverterClass(),
             QStringLiteral("org.apache.kafka.connect.json.JsonConverter"));
    QCOMPARE(config.headerConverterClass(),
             QStringLiteral("org.apache.kafka.connect.storage.SimpleHeaderConverter"));
    QCOMPARE(config.offsetFlushIntervalMs(), 60000);
    QCOMPARE(config.offsetFlushTimeoutMs(), 5000);
    QCOMPARE(config.taskShutdownGracefulTimeoutMs(), 5000);
    QVERIFY(config.pluginPath().isEmpty());
    QVERIFY(!config.config().get("plugin.path").isValid());
    QCOMPARE(config.pluginDiscovery(), QStringLiteral("hybrid_warn"));
    QVERIFY(config.configProviders().isEmpty());
    QCOMPARE(config.connectorClientConfigOverridePolicy(), QStringLiteral("All"));
    QVERIFY(config.topicCreationEnable());
    QVERIFY(config.topicTrackingEnable());
    QVERIFY(config.topicTrackingAllowReset());
    // Loopback by default (Kafka: http://:8083, every interface).
    QCOMPARE(config.listeners(), QStringList{"http://127.0.0.1:8083"});
    QVERIFY(!config.adminListeners());
    QVERIFY(config.restAdvertisedHostName().isNull());
    QVERIFY(!config.restAdvertisedPort());
    QVERIFY(config.restAdvertisedListener().isNull());
    QVERIFY(config.restExtensionClasses().isEmpty());
    QCOMPARE(config.accessControlAllowOrigin(), QString(""));
    QCOMPARE(config.sslClientAuth(), QStringLiteral("none"));
    QCOMPARE(config.clientDnsLookup(), QStringLiteral("use_all_dns_ips"));
    QCOMPARE(config.offsetStorageFileName(), QStringLiteral("/tmp/connect.offsets"));
    QVERIFY(config.unknownKeys().isEmpty());

    // Values given as text are parsed and trimmed.
    const auto custom = WorkerConfig::standalone(
        with({{"offset.flush.interval.ms", " 10000 "},
              {"plugin.path", "/usr/share/java, /opt/connectors"},
              {"plugin.discovery", "ONLY_SCAN"},
              {"bootstrap.servers", "a:9092,b:9092"}}));
    QVERIFY(custom.ok());
    QCOMPARE(custom.value().offsetFlushIntervalMs(), 10000);
    QCOMPARE(custom.value().pluginPath(), QStringList({"/usr/share/java", "/opt/connectors"}));
    QCOMPARE(custom.value().pluginDiscovery(), QStringLiteral("only_scan"));
    QCOMPARE(custom.value().bootstrapServers(), QStringList({"a:9092", "b:9092"}));
}

void tst_WorkerConfig::definitionMatchesKafka()
{
    const Api::ConfigDef def = WorkerConfig::standaloneConfigDef();
    const auto *keyConverter = def.key("key.converter");
    QVERIFY(keyConverter);
    QCOMPARE(keyConverter->type, Api::ConfigDef::Type::Class);
    QVERIFY(!keyConverter->hasDefault());
    QVERIFY(!def.key("offset.storage.file.filename")->hasDefault());
    QCOMPARE(Api::ConfigDef::convertToString(*def.key("listeners")->defaultValue,
                                             Api::ConfigDef::Type::List),
             QStringLiteral("http://127.0.0.1:8083")); // our one deliberate difference
    QCOMPARE(def.key("offset.flush.interval.ms")->type, Api::ConfigDef::Type::Long);
    QCOMPARE(def.key("ssl.keystore.password")->type, Api::ConfigDef::Type::Password);
    QVERIFY(!WorkerConfig::baseConfigDef().contains("offset.storage.file.filename"));
    for (const char *name : {"bootstrap.servers", "header.converter",
                             "task.shutdown.graceful.timeout.ms",
                             "offset.flush.timeout.ms", "plugin.path", "plugin.discovery",
                             "config.providers", "connector.client.config.override.policy",
                             "topic.creation.enable", "topic.tracking.enable",
                             "topic.tracking.allow.reset", "listeners", "admin.listeners",
                             "rest.advertised.host.name", "rest.advertised.port",
                             "rest.advertised.listener", "rest.extension.classes",
                             "access.control.allow.origin", "access.control.allow.methods",
                             "response.http.headers.config", "client.dns.lookup",
                             "metrics.sample.window.ms", "metric.reporters"}) {
        QVERIFY2(def.contains(name), name);
    }
}

void tst_WorkerConfig::requiredKeys()
{
    Api::ConfigMap props = minimal();
    props.remove("key.converter");
    const auto result = WorkerConfig::standalone(props);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, int(Config::ErrorCode::InvalidConfig));
    QCOMPARE(result.error().message,
             QStringLiteral("Missing required configuration \"key.converter\" which has no "
                            "default value."));

    props = minimal();
    props.remove("offset.storage.file.filename");
    QCOMPARE(errorOf(props),
             QStringLiteral("Missing required configuration \"offset.storage.file.filename\" "
                            "which has no default value."));
}

void tst_WorkerConfig::invalidValues()
{
    QCOMPARE(errorOf(with({{"offset.flush.interval.ms", "soon"}})),
             QStringLiteral("Invalid value soon for configuration offset.flush.interval.ms: Not a "
                            "number of type LONG"));
    QCOMPARE(errorOf(with({{"topic.tracking.enable", "yes"}})),
             QStringLiteral("Invalid value yes for configuration topic.tracking.enable: Expected "
                            "value to be either true or false"));
    QCOMPARE(errorOf(with({{"plugin.discovery", "scan"}})),
             QStringLiteral("Invalid value scan for configuration plugin.discovery: String must be "
                            "one of (case insensitive): ONLY_SCAN, SERVICE_LOAD, HYBRID_WARN, "
                            "HYBRID_FAIL"));
    QCOMPARE(errorOf(with({{"metrics.num.samples", "0"}})),
             QStringLiteral("Invalid value 0 for configuration metrics.num.samples: Value must be "
                            "at least 1"));
    QCOMPARE(errorOf(with({{"ssl.client.auth", "always"}})),
             QStringLiteral("Invalid value always for configuration ssl.client.auth: String must "
                            "be one of: required, requested, none"));
}

void tst_WorkerConfig::listeners()
{
    QCOMPARE(errorOf(with({{"listeners", ""}})),
             QStringLiteral("Invalid value for listeners, at least one URL is expected, ex: "
                            "http://localhost:8080,https://localhost:8443."));
    QCOMPARE(errorOf(with({{"listeners", "http://a:1,,http://b:2"}})),
             QStringLiteral("Empty URL found when parsing listeners list."));
    const auto two = WorkerConfig::standalone(
        with({{"listeners", "http://127.0.0.1:8083, https://0.0.0.0:8443"}}));
    QCOMPARE(two.value().listeners(),
             QStringList({"http://127.0.0.1:8083", "https://0.0.0.0:8443"}));

    // admin.listeners: unset = use listeners, empty = disabled.
    const auto disabled = WorkerConfig::standalone(with({{"admin.listeners", ""}}));
    QVERIFY(disabled.ok());
    QCOMPARE(disabled.value().adminListeners(), std::optional(QStringList{}));
    QCOMPARE(errorOf(with({{"admin.listeners", "http://a:1, "}})),
             QStringLiteral("Empty URL found when parsing admin.listeners list."));
}

void tst_WorkerConfig::restAdvertised()
{
    const auto result = WorkerConfig::standalone(with({{"rest.advertised.host.name", "worker1"},
                                                       {"rest.advertised.port", "8084"},
                                                       {"rest.advertised.listener", "https"}}));
    QVERIFY(result.ok());
    QCOMPARE(result.value().restAdvertisedHostName(), QStringLiteral("worker1"));
    QCOMPARE(result.value().restAdvertisedPort(), std::optional(8084));
    QCOMPARE(result.value().restAdvertisedListener(), QStringLiteral("https"));
}

void tst_WorkerConfig::responseHeaders()
{
    const QString rules = "set X-Frame-Options: DENY, \"add Cache-Control: no-cache, no-store\"";
    QVERIFY(errorOf(with({{"response.http.headers.config", rules}})).isEmpty());
    QCOMPARE(errorOf(with({{"response.http.headers.config", "bogus X: y"}})),
             QStringLiteral("Invalid header config action: 'bogus'. Expected one of [set, add, "
                            "setDate, addDate]"));
    QCOMPARE(errorOf(with({{"response.http.headers.config", "set"}})),
             QStringLiteral("Invalid format of header config 'set'. Expected: '[action] [header "
                            "name]:[header value]'"));
    QCOMPARE(errorOf(with({{"response.http.headers.config", "set X-Only"}})),
             QStringLiteral("Invalid format of header name and header value pair 'X-Only'. "
                            "Expected: '[header name]:[header value]'"));
    QCOMPARE(errorOf(with({{"response.http.headers.config", "set Bad Name: v"}})),
             QStringLiteral("Invalid header name 'Bad Name'. The '[header name]' cannot contain "
                            "whitespace"));
}

void tst_WorkerConfig::prefixes()
{
    const auto result = WorkerConfig::standalone(
        with({{"producer.acks", "1"},
              {"producer.compression.type", "lz4"},
              {"consumer.max.poll.records", "100"},
              {"admin.request.timeout.ms", "5000"},
              {"admin.listeners", "http://127.0.0.1:9999"},
              {"admin.listeners.https.ssl.keystore.location", "/k"},
              {"key.converter.schemas.enable", "false"},
              {"value.converter.schemas.enable", "true"},
              {"producer.", "bare prefix is not a key"}}));
    QVERIFY(result.ok());
    const WorkerConfig &config = result.value();
    QCOMPARE(config.producerProps(),
             (Api::ConfigMap{{"acks", "1"}, {"compression.type", "lz4"}}));
    QCOMPARE(config.consumerProps(), (Api::ConfigMap{{"max.poll.records", "100"}}));
    QCOMPARE(config.adminProps(), (Api::ConfigMap{{"request.timeout.ms", "5000"}}));
    QCOMPARE(config.converterProps("key.converter"),
             (Api::ConfigMap{{"schemas.enable", "false"}}));
    QCOMPARE(config.converterProps("value.converter"),
             (Api::ConfigMap{{"schemas.enable", "true"}}));
    QVERIFY(config.converterProps("header.converter").isEmpty());
    QCOMPARE(config.adminListeners(), std::optional(QStringList{"http://127.0.0.1:9999"}));
    QCOMPARE(config.originals().value("producer.acks"), QStringLiteral("1"));
}

void tst_WorkerConfig::unknownAndRemovedKeys()
{
    const auto result = WorkerConfig::standalone(
        with({{"zz.custom", "1"},
              {"rest.port", "8083"},
              {"internal.key.converter", "X"},
              {"internal.key.converter.schemas.enable", "false"},
              {"producer.acks", "all"},
              {"sasl.mechanism", "PLAIN"},
              {"security.protocol", "SASL_SSL"},
              {"config.providers.file.class", "F"},
              {"a.typo", "x"}}));
    QVERIFY(result.ok());
    QCOMPARE(result.value().unknownKeys(), QStringList({"a.typo", "zz.custom"}));
    QCOMPARE(result.value().removedKeys(),
             QStringList({"internal.key.converter", "internal.key.converter.schemas.enable",
                          "rest.port"}));
}

void tst_WorkerConfig::embeddedBroker()
{
    const auto result = WorkerConfig::standalone(with({{"bootstrap.servers", " embedded "}}));
    QVERIFY(result.ok());
    QVERIFY(result.value().usesEmbeddedBroker());
    QCOMPARE(result.value().bootstrapServers(), QStringList{"embedded"});
}

QTEST_GUILESS_MAIN(tst_WorkerConfig)
#include "tst_workerconfig.moc"
