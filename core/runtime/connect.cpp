// SPDX-License-Identifier: Apache-2.0
#include "connect.h"

#include "connectorvalidator.h"
#include "internaltopics.h"
#include "logging.h"

#include "core/config/propertiesfile.h"
#include "core/kafka/admin.h"
#include "core/kafka/clientproperties.h"
#include "core/kafka/embeddedbroker.h"
#include "core/plugin/pluginregistry.h"
#include "core/storage/configstore.h"
#include "core/storage/fileoffsetstore.h"
#include "core/storage/kafkabasedlog.h"
#include "core/storage/kafkaoffsetstore.h"

#include <QFileInfo>
#include <QSet>
#include <QSysInfo>
#include <QUrl>

namespace ConnectDesk::Runtime {

namespace {

Util::Error startupError(const QString &message, int code = 2)
{
    return Util::Error{message, code};
}

} // namespace

QString workerIdFor(const Config::WorkerConfig &config, const QList<QUrl> &boundUrls)
{
    QString host = config.restAdvertisedHostName();
    int port = config.restAdvertisedPort().value_or(-1);
    const QStringList listeners = config.listeners();
    const QString protocol = config.restAdvertisedListener().toLower();
    qsizetype chosen = 0;
    for (qsizetype i = 0; !protocol.isEmpty() && i < listeners.size(); ++i) {
        if (QUrl(listeners.at(i)).scheme().toLower() == protocol) {
            chosen = i;
            break;
        }
    }
    if (chosen < listeners.size()) {
        const QUrl url(listeners.at(chosen));
        if (host.isEmpty())
            host = url.host();
        if (port < 0)
            port = chosen < boundUrls.size() ? boundUrls.at(chosen).port(url.port(8083)) : url.port(8083);
    }
    if (host.isEmpty() || host == QLatin1String("0.0.0.0"))
        host = QSysInfo::machineHostName();
    return QStringLiteral("%1:%2").arg(host).arg(port < 0 ? 8083 : port);
}

Util::Result<Config::WorkerConfig> loadWorkerConfig(const QString &workerFile, bool standalone)
{
    const QString workerName = QFileInfo(workerFile).fileName();
    auto props = Config::PropertiesFile::load(workerFile);
    if (!props)
        return startupError(props.error().message);
    auto config = standalone ? Config::WorkerConfig::standalone(props.value())
                             : Config::WorkerConfig::distributed(props.value());
    if (!config)
        return startupError(QStringLiteral("%1: %2").arg(workerName, config.error().message));
    for (const QString &key : config->unknownKeys())
        qCInfo(lcRuntime).noquote() << workerName << ": unknown worker configuration" << key << "(passed on, unused)";
    return config;
}

Util::Result<std::unique_ptr<Connect>> Connect::start(Options options)
{
    const Config::WorkerConfig &config = options.config;
    const auto say = options.say ? options.say : [](const QString &) {};
    std::unique_ptr<Connect> connect(new Connect);
    connect->m_registry = std::make_unique<Plugin::PluginRegistry>();
    registerBuiltinPlugins(*connect->m_registry);
    QStringList pluginPaths{Plugin::PluginRegistry::defaultPluginDir()};
    pluginPaths.append(config.pluginPath());
    connect->m_registry->scan(pluginPaths);
    for (const auto &failure : connect->m_registry->failures())
        say(QStringLiteral("warning: plugin %1 not loaded: %2").arg(failure.location, failure.reason));

    // Command-line connectors are checked before anything starts, so a bad one stops the start.
    QSet<QString> names;
    for (const auto &connector : std::as_const(options.connectors)) {
        if (names.contains(connector.name))
            return startupError(QStringLiteral("connector %1: Connector %1 already exists (named by two files)")
                                    .arg(connector.name), 3);
        names.insert(connector.name);
        auto validation = validateConnectorConfig(connector.config, *connect->m_registry);
        if (!validation)
            return startupError(QStringLiteral("connector %1: %2").arg(connector.name, validation.error().message), 3);
        const QStringList errors = validation->errors();
        if (!errors.isEmpty())
            return startupError(QStringLiteral("connector %1: %2").arg(connector.name, errors.join(QStringLiteral("; "))), 3);
    }

    // The standalone offsets file is read before anything starts: a corrupt one stops the start.
    if (config.isStandalone()) {
        auto offsets = std::make_shared<Storage::FileOffsetStore>(config.offsetStorageFileName());
        if (const Util::Error error = offsets->load())
            return startupError(error.message);
        connect->m_offsets = offsets;
    }

    connect->m_bootstrapServers = config.bootstrapServers().join(QLatin1Char(','));
    if (config.usesEmbeddedBroker()) {
        auto broker = Kafka::EmbeddedBroker::start(1);
        if (!broker)
            return startupError(broker.error().message);
        connect->m_broker = broker.takeValue();
        connect->m_bootstrapServers = connect->m_broker->bootstrapServers();
        say(QStringLiteral("embedded broker: %1").arg(connect->m_bootstrapServers));
    }
    if (const Util::Error error = connect->openStores(config, say))
        return error;

    connect->m_worker = std::make_unique<Worker>(config, connect->m_bootstrapServers, options.workerId,
                                                 connect->m_registry.get(), connect->m_offsets,
                                                 connect->m_status.get());
    connect->m_worker->setDevelopmentBroker(Kafka::EmbeddedBroker::isDevelopmentClusterId(connect->m_clusterId));
    connect->m_worker->setEmbeddedBroker(connect->m_broker.get());
    connect->m_herder = std::make_unique<Herder>(connect->m_worker.get(), std::move(connect->m_configStore));
    connect->m_herderThread.setObjectName(QStringLiteral("herder"));
    connect->m_worker->moveToThread(&connect->m_herderThread);
    connect->m_herder->moveToThread(&connect->m_herderThread);
    connect->m_herderThread.start();

    Herder *herder = connect->m_herder.get();
    const QList<Config::ConnectorFile> connectors = options.connectors;
    auto failed = std::make_shared<Util::Error>();
    const Util::Error error = herder->run([herder, connectors, failed] {
        herder->startAll();
        for (const auto &connector : connectors) {
            std::optional<TargetState> initial;
            if (connector.initialState)
                initial = targetStateFromName(Config::initialStateName(*connector.initialState));
            if (Util::Error error = herder->putConnectorConfig(connector.name, connector.config, initial, false)) {
                *failed = Util::Error{QStringLiteral("connector %1: %2").arg(connector.name, error.message), 3};
                return *failed;
            }
        }
        herder->setReady();
        return Util::Error{};
    });
    if (error) {
        connect->stop();
        return error.code == 3 ? error : startupError(error.message);
    }
    return connect;
}

Util::Error Connect::openStores(const Config::WorkerConfig &config, const std::function<void(const QString &)> &say)
{
    m_status = std::make_unique<StatusStore>();
    QMap<QString, QString> adminProps{{QStringLiteral("bootstrap.servers"), m_bootstrapServers}};
    adminProps.insert(config.adminProps());
    adminProps = Kafka::toLibrdkafkaProperties(adminProps);
    auto admin = Kafka::Admin::create(adminProps);
    if (!admin)
        return startupError(admin.error().message);
    if (auto clusterId = (*admin)->clusterId(config.isStandalone() ? 5000 : 30000))
        m_clusterId = *clusterId;
    else if (!config.isStandalone())
        return startupError(QStringLiteral("Cannot reach the Kafka cluster at %1: %2")
                                .arg(m_bootstrapServers, clusterId.error().message));

    if (config.isStandalone()) {
        m_configStore = std::make_unique<Storage::ConfigStore>();
        return {};
    }

    const bool development = Kafka::EmbeddedBroker::isDevelopmentClusterId(m_clusterId);
    QMap<QString, QString> clientProps{{QStringLiteral("bootstrap.servers"), m_bootstrapServers}};
    const QString clientId = config.config().getString(QStringLiteral("client.id"));
    const QString idPrefix = config.groupId() + (clientId.isEmpty() ? QString() : QLatin1Char('-') + clientId);
    auto openLog = [&](Config::InternalTopic which, const char *suffix)
        -> Util::Result<std::unique_ptr<Storage::KafkaBasedLog>> {
        const Config::InternalTopicSettings topic = config.internalTopic(which);
        auto partitions = ensureInternalTopic(topic, **admin, m_broker.get(), development, say);
        if (!partitions)
            return startupError(partitions.error().message);
        QMap<QString, QString> props = clientProps;
        props.insert(QStringLiteral("client.id"), idPrefix + QLatin1String(suffix));
        auto log = Storage::KafkaBasedLog::open(topic.name, *partitions, props);
        if (!log)
            return startupError(QStringLiteral("Cannot open internal topic %1: %2").arg(topic.name, log.error().message));
        return log;
    };

    auto offsetLog = openLog(Config::InternalTopic::Offsets, "-offsets");
    if (!offsetLog)
        return offsetLog.error();
    auto offsets = std::make_shared<Storage::KafkaOffsetStore>(offsetLog.takeValue());
    if (const Util::Error error = offsets->load())
        return startupError(error.message);
    m_offsets = offsets;

    auto statusLog = openLog(Config::InternalTopic::Status, "-statuses");
    if (!statusLog)
        return statusLog.error();
    if (const Util::Error error = m_status->attachLog(statusLog.takeValue()))
        return startupError(error.message);

    auto configLog = openLog(Config::InternalTopic::Config, "-configs");
    if (!configLog)
        return configLog.error();
    m_configStore = std::make_unique<Storage::ConfigStore>(configLog.takeValue());
    if (const Util::Error error = m_configStore->load())
        return startupError(error.message);
    qCInfo(lcRuntime).noquote() << "Read" << m_configStore->connectors().size() << "connectors from"
                                << config.internalTopic(Config::InternalTopic::Config).name;
    return {};
}

Connect::~Connect()
{
    stop();
}

void Connect::stop()
{
    if (m_herder && m_herderThread.isRunning()) {
        Herder *herder = m_herder.get();
        (void)herder->run([herder] {
            herder->stop();
            return Util::Error{};
        }, 24 * 3600 * 1000);
        m_herderThread.quit();
        m_herderThread.wait();
    }
    m_herder.reset();
    m_worker.reset();
    m_status.reset();
    m_broker.reset();
}

} // namespace ConnectDesk::Runtime
