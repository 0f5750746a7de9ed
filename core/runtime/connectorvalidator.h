// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/util/result.h"

namespace ConnectDesk::Plugin {
class PluginRegistry;
}

namespace ConnectDesk::Runtime {

/** What validating a connector config found (the data behind `/config/validate`). */
struct ConnectorValidation
{
    QString connectorClass;
    /** "source", "sink" or "unknown". */
    QString type;
    QList<Api::ConfigDef::ConfigValue> values;
    /** Every error message, in key order. */
    QStringList errors() const;
};

/**
 * Kafka's AbstractHerder.validateConnectorConfig: the framework keys (source or sink), the
 * connector's own validate(), sink topic rules, transforms and predicates. Errors with
 * `code` 400 (no connector.class) or 500 (unknown class) mean validation could not run.
 * Thread: any (uses a temporary connector instance).
 */
Util::Result<ConnectorValidation> validateConnectorConfig(const Api::ConfigMap &config,
                                                          Plugin::PluginRegistry &registry);

/** Kafka's 400 message for an invalid config: header line, one line per error, pointer to the
 *  validate endpoint. */
QString invalidConfigMessage(const QStringList &errors);

} // namespace ConnectDesk::Runtime
