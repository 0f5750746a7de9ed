// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/connectdeskapi_global.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ConnectDesk::Config {

/** `initial_state` of a connector create request (KIP-980). */
enum class InitialState { Running, Paused, Stopped };

/** "RUNNING", "PAUSED", "STOPPED". */
QString initialStateName(InitialState state);
/** Case-insensitive inverse of initialStateName(); nullopt for anything else. */
std::optional<InitialState> initialStateFromName(const QString &name);

/** A connector to create, as read from a file given on the standalone command line. */
struct ConnectorFile
{
    QString name;
    /** Always contains `name` (added when a JSON request's `config` lacks it). */
    Api::ConfigMap config;
    /** nullopt when the file does not say (the herder's default: RUNNING). */
    std::optional<InitialState> initialState;
};

/**
 * Reads a connector file for `connectdesk-worker standalone`, accepting what Kafka's
 * `ConnectStandalone` accepts, tried in this order:
 *
 * 1. a JSON object of string values, which is the config itself and must contain `name`;
 * 2. a JSON create request `{"name": ..., "config": {...}, "initial_state": ...}`; a `name` in
 *    `config` must equal the top-level one and is added when missing; other fields are ignored;
 * 3. a Java properties file, which must contain `name`.
 *
 * JSON numbers and booleans are taken as their text (as Jackson does for a
 * `Map<String,String>`); JSON null is a null value. A file whose first non-blank character is
 * `{` is read as JSON only, so a JSON mistake is reported as such instead of as a properties
 * file without `name` (Kafka's fallback).
 *
 * Errors are one line naming the file and, where it applies, the key or the line:
 * `file-sink.json: connector configuration is missing the mandatory 'name' configuration`,
 * `bad.json:3: JSON syntax error: unterminated object`,
 * `x.json: value of 'config.tasks.max' must be a string, number or boolean`.
 * Codes: `ErrorCode::Io`, `Syntax` or `InvalidConnectorFile`.
 *
 * Stateless; callable from any thread.
 */
Util::Result<ConnectorFile> loadConnectorFile(const QString &path);

/** As loadConnectorFile() on the file's contents; fileName only names it in errors. */
Util::Result<ConnectorFile> parseConnectorFile(const QByteArray &data, const QString &fileName);

} // namespace ConnectDesk::Config
