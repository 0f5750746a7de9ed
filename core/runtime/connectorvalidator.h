// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ConnectDesk::Plugin {
class PluginRegistry;
}

namespace ConnectDesk::Runtime {

/** One entry of a validation result (Kafka's `ConfigInfo`): a key's definition and what
 *  validating it found. */
struct ConfigInfo
{
    /** The key as reported: framework, connector, transform/predicate (prefixed) or converter
     *  (prefixed) key. nullopt for a value reported for an undeclared key (JSON `null`). */
    std::optional<Api::ConfigDef::Key> definition;
    /** The parsed value and its errors; nullopt when nobody validated the key (JSON `null`).
     *  Rendered with the definition's type (passwords as `[hidden]`). */
    std::optional<Api::ConfigDef::ConfigValue> value;
};

/**
 * What validating a connector config found: the data behind `PUT
 * /connector-plugins/{p}/config/validate` (Kafka's `ConfigInfos`) and the 400 raised by
 * create/update.
 */
struct ConnectorValidation
{
    /** `connector.class` exactly as supplied (the `name` of Kafka's ConfigInfos). */
    QString name;
    /** `connector.class`, trimmed. */
    QString connectorClass;
    /** "source", "sink" or "unknown". */
    QString type;
    /** Definitions and values in Kafka's order: values of undeclared keys, then the framework
     *  keys enriched with transforms and predicates, the connector's own keys, and the
     *  converters' keys (header, key, value). */
    QList<ConfigInfo> configs;
    /** Groups in Kafka's order (framework, transform/predicate aliases, connector, converter). */
    QStringList groups;
    /** Kafka's `error_count`: error messages of the main part, plus one per converter entry
     *  that has errors. */
    int errorCount = 0;
    /** The non-null values of configs, in the same order. */
    QList<Api::ConfigDef::ConfigValue> values;
    /** Every error message, in configs order. */
    QStringList errors() const;
};

/**
 * Kafka's AbstractHerder.validateConnectorConfig + generateResult: the framework keys (source or
 * sink) enriched with the keys of every transform and predicate alias, the converter classes,
 * the sink topic rules, null values, the connector's own config() and validate(), and the
 * settings of converters named in the connector config. Client overrides and config providers
 * are not handled.
 *
 * Errors with `code` 400 (no connector.class) or 500 (unknown class, a plugin that throws)
 * mean validation could not run.
 * Thread: any (uses temporary plugin instances).
 */
Util::Result<ConnectorValidation> validateConnectorConfig(const Api::ConfigMap &config,
                                                          Plugin::PluginRegistry &registry,
                                                          const QString &workerGroupId = QString());

/** Kafka's 400 message for an invalid config: header line, one line per error, pointer to the
 *  validate endpoint. */
QString invalidConfigMessage(const QStringList &errors);
/** The same, with Kafka's count (errorCount, which may differ from the number of lines when
 *  converter keys have errors). */
QString invalidConfigMessage(const ConnectorValidation &validation);

} // namespace ConnectDesk::Runtime
