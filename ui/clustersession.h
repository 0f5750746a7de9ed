// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/clusterclient.h"
#include "core/client/clusterfeatures.h"
#include "core/client/entities.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace ConnectDesk::Ui {

/**
 * The console's live view of one cluster: its client, what `GET /` said (version, features),
 * and the connector listing refreshed in the background. Views read it and listen to its
 * signals; actions go through client() and end with refresh().
 *
 * Owner: the main window. Thread: the GUI thread; it never waits (every call is asynchronous,
 * and a refresh still running is not started again).
 */
class ClusterSession : public QObject
{
    Q_OBJECT

public:
    explicit ClusterSession(Client::ClusterProfile profile, QObject *parent = nullptr);

    Client::ClusterClient *client() const { return m_client; }
    const Client::ClusterProfile &profile() const { return m_client->profile(); }
    const Client::ServerInfo &serverInfo() const { return m_serverInfo; }
    const Client::ClusterFeatures &features() const { return m_features; }
    /** Sorted by name. */
    const QList<Client::ConnectorOverview> &connectors() const { return m_connectors; }
    const Client::ConnectorOverview *connector(const QString &name) const;
    /** Every worker id seen in the statuses. */
    QStringList workers() const;

    bool hasServerInfo() const { return !m_serverInfo.version.isEmpty(); }
    bool isReachable() const { return m_reachable; }
    QString lastError() const { return m_lastError; }
    QDateTime lastRefresh() const { return m_lastRefresh; }
    /** 0 stops the background refresh. Default 3000 ms. */
    void setRefreshIntervalMs(int intervalMs);

public slots:
    /** Asks for `GET /` (until it answered once) and the connector listing. */
    void refresh();

signals:
    void serverInfoChanged();
    void connectorsChanged();
    /** Reachability or the last error changed. */
    void stateChanged();

private:
    void applyListing(const Client::RestReply &reply);
    void setError(const QString &error);

    Client::ClusterClient *m_client;
    QTimer m_timer;
    Client::ServerInfo m_serverInfo;
    Client::ClusterFeatures m_features;
    QList<Client::ConnectorOverview> m_connectors;
    QDateTime m_lastRefresh;
    QString m_lastError;
    bool m_reachable = false;
    bool m_refreshing = false;
};

} // namespace ConnectDesk::Ui
