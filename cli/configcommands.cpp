// SPDX-License-Identifier: Apache-2.0
// Connector configurations: create, apply, diff, patch, validate, export.
#include "command.h"
#include "connectordefinitions.h"
#include "ctlsession.h"
#include "textformat.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

namespace ConnectDesk::Cli {

namespace {

using Client::RestReply;

const QString connectorClassKey = QStringLiteral("connector.class");

QString valueText(const QJsonValue &value)
{
    return value.isNull() ? QStringLiteral("null") : value.toString();
}

/** The live config, or nullopt when the connector does not exist. */
std::optional<QJsonObject> liveConfig(CtlSession &cluster, const QString &name)
{
    const RestReply reply = CtlSession::wait(cluster.client().connectorConfig(name));
    if (reply.status == 404)
        return std::nullopt;
    if (!reply.ok())
        throw cluster.failure(reply, QStringLiteral("connector %1").arg(name));
    return reply.object();
}

/** `PUT .../config/validate`; prints nothing. */
Client::ConfigInfos validate(CtlSession &cluster, const ConnectorDefinition &definition, const QString &pluginOverride = {},
                             QJsonObject *raw = nullptr)
{
    const QString plugin = pluginOverride.isEmpty() ? definition.config.value(connectorClassKey).toString() : pluginOverride;
    if (plugin.isEmpty())
        throw CliError::usage(QStringLiteral("%1: no connector.class (give the plugin: validate PLUGIN -f FILE)").arg(definition.source));
    const QJsonObject json = cluster.expect(cluster.client().validateConfig(plugin, definition.config),
                                            QStringLiteral("validate %1").arg(definition.name)).object();
    if (raw)
        *raw = json;
    return Client::ConfigInfos::fromJson(json);
}

/** "  key: message" lines, one per error. */
void printErrors(Output &out, const Client::ConfigInfos &infos)
{
    for (const QString &error : infos.allErrors())
        out.line(QStringLiteral("  ") + error);
}

QString initialState(Invocation &run, const ConnectorDefinition &definition)
{
    const QString state = run.args.value(QStringLiteral("initial-state"), definition.initialState).toUpper();
    if (!state.isEmpty() && state != QLatin1String("RUNNING") && state != QLatin1String("PAUSED")
        && state != QLatin1String("STOPPED"))
        throw CliError::usage(QStringLiteral("--initial-state %1: expected RUNNING, PAUSED or STOPPED").arg(state));
    if (!state.isEmpty() && state != QLatin1String("RUNNING")) {
        CtlSession &cluster = run.cluster();
        cluster.require(cluster.features().initialState(), QStringLiteral("Creating a connector paused or stopped"),
                        QStringLiteral("3.7"));
    }
    return state;
}

/** KEY=VALUE operands as a config; with allowRemoval, KEY- as a JSON null. */
QJsonObject keyValues(const QStringList &operands, bool allowRemoval)
{
    QJsonObject config;
    for (const QString &operand : operands) {
        const qsizetype equals = operand.indexOf(QLatin1Char('='));
        if (equals > 0) {
            config.insert(operand.left(equals), operand.mid(equals + 1));
        } else if (allowRemoval && operand.size() > 1 && operand.endsWith(QLatin1Char('-'))) {
            config.insert(operand.chopped(1), QJsonValue(QJsonValue::Null));
        } else {
            throw CliError::usage(allowRemoval ? QStringLiteral("%1: expected KEY=VALUE, or KEY- to remove a key").arg(operand)
                                               : QStringLiteral("%1: expected KEY=VALUE").arg(operand));
        }
    }
    return config;
}

/**
 * Says why the cluster refused a config. Connect's 400 lists every validation error in one
 * multi-line message; the errors are printed by key instead, from the validate endpoint.
 */
void reportRefusal(Invocation &run, CtlSession &cluster, const ConnectorDefinition &definition, const RestReply &reply)
{
    const QString where = definition.source.isEmpty() ? definition.name : QStringLiteral("%1 (%2)").arg(definition.name, definition.source);
    if (reply.status == 400 && definition.config.contains(connectorClassKey)) {
        const RestReply check = CtlSession::wait(cluster.client().validateConfig(
            definition.config.value(connectorClassKey).toString(), definition.config));
        const Client::ConfigInfos infos = Client::ConfigInfos::fromJson(check.object());
        if (check.ok() && infos.errorCount > 0) {
            run.out.note(QStringLiteral("connectdesk-ctl: error: %1: invalid config, %2 error(s):").arg(where).arg(infos.errorCount));
            for (const QString &error : infos.allErrors())
                run.out.note(QStringLiteral("  ") + error);
            return;
        }
    }
    run.out.note(QStringLiteral("connectdesk-ctl: error: %1: %2 (HTTP %3)").arg(where, firstLine(reply.error)).arg(reply.status));
}

int create(Invocation &run)
{
    ConnectorDefinition definition;
    if (run.args.isSet(QStringLiteral("file"))) {
        const QList<ConnectorDefinition> definitions = loadConnectorDefinitions(run.args.value(QStringLiteral("file")));
        if (definitions.size() != 1)
            throw CliError::usage(QStringLiteral("create takes one connector; use apply -f for a directory"));
        definition = definitions.first();
        run.allowAtMost(1);
        if (!run.operands.isEmpty()) {
            definition.name = run.operands.first();
            definition.config.insert(QStringLiteral("name"), definition.name);
        }
    } else {
        definition.name = run.operand(0, QStringLiteral("the connector's name (or -f FILE)"));
        definition.config = keyValues(run.operands.mid(1), false);
        if (!definition.config.contains(connectorClassKey))
            throw CliError::usage(QStringLiteral("give -f FILE, or connector.class=CLASS and other KEY=VALUE settings"));
        definition.config.insert(QStringLiteral("name"), definition.name);
        definition.source = QStringLiteral("command line");
    }
    const QString state = initialState(run, definition);
    CtlSession &cluster = run.cluster();
    const RestReply reply = CtlSession::wait(cluster.client().createConnector(definition.name, definition.config, state));
    if (!reply.reachedServer())
        throw cluster.failure(reply, QStringLiteral("create %1").arg(definition.name));
    if (!reply.ok()) {
        reportRefusal(run, cluster, definition, reply);
        return ExitFailed;
    }
    const QJsonObject created = reply.object();
    run.out.show(created, [&] {
        run.out.line(QStringLiteral("%1 created%2").arg(definition.name, state.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(state)));
    });
    return ExitOk;
}

int apply(Invocation &run)
{
    run.allowAtMost(0);
    const QList<ConnectorDefinition> definitions = loadConnectorDefinitions(run.args.value(QStringLiteral("file")));
    const bool dryRun = run.args.isSet(QStringLiteral("dry-run"));
    CtlSession &cluster = run.cluster();
    QJsonArray results;
    int exitCode = ExitOk;
    for (const ConnectorDefinition &definition : definitions) {
        QJsonObject result{{QStringLiteral("name"), definition.name}, {QStringLiteral("source"), definition.source}};
        const std::optional<QJsonObject> live = liveConfig(cluster, definition.name);
        const QString wouldBe = !live ? QStringLiteral("created") : *live == definition.config ? QStringLiteral("unchanged")
                                                                                               : QStringLiteral("configured");
        if (dryRun) {
            const Client::ConfigInfos infos = validate(cluster, definition);
            result.insert(QStringLiteral("action"), wouldBe);
            result.insert(QStringLiteral("error_count"), infos.errorCount);
            result.insert(QStringLiteral("errors"), QJsonArray::fromStringList(infos.allErrors()));
            if (infos.errorCount > 0) {
                exitCode = ExitFailed;
                run.out.line(QStringLiteral("%1 (%2): %3 error(s)").arg(definition.name, definition.source).arg(infos.errorCount));
                printErrors(run.out, infos);
            } else {
                run.out.line(QStringLiteral("%1 would be %2 (dry run: valid, nothing changed)").arg(definition.name, wouldBe));
            }
            results.append(result);
            continue;
        }
        RestReply reply;
        if (!live)
            reply = CtlSession::wait(cluster.client().createConnector(definition.name, definition.config, initialState(run, definition)));
        else if (wouldBe == QLatin1String("configured"))
            reply = CtlSession::wait(cluster.client().putConnectorConfig(definition.name, definition.config));
        if (reply.reachedServer() && !reply.ok()) {
            result.insert(QStringLiteral("action"), QStringLiteral("failed"));
            result.insert(QStringLiteral("error"), reply.error);
            reportRefusal(run, cluster, definition, reply);
            exitCode = ExitFailed;
        } else if (!reply.reachedServer() && wouldBe != QLatin1String("unchanged")) {
            throw cluster.failure(reply, QStringLiteral("apply %1").arg(definition.name));
        } else {
            result.insert(QStringLiteral("action"), wouldBe);
            run.out.line(QStringLiteral("%1 %2").arg(definition.name, wouldBe));
        }
        results.append(result);
    }
    if (run.out.structured())
        run.out.data(results);
    return exitCode;
}

int diff(Invocation &run)
{
    run.allowAtMost(0);
    const QList<ConnectorDefinition> definitions = loadConnectorDefinitions(run.args.value(QStringLiteral("file")));
    CtlSession &cluster = run.cluster();
    QJsonArray results;
    bool anyDifference = false;
    for (const ConnectorDefinition &definition : definitions) {
        const std::optional<QJsonObject> live = liveConfig(cluster, definition.name);
        const QJsonObject current = live.value_or(QJsonObject());
        QStringList keys = current.keys() + definition.config.keys();
        keys.sort();
        keys.removeDuplicates();
        QJsonArray changes;
        QStringList lines;
        for (const QString &key : std::as_const(keys)) {
            const QJsonValue was = current.value(key);
            const QJsonValue will = definition.config.value(key);
            if (was == will)
                continue;
            QJsonObject change{{QStringLiteral("key"), key}};
            if (!was.isUndefined()) {
                change.insert(QStringLiteral("live"), was);
                lines.append(QStringLiteral("-  %1=%2").arg(key, valueText(was)));
            }
            if (!will.isUndefined()) {
                change.insert(QStringLiteral("file"), will);
                lines.append(QStringLiteral("+  %1=%2").arg(key, valueText(will)));
            }
            changes.append(change);
        }
        anyDifference = anyDifference || !changes.isEmpty();
        results.append(QJsonObject{{QStringLiteral("name"), definition.name}, {QStringLiteral("source"), definition.source},
                                   {QStringLiteral("exists"), live.has_value()}, {QStringLiteral("changes"), changes}});
        if (changes.isEmpty()) {
            run.out.line(QStringLiteral("%1: no differences").arg(definition.name));
            continue;
        }
        run.out.line(live ? QStringLiteral("--- %1 (live on %2)").arg(definition.name, cluster.url())
                          : QStringLiteral("--- %1 (does not exist; apply would create it)").arg(definition.name));
        run.out.line(QStringLiteral("+++ %1").arg(definition.source));
        for (const QString &line : std::as_const(lines))
            run.out.line(line);
    }
    if (run.out.structured())
        run.out.data(results);
    return anyDifference ? ExitFailed : ExitOk;
}

int patch(Invocation &run)
{
    const QString name = run.operand(0, QStringLiteral("the connector's name"));
    if (run.operands.size() < 2)
        throw CliError::usage(QStringLiteral("missing KEY=VALUE (or KEY- to remove a key)"));
    const QJsonObject changes = keyValues(run.operands.mid(1), true);
    if (changes.contains(QLatin1String("name")) || changes.contains(connectorClassKey))
        throw CliError::usage(QStringLiteral("name and connector.class cannot be patched: create a new connector instead"));
    CtlSession &cluster = run.cluster();
    QJsonObject updated;
    if (cluster.features().patchConfig()) {
        updated = cluster.expect(cluster.client().patchConnectorConfig(name, changes), QStringLiteral("patch %1").arg(name)).object();
    } else {
        // Before 3.8: read, merge, write back (a concurrent change in between would be lost).
        QJsonObject config = cluster.expect(cluster.client().connectorConfig(name), QStringLiteral("connector %1").arg(name)).object();
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().isNull())
                config.remove(it.key());
            else
                config.insert(it.key(), it.value());
        }
        updated = cluster.expect(cluster.client().putConnectorConfig(name, config), QStringLiteral("patch %1").arg(name)).object();
    }
    run.out.show(updated, [&] {
        QStringList set;
        QStringList removed;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            (it.value().isNull() ? removed : set).append(it.key());
        QString text = QStringLiteral("%1 patched").arg(name);
        if (!set.isEmpty())
            text += QStringLiteral("; set %1").arg(set.join(QLatin1String(", ")));
        if (!removed.isEmpty())
            text += QStringLiteral("; removed %1").arg(removed.join(QLatin1String(", ")));
        run.out.line(text);
    });
    return ExitOk;
}

int validateCommand(Invocation &run)
{
    run.allowAtMost(1);
    const QList<ConnectorDefinition> definitions = loadConnectorDefinitions(run.args.value(QStringLiteral("file")));
    if (definitions.size() != 1)
        throw CliError::usage(QStringLiteral("validate takes one connector file (apply --dry-run checks a directory)"));
    QJsonObject raw;
    const Client::ConfigInfos infos = validate(run.cluster(), definitions.first(), run.operands.value(0), &raw);
    run.out.show(raw, [&] {
        if (infos.errorCount == 0) {
            run.out.line(QStringLiteral("%1: valid for %2").arg(definitions.first().source, infos.name));
            return;
        }
        run.out.line(QStringLiteral("%1: %2 error(s) for %3").arg(definitions.first().source).arg(infos.errorCount).arg(infos.name));
        printErrors(run.out, infos);
    });
    return infos.errorCount > 0 ? ExitFailed : ExitOk;
}

/** A file name for a connector name: path separators and other troublemakers become '_'. */
QString fileNameFor(const QString &name)
{
    QString safe = name;
    for (QChar &c : safe) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.')))
            c = QLatin1Char('_');
    }
    return safe.startsWith(QLatin1Char('.')) ? QLatin1Char('_') + safe : safe;
}

QByteArray propertiesText(const QJsonObject &config)
{
    // Java properties escaping for what a config value can hold.
    auto escape = [](QString text, bool key) {
        text.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\n'), QLatin1String("\\n"));
        text.replace(QLatin1Char('\r'), QLatin1String("\\r")).replace(QLatin1Char('\t'), QLatin1String("\\t"));
        if (key)
            text.replace(QLatin1Char('='), QLatin1String("\\=")).replace(QLatin1Char(':'), QLatin1String("\\:")).replace(QLatin1Char(' '), QLatin1String("\\ "));
        else if (text.startsWith(QLatin1Char(' ')))
            text.replace(0, 1, QLatin1String("\\ "));
        return text;
    };
    QByteArray text;
    for (auto it = config.begin(); it != config.end(); ++it)
        text += (escape(it.key(), true) + QLatin1Char('=') + escape(it.value().toString(), false)).toUtf8() + '\n';
    return text;
}

int exportConfigs(Invocation &run)
{
    run.allowAtMost(0);
    const QString format = run.args.value(QStringLiteral("format"), QStringLiteral("json"));
    if (format != QLatin1String("json") && format != QLatin1String("properties"))
        throw CliError::usage(QStringLiteral("--format %1: expected json or properties").arg(format));
    CtlSession &cluster = run.cluster();
    QJsonArray connectors;
    for (const Client::ConnectorOverview &connector : cluster.overview())
        connectors.append(QJsonObject{{QStringLiteral("name"), connector.name}, {QStringLiteral("config"), Client::toJson(connector.config)}});

    const QString directory = run.args.value(QStringLiteral("directory"));
    if (directory.isEmpty()) {
        if (format == QLatin1String("properties")) {
            for (const QJsonValue &connector : std::as_const(connectors))
                run.out.out() << "# " << connector[QLatin1String("name")].toString() << '\n'
                              << propertiesText(connector[QLatin1String("config")].toObject()) << '\n';
        } else {
            run.out.data(connectors);
        }
        return ExitOk;
    }
    if (!QDir().mkpath(directory))
        throw CliError::usage(QStringLiteral("%1: cannot create this directory").arg(directory));
    QJsonArray written;
    for (const QJsonValue &connector : std::as_const(connectors)) {
        const QString name = connector[QLatin1String("name")].toString();
        const QString path = QDir(directory).filePath(fileNameFor(name) + QLatin1Char('.') + format);
        QSaveFile file(path);
        const QByteArray content = format == QLatin1String("json")
            ? QJsonDocument(connector.toObject()).toJson(QJsonDocument::Indented)
            : propertiesText(connector[QLatin1String("config")].toObject());
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
            throw CliError::usage(QStringLiteral("%1: %2").arg(path, file.errorString()));
        written.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("file"), path}});
    }
    run.out.show(written, [&] {
        run.out.line(QStringLiteral("Exported %1 connector(s) to %2; apply -f %2 recreates them.").arg(written.size()).arg(directory));
    });
    return ExitOk;
}

const OptionSpec fileOption{QStringLiteral("file"), QLatin1Char('f'), QStringLiteral("FILE"),
                            QStringLiteral("a .json or .properties connector file, a directory of them, or - for standard input")};

} // namespace

QList<Command> configCommands()
{
    const OptionSpec initialStateOption{QStringLiteral("initial-state"), {}, QStringLiteral("STATE"),
                                        QStringLiteral("RUNNING, PAUSED or STOPPED when the connector is created (3.7+)")};
    return {
        {{QStringLiteral("create")}, {}, QStringLiteral("NAME -f FILE | -f FILE | NAME KEY=VALUE..."),
         QStringLiteral("create a connector; fails when it exists (apply updates)"), {fileOption, initialStateOption}, create},
        {{QStringLiteral("apply")}, {}, QStringLiteral("-f FILE|DIR [--dry-run]"),
         QStringLiteral("create or update connectors from files; --dry-run validates and prints errors by key"),
         {fileOption, initialStateOption,
          {QStringLiteral("dry-run"), {}, {}, QStringLiteral("validate only: print what would change and every error")}},
         apply},
        {{QStringLiteral("diff")}, {}, QStringLiteral("-f FILE|DIR"),
         QStringLiteral("compare files with the live configs (exit 1 when they differ)"), {fileOption}, diff},
        {{QStringLiteral("patch")}, {}, QStringLiteral("NAME KEY=VALUE... [KEY-...]"),
         QStringLiteral("change some keys of a connector's config (KEY- removes KEY)"), {}, patch},
        {{QStringLiteral("validate")}, {}, QStringLiteral("[PLUGIN] -f FILE"),
         QStringLiteral("validate a config with the plugin (default: its connector.class); exit 1 on errors"),
         {fileOption}, validateCommand},
        {{QStringLiteral("export")}, {}, QStringLiteral("[-d DIR] [--format json|properties]"),
         QStringLiteral("every connector's config, to standard output or one file per connector"),
         {{QStringLiteral("directory"), QLatin1Char('d'), QStringLiteral("DIR"), QStringLiteral("write NAME.json or NAME.properties files here")},
          {QStringLiteral("format"), {}, QStringLiteral("FORMAT"), QStringLiteral("json (Kafka's create request, default) or properties")}},
         exportConfigs},
    };
}

} // namespace ConnectDesk::Cli
