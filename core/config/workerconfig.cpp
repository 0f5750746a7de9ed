// SPDX-License-Identifier: Apache-2.0
#include "workerconfig.h"

#include "httpheaderrules.h"

#include "errc.h"

#include "core/api/exceptions.h"

#include <QRegularExpression>

namespace ConnectDesk::Config {

using Api::ConfigDef;
using Api::ConfigException;
using Api::ConfigMap;
using Importance = ConfigDef::Importance;
using Type = ConfigDef::Type;

namespace {

// Kafka's ListenersValidator / AdminListenersValidator (messages word for word).
ConfigDef::Validator listenersValidator(bool admin)
{
    const QString description = QStringLiteral(
        "List of comma-separated URLs, ex: http://localhost:8080,https://localhost:8443.");
    return ConfigDef::lambda(
        [admin](const QString &, const QVariant &value) {
            if (admin && !value.isValid())
                return;
            const QStringList items = value.toStringList();
            if (items.isEmpty()) {
                if (admin)
                    return;
                throw ConfigException(QStringLiteral(
                    "Invalid value for listeners, at least one URL is expected, ex: "
                    "http://localhost:8080,https://localhost:8443."));
            }
            for (const QString &item : items) {
                if (item.trimmed().isEmpty()) {
                    throw ConfigException(QStringLiteral("Empty URL found when parsing %1 list.")
                                              .arg(admin ? QStringLiteral("admin.listeners")
                                                         : QStringLiteral("listeners")));
                }
            }
        },
        description);
}

ConfigDef::Validator responseHeadersValidator()
{
    return ConfigDef::lambda(
        [](const QString &, const QVariant &value) {
            const auto rules = parseHttpHeaderRules(value.toString());
            if (!rules)
                throw ConfigException(rules.error().message);
        },
        QStringLiteral("Comma-separated header rules, where each header rule is of the form "
                       "'[action] [header name]:[header value]' and optionally surrounded by "
                       "double quotes if any part of a header rule contains a comma"));
}

ConfigDef::Key key(const char *name, Type type, std::optional<QVariant> defaultValue,
                   Importance importance, const char *doc, ConfigDef::Validator validator = {})
{
    ConfigDef::Key k;
    k.name = QString::fromLatin1(name);
    k.type = type;
    k.defaultValue = std::move(defaultValue);
    k.importance = importance;
    k.documentation = QString::fromUtf8(doc);
    k.validator = std::move(validator);
    return k;
}

const QVariant Null;
constexpr auto Required = std::nullopt;

void addSslKeys(ConfigDef &def)
{
    // Kafka's client SSL keys. ConnectDesk's REST server reads the PEM-style ones
    // (ssl.keystore.location/ssl.key.password or ssl.keystore.key/certificate.chain); the
    // Java-only ones are accepted so that existing worker files load unchanged.
    def.define(key("ssl.protocol", Type::String, QStringLiteral("TLSv1.3"), Importance::Medium,
                   "TLS protocol used by the REST server's and clients' SSL context."))
        .define(key("ssl.provider", Type::String, Null, Importance::Medium,
                    "Security provider name (Java only; ignored)."))
        .define(key("ssl.cipher.suites", Type::List, Null, Importance::Low,
                    "Cipher suites to allow; all supported suites when unset."))
        .define(key("ssl.enabled.protocols", Type::List, QStringLiteral("TLSv1.2,TLSv1.3"),
                    Importance::Medium, "TLS protocol versions to enable."))
        .define(key("ssl.keystore.type", Type::String, QStringLiteral("JKS"), Importance::Medium,
                    "File format of the key store."))
        .define(key("ssl.keystore.location", Type::String, Null, Importance::High,
                    "Path of the key store file."))
        .define(key("ssl.keystore.password", Type::Password, Null, Importance::High,
                    "Password of the key store file."))
        .define(key("ssl.key.password", Type::Password, Null, Importance::High,
                    "Password of the private key."))
        .define(key("ssl.keystore.key", Type::Password, Null, Importance::High,
                    "Private key in PEM form, given inline."))
        .define(key("ssl.keystore.certificate.chain", Type::Password, Null, Importance::High,
                    "Certificate chain in PEM form, given inline."))
        .define(key("ssl.truststore.certificates", Type::Password, Null, Importance::High,
                    "Trusted certificates in PEM form, given inline."))
        .define(key("ssl.truststore.type", Type::String, QStringLiteral("JKS"),
                    Importance::Medium, "File format of the trust store."))
        .define(key("ssl.truststore.location", Type::String, Null, Importance::High,
                    "Path of the trust store file."))
        .define(key("ssl.truststore.password", Type::Password, Null, Importance::High,
                    "Password of the trust store file."))
        .define(key("ssl.keymanager.algorithm", Type::String, QStringLiteral("SunX509"),
                    Importance::Low, "Key manager factory algorithm (Java only; ignored)."))
        .define(key("ssl.trustmanager.algorithm", Type::String, QStringLiteral("PKIX"),
                    Importance::Low, "Trust manager factory algorithm (Java only; ignored)."))
        .define(key("ssl.endpoint.identification.algorithm", Type::String,
                    QStringLiteral("https"), Importance::Low,
                    "Algorithm used to check the server host name against its certificate."))
        .define(key("ssl.secure.random.implementation", Type::String, Null, Importance::Low,
                    "Secure random implementation (Java only; ignored)."))
        .define(key("ssl.engine.factory.class", Type::Class, Null, Importance::Low,
                    "SSL engine factory class (Java only; ignored)."));
}

void addRestKeys(ConfigDef &def)
{
    using namespace WorkerKeys;
    // Loopback unless the user says otherwise (Kafka's default, http://:8083, is every
    // interface); a worker on a laptop should not be reachable from the network by default.
    def.define(key(Listeners, Type::List, QStringList{QStringLiteral("http://127.0.0.1:8083")},
                   Importance::Low,
                   "Comma-separated URLs the REST API listens on, http or https, for example "
                   "http://myhost:8083,https://myhost:8084. An empty host name means the default "
                   "interface; 0.0.0.0 means all interfaces.",
                   listenersValidator(false)))
        .define(key(RestAdvertisedHostName, Type::String, Null, Importance::Low,
                    "Host name given to other workers and clients to reach this worker."))
        .define(key(RestAdvertisedPort, Type::Int, Null, Importance::Low,
                    "Port given to other workers and clients to reach this worker."))
        .define(key(RestAdvertisedListener, Type::String, Null, Importance::Low,
                    "Advertised protocol, http or https."))
        .define(key(AccessControlAllowOrigin, Type::String, QString(""), Importance::Low,
                    "Value of the Access-Control-Allow-Origin header of REST responses; empty "
                    "allows only the REST API's own origin, '*' allows any."))
        .define(key(AccessControlAllowMethods, Type::String, QString(""), Importance::Low,
                    "Value of the Access-Control-Allow-Methods header for cross-origin requests; "
                    "empty allows GET, POST and HEAD."))
        .define(key(ResponseHttpHeaders, Type::String, QString(""), Importance::Low,
                    "Rules that set or add headers on REST responses.",
                    responseHeadersValidator()))
        .define(key(SslClientAuth, Type::String, QStringLiteral("none"), Importance::Low,
                    "Whether the REST server over https asks clients for certificates: "
                    "required, requested or none.",
                    ConfigDef::validString({QStringLiteral("required"),
                                            QStringLiteral("requested"),
                                            QStringLiteral("none")})))
        .define(key(RestExtensionClasses, Type::List, QString(""), Importance::Low,
                    "Comma-separated REST extension classes, loaded in order."))
        .define(key(AdminListeners, Type::List, Null, Importance::Low,
                    "Comma-separated URLs of the admin endpoints (/admin/...). Unset uses "
                    "'listeners'; an empty value disables them.",
                    listenersValidator(true)));
}

} // namespace

ConfigDef WorkerConfig::baseConfigDef()
{
    using namespace WorkerKeys;
    ConfigDef def;
    def.define(key(BootstrapServers, Type::List, QStringLiteral("localhost:9092"),
                   Importance::High,
                   "Kafka brokers (host:port, comma-separated) to connect to first; the clients "
                   "discover the rest of the cluster from them. 'embedded' starts ConnectDesk's "
                   "in-process development broker instead."))
        .define(key(ClientDnsLookup, Type::String, QStringLiteral("use_all_dns_ips"),
                    Importance::Medium, "How clients use the addresses DNS returns for brokers.",
                    ConfigDef::validString(
                        {QStringLiteral("use_all_dns_ips"),
                         QStringLiteral("resolve_canonical_bootstrap_servers_only")})))
        .define(key(KeyConverter, Type::Class, Required, Importance::High,
                    "Converter between Connect data and the bytes of record keys in Kafka, used "
                    "by connectors that do not set their own."))
        .define(key(ValueConverter, Type::Class, Required, Importance::High,
                    "Converter between Connect data and the bytes of record values in Kafka, "
                    "used by connectors that do not set their own."))
        .define(key(TaskShutdownGracefulTimeoutMs, Type::Long, QStringLiteral("5000"),
                    Importance::Low,
                    "Time to wait for tasks to stop cleanly, in total for all tasks being "
                    "stopped, before abandoning them."))
        .define(key(OffsetFlushIntervalMs, Type::Long, qint64(60000), Importance::Low,
                    "How often task offsets are committed."))
        .define(key(OffsetFlushTimeoutMs, Type::Long, qint64(5000), Importance::Low,
                    "Longest wait for records to be flushed and offsets committed before the "
                    "commit is cancelled and retried at the next interval."))
        .define(key(PluginPath, Type::List, Null, Importance::Low,
                    "Comma-separated folders searched for plugins. Config provider variables "
                    "are not resolved here."))
        .define(key(PluginDiscovery, Type::String, QStringLiteral("hybrid_warn"),
                    Importance::Low,
                    "How plugins are discovered: only_scan, hybrid_warn, hybrid_fail or "
                    "service_load.",
                    ConfigDef::caseInsensitiveValidString(
                        {QStringLiteral("only_scan"), QStringLiteral("hybrid_warn"),
                         QStringLiteral("hybrid_fail"), QStringLiteral("service_load")})))
        .define(key("metrics.sample.window.ms", Type::Long, qint64(30000), Importance::Low,
                    "Window of a metrics sample.", ConfigDef::atLeast(0)))
        .define(key("metrics.num.samples", Type::Int, 2, Importance::Low,
                    "Number of samples kept to compute metrics.", ConfigDef::atLeast(1)))
        .define(key("metrics.recording.level", Type::String, QStringLiteral("INFO"),
                    Importance::Low, "Highest recording level of metrics.",
                    ConfigDef::validString({QStringLiteral("INFO"), QStringLiteral("DEBUG")})))
        .define(key("metric.reporters", Type::List,
                    QStringLiteral("org.apache.kafka.common.metrics.JmxReporter"),
                    Importance::Low, "Metrics reporter classes."))
        .define(key(HeaderConverter, Type::Class,
                    QStringLiteral("org.apache.kafka.connect.storage.SimpleHeaderConverter"),
                    Importance::Low,
                    "Converter between Connect data and the bytes of record header values, used "
                    "by connectors that do not set their own."))
        .define(key(ConfigProviders, Type::List, QStringList(), Importance::Low,
                    "Names of the config providers that resolve ${provider:path:key} variables, "
                    "each configured with config.providers.<name>.class and .param.<p>."))
        .define(key(ConnectorClientConfigOverridePolicy, Type::String, QStringLiteral("All"),
                    Importance::Medium,
                    "Which producer/consumer/admin settings connectors may override: All, None, "
                    "Principal or a policy class name."))
        .define(key(TopicCreationEnable, Type::Boolean, true, Importance::Low,
                    "Let source connectors that set topic.creation.* create their topics."));
    addSslKeys(def);
    def.define(key(TopicTrackingEnable, Type::Boolean, true, Importance::Low,
                   "Track the topics each connector uses."))
        .define(key(TopicTrackingAllowReset, Type::Boolean, true, Importance::Low,
                    "Allow requests that reset a connector's tracked topics."));
    addRestKeys(def);
    return def;
}

ConfigDef WorkerConfig::standaloneConfigDef()
{
    ConfigDef def = baseConfigDef();
    def.define(key(WorkerKeys::OffsetStorageFileFilename, Type::String, Required,
                   Importance::High, "File in which source connector offsets are stored."));
    return def;
}

ConfigDef WorkerConfig::distributedConfigDef()
{
    ConfigDef def = baseConfigDef();
    auto atLeastOneOrBrokerDefault = ConfigDef::lambda(
        [](const QString &name, const QVariant &value) {
            const qint64 n = value.toLongLong();
            if (n != -1 && n < 1)
                throw ConfigException(name, value.toString(), QStringLiteral(
                    "Value must be at least 1 or -1 (the broker's default)"));
        },
        QStringLiteral("Either a positive value or -1"));
    def.define(key(WorkerKeys::GroupId, Type::String, Required, Importance::High,
                   "A unique string that identifies the Connect cluster group this worker belongs to."))
        .define(key(WorkerKeys::ConfigStorageTopic, Type::String, Required, Importance::High,
                    "The name of the Kafka topic where connector configurations are stored.",
                    ConfigDef::nonEmptyString()))
        .define(key(WorkerKeys::ConfigStorageReplicationFactor, Type::Short, 3, Importance::Low,
                    "Replication factor used when creating the configuration storage topic.",
                    atLeastOneOrBrokerDefault))
        .define(key(WorkerKeys::OffsetStorageTopic, Type::String, Required, Importance::High,
                    "The name of the Kafka topic where source connector offsets are stored.",
                    ConfigDef::nonEmptyString()))
        .define(key(WorkerKeys::OffsetStoragePartitions, Type::Int, 25, Importance::Low,
                    "The number of partitions used when creating the offset storage topic.",
                    atLeastOneOrBrokerDefault))
        .define(key(WorkerKeys::OffsetStorageReplicationFactor, Type::Short, 3, Importance::Low,
                    "Replication factor used when creating the offset storage topic.",
                    atLeastOneOrBrokerDefault))
        .define(key(WorkerKeys::StatusStorageTopic, Type::String, Required, Importance::High,
                    "The name of the Kafka topic where connector and task status are stored.",
                    ConfigDef::nonEmptyString()))
        .define(key(WorkerKeys::StatusStoragePartitions, Type::Int, 5, Importance::Low,
                    "The number of partitions used when creating the status storage topic.",
                    atLeastOneOrBrokerDefault))
        .define(key(WorkerKeys::StatusStorageReplicationFactor, Type::Short, 3, Importance::Low,
                    "Replication factor used when creating the status storage topic.",
                    atLeastOneOrBrokerDefault))
        .define(key("session.timeout.ms", Type::Int, 10000, Importance::High,
                    "The timeout used to detect worker failures (one node: unused)."))
        .define(key("heartbeat.interval.ms", Type::Int, 3000, Importance::High,
                    "The expected time between heartbeats (one node: unused)."))
        .define(key("rebalance.timeout.ms", Type::Int, 60000, Importance::High,
                    "The maximum time for a rebalance (one node: unused)."))
        .define(key("worker.sync.timeout.ms", Type::Int, 3000, Importance::Medium,
                    "How long a worker waits to catch up with the config topic."))
        .define(key("worker.unsync.backoff.ms", Type::Int, 300000, Importance::Medium,
                    "How long a worker that cannot catch up waits before rejoining."))
        .define(key("connect.protocol", Type::String, QStringLiteral("sessioned"), Importance::Low,
                    "Compatibility mode of the Connect protocol (one node: unused).",
                    ConfigDef::caseInsensitiveValidString({QStringLiteral("eager"), QStringLiteral("compatible"),
                                                            QStringLiteral("sessioned")})))
        .define(key("scheduled.rebalance.max.delay.ms", Type::Int, 300000, Importance::Low,
                    "Delay before departed workers' connectors are reassigned (one node: unused)."))
        .define(key("exactly.once.source.support", Type::String, QStringLiteral("disabled"), Importance::High,
                    "Exactly-once support for source connectors (not supported yet: only disabled).",
                    ConfigDef::caseInsensitiveValidString({QStringLiteral("disabled"), QStringLiteral("preparing"),
                                                            QStringLiteral("enabled")})))
        .define(key("client.id", Type::String, QStringLiteral(""), Importance::Low,
                    "Client id prefix of the worker's internal clients."));
    return def;
}

Util::Result<WorkerConfig> WorkerConfig::distributed(const ConfigMap &props)
{
    try {
        return WorkerConfig(distributedConfigDef(), props, false);
    } catch (const ConfigException &e) {
        return Util::Error{e.message(), int(ErrorCode::InvalidConfig)};
    }
}

QString WorkerConfig::groupId() const
{
    return m_standalone ? QString() : m_config.getString(QString::fromLatin1(WorkerKeys::GroupId));
}

InternalTopicSettings WorkerConfig::internalTopic(InternalTopic which) const
{
    InternalTopicSettings settings;
    if (m_standalone)
        return settings;
    auto get = [this](const char *name) { return m_config.get(QString::fromLatin1(name)); };
    switch (which) {
    case InternalTopic::Config:
        settings.name = get(WorkerKeys::ConfigStorageTopic).toString();
        settings.partitions = 1;
        settings.replicationFactor = get(WorkerKeys::ConfigStorageReplicationFactor).toInt();
        settings.prefix = QStringLiteral("config.storage.");
        break;
    case InternalTopic::Offsets:
        settings.name = get(WorkerKeys::OffsetStorageTopic).toString();
        settings.partitions = get(WorkerKeys::OffsetStoragePartitions).toInt();
        settings.replicationFactor = get(WorkerKeys::OffsetStorageReplicationFactor).toInt();
        settings.prefix = QStringLiteral("offset.storage.");
        break;
    case InternalTopic::Status:
        settings.name = get(WorkerKeys::StatusStorageTopic).toString();
        settings.partitions = get(WorkerKeys::StatusStoragePartitions).toInt();
        settings.replicationFactor = get(WorkerKeys::StatusStorageReplicationFactor).toInt();
        settings.prefix = QStringLiteral("status.storage.");
        break;
    }
    // Other config.storage.* / offset.storage.* / status.storage.* keys are topic configs.
    static const QStringList own{QStringLiteral("topic"), QStringLiteral("partitions"),
                                 QStringLiteral("replication.factor"), QStringLiteral("file.filename")};
    const ConfigMap &originals = m_config.originals();
    for (auto it = originals.cbegin(); it != originals.cend(); ++it) {
        if (!it.key().startsWith(settings.prefix))
            continue;
        const QString suffix = it.key().mid(settings.prefix.size());
        if (!own.contains(suffix))
            settings.topicConfigs.insert(suffix, it.value());
    }
    settings.topicConfigs.insert(QStringLiteral("cleanup.policy"), QStringLiteral("compact"));
    return settings;
}

WorkerConfig::WorkerConfig(const ConfigDef &definition, const ConfigMap &props, bool standalone)
    : m_config(definition, props)
    , m_standalone(standalone)
{}

Util::Result<WorkerConfig> WorkerConfig::standalone(const ConfigMap &props)
{
    try {
        return WorkerConfig(standaloneConfigDef(), props, true);
    } catch (const ConfigException &e) {
        return Util::Error{e.message(), int(ErrorCode::InvalidConfig)};
    }
}

QStringList WorkerConfig::bootstrapServers() const
{
    return m_config.getList(QString::fromLatin1(WorkerKeys::BootstrapServers));
}

bool WorkerConfig::usesEmbeddedBroker() const
{
    return bootstrapServers() == QStringList{QStringLiteral("embedded")};
}

QString WorkerConfig::clientDnsLookup() const
{
    return m_config.getString(QString::fromLatin1(WorkerKeys::ClientDnsLookup));
}

QString WorkerConfig::keyConverterClass() const
{
    return m_config.getClass(QString::fromLatin1(WorkerKeys::KeyConverter));
}

QString WorkerConfig::valueConverterClass() const
{
    return m_config.getClass(QString::fromLatin1(WorkerKeys::ValueConverter));
}

QString WorkerConfig::headerConverterClass() const
{
    return m_config.getClass(QString::fromLatin1(WorkerKeys::HeaderConverter));
}

qint64 WorkerConfig::taskShutdownGracefulTimeoutMs() const
{
    return m_config.getLong(QString::fromLatin1(WorkerKeys::TaskShutdownGracefulTimeoutMs));
}

qint64 WorkerConfig::offsetFlushIntervalMs() const
{
    return m_config.getLong(QString::fromLatin1(WorkerKeys::OffsetFlushIntervalMs));
}

qint64 WorkerConfig::offsetFlushTimeoutMs() const
{
    return m_config.getLong(QString::fromLatin1(WorkerKeys::OffsetFlushTimeoutMs));
}

QStringList WorkerConfig::pluginPath() const
{
    return m_config.getList(QString::fromLatin1(WorkerKeys::PluginPath));
}

QString WorkerConfig::pluginDiscovery() const
{
    return m_config.getString(QString::fromLatin1(WorkerKeys::PluginDiscovery)).toLower();
}

QStringList WorkerConfig::configProviders() const
{
    return m_config.getList(QString::fromLatin1(WorkerKeys::ConfigProviders));
}

QString WorkerConfig::connectorClientConfigOverridePolicy() const
{
    return m_config.getString(QString::fromLatin1(WorkerKeys::ConnectorClientConfigOverridePolicy));
}

bool WorkerConfig::topicCreationEnable() const
{
    return m_config.getBoolean(QString::fromLatin1(WorkerKeys::TopicCreationEnable));
}

bool WorkerConfig::topicTrackingEnable() const
{
    return m_config.getBoolean(QString::fromLatin1(WorkerKeys::TopicTrackingEnable));
}

bool WorkerConfig::topicTrackingAllowReset() const
{
    return m_config.getBoolean(QString::fromLatin1(WorkerKeys::TopicTrackingAllowReset));
}

QStringList WorkerConfig::listeners() const
{
    return m_config.getList(QString::fromLatin1(WorkerKeys::Listeners));
}

std::optional<QStringList> WorkerConfig::adminListeners() const
{
    const QVariant value = m_config.get(QString::fromLatin1(WorkerKeys::AdminListeners));
    if (!value.isValid())
        return std::nullopt;
    return value.toStringList();
}

QString WorkerConfig::restAdvertisedHostName() const
{
    return m_config.getString(QString::fromLatin1(WorkerKeys::RestAdvertisedHostName));
}

std::optional<int> WorkerConfig::restAdvertisedPort() const
{
    const QVariant value = m_config.get(QString::fromLatin1(WorkerKeys::RestAdvertisedPort));
    if (!value.isValid())
        return std::nullopt;
    return value.toInt();
}

QString WorkerConfig::restAdvertisedListener() const
{
    return m_config.getString(QString::fromLatin1(WorkerKeys::RestAdvertisedListener));
}

QStringList WorkerConfig::restExtensionClasses() const
{
    return m_config.getList(QString::fromLatin1(WorkerKeys::RestExtensionClasses));
}

QString WorkerConfig::accessControlAllowOrigin() const
{
    return m_config.getString(QString::fromLatin1(WorkerKeys::AccessControlAllowOrigin));
}

QString WorkerConfig::accessControlAllowMethods() const
{
    return m_config.getString(QString::fromLatin1(WorkerKeys::AccessControlAllowMethods));
}

QString WorkerConfig::responseHttpHeaders() const
{
    return m_config.getString(QString::fromLatin1(WorkerKeys::ResponseHttpHeaders));
}

QString WorkerConfig::sslClientAuth() const
{
    return m_config.getString(QString::fromLatin1(WorkerKeys::SslClientAuth));
}

QString WorkerConfig::offsetStorageFileName() const
{
    if (!m_standalone)
        return {};
    return m_config.getString(QString::fromLatin1(WorkerKeys::OffsetStorageFileFilename));
}

ConfigMap WorkerConfig::producerProps() const
{
    return m_config.originalsWithPrefix(QStringLiteral("producer."));
}

ConfigMap WorkerConfig::consumerProps() const
{
    return m_config.originalsWithPrefix(QStringLiteral("consumer."));
}

ConfigMap WorkerConfig::adminProps() const
{
    ConfigMap props = m_config.originalsWithPrefix(QStringLiteral("admin."));
    for (auto it = props.begin(); it != props.end();) {
        const bool restServerKey = it.key() == QLatin1String("listeners")
                                   || it.key().startsWith(QLatin1String("listeners."));
        if (restServerKey)
            it = props.erase(it);
        else
            ++it;
    }
    return props;
}

ConfigMap WorkerConfig::converterProps(const QString &converterKey) const
{
    return m_config.originalsWithPrefix(converterKey + QLatin1Char('.'));
}

QStringList WorkerConfig::unknownKeys() const
{
    static const QStringList passThroughPrefixes = {
        QStringLiteral("producer."),         QStringLiteral("consumer."),
        QStringLiteral("admin."),            QStringLiteral("key.converter."),
        QStringLiteral("value.converter."),  QStringLiteral("header.converter."),
        QStringLiteral("config.providers."), QStringLiteral("listeners.https."),
        QStringLiteral("sasl."),             QStringLiteral("config.storage."),
        QStringLiteral("offset.storage."),   QStringLiteral("status.storage."),
        QStringLiteral("rest.basic.auth."),
    };
    const QStringList removed = removedKeys();
    QStringList result;
    const ConfigMap &props = m_config.originals();
    for (auto it = props.cbegin(); it != props.cend(); ++it) {
        const QString &name = it.key();
        if (m_config.definition().contains(name) || removed.contains(name)
            || name == QLatin1String("security.protocol")) {
            continue;
        }
        const bool passThrough = std::any_of(passThroughPrefixes.cbegin(),
                                             passThroughPrefixes.cend(),
                                             [&](const QString &p) { return name.startsWith(p); });
        if (!passThrough)
            result.append(name);
    }
    return result;
}

QStringList WorkerConfig::removedKeys() const
{
    QStringList result;
    const ConfigMap &props = m_config.originals();
    for (auto it = props.cbegin(); it != props.cend(); ++it) {
        const QString &name = it.key();
        if (name == QLatin1String("rest.host.name") || name == QLatin1String("rest.port")
            || name == QLatin1String("internal.key.converter")
            || name == QLatin1String("internal.value.converter")
            || name.startsWith(QLatin1String("internal.key.converter."))
            || name.startsWith(QLatin1String("internal.value.converter."))) {
            result.append(name);
        }
    }
    return result;
}

} // namespace ConnectDesk::Config
