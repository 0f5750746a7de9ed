// SPDX-License-Identifier: Apache-2.0
// Reading connectors: get connectors, status, describe connector, topics.
#include "command.h"
#include "ctlsession.h"
#include "textformat.h"

namespace ConnectDesk::Cli {

namespace {

using Client::ClusterClient;

/** "2/2" or "1/2, 1 FAILED": running tasks over all, then what is not running. */
QString tasksSummary(const Client::ConnectorStatus &status)
{
    const int running = status.tasksInState(QStringLiteral("RUNNING"));
    QString text = QStringLiteral("%1/%2").arg(running).arg(status.tasks.size());
    QMap<QString, int> others;
    for (const Client::TaskStatus &task : status.tasks) {
        if (task.state != QLatin1String("RUNNING"))
            ++others[task.state];
    }
    for (auto it = others.begin(); it != others.end(); ++it)
        text += QStringLiteral(", %1 %2").arg(it.value()).arg(it.key());
    return text;
}

int getConnectors(Invocation &run)
{
    run.allowAtMost(0);
    CtlSession &cluster = run.cluster();
    const QJsonObject json = cluster.expect(cluster.client().connectors(), QStringLiteral("list connectors")).object();
    const QList<Client::ConnectorOverview> connectors = Client::ConnectorOverview::listFromJson(json);
    run.out.show(json, [&] {
        if (connectors.isEmpty()) {
            run.out.line(QStringLiteral("No connectors on %1.").arg(cluster.url()));
            return;
        }
        Table table({QStringLiteral("NAME"), QStringLiteral("TYPE"), QStringLiteral("STATE"), QStringLiteral("TASKS"),
                     QStringLiteral("CLASS"), QStringLiteral("TOPICS")});
        for (const Client::ConnectorOverview &connector : connectors) {
            table.addRow({connector.name, connector.type, connector.hasStatus ? connector.status.state : QStringLiteral("?"),
                          tasksSummary(connector.status), connector.shortClassName(),
                          connector.configuredTopics().join(QLatin1Char(','))});
        }
        run.out.text(table.render());
    }, [&] {
        QStringList names;
        for (const Client::ConnectorOverview &connector : connectors)
            names.append(connector.name);
        return names;
    });
    return ExitOk;
}

/** One row for the connector, one per task; the error column holds the trace's first line. */
void addStatusRows(Table &table, const Client::ConnectorStatus &status)
{
    table.addRow({status.name, QStringLiteral("-"), status.state, status.workerId, elide(firstLine(status.trace), 100)});
    for (const Client::TaskStatus &task : status.tasks)
        table.addRow({status.name, QString::number(task.id), task.state, task.workerId, elide(firstLine(task.trace), 100)});
}

int status(Invocation &run)
{
    CtlSession &cluster = run.cluster();
    QJsonArray json;
    int exitCode = ExitOk;
    if (run.operands.isEmpty()) {
        const QJsonObject listing = cluster.expect(cluster.client().connectors(), QStringLiteral("list connectors")).object();
        for (auto it = listing.begin(); it != listing.end(); ++it)
            json.append(it.value().toObject().value(QLatin1String("status")));
    } else {
        for (const QString &name : std::as_const(run.operands)) {
            const Client::RestReply reply = CtlSession::wait(cluster.client().connectorStatus(name));
            if (!reply.ok()) {
                const CliError error = cluster.failure(reply, QStringLiteral("connector %1").arg(name));
                if (error.exitCode == ExitUnreachable)
                    throw error;
                run.out.note(QStringLiteral("connectdesk-ctl: error: ") + error.message);
                exitCode = ExitFailed;
                continue;
            }
            json.append(reply.object());
        }
    }
    run.out.show(json, [&] {
        if (json.isEmpty()) {
            if (run.operands.isEmpty())
                run.out.line(QStringLiteral("No connectors on %1.").arg(cluster.url()));
            return;
        }
        Table table({QStringLiteral("CONNECTOR"), QStringLiteral("TASK"), QStringLiteral("STATE"), QStringLiteral("WORKER"),
                     QStringLiteral("ERROR")});
        for (const QJsonValue &item : json)
            addStatusRows(table, Client::ConnectorStatus::fromJson(item.toObject()));
        run.out.text(table.render());
    });
    return exitCode;
}

int describeConnector(Invocation &run)
{
    const QString name = run.operand(0, QStringLiteral("the connector's name"));
    run.allowAtMost(1);
    CtlSession &cluster = run.cluster();
    const QString what = QStringLiteral("connector %1").arg(name);
    const QJsonObject info = cluster.expect(cluster.client().connectorInfo(name), what).object();
    const QJsonObject statusJson = cluster.expect(cluster.client().connectorStatus(name), what).object();
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("type"), info.value(QLatin1String("type"))},
                     {QStringLiteral("config"), info.value(QLatin1String("config"))},
                     {QStringLiteral("connector"), statusJson.value(QLatin1String("connector"))},
                     {QStringLiteral("tasks"), statusJson.value(QLatin1String("tasks"))}};
    if (cluster.features().topicTracking()) {
        // Topic tracking can be disabled on the worker (topic.tracking.enable=false): say so, go on.
        const Client::RestReply topics = CtlSession::wait(cluster.client().connectorTopics(name));
        if (topics.ok())
            json.insert(QStringLiteral("topics"), topics.object().value(name).toObject().value(QLatin1String("topics")));
        else
            run.out.note(QStringLiteral("topics: %1").arg(topics.describe()));
    }
    const Client::ConnectorStatus status = Client::ConnectorStatus::fromJson(statusJson);
    run.out.show(json, [&] {
        run.out.text(fieldLines({{QStringLiteral("Name"), name},
                                 {QStringLiteral("Type"), json.value(QLatin1String("type")).toString()},
                                 {QStringLiteral("State"), status.state},
                                 {QStringLiteral("Worker ID"), status.workerId}}));
        if (!status.trace.isEmpty())
            run.out.text(QStringLiteral("Trace:\n") + indented(status.trace, 2));
        run.out.line(QStringLiteral("Config:"));
        const QJsonObject config = json.value(QLatin1String("config")).toObject();
        QList<QPair<QString, QString>> configLines;
        for (auto it = config.begin(); it != config.end(); ++it)
            configLines.append({it.key(), it.value().toString()});
        run.out.text(indented(fieldLines(configLines), 2));
        run.out.line(QStringLiteral("Tasks:"));
        if (status.tasks.isEmpty())
            run.out.line(QStringLiteral("  none"));
        for (const Client::TaskStatus &task : status.tasks) {
            run.out.line(QStringLiteral("  %1:").arg(task.id));
            run.out.text(indented(fieldLines({{QStringLiteral("State"), task.state}, {QStringLiteral("Worker ID"), task.workerId}}), 4));
            if (!task.trace.isEmpty())
                run.out.text(QStringLiteral("    Trace:\n") + indented(task.trace, 6));
        }
        if (json.contains(QLatin1String("topics"))) {
            run.out.line(QStringLiteral("Topics:"));
            const QJsonArray topics = json.value(QLatin1String("topics")).toArray();
            if (topics.isEmpty())
                run.out.line(QStringLiteral("  none yet"));
            for (const QJsonValue &topic : topics)
                run.out.line(QStringLiteral("  ") + topic.toString());
        }
    });
    return ExitOk;
}

int topics(Invocation &run)
{
    const QString name = run.operand(0, QStringLiteral("the connector's name"));
    run.allowAtMost(1);
    CtlSession &cluster = run.cluster();
    cluster.require(cluster.features().topicTracking(), QStringLiteral("Active topics"), QStringLiteral("2.5"));
    if (run.args.isSet(QStringLiteral("reset"))) {
        cluster.expect(cluster.client().resetConnectorTopics(name), QStringLiteral("reset topics of %1").arg(name));
        run.out.show(QJsonObject{{QStringLiteral("connector"), name}, {QStringLiteral("reset"), true}}, [&] {
            run.out.line(QStringLiteral("Active topics of %1 reset; they are recorded again as the connector uses them.").arg(name));
        });
        return ExitOk;
    }
    const QJsonObject json = cluster.expect(cluster.client().connectorTopics(name), QStringLiteral("connector %1").arg(name)).object();
    const QJsonArray topicList = json.value(name).toObject().value(QLatin1String("topics")).toArray();
    run.out.show(json, [&] {
        if (topicList.isEmpty())
            run.out.line(QStringLiteral("%1 has used no topic since it was created or its topics were reset.").arg(name));
        for (const QJsonValue &topic : topicList)
            run.out.line(topic.toString());
    }, [&] {
        QStringList names;
        for (const QJsonValue &topic : topicList)
            names.append(topic.toString());
        return names;
    });
    return ExitOk;
}

} // namespace

QList<Command> connectorCommands()
{
    return {
        {{QStringLiteral("get"), QStringLiteral("connectors")},
         {{QStringLiteral("get"), QStringLiteral("connector")}, {QStringLiteral("connectors")}, {QStringLiteral("list")}},
         {},
         QStringLiteral("every connector with its type, state, tasks, class and topics"), {}, getConnectors},
        {{QStringLiteral("status")}, {}, QStringLiteral("[NAME...]"),
         QStringLiteral("the state of connectors and each of their tasks, with the first line of any error"), {}, status},
        {{QStringLiteral("describe"), QStringLiteral("connector")}, {}, QStringLiteral("NAME"),
         QStringLiteral("one connector: state, worker, config, tasks with their traces, active topics"), {},
         describeConnector},
        {{QStringLiteral("topics")}, {}, QStringLiteral("NAME"),
         QStringLiteral("the topics a connector has used (--reset forgets them)"),
         {{QStringLiteral("reset"), {}, {}, QStringLiteral("clear the connector's active topics")}},
         topics},
    };
}

} // namespace ConnectDesk::Cli
