// SPDX-License-Identifier: Apache-2.0
// Changing connectors' state: pause, resume, stop, restart, delete; by name or -e REGEX.
#include "command.h"
#include "ctlsession.h"

namespace ConnectDesk::Cli {

namespace {

using Client::RestReply;

/** The connectors named, or those matching -e; a usage error for neither or both. */
QStringList targets(Invocation &run)
{
    const bool byRegex = run.args.isSet(QStringLiteral("regex"));
    if (byRegex == !run.operands.isEmpty())
        throw CliError::usage(byRegex ? QStringLiteral("give connector names or -e REGEX, not both")
                                      : QStringLiteral("missing connector names (or -e REGEX for every connector matching it)"));
    if (!byRegex)
        return run.operands;
    const QString pattern = run.args.value(QStringLiteral("regex"));
    const QStringList matching = run.cluster().connectorsMatching(pattern);
    if (matching.isEmpty())
        throw CliError{QStringLiteral("no connector matches %1").arg(pattern), ExitFailed};
    return matching;
}

/** A restart with tasks answers 202 with the status, RESTARTING marking what it restarts. */
QString restartSummary(const QString &name, const QJsonObject &status)
{
    const Client::ConnectorStatus parsed = Client::ConnectorStatus::fromJson(status);
    const int tasks = parsed.tasksInState(QStringLiteral("RESTARTING"));
    const bool connector = parsed.state == QLatin1String("RESTARTING");
    if (!connector && tasks == 0)
        return QStringLiteral("%1: nothing to restart (no failed connector or task)").arg(name);
    return QStringLiteral("%1 restarting: %2%3 task(s)").arg(name, connector ? QStringLiteral("the connector and ") : QString()).arg(tasks);
}

/**
 * Runs action on each connector, reports each result, and goes on after a refusal so one
 * unknown name does not leave the others untouched. No answer at all stops at once (exit 3).
 */
int forEachConnector(Invocation &run, const QString &verb, const QString &done,
                     const std::function<QFuture<RestReply>(const QString &)> &action)
{
    CtlSession &cluster = run.cluster();
    QJsonArray results;
    int exitCode = ExitOk;
    for (const QString &name : targets(run)) {
        const RestReply reply = CtlSession::wait(action(name));
        QJsonObject result{{QStringLiteral("connector"), name}, {QStringLiteral("action"), verb},
                           {QStringLiteral("status"), reply.status}, {QStringLiteral("ok"), reply.ok()}};
        if (reply.ok()) {
            if (reply.json.isObject())
                result.insert(QStringLiteral("result"), reply.json);
            run.out.line(reply.status == 202 && reply.json.isObject() ? restartSummary(name, reply.object())
                                                                      : QStringLiteral("%1 %2").arg(name, done));
        } else {
            const CliError error = cluster.failure(reply, QStringLiteral("%1 %2").arg(verb, name));
            if (error.exitCode == ExitUnreachable)
                throw error;
            result.insert(QStringLiteral("error"), reply.error);
            run.out.note(QStringLiteral("connectdesk-ctl: error: ") + error.message);
            exitCode = ExitFailed;
        }
        results.append(result);
    }
    if (run.out.structured())
        run.out.data(results);
    return exitCode;
}

int pause(Invocation &run)
{
    return forEachConnector(run, QStringLiteral("pause"), QStringLiteral("paused"),
                            [&](const QString &name) { return run.cluster().client().pauseConnector(name); });
}

int resume(Invocation &run)
{
    return forEachConnector(run, QStringLiteral("resume"), QStringLiteral("resumed"),
                            [&](const QString &name) { return run.cluster().client().resumeConnector(name); });
}

int stop(Invocation &run)
{
    CtlSession &cluster = run.cluster();
    cluster.require(cluster.features().stop(), QStringLiteral("Stopping connectors"), QStringLiteral("3.5"));
    return forEachConnector(run, QStringLiteral("stop"), QStringLiteral("stopped (its tasks are shut down; resume starts them again)"),
                            [&](const QString &name) { return cluster.client().stopConnector(name); });
}

int remove(Invocation &run)
{
    return forEachConnector(run, QStringLiteral("delete"), QStringLiteral("deleted"),
                            [&](const QString &name) { return run.cluster().client().deleteConnector(name); });
}

int restart(Invocation &run)
{
    CtlSession &cluster = run.cluster();
    const bool taskGiven = run.args.isSet(QStringLiteral("task"));
    const QString tasks = run.args.value(QStringLiteral("tasks"));
    if (!tasks.isEmpty() && tasks != QLatin1String("all") && tasks != QLatin1String("failed"))
        throw CliError::usage(QStringLiteral("--tasks %1: expected all or failed").arg(tasks));
    if (taskGiven) {
        if (!tasks.isEmpty())
            throw CliError::usage(QStringLiteral("give --task N or --tasks all|failed, not both"));
        bool ok = false;
        const int task = run.args.value(QStringLiteral("task")).toInt(&ok);
        if (!ok || task < 0)
            throw CliError::usage(QStringLiteral("--task %1: expected a task number").arg(run.args.value(QStringLiteral("task"))));
        return forEachConnector(run, QStringLiteral("restart"), QStringLiteral("task %1 restarted").arg(task),
                                [&](const QString &name) { return cluster.client().restartTask(name, task); });
    }
    if (!tasks.isEmpty())
        cluster.require(cluster.features().restartWithTasks(), QStringLiteral("Restarting with tasks"), QStringLiteral("3.0"));
    const bool includeTasks = !tasks.isEmpty();
    const bool onlyFailed = tasks == QLatin1String("failed");
    const QString done = includeTasks ? QStringLiteral("restarting") : QStringLiteral("restarted (the connector only; --tasks all|failed for tasks)");
    return forEachConnector(run, QStringLiteral("restart"), done, [&](const QString &name) {
        return cluster.client().restartConnector(name, includeTasks, onlyFailed);
    });
}

const OptionSpec regexOption{QStringLiteral("regex"), QLatin1Char('e'), QStringLiteral("REGEX"),
                             QStringLiteral("every connector whose whole name matches REGEX")};

} // namespace

QList<Command> lifecycleCommands()
{
    const QString targetsUsage = QStringLiteral("NAME... | -e REGEX");
    return {
        {{QStringLiteral("pause")}, {}, targetsUsage, QStringLiteral("pause connectors and their tasks"), {regexOption}, pause},
        {{QStringLiteral("resume")}, {}, targetsUsage, QStringLiteral("resume paused or stopped connectors"), {regexOption}, resume},
        {{QStringLiteral("stop")}, {}, targetsUsage,
         QStringLiteral("stop connectors: tasks shut down, config kept; needed before offsets alter/reset (3.5+)"),
         {regexOption}, stop},
        {{QStringLiteral("restart")}, {}, targetsUsage + QStringLiteral(" [--tasks all|failed] [--task N]"),
         QStringLiteral("restart connectors, with all or only failed tasks, or one task"),
         {regexOption,
          {QStringLiteral("tasks"), {}, QStringLiteral("all|failed"),
           QStringLiteral("restart the tasks too: all of them, or only the failed connector and tasks (3.0+)")},
          {QStringLiteral("task"), {}, QStringLiteral("N"), QStringLiteral("restart only task N")}},
         restart},
        {{QStringLiteral("delete")}, {}, targetsUsage, QStringLiteral("delete connectors (their offsets stay in the offsets topic)"),
         {regexOption}, remove},
    };
}

} // namespace ConnectDesk::Cli
