// SPDX-License-Identifier: Apache-2.0
// The cluster as a whole: info, plugins, loggers.
#include "command.h"
#include "ctlsession.h"
#include "textformat.h"

#include <QUrl>

namespace ConnectDesk::Cli {

namespace {

int info(Invocation &run)
{
    CtlSession &cluster = run.cluster();
    const QJsonObject json = cluster.expect(cluster.client().serverInfo(), QStringLiteral("cluster info")).object();
    const Client::ServerInfo info = Client::ServerInfo::fromJson(json);
    run.out.show(json, [&] {
        run.out.text(fieldLines({{QStringLiteral("URL"), cluster.url()},
                                 {QStringLiteral("Version"), info.version},
                                 {QStringLiteral("Commit"), info.commit},
                                 {QStringLiteral("Kafka cluster ID"), info.kafkaClusterId}}));
    });
    return ExitOk;
}

int getPlugins(Invocation &run)
{
    run.allowAtMost(0);
    CtlSession &cluster = run.cluster();
    const bool all = run.args.isSet(QStringLiteral("all"));
    if (all)
        cluster.require(cluster.features().allPlugins(), QStringLiteral("Listing transforms and converters"), QStringLiteral("3.2"));
    const QJsonArray json = cluster.expect(cluster.client().plugins(!all), QStringLiteral("list plugins")).array();
    const QList<Client::PluginInfo> plugins = Client::PluginInfo::listFromJson(json);
    run.out.show(json, [&] {
        Table table({QStringLiteral("CLASS"), QStringLiteral("TYPE"), QStringLiteral("VERSION")});
        for (const Client::PluginInfo &plugin : plugins)
            table.addRow({plugin.className, plugin.type, plugin.version});
        run.out.text(table.render());
    }, [&] {
        QStringList names;
        for (const Client::PluginInfo &plugin : plugins)
            names.append(plugin.className);
        return names;
    });
    return ExitOk;
}

/** The listing entry of a plugin named by class, short class name or alias-like suffix. */
std::optional<Client::PluginInfo> findPlugin(const QList<Client::PluginInfo> &plugins, const QString &name)
{
    for (const Client::PluginInfo &plugin : plugins) {
        const QString shortName = plugin.className.section(QLatin1Char('.'), -1);
        if (plugin.className == name || shortName == name
            || (shortName.endsWith(QLatin1String("Connector")) && shortName.chopped(9) == name))
            return plugin;
    }
    return std::nullopt;
}

int describePlugin(Invocation &run)
{
    const QString name = run.operand(0, QStringLiteral("the plugin's class or alias"));
    run.allowAtMost(1);
    CtlSession &cluster = run.cluster();
    cluster.require(cluster.features().allPlugins(), QStringLiteral("Describing a plugin's configuration"), QStringLiteral("3.2"));
    const QJsonArray keys = cluster.expect(cluster.client().pluginConfig(name), QStringLiteral("plugin %1").arg(name)).array();
    const std::optional<Client::PluginInfo> plugin
        = findPlugin(Client::PluginInfo::listFromJson(
                         cluster.expect(cluster.client().plugins(false), QStringLiteral("list plugins")).array()),
                     name);
    QJsonObject json{{QStringLiteral("class"), plugin ? plugin->className : name}, {QStringLiteral("config"), keys}};
    if (plugin) {
        json.insert(QStringLiteral("type"), plugin->type);
        json.insert(QStringLiteral("version"), plugin->version);
    }
    run.out.show(json, [&] {
        run.out.text(fieldLines({{QStringLiteral("Class"), json.value(QLatin1String("class")).toString()},
                                 {QStringLiteral("Type"), plugin ? plugin->type : QString()},
                                 {QStringLiteral("Version"), plugin ? plugin->version : QString()}}));
        run.out.line();
        Table table({QStringLiteral("KEY"), QStringLiteral("TYPE"), QStringLiteral("REQUIRED"),
                     QStringLiteral("DEFAULT"), QStringLiteral("IMPORTANCE"), QStringLiteral("DOCUMENTATION")});
        for (const QJsonValue &item : keys) {
            const Client::ConfigKeyInfo key = Client::ConfigKeyInfo::fromJson(item.toObject());
            table.addRow({key.name, key.type, key.required ? QStringLiteral("yes") : QStringLiteral("no"),
                          key.defaultValue ? elide(*key.defaultValue, 30) : QStringLiteral("-"), key.importance,
                          elide(firstSentence(key.documentation), 70)});
        }
        run.out.text(table.render());
    });
    return ExitOk;
}

QString lastModifiedText(const std::optional<qint64> &lastModified)
{
    return lastModified ? timestampText(*lastModified) : QStringLiteral("-");
}

int getLoggers(Invocation &run)
{
    run.allowAtMost(0);
    CtlSession &cluster = run.cluster();
    cluster.require(cluster.features().loggers(), QStringLiteral("Loggers"), QStringLiteral("2.4"));
    const QJsonObject json = cluster.expect(cluster.client().loggers(), QStringLiteral("list loggers")).object();
    const QList<Client::LoggerLevel> loggers = Client::LoggerLevel::listFromJson(json);
    run.out.show(json, [&] {
        Table table({QStringLiteral("LOGGER"), QStringLiteral("LEVEL"), QStringLiteral("LAST MODIFIED")});
        for (const Client::LoggerLevel &logger : loggers)
            table.addRow({logger.logger, logger.level, lastModifiedText(logger.lastModified)});
        run.out.text(table.render());
    }, [&] {
        QStringList names;
        for (const Client::LoggerLevel &logger : loggers)
            names.append(logger.logger);
        return names;
    });
    return ExitOk;
}

int getLogger(Invocation &run)
{
    if (run.operands.isEmpty())
        return getLoggers(run);
    const QString name = run.operands.first();
    run.allowAtMost(1);
    CtlSession &cluster = run.cluster();
    cluster.require(cluster.features().loggers(), QStringLiteral("Loggers"), QStringLiteral("2.4"));
    const QJsonObject json = cluster.expect(
        cluster.client().send("GET", QStringLiteral("/admin/loggers/") + QString::fromLatin1(QUrl::toPercentEncoding(name))),
        QStringLiteral("logger %1").arg(name)).object();
    run.out.show(json, [&] {
        const QJsonValue modified = json.value(QLatin1String("last_modified"));
        Table table({QStringLiteral("LOGGER"), QStringLiteral("LEVEL"), QStringLiteral("LAST MODIFIED")});
        table.addRow({name, json.value(QLatin1String("level")).toString(),
                      lastModifiedText(modified.isDouble() ? std::optional<qint64>(qint64(modified.toDouble())) : std::nullopt)});
        run.out.text(table.render());
    });
    return ExitOk;
}

int setLogger(Invocation &run)
{
    const QString name = run.operand(0, QStringLiteral("the logger's name"));
    const QString level = run.operand(1, QStringLiteral("the level (ERROR, WARN, INFO, DEBUG, TRACE)")).toUpper();
    run.allowAtMost(2);
    const QString scope = run.args.value(QStringLiteral("scope"), QStringLiteral("worker"));
    if (scope != QLatin1String("worker") && scope != QLatin1String("cluster"))
        throw CliError::usage(QStringLiteral("--scope %1: expected worker or cluster").arg(scope));
    CtlSession &cluster = run.cluster();
    cluster.require(cluster.features().loggers(), QStringLiteral("Loggers"), QStringLiteral("2.4"));
    const bool clusterScope = scope == QLatin1String("cluster");
    if (clusterScope)
        cluster.require(cluster.features().clusterLoggerScope(), QStringLiteral("Cluster-wide logger levels"), QStringLiteral("3.7"));
    const Client::RestReply reply = cluster.expect(cluster.client().setLoggerLevel(name, level, clusterScope),
                                                   QStringLiteral("set logger %1").arg(name));
    // Worker scope answers with the loggers it changed; cluster scope with 204.
    const QJsonArray changed = reply.array();
    QJsonObject json{{QStringLiteral("logger"), name}, {QStringLiteral("level"), level}, {QStringLiteral("scope"), scope}};
    if (!clusterScope)
        json.insert(QStringLiteral("changed"), changed);
    run.out.show(json, [&] {
        if (clusterScope) {
            run.out.line(QStringLiteral("Logger %1 set to %2 on every worker of the cluster.").arg(name, level));
            return;
        }
        QStringList names;
        for (const QJsonValue &logger : changed)
            names.append(logger.toString());
        run.out.line(QStringLiteral("Logger %1 set to %2 on this worker; changed: %3")
                         .arg(name, level, names.isEmpty() ? QStringLiteral("none") : names.join(QLatin1String(", "))));
    });
    return ExitOk;
}

} // namespace

QList<Command> clusterCommands()
{
    return {
        {{QStringLiteral("info")}, {}, {}, QStringLiteral("the cluster's version, commit and Kafka cluster id"), {}, info},
        {{QStringLiteral("get"), QStringLiteral("plugins")},
         {{QStringLiteral("get"), QStringLiteral("plugin")}, {QStringLiteral("plugins")}},
         {},
         QStringLiteral("installed connector plugins (--all: transforms, converters, predicates too)"),
         {{QStringLiteral("all"), {}, {}, QStringLiteral("every plugin type, not only connectors (3.2+)")}},
         getPlugins},
        {{QStringLiteral("describe"), QStringLiteral("plugin")}, {}, QStringLiteral("CLASS|ALIAS"),
         QStringLiteral("a plugin's configuration keys, types, defaults and documentation"), {}, describePlugin},
        {{QStringLiteral("get"), QStringLiteral("loggers")},
         {{QStringLiteral("get"), QStringLiteral("logger")}, {QStringLiteral("loggers")}},
         {},
         QStringLiteral("the worker's loggers and their levels"), {}, getLoggers},
        {{QStringLiteral("logger"), QStringLiteral("get")}, {}, QStringLiteral("[NAME]"),
         QStringLiteral("one logger's level (every logger without NAME)"), {}, getLogger},
        {{QStringLiteral("logger"), QStringLiteral("set")}, {}, QStringLiteral("NAME LEVEL"),
         QStringLiteral("change a logger's level on this worker, or on every worker with --scope cluster (3.7+)"),
         {{QStringLiteral("scope"), {}, QStringLiteral("worker|cluster"), QStringLiteral("where the level applies (default worker)")}},
         setLogger},
    };
}

} // namespace ConnectDesk::Cli
