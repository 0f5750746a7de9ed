// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "herder.h"
#include "statusstore.h"
#include "worker.h"

#include "core/config/connectorfile.h"
#include "core/config/workerconfig.h"
#include "core/util/result.h"

#include <QStringList>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

namespace ConnectDesk::Kafka {
class EmbeddedBroker;
}
namespace ConnectDesk::Plugin {
class PluginRegistry;
}

namespace ConnectDesk::Runtime {

/**
 * One running worker (Kafka's Connect + ConnectStandalone/ConnectDistributed): plugins, the
 * broker connection (or the embedded development broker), the stores, the Worker and the
 * Herder on its own thread.
 *
 * Standalone: configs and statuses in memory, offsets in `offset.storage.file.filename`, the
 * connectors of the command line created at start. Distributed (one node): configs, offsets
 * and statuses in the internal topics, created if missing, read back at start; every stored
 * connector comes back in its target state.
 *
 * Error codes: 2 bad worker config or start-up failure, 3 a connector could not be created
 * (Kafka's exit codes). Thread: created and stopped on the main thread.
 */
class Connect
{
public:
    struct Options
    {
        Config::WorkerConfig config;
        /** Standalone: the connectors to create at start. */
        QList<Config::ConnectorFile> connectors;
        /** host:port of the advertised REST listener. */
        QString workerId;
        /** Lines a user must see ("embedded broker: 127.0.0.1:PORT", plugin warnings). */
        std::function<void(const QString &)> say;
    };

    static Util::Result<std::unique_ptr<Connect>> start(Options options);
    ~Connect();

    Herder *herder() const { return m_herder.get(); }
    Worker *worker() const { return m_worker.get(); }
    StatusStore *status() const { return m_status.get(); }
    Plugin::PluginRegistry *registry() const { return m_registry.get(); }
    const Config::WorkerConfig &config() const { return m_worker->config(); }
    bool isStandalone() const { return config().isStandalone(); }
    /** The bootstrap servers in use (the embedded broker's address when embedded). */
    QString bootstrapServers() const { return m_bootstrapServers; }
    QString kafkaClusterId() const { return m_clusterId; }

    /** Stops tasks (flushing offsets) and connectors, then the herder thread and the broker. */
    void stop();

private:
    Connect() = default;
    Util::Error openStores(const Config::WorkerConfig &config, const std::function<void(const QString &)> &say);

    std::unique_ptr<Kafka::EmbeddedBroker> m_broker;
    std::unique_ptr<Plugin::PluginRegistry> m_registry;
    std::shared_ptr<Storage::OffsetBackingStore> m_offsets;
    std::unique_ptr<Storage::ConfigStore> m_configStore;
    std::unique_ptr<StatusStore> m_status;
    std::unique_ptr<Worker> m_worker;
    std::unique_ptr<Herder> m_herder;
    QThread m_herderThread;
    QString m_bootstrapServers;
    QString m_clusterId;
};

/** Reads `connectdesk-worker standalone|distributed` worker files. Errors name the file. */
Util::Result<Config::WorkerConfig> loadWorkerConfig(const QString &workerFile, bool standalone);

/** Registers the classes built into the worker (converters; transforms later). */
void registerBuiltinPlugins(Plugin::PluginRegistry &registry);

/** `host:port` identifying this worker, as Kafka builds its advertised URL: the listener of the
 *  `rest.advertised.listener` protocol (else the first), `rest.advertised.host.name`/`port` when
 *  set. boundUrls: the listeners' real URLs, in `listeners` order (for port 0). */
QString workerIdFor(const Config::WorkerConfig &config, const QList<QUrl> &boundUrls = {});

} // namespace ConnectDesk::Runtime
