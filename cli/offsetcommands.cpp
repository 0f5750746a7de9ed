// SPDX-License-Identifier: Apache-2.0
// A connector's offsets (KIP-875): get, alter, reset.
#include "command.h"
#include "connectordefinitions.h"
#include "ctlsession.h"

#include <QJsonDocument>

namespace ConnectDesk::Cli {

namespace {

using Client::RestReply;

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("none");
    return value.toVariant().toString();
}

int getOffsets(Invocation &run)
{
    const QString name = run.operand(0, QStringLiteral("the connector's name"));
    run.allowAtMost(1);
    CtlSession &cluster = run.cluster();
    cluster.require(cluster.features().readOffsets(), QStringLiteral("Reading offsets"), QStringLiteral("3.5"));
    const QJsonObject json = cluster.expect(cluster.client().connectorOffsets(name), QStringLiteral("offsets of %1").arg(name)).object();
    const QList<Client::PartitionOffset> offsets = Client::PartitionOffset::listFromJson(json);
    run.out.show(json, [&] {
        if (offsets.isEmpty()) {
            run.out.line(QStringLiteral("%1 has no committed offsets.").arg(name));
            return;
        }
        Table table({QStringLiteral("PARTITION"), QStringLiteral("OFFSET")});
        for (const Client::PartitionOffset &offset : offsets)
            table.addRow({compact(offset.partition), compact(offset.offset)});
        run.out.text(table.render());
    });
    return ExitOk;
}

/**
 * Kafka changes offsets only while a connector is STOPPED: its tasks must not be committing
 * meanwhile. Checked first so the user learns the three steps instead of getting a bare 400.
 */
void requireStopped(CtlSession &cluster, const QString &name, const QString &verb)
{
    const Client::ConnectorStatus status = Client::ConnectorStatus::fromJson(
        cluster.expect(cluster.client().connectorStatus(name), QStringLiteral("connector %1").arg(name)).object());
    if (status.state == QLatin1String("STOPPED"))
        return;
    throw CliError{QStringLiteral("%1 is %2; offsets can be %3 only while a connector is STOPPED, so that no task commits "
                                  "offsets meanwhile. Run: connectdesk-ctl stop %1, then this again, then connectdesk-ctl resume %1")
                       .arg(name, status.state, verb),
                   ExitFailed};
}

int changeOffsets(Invocation &run, const QString &verb, const std::function<QFuture<RestReply>(CtlSession &, const QString &)> &call)
{
    const QString name = run.operand(0, QStringLiteral("the connector's name"));
    run.allowAtMost(1);
    CtlSession &cluster = run.cluster();
    cluster.require(cluster.features().alterOffsets(), QStringLiteral("Changing offsets"), QStringLiteral("3.6"));
    requireStopped(cluster, name, verb);
    const QJsonObject json = cluster.expect(call(cluster, name), QStringLiteral("offsets of %1").arg(name)).object();
    run.out.show(json, [&] {
        run.out.line(QStringLiteral("%1: %2").arg(name, json.value(QLatin1String("message")).toString()));
        run.out.line(QStringLiteral("It stays STOPPED; connectdesk-ctl resume %1 starts it from the new offsets.").arg(name));
    });
    return ExitOk;
}

int alterOffsets(Invocation &run)
{
    const QJsonArray offsets = loadOffsets(run.args.value(QStringLiteral("file")));
    return changeOffsets(run, QStringLiteral("altered"), [&](CtlSession &cluster, const QString &name) {
        return cluster.client().alterConnectorOffsets(name, offsets);
    });
}

int resetOffsets(Invocation &run)
{
    return changeOffsets(run, QStringLiteral("reset"), [](CtlSession &cluster, const QString &name) {
        return cluster.client().resetConnectorOffsets(name);
    });
}

} // namespace

QList<Command> offsetCommands()
{
    return {
        {{QStringLiteral("offsets"), QStringLiteral("get")}, {}, QStringLiteral("NAME"),
         QStringLiteral("a connector's committed offsets (3.5+)"), {}, getOffsets},
        {{QStringLiteral("offsets"), QStringLiteral("alter")}, {}, QStringLiteral("NAME -f FILE"),
         QStringLiteral("set offsets from {\"offsets\": [...]} as offsets get prints it; the connector must be STOPPED (3.6+)"),
         {{QStringLiteral("file"), QLatin1Char('f'), QStringLiteral("FILE"), QStringLiteral("the offsets, JSON (- for standard input)")}},
         alterOffsets},
        {{QStringLiteral("offsets"), QStringLiteral("reset")}, {}, QStringLiteral("NAME"),
         QStringLiteral("forget every offset of a connector; it must be STOPPED (3.6+)"), {}, resetOffsets},
    };
}

} // namespace ConnectDesk::Cli
