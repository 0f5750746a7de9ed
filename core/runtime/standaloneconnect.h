// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "standaloneherder.h"
#include "statusstore.h"
#include "worker.h"

#include "core/util/result.h"

#include <QStringList>

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
 * `connectdesk-worker standalone WORKER.properties [CONNECTOR ...]` (Kafka's ConnectStandalone):
 * reads and checks every file first, so bad input stops the start with one clear line and
 * nothing half-started; then starts the embedded broker if asked, loads plugins and offsets,
 * and creates the connectors.
 *
 * Error codes: 2 bad worker config or start-up failure, 3 a connector could not be created
 * (Kafka's exit codes). Thread: the main thread, which is also the herder's.
 */
class StandaloneConnect
{
public:
    /** say() receives the lines a user must see (e.g. "embedded broker: 127.0.0.1:PORT"). */
    static Util::Result<std::unique_ptr<StandaloneConnect>>
    start(const QString &workerFile, const QStringList &connectorFiles,
          const std::function<void(const QString &)> &say);
    ~StandaloneConnect();

    StandaloneHerder *herder() const { return m_herder.get(); }
    Worker *worker() const { return m_worker.get(); }
    StatusStore *status() const { return m_status.get(); }
    Plugin::PluginRegistry *registry() const { return m_registry.get(); }
    /** The bootstrap servers in use (the embedded broker's address when embedded). */
    QString bootstrapServers() const { return m_bootstrapServers; }

    /** Stops tasks (flushing offsets) and connectors, then the embedded broker. */
    void stop();

private:
    StandaloneConnect() = default;

    std::unique_ptr<Kafka::EmbeddedBroker> m_broker;
    std::unique_ptr<Plugin::PluginRegistry> m_registry;
    std::unique_ptr<StatusStore> m_status;
    std::unique_ptr<Worker> m_worker;
    std::unique_ptr<StandaloneHerder> m_herder;
    QString m_bootstrapServers;
};

/** Registers the classes built into the worker (converters; transforms later). */
void registerBuiltinPlugins(Plugin::PluginRegistry &registry);

/** `host:port` identifying this worker, from `listeners` / `rest.advertised.*` as Kafka does. */
QString workerIdFor(const Config::WorkerConfig &config);

} // namespace ConnectDesk::Runtime
