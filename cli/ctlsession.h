// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clierror.h"
#include "core/client/clusterclient.h"
#include "core/client/clusterfeatures.h"
#include "core/client/entities.h"

#include <QFuture>
#include <QString>

#include <optional>

namespace ConnectDesk::Cli {

/**
 * One cluster for one command: a ClusterClient whose asynchronous calls the commands wait for
 * (a command line has nothing else to do meanwhile), with failures turned into CliError lines.
 * Owner: CtlApp, created on first use. Thread: the main thread, whose event loop runs while a
 * call is waited for.
 */
class CtlSession
{
public:
    explicit CtlSession(Client::ClusterProfile profile, int requestTimeoutMs);

    Client::ClusterClient &client() { return m_client; }
    const Client::ClusterProfile &profile() const { return m_client.profile(); }
    QString url() const { return m_client.profile().restUrl.toString(); }

    /** Waits for the call and returns its reply, whatever it is. */
    static Client::RestReply wait(QFuture<Client::RestReply> call);
    /** Waits; throws CliError unless it succeeded. what names the operation in the message
     *  ("pause demo", "connector demo"). */
    Client::RestReply expect(QFuture<Client::RestReply> call, const QString &what);
    /** The CliError a failed reply means: unreachable (exit 3) or refused (exit 1). */
    CliError failure(const Client::RestReply &reply, const QString &what) const;

    /** `GET /` once, then cached. */
    const Client::ServerInfo &serverInfo();
    Client::ClusterFeatures features();
    /** Throws CliError naming the version that brought the feature when the cluster is older. */
    void require(bool supported, const QString &feature, const QString &since);

    /** Connector names, sorted. */
    QStringList connectorNames();
    /** The expanded listing (config and status of each connector). */
    QList<Client::ConnectorOverview> overview();
    /** Names matching a regular expression (QRegularExpression, anchored like Java's matches()). */
    QStringList connectorsMatching(const QString &pattern);

private:
    Client::ClusterClient m_client;
    std::optional<Client::ServerInfo> m_serverInfo;
};

} // namespace ConnectDesk::Cli
