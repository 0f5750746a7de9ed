// SPDX-License-Identifier: Apache-2.0
#include "standaloneconnect.h"

#include "connectorvalidator.h"
#include "logging.h"

#include "core/config/connectorfile.h"
#include "core/config/propertiesfile.h"
#include "core/kafka/embeddedbroker.h"
#include "core/plugin/pluginregistry.h"
#include "core/storage/fileoffsetstore.h"

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

QString workerIdFor(const Config::WorkerConfig &config)
{
    QString host = config.restAdvertisedHostName();
    int port = config.restAdvertisedPort().value_or(-1);
    const QStringList listeners = config.listeners();
    if (!listeners.isEmpty()) {
        const QUrl url(listeners.first());
        if (host.isEmpty())
            host = url.host();
        if (port < 0)
            port = url.port(8083);
    }
    if (host.isEmpty() || host == QLatin1String("0.0.0.0"))
        host = QSysInfo::machineHostName();
    return QStringLiteral("%1:%2").arg(host).arg(port < 0 ? 8083 : port);
}

Util::Result<std::unique_ptr<StandaloneConnect>>
StandaloneConnect::start(const QString &workerFile, const QStringList &connectorFiles,
                         const std::function<void(const QString &)> &say)
{
    const QString workerName = QFileInfo(workerFile).fileName();
    // 1. Every file is read and checked before anything starts.
    auto props = Config::PropertiesFile::load(workerFile);
    if (!props)
        return startupError(props.error().message);
    auto config = Config::WorkerConfig::standalone(props.value());
    if (!config)
        return startupError(QStringLiteral("%1: %2").arg(workerName, config.error().message));
    for (const QString &key : config->unknownKeys())
        qCInfo(lcRuntime).noquote() << workerName << ": unknown worker configuration" << key << "(passed on, unused)";
    QList<Config::ConnectorFile> connectors;
    for (const QString &file : connectorFiles) {
        auto connector = Config::loadConnectorFile(file);
        if (!connector)
            return startupError(connector.error().message, 3);
        connectors.append(connector.value());
    }

    std::unique_ptr<StandaloneConnect> connect(new StandaloneConnect);
    connect->m_registry = std::make_unique<Plugin::PluginRegistry>();
    registerBuiltinPlugins(*connect->m_registry);
    QStringList pluginPaths{Plugin::PluginRegistry::defaultPluginDir()};
    pluginPaths.append(config->pluginPath());
    connect->m_registry->scan(pluginPaths);
    for (const auto &failure : connect->m_registry->failures())
        say(QStringLiteral("warning: plugin %1 not loaded: %2").arg(failure.location, failure.reason));

    // Connector configs are validated before anything starts, so a bad one stops the start.
    QSet<QString> names;
    for (const auto &connector : std::as_const(connectors)) {
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

    auto offsets = std::make_shared<Storage::FileOffsetStore>(config->offsetStorageFileName());
    if (const Util::Error error = offsets->load())
        return startupError(QStringLiteral("%1: %2").arg(workerName, error.message));

    // 2. Start.
    connect->m_bootstrapServers = config->bootstrapServers().join(QLatin1Char(','));
    if (config->usesEmbeddedBroker()) {
        auto broker = Kafka::EmbeddedBroker::start(1);
        if (!broker)
            return startupError(broker.error().message);
        connect->m_broker = broker.takeValue();
        connect->m_bootstrapServers = connect->m_broker->bootstrapServers();
        say(QStringLiteral("embedded broker: %1").arg(connect->m_bootstrapServers));
    }
    connect->m_status = std::make_unique<StatusStore>();
    connect->m_worker = std::make_unique<Worker>(config.value(), connect->m_bootstrapServers,
                                                 workerIdFor(config.value()), connect->m_registry.get(),
                                                 offsets, connect->m_status.get());
    connect->m_herder = std::make_unique<StandaloneHerder>(connect->m_worker.get());
    for (const auto &connector : std::as_const(connectors)) {
        std::optional<TargetState> initial;
        if (connector.initialState)
            initial = targetStateFromName(Config::initialStateName(*connector.initialState));
        const Util::Error error = connect->m_herder->putConnectorConfig(connector.name, connector.config, initial, false);
        if (error) {
            connect->stop();
            return startupError(QStringLiteral("connector %1: %2").arg(connector.name, error.message), 3);
        }
    }
    return connect;
}

StandaloneConnect::~StandaloneConnect()
{
    stop();
}

void StandaloneConnect::stop()
{
    if (m_herder)
        m_herder->stop();
    m_herder.reset();
    m_worker.reset();
    m_broker.reset();
}

} // namespace ConnectDesk::Runtime
