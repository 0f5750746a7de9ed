// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "component.h"
#include "connectdeskapi_global.h"

#include <QObject>
#include <QString>

#include <memory>

namespace ConnectDesk::Api {

/** What a plugin class is; the names are Kafka's `PluginType` names used by REST
 *  (`source`, `sink`, `transformation`, `predicate`, `converter`, `header_converter`), plus the
 *  task kinds that connectors name through taskClass(). */
enum class PluginType { Source, Sink, Transformation, Predicate, Converter, HeaderConverter, SourceTask, SinkTask };

CONNECTDESK_API_EXPORT QString pluginTypeName(PluginType type);
CONNECTDESK_API_EXPORT std::optional<PluginType> pluginTypeFromName(const QString &name);

/**
 * The interface a plugin library implements. A plugin is a QObject with
 * `Q_PLUGIN_METADATA(IID ConnectDeskPluginFactory_iid FILE "<id>.json")` and
 * `Q_INTERFACES(ConnectDesk::Api::PluginFactory)`. Its JSON metadata lists every class it
 * provides, so the worker knows them without loading code:
 *
 *     {"id": "file", "name": "...", "version": "1.0", "apiVersion": 1, "vendor": "...",
 *      "license": "...", "description": "...",
 *      "provides": [{"class": "org.apache.kafka.connect.file.FileStreamSourceConnector",
 *                    "type": "source"}, ...]}
 *
 * The IID carries the API major version; an incompatible change moves to `/2`.
 */
class CONNECTDESK_API_EXPORT PluginFactory
{
public:
    virtual ~PluginFactory();
    /** A new instance of a class listed in the metadata, or nullptr for an unknown name. */
    virtual std::unique_ptr<Component> create(const QString &className) = 0;
};

/** The plugin API major version this build of the SDK implements. */
inline constexpr int PluginApiVersion = 1;

} // namespace ConnectDesk::Api

#define ConnectDeskPluginFactory_iid "io.connectdesk.ConnectorPlugin/1"
Q_DECLARE_INTERFACE(ConnectDesk::Api::PluginFactory, ConnectDeskPluginFactory_iid)
