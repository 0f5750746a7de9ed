// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "component.h"
#include "configdef.h"
#include "records.h"

#include <QList>

#include <exception>

namespace ConnectDesk::Api {

class OffsetStorageReader;

/** What a connector can ask of the runtime (Java `ConnectorContext`). Thread-safe. */
class CONNECTDESK_API_EXPORT ConnectorContext
{
public:
    virtual ~ConnectorContext();
    /** The connector's task configs changed: the runtime calls taskConfigs() again. */
    virtual void requestTaskReconfiguration() = 0;
    /** Fails the connector with this error (status FAILED with its trace). */
    virtual void raiseError(const std::exception &error) = 0;
};

/** Source connectors can also read committed offsets (Java `SourceConnectorContext`). */
class CONNECTDESK_API_EXPORT SourceConnectorContext : public ConnectorContext
{
public:
    virtual OffsetStorageReader *offsetStorageReader() = 0;
};

/**
 * A connector: validates its configuration and splits the work into task configs
 * (Java `Connector`). Lifecycle: created → initialize() → start() → taskConfigs() … → stop().
 * All calls come from the runtime's herder thread; start/stop must not block for long.
 * Report failures by throwing ConnectException (or a subclass).
 */
class CONNECTDESK_API_EXPORT Connector : public Component
{
public:
    virtual void initialize(ConnectorContext *context) { m_context = context; }
    virtual void start(const ConfigMap &props) = 0;
    /** Fully-qualified class name of the task this connector runs (must be provided by the
     *  same plugin). */
    virtual QString taskClass() const = 0;
    /** At most maxTasks task configs. */
    virtual QList<ConfigMap> taskConfigs(int maxTasks) = 0;
    virtual void stop() = 0;
    /** The connector's own keys. */
    virtual ConfigDef config() const = 0;
    /** Default: config().validate(props). */
    virtual QList<ConfigDef::ConfigValue> validate(const ConfigMap &props) const;
    /**
     * Offsets are about to be altered (offset = null → reset) while the connector is STOPPED.
     * Return true when the connector confirms the change (it keeps no external offsets), false
     * when it does not know; throw ConnectException to reject the request.
     */
    virtual bool alterOffsets(const ConfigMap &connectorConfig,
                              const QList<QPair<OffsetMap, std::optional<OffsetMap>>> &offsets);

protected:
    ConnectorContext *context() const { return m_context; }

private:
    ConnectorContext *m_context = nullptr;
};

/** Java `SourceConnector`. */
class CONNECTDESK_API_EXPORT SourceConnector : public Connector
{
};

/** Java `SinkConnector`. */
class CONNECTDESK_API_EXPORT SinkConnector : public Connector
{
public:
    /** The config key sinks read their topics from. */
    static constexpr const char TopicsConfig[] = "topics";
};

} // namespace ConnectDesk::Api
