// SPDX-License-Identifier: Apache-2.0
// top: connectors and tasks refreshed in place, with the restarts seen while watching.
#include "command.h"
#include "ctlsession.h"
#include "stopsignal.h"

#include <QDateTime>
#include <QJsonDocument>

#include <unistd.h>

namespace ConnectDesk::Cli {

namespace {

/**
 * Connect reports no restart counts, so top counts what it sees: a connector or task entering
 * RESTARTING, or coming back to RUNNING from FAILED or UNASSIGNED without a RESTARTING seen.
 */
class RestartCounter
{
public:
    int observe(const QString &key, const QString &state)
    {
        const QString previous = m_states.value(key);
        const bool restarting = state == QLatin1String("RESTARTING") && previous != state;
        const bool recovered = state == QLatin1String("RUNNING")
            && (previous == QLatin1String("FAILED") || previous == QLatin1String("UNASSIGNED"));
        if (restarting || recovered)
            ++m_counts[key];
        m_states.insert(key, state);
        return m_counts.value(key);
    }

private:
    QHash<QString, QString> m_states;
    QHash<QString, int> m_counts;
};

/** The listing's statuses with "restarts" added to the connector and each task. */
QJsonArray observedStatuses(const QJsonObject &listing, RestartCounter &restarts)
{
    QJsonArray statuses;
    for (auto it = listing.begin(); it != listing.end(); ++it) {
        QJsonObject status = it.value().toObject().value(QLatin1String("status")).toObject();
        QJsonObject connector = status.value(QLatin1String("connector")).toObject();
        connector.insert(QStringLiteral("restarts"), restarts.observe(it.key(), connector.value(QLatin1String("state")).toString()));
        status.insert(QStringLiteral("connector"), connector);
        QJsonArray tasks;
        for (const QJsonValue &item : status.value(QLatin1String("tasks")).toArray()) {
            QJsonObject task = item.toObject();
            const QString key = QStringLiteral("%1/%2").arg(it.key()).arg(task.value(QLatin1String("id")).toInt());
            task.insert(QStringLiteral("restarts"), restarts.observe(key, task.value(QLatin1String("state")).toString()));
            tasks.append(task);
        }
        status.insert(QStringLiteral("tasks"), tasks);
        if (!status.contains(QLatin1String("name")))
            status.insert(QStringLiteral("name"), it.key());
        statuses.append(status);
    }
    return statuses;
}

QString stateCounts(const QJsonArray &statuses)
{
    QMap<QString, int> counts;
    for (const QJsonValue &status : statuses)
        ++counts[status[QLatin1String("connector")][QLatin1String("state")].toString()];
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    return QStringLiteral("%1 connector(s)%2").arg(statuses.size()).arg(parts.isEmpty() ? QString() : QStringLiteral(": ") + parts.join(QLatin1String(", ")));
}

QString frameTable(const QJsonArray &statuses)
{
    Table table({QStringLiteral("CONNECTOR"), QStringLiteral("TYPE"), QStringLiteral("STATE"), QStringLiteral("TASK"),
                 QStringLiteral("TASK STATE"), QStringLiteral("WORKER"), QStringLiteral("RESTARTS")});
    for (const QJsonValue &value : statuses) {
        const QJsonObject status = value.toObject();
        const QJsonObject connector = status.value(QLatin1String("connector")).toObject();
        const QString name = status.value(QLatin1String("name")).toString();
        const QString type = status.value(QLatin1String("type")).toString();
        const QString state = connector.value(QLatin1String("state")).toString();
        const QJsonArray tasks = status.value(QLatin1String("tasks")).toArray();
        const int connectorRestarts = connector.value(QLatin1String("restarts")).toInt();
        if (tasks.isEmpty()) {
            table.addRow({name, type, state, QStringLiteral("-"), QStringLiteral("-"), connector.value(QLatin1String("worker_id")).toString(),
                          QString::number(connectorRestarts)});
        }
        for (const QJsonValue &item : tasks) {
            const QJsonObject task = item.toObject();
            table.addRow({name, type, state, QString::number(task.value(QLatin1String("id")).toInt()),
                          task.value(QLatin1String("state")).toString(), task.value(QLatin1String("worker_id")).toString(),
                          QString::number(connectorRestarts + task.value(QLatin1String("restarts")).toInt())});
        }
    }
    return table.isEmpty() ? QStringLiteral("(no connectors)\n") : table.render();
}

int top(Invocation &run)
{
    run.allowAtMost(0);
    bool ok = true;
    const double intervalSeconds = run.args.value(QStringLiteral("interval"), QStringLiteral("2")).toDouble(&ok);
    if (!ok || intervalSeconds <= 0)
        throw CliError::usage(QStringLiteral("--interval %1: expected seconds").arg(run.args.value(QStringLiteral("interval"))));
    int iterations = 0;
    if (run.args.isSet(QStringLiteral("iterations"))) {
        iterations = run.args.value(QStringLiteral("iterations")).toInt(&ok);
        if (!ok || iterations <= 0)
            throw CliError::usage(QStringLiteral("--iterations %1: expected a positive number").arg(run.args.value(QStringLiteral("iterations"))));
    }
    CtlSession &cluster = run.cluster();
    const QString version = cluster.serverInfo().version; // no answer at all: exit 3 here
    QTextStream &out = run.out.out();
    const bool terminal = !run.out.structured() && isatty(STDOUT_FILENO);
    StopSignal stop;
    RestartCounter restarts;
    QJsonArray statuses;
    if (terminal)
        out << "\x1b[?25l"; // hide the cursor while redrawing
    for (int frame = 1; !stop.requested(); ++frame) {
        const Client::RestReply reply = CtlSession::wait(cluster.client().connectors());
        QString problem;
        if (reply.ok())
            statuses = observedStatuses(reply.object(), restarts);
        else
            problem = cluster.failure(reply, QStringLiteral("refresh")).message;
        const QDateTime now = QDateTime::currentDateTime();
        if (run.out.structured()) {
            QJsonObject json{{QStringLiteral("time"), now.toMSecsSinceEpoch()}, {QStringLiteral("url"), cluster.url()},
                             {QStringLiteral("connectors"), statuses}};
            if (!problem.isEmpty())
                json.insert(QStringLiteral("error"), problem);
            out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        } else {
            if (terminal)
                out << "\x1b[H\x1b[2J";
            else if (frame > 1)
                out << '\n';
            out << QStringLiteral("%1  Kafka Connect %2  %3  %4\n")
                       .arg(cluster.url(), version, now.toString(QStringLiteral("HH:mm:ss")),
                            problem.isEmpty() ? stateCounts(statuses) : QStringLiteral("unreachable: %1 (retrying)").arg(problem));
            out << frameTable(statuses);
            if (terminal)
                out << QStringLiteral("restarts: seen since top started; Ctrl-C quits\n");
        }
        out.flush();
        if (iterations > 0 && frame >= iterations)
            break;
        stop.wait(int(intervalSeconds * 1000));
    }
    if (terminal)
        out << "\x1b[?25h";
    out.flush();
    return ExitOk;
}

} // namespace

QList<Command> topCommands()
{
    return {
        {{QStringLiteral("top")}, {}, QStringLiteral("[--interval SECONDS] [--iterations N]"),
         QStringLiteral("connectors and tasks refreshed in place, with the restarts top saw since it started "
                        "(Connect keeps no restart counts)"),
         {{QStringLiteral("interval"), {}, QStringLiteral("SECONDS"), QStringLiteral("between refreshes (default 2)")},
          {QStringLiteral("iterations"), {}, QStringLiteral("N"), QStringLiteral("stop after N refreshes (default: until Ctrl-C)")}},
         top},
    };
}

} // namespace ConnectDesk::Cli
