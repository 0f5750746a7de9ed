// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

namespace ConnectDesk::Plugin {
class PluginRegistry;
}

namespace ConnectDesk::Runtime {

/** One entry of `GET /connector-plugins` (Kafka's `PluginInfo`). */
struct PluginListing
{
    QString className;
    /** "sink", "source", "transformation", "predicate", "converter", "header_converter". */
    QString type;
    /** Empty (or "undefined") when the plugin has no version; the JSON then omits it. */
    QString version;
};

/**
 * The keys behind `GET /connector-plugins/{p}/config` (Kafka's
 * AbstractHerder.connectorPluginConfig). `{p}` is a class name or alias of any kind. Connectors:
 * their own keys, then the framework's source/sink keys they do not redefine. Converters, header
 * converters, transformations and predicates: their own keys.
 *
 * Errors carry the HTTP status as code: 404 `Unknown plugin X.`, 400 for classes of other kinds
 * (tasks), 500 when the plugin cannot be instantiated or its config() throws.
 * Thread: any (uses a temporary plugin instance).
 */
Util::Result<QList<Api::ConfigDef::Key>> pluginConfigKeys(const QString &pluginName,
                                                          Plugin::PluginRegistry &registry);

/**
 * The plugins `GET /connector-plugins` lists, in Kafka's order: sinks, sources, then (unless
 * connectorsOnly) transformations, predicates, converters, header converters; by class name
 * within a kind. A class registered under two kinds (JsonConverter) appears once per kind.
 * Thread: any.
 */
QList<PluginListing> listPlugins(const Plugin::PluginRegistry &registry, bool connectorsOnly);

/**
 * The cross-check of `PUT /connector-plugins/{p}/config/validate`: after dropping a trailing
 * `Connector` from both names, the body's `connector.class` must end with the path's name.
 * A null bodyConnectorClass (no `connector.class` in the body) passes; validation then reports
 * the missing class. Returns an Error with code 400 on mismatch, else a no-error Error.
 */
Util::Error checkValidateRequestType(const QString &pathPluginName,
                                     const QString &bodyConnectorClass);

} // namespace ConnectDesk::Runtime
