// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clusterprofile.h"
#include "restreply.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace ConnectDesk::Client {

/**
 * A client of the Kafka Connect REST API, for one cluster: ConnectDesk's own worker (embedded or
 * not) or any Apache Kafka Connect cluster. Every call is asynchronous and returns a QFuture that
 * always finishes with a RestReply, errors included (never an exception); continue it with
 * `.then(context, ...)` to get the answer on the context's thread.
 *
 * A 409 answer (a rebalance or a concurrent config change on the cluster) is retried with a
 * growing delay, except "already exists". Basic auth is sent with every request; TLS uses the
 * profile's CA and client certificate.
 *
 * Thread: the thread that owns it (the GUI thread in the desktop console); the network work is
 * QNetworkAccessManager's, so that thread never waits.
 */
class ClusterClient : public QObject
{
    Q_OBJECT

public:
    explicit ClusterClient(ClusterProfile profile, QObject *parent = nullptr);
    ~ClusterClient() override;

    const ClusterProfile &profile() const { return m_profile; }
    /** A request that has not answered in this time fails with "no answer". Default 15 s. */
    void setRequestTimeoutMs(int timeoutMs) { m_requestTimeoutMs = timeoutMs; }
    /** How often and how soon a 409 is retried (default 5 times from 250 ms, doubling). */
    void setConflictRetry(int attempts, int firstDelayMs);

    /** Any call: method GET/POST/PUT/PATCH/DELETE, a path with its query, an optional JSON body. */
    QFuture<RestReply> send(const QByteArray &method, const QString &pathAndQuery,
                            const QJsonValue &body = QJsonValue(QJsonValue::Undefined));

    /** `GET /`: version, commit, kafka_cluster_id. */
    QFuture<RestReply> serverInfo();
    /** `GET /connectors?expand=status&expand=info`: every connector with config and status. */
    QFuture<RestReply> connectors();
    QFuture<RestReply> connectorInfo(const QString &name);
    QFuture<RestReply> connectorConfig(const QString &name);
    QFuture<RestReply> connectorStatus(const QString &name);
    QFuture<RestReply> connectorTasks(const QString &name);
    QFuture<RestReply> connectorTopics(const QString &name);
    QFuture<RestReply> resetConnectorTopics(const QString &name);
    /** `POST /connectors`; initialState RUNNING, PAUSED or STOPPED (Kafka 3.7+), empty = omitted. */
    QFuture<RestReply> createConnector(const QString &name, const QJsonObject &config,
                                       const QString &initialState = {});
    QFuture<RestReply> putConnectorConfig(const QString &name, const QJsonObject &config);
    /** `PATCH /connectors/{c}/config` (3.8+): null values remove keys. */
    QFuture<RestReply> patchConnectorConfig(const QString &name, const QJsonObject &changes);
    QFuture<RestReply> pauseConnector(const QString &name);
    QFuture<RestReply> resumeConnector(const QString &name);
    QFuture<RestReply> stopConnector(const QString &name);
    QFuture<RestReply> deleteConnector(const QString &name);
    QFuture<RestReply> restartConnector(const QString &name, bool includeTasks = false, bool onlyFailed = false);
    QFuture<RestReply> restartTask(const QString &name, int task);
    QFuture<RestReply> connectorOffsets(const QString &name);
    /** `PATCH /connectors/{c}/offsets` with `{"offsets": offsets}`. */
    QFuture<RestReply> alterConnectorOffsets(const QString &name, const QJsonArray &offsets);
    QFuture<RestReply> resetConnectorOffsets(const QString &name);
    QFuture<RestReply> plugins(bool connectorsOnly = true);
    QFuture<RestReply> pluginConfig(const QString &pluginClass);
    /** `PUT /connector-plugins/{class}/config/validate`. */
    QFuture<RestReply> validateConfig(const QString &pluginClass, const QJsonObject &config);
    QFuture<RestReply> loggers();
    /** `PUT /admin/loggers/{logger}` (with `?scope=cluster` when asked, 3.7+). */
    QFuture<RestReply> setLoggerLevel(const QString &logger, const QString &level, bool clusterScope = false);

    /** "/connectors/<name>" with the name percent-encoded. */
    static QString connectorPath(const QString &name, const QString &suffix = {});

signals:
    /** After each answer, when it differs from the previous one: whether the cluster answered. */
    void reachabilityChanged(bool reachable, const QString &error);

private:
    struct Call;
    void start(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, RestReply reply);

    ClusterProfile m_profile;
    QNetworkAccessManager *m_network = nullptr;
    int m_requestTimeoutMs = 15000;
    int m_conflictAttempts = 5;
    int m_conflictFirstDelayMs = 250;
    bool m_reachable = true;
};

} // namespace ConnectDesk::Client
