// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ConnectDesk::Cli {

/** A connector as a file describes it, for apply, create, diff and validate. */
struct ConnectorDefinition
{
    QString name;
    /** Always holds `name`; values are strings (null for a JSON null). */
    QJsonObject config;
    /** RUNNING, PAUSED, STOPPED, or empty when the file does not say. */
    QString initialState;
    /** The file it came from ("-" for standard input). */
    QString source;
};

/**
 * Reads FILE, every *.json and *.properties of DIR (sorted, not recursive), or standard input
 * for "-". Accepts what `connectdesk-worker standalone` accepts: a flat JSON config with `name`,
 * Kafka's create request `{"name", "config", "initial_state"}`, or a properties file with `name`.
 * Throws CliError (usage, exit 2) naming the file and line for anything unreadable.
 */
QList<ConnectorDefinition> loadConnectorDefinitions(const QString &fileOrDirectory);

/** `offsets alter -f FILE`: `{"offsets": [...]}` (GET's shape) or the bare array. Throws CliError. */
QJsonArray loadOffsets(const QString &file);

/** The bytes of FILE or standard input ("-"); throws CliError (usage). */
QByteArray readInput(const QString &file);

} // namespace ConnectDesk::Cli
