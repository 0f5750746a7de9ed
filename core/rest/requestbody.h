// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/converters/json/jsonvalue.h"
#include "core/runtime/connectoroffsets.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QStringList>

namespace ConnectDesk::Rest::RequestBody {

/**
 * Request bodies mapped onto Connect's entities with Jackson's rules: a body that is not JSON,
 * or JSON that does not fit the entity (wrong type, unknown field on a typed entity), is a 500
 * (Kafka's status, asserted by its tests) with a message that says what is wrong and where.
 */

/** Parses a whole body; `entity` names what was expected ("CreateConnectorRequest"). */
Util::Result<Converters::JsonValue> parse(const QByteArray &body, const QString &entity);
/** A JSON object of scalars as a string map (Jackson's Map<String,String>): numbers and
 *  booleans as their text; null values are kept as null QStrings for validation to reject. */
Util::Result<Api::ConfigMap> stringMap(const Converters::JsonValue &value, const QString &what);
/** parse() then stringMap(): a body that must be a JSON object of strings. */
Util::Result<Api::ConfigMap> parseStringMap(const QByteArray &body, const QString &what);
/** Rejects members other than `allowed` (Jackson's FAIL_ON_UNKNOWN_PROPERTIES). */
Util::Error checkFields(const Converters::JsonValue &object, const QStringList &allowed, const QString &entity);
/** `{"offsets":[{"partition":{...},"offset":{...}|null}]}` (ConnectorOffsets). */
Util::Result<QList<Runtime::PartitionOffset>> connectorOffsets(const Converters::JsonValue &value);
/** A JSON value as a Connect value: integers as Int32/Int64 as Jackson reads them, decimals
 *  as Float64, objects as maps, arrays as lists. */
Api::Value toValue(const Converters::JsonValue &value);

} // namespace ConnectDesk::Rest::RequestBody
