// SPDX-License-Identifier: Apache-2.0
#include "ctlsession.h"

#include "clierror.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QRegularExpression>

namespace ConnectDesk::Cli {

CtlSession::CtlSession(Client::ClusterProfile profile, int requestTimeoutMs)
    : m_client(std::move(profile))
{
    m_client.setRequestTimeoutMs(requestTimeoutMs);
}

Client::RestReply CtlSession::wait(QFuture<Client::RestReply> call)
{
    if (!call.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<Client::RestReply> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(call);
        if (!call.isFinished())
            loop.exec();
    }
    return call.result();
}

CliError CtlSession::failure(const Client::RestReply &reply, const QString &what) const
{
    if (!reply.reachedServer())
        return {QStringLiteral("cannot reach %1: %2").arg(url(), reply.error), ExitUnreachable};
    if (reply.status == 401 || reply.status == 403) {
        return {QStringLiteral("%1: %2 (HTTP %3; give --user and CONNECTDESK_PASSWORD, or a context with them)")
                    .arg(what, reply.error)
                    .arg(reply.status),
                ExitFailed};
    }
    QString message = reply.error;
    if (message.isEmpty())
        message = QStringLiteral("HTTP %1").arg(reply.status);
    else
        message += QStringLiteral(" (HTTP %1)").arg(reply.status);
    return {what + QLatin1String(": ") + message, ExitFailed};
}

Client::RestReply CtlSession::expect(QFuture<Client::RestReply> call, const QString &what)
{
    Client::RestReply reply = wait(std::move(call));
    if (!reply.ok())
        throw failure(reply, what);
    return reply;
}

const Client::ServerInfo &CtlSession::serverInfo()
{
    if (!m_serverInfo)
        m_serverInfo = Client::ServerInfo::fromJson(expect(m_client.serverInfo(), QStringLiteral("cluster info")).object());
    return *m_serverInfo;
}

Client::ClusterFeatures CtlSession::features()
{
    return Client::ClusterFeatures::forVersion(serverInfo().version);
}

void CtlSession::require(bool supported, const QString &feature, const QString &since)
{
    if (!supported)
        throw CliError{Client::ClusterFeatures::unsupported(feature, since, serverInfo().version), ExitFailed};
}

QStringList CtlSession::connectorNames()
{
    QStringList names;
    for (const QJsonValue &name : expect(m_client.send("GET", QStringLiteral("/connectors")), QStringLiteral("list connectors")).array())
        names.append(name.toString());
    names.sort();
    return names;
}

QList<Client::ConnectorOverview> CtlSession::overview()
{
    return Client::ConnectorOverview::listFromJson(
        expect(m_client.connectors(), QStringLiteral("list connectors")).object());
}

QStringList CtlSession::connectorsMatching(const QString &pattern)
{
    const QRegularExpression regex(QRegularExpression::anchoredPattern(pattern));
    if (!regex.isValid())
        throw CliError::usage(QStringLiteral("-e %1: %2").arg(pattern, regex.errorString()));
    QStringList matching;
    for (const QString &name : connectorNames()) {
        if (regex.match(name).hasMatch())
            matching.append(name);
    }
    return matching;
}

} // namespace ConnectDesk::Cli
