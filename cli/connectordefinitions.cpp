// SPDX-License-Identifier: Apache-2.0
#include "connectordefinitions.h"

#include "clierror.h"
#include "core/config/connectorfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace ConnectDesk::Cli {

QByteArray readInput(const QString &file)
{
    QFile input;
    const bool standardInput = file == QLatin1String("-");
    if (standardInput)
        input.open(stdin, QIODevice::ReadOnly);
    else
        input.setFileName(file);
    if (!standardInput && !input.open(QIODevice::ReadOnly))
        throw CliError::usage(QStringLiteral("%1: %2").arg(file, input.errorString()));
    return input.readAll();
}

namespace {

ConnectorDefinition definitionFrom(const QByteArray &data, const QString &source)
{
    // The worker's own reader: the same formats and error lines as `connectdesk-worker standalone`.
    auto parsed = Config::parseConnectorFile(data, source);
    if (!parsed)
        throw CliError::usage(parsed.error().message);
    ConnectorDefinition definition;
    definition.name = parsed->name;
    definition.source = source;
    for (auto it = parsed->config.begin(); it != parsed->config.end(); ++it)
        definition.config.insert(it.key(), it.value().isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(it.value()));
    if (parsed->initialState)
        definition.initialState = Config::initialStateName(*parsed->initialState);
    return definition;
}

} // namespace

QList<ConnectorDefinition> loadConnectorDefinitions(const QString &fileOrDirectory)
{
    if (fileOrDirectory.isEmpty())
        throw CliError::usage(QStringLiteral("give the connector file with -f FILE (a directory, or - for standard input)"));
    const QFileInfo info(fileOrDirectory);
    if (fileOrDirectory != QLatin1String("-") && info.isDir()) {
        const QStringList files = QDir(fileOrDirectory)
                                      .entryList({QStringLiteral("*.json"), QStringLiteral("*.properties")},
                                                 QDir::Files | QDir::Readable, QDir::Name);
        if (files.isEmpty())
            throw CliError::usage(QStringLiteral("%1: no *.json or *.properties file in this directory").arg(fileOrDirectory));
        QList<ConnectorDefinition> definitions;
        QStringList names;
        for (const QString &file : files) {
            const QString path = QDir(fileOrDirectory).filePath(file);
            definitions.append(definitionFrom(readInput(path), path));
            if (names.contains(definitions.last().name))
                throw CliError::usage(QStringLiteral("%1: connector %2 is defined twice in %3")
                                          .arg(path, definitions.last().name, fileOrDirectory));
            names.append(definitions.last().name);
        }
        return definitions;
    }
    return {definitionFrom(readInput(fileOrDirectory), fileOrDirectory)};
}

QJsonArray loadOffsets(const QString &file)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(readInput(file), &error);
    if (error.error != QJsonParseError::NoError)
        throw CliError::usage(QStringLiteral("%1: not JSON: %2 (at byte %3)").arg(file, error.errorString()).arg(error.offset));
    if (document.isArray())
        return document.array();
    const QJsonValue offsets = document.object().value(QLatin1String("offsets"));
    if (!offsets.isArray())
        throw CliError::usage(QStringLiteral("%1: expected {\"offsets\": [{\"partition\": {...}, \"offset\": {...}}, ...]}").arg(file));
    return offsets.toArray();
}

} // namespace ConnectDesk::Cli
