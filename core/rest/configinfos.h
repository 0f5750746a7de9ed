// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/runtime/connectorvalidator.h"
#include "core/runtime/pluginconfigs.h"

#include <QByteArray>
#include <QList>

namespace ConnectDesk::Rest {

/**
 * Compact JSON of a validation result, in the shape and key order Kafka's Jackson writes a
 * `ConfigInfos`: `{"name", "error_count", "groups", "configs": [{"definition", "value"}]}`.
 * Values are rendered with their key's type (lists comma-joined, passwords `[hidden]`); values
 * of undeclared keys with Java's toString.
 */
QByteArray configInfosJson(const Runtime::ConnectorValidation &validation);

/** Compact JSON array of `ConfigKeyInfo` objects (`GET /connector-plugins/{p}/config`):
 *  name, type, required, default_value, importance, documentation, group, width,
 *  display_name, dependents, order. */
QByteArray configKeyInfosJson(const QList<Api::ConfigDef::Key> &keys);

/** Compact JSON array of `PluginInfo` objects (`GET /connector-plugins`): class, type and
 *  version, the latter omitted when empty or "undefined". */
QByteArray pluginListJson(const QList<Runtime::PluginListing> &plugins);

} // namespace ConnectDesk::Rest
