// SPDX-License-Identifier: Apache-2.0
#include "clustersession.h"

namespace ConnectDesk::Ui {

ClusterSession::ClusterSession(Client::ClusterProfile profile, QObject *parent)
    : QObject(parent)
    , m_client(new Client::ClusterClient(std::move(profile), this))
{
    m_timer.setInterval(3000);
    connect(&m_timer, &QTimer::timeout, this, &ClusterSession::refresh);
    m_timer.start();
}

const Client::ConnectorOverview *ClusterSession::connector(const QString &name) const
{
    for (const Client::ConnectorOverview &overview : m_connectors) {
        if (overview.name == name)
            return &overview;
    }
    return nullptr;
}

QStringList ClusterSession::workers() const
{
    QStringList ids;
    auto add = [&](const QString &id) {
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    };
    for (const Client::ConnectorOverview &overview : m_connectors) {
        add(overview.status.workerId);
        for (const Client::TaskStatus &task : overview.status.tasks)
            add(task.workerId);
    }
    ids.sort();
    return ids;
}

void ClusterSession::setRefreshIntervalMs(int intervalMs)
{
    if (intervalMs <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(intervalMs);
}

void ClusterSession::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    if (!hasServerInfo()) {
        m_client->serverInfo().then(this, [this](const Client::RestReply &reply) {
            if (!reply.ok()) {
                m_refreshing = false;
                setError(reply.describe());
                return;
            }
            m_serverInfo = Client::ServerInfo::fromJson(reply.object());
            m_features = Client::ClusterFeatures::forVersion(m_serverInfo.version);
            emit serverInfoChanged();
            m_client->connectors().then(this, [this](const Client::RestReply &listing) { applyListing(listing); });
        });
        return;
    }
    m_client->connectors().then(this, [this](const Client::RestReply &reply) { applyListing(reply); });
}

void ClusterSession::applyListing(const Client::RestReply &reply)
{
    m_refreshing = false;
    if (!reply.ok()) {
        setError(reply.describe());
        return;
    }
    m_connectors = Client::ConnectorOverview::listFromJson(reply.object());
    m_lastRefresh = QDateTime::currentDateTime();
    const bool changed = !m_reachable || !m_lastError.isEmpty();
    m_reachable = true;
    m_lastError.clear();
    if (changed)
        emit stateChanged();
    emit connectorsChanged();
}

void ClusterSession::setError(const QString &error)
{
    const bool reachable = false;
    if (reachable == m_reachable && error == m_lastError)
        return;
    m_reachable = reachable;
    m_lastError = error;
    emit stateChanged();
}

} // namespace ConnectDesk::Ui
