// SPDX-License-Identifier: Apache-2.0
#include "clusterclient.h"

#include "tlsconfiguration.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QTimer>
#include <QUrlQuery>

namespace ConnectDesk::Client {

struct ClusterClient::Call
{
    QPromise<RestReply> promise;
    QByteArray method;
    QString pathAndQuery;
    QByteArray body;
    bool hasBody = false;
    int conflictRetries = 0;
};

ClusterClient::ClusterClient(ClusterProfile profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_network(new QNetworkAccessManager(this))
{
    // Keep-alive connections; Connect's REST server is HTTP/1.1.
    m_network->setAutoDeleteReplies(true);
}

ClusterClient::~ClusterClient() = default;

void ClusterClient::setConflictRetry(int attempts, int firstDelayMs)
{
    m_conflictAttempts = qMax(0, attempts);
    m_conflictFirstDelayMs = qMax(1, firstDelayMs);
}

QString ClusterClient::connectorPath(const QString &name, const QString &suffix)
{
    return QStringLiteral("/connectors/") + QString::fromLatin1(QUrl::toPercentEncoding(name)) + suffix;
}

QFuture<RestReply> ClusterClient::send(const QByteArray &method, const QString &pathAndQuery,
                                       const QJsonValue &body)
{
    auto call = std::make_shared<Call>();
    call->method = method;
    call->pathAndQuery = pathAndQuery;
    if (!body.isUndefined()) {
        call->hasBody = true;
        call->body = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    }
    call->promise.start();
    QFuture<RestReply> future = call->promise.future();
    start(call);
    return future;
}

void ClusterClient::start(const std::shared_ptr<Call> &call)
{
    QUrl url = m_profile.restUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const qsizetype query = call->pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(base + call->pathAndQuery.left(query), QUrl::TolerantMode);
    url.setQuery(query < 0 ? QString() : call->pathAndQuery.mid(query + 1));

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (call->hasBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (m_profile.hasBasicAuth()) {
        const QByteArray credentials = (m_profile.username + QLatin1Char(':') + m_profile.password).toUtf8();
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    }
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(tlsConfiguration(m_profile));
    request.setTransferTimeout(m_requestTimeoutMs);
    // Connect answers a plain PUT/POST with a body; no redirects are part of its API.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    QNetworkReply *reply = call->hasBody || call->method != "GET"
        ? m_network->sendCustomRequest(request, call->method, call->body)
        : m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, call] {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        RestReply answer;
        if (status.isValid()) {
            answer = RestReply::fromHttp(status.toInt(), reply->readAll(),
                                         reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        } else {
            answer = RestReply::fromNetworkError(reply->error() == QNetworkReply::OperationCanceledError
                                                     ? QStringLiteral("no answer within %1 ms").arg(m_requestTimeoutMs)
                                                     : reply->errorString());
        }
        finish(call, std::move(answer));
    });
}

void ClusterClient::finish(const std::shared_ptr<Call> &call, RestReply reply)
{
    if (reply.reachedServer() != m_reachable) {
        m_reachable = reply.reachedServer();
        emit reachabilityChanged(m_reachable, reply.error);
    }
    // 409: the cluster is rebalancing or another change is being applied; it passes. "Already
    // exists" is a 409 too, and final.
    const bool conflict = reply.status == 409 && !reply.error.contains(QLatin1String("already exists"));
    if (conflict && call->conflictRetries < m_conflictAttempts) {
        const int delayMs = m_conflictFirstDelayMs << call->conflictRetries;
        ++call->conflictRetries;
        QTimer::singleShot(delayMs, this, [this, call] { start(call); });
        return;
    }
    reply.conflictRetries = call->conflictRetries;
    call->promise.addResult(std::move(reply));
    call->promise.finish();
}

QFuture<RestReply> ClusterClient::serverInfo()
{
    return send("GET", QStringLiteral("/"));
}

QFuture<RestReply> ClusterClient::connectors()
{
    return send("GET", QStringLiteral("/connectors?expand=status&expand=info"));
}

QFuture<RestReply> ClusterClient::connectorInfo(const QString &name)
{
    return send("GET", connectorPath(name));
}

QFuture<RestReply> ClusterClient::connectorConfig(const QString &name)
{
    return send("GET", connectorPath(name, QStringLiteral("/config")));
}

QFuture<RestReply> ClusterClient::connectorStatus(const QString &name)
{
    return send("GET", connectorPath(name, QStringLiteral("/status")));
}

QFuture<RestReply> ClusterClient::connectorTasks(const QString &name)
{
    return send("GET", connectorPath(name, QStringLiteral("/tasks")));
}

QFuture<RestReply> ClusterClient::connectorTopics(const QString &name)
{
    return send("GET", connectorPath(name, QStringLiteral("/topics")));
}

QFuture<RestReply> ClusterClient::resetConnectorTopics(const QString &name)
{
    return send("PUT", connectorPath(name, QStringLiteral("/topics/reset")));
}

QFuture<RestReply> ClusterClient::createConnector(const QString &name, const QJsonObject &config,
                                                  const QString &initialState)
{
    QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("config"), config}};
    if (!initialState.isEmpty())
        body.insert(QStringLiteral("initial_state"), initialState);
    return send("POST", QStringLiteral("/connectors"), body);
}

QFuture<RestReply> ClusterClient::putConnectorConfig(const QString &name, const QJsonObject &config)
{
    return send("PUT", connectorPath(name, QStringLiteral("/config")), config);
}

QFuture<RestReply> ClusterClient::patchConnectorConfig(const QString &name, const QJsonObject &changes)
{
    return send("PATCH", connectorPath(name, QStringLiteral("/config")), changes);
}

QFuture<RestReply> ClusterClient::pauseConnector(const QString &name)
{
    return send("PUT", connectorPath(name, QStringLiteral("/pause")));
}

QFuture<RestReply> ClusterClient::resumeConnector(const QString &name)
{
    return send("PUT", connectorPath(name, QStringLiteral("/resume")));
}

QFuture<RestReply> ClusterClient::stopConnector(const QString &name)
{
    return send("PUT", connectorPath(name, QStringLiteral("/stop")));
}

QFuture<RestReply> ClusterClient::deleteConnector(const QString &name)
{
    return send("DELETE", connectorPath(name));
}

QFuture<RestReply> ClusterClient::restartConnector(const QString &name, bool includeTasks, bool onlyFailed)
{
    QUrlQuery query;
    if (includeTasks)
        query.addQueryItem(QStringLiteral("includeTasks"), QStringLiteral("true"));
    if (onlyFailed)
        query.addQueryItem(QStringLiteral("onlyFailed"), QStringLiteral("true"));
    const QString suffix = query.isEmpty() ? QString() : QLatin1Char('?') + query.toString();
    return send("POST", connectorPath(name, QStringLiteral("/restart") + suffix));
}

QFuture<RestReply> ClusterClient::restartTask(const QString &name, int task)
{
    return send("POST", connectorPath(name, QStringLiteral("/tasks/%1/restart").arg(task)));
}

QFuture<RestReply> ClusterClient::connectorOffsets(const QString &name)
{
    return send("GET", connectorPath(name, QStringLiteral("/offsets")));
}

QFuture<RestReply> ClusterClient::alterConnectorOffsets(const QString &name, const QJsonArray &offsets)
{
    return send("PATCH", connectorPath(name, QStringLiteral("/offsets")),
                QJsonObject{{QStringLiteral("offsets"), offsets}});
}

QFuture<RestReply> ClusterClient::resetConnectorOffsets(const QString &name)
{
    return send("DELETE", connectorPath(name, QStringLiteral("/offsets")));
}

QFuture<RestReply> ClusterClient::plugins(bool connectorsOnly)
{
    return send("GET", connectorsOnly ? QStringLiteral("/connector-plugins")
                                      : QStringLiteral("/connector-plugins?connectorsOnly=false"));
}

QFuture<RestReply> ClusterClient::pluginConfig(const QString &pluginClass)
{
    return send("GET", QStringLiteral("/connector-plugins/%1/config")
                           .arg(QString::fromLatin1(QUrl::toPercentEncoding(pluginClass))));
}

QFuture<RestReply> ClusterClient::validateConfig(const QString &pluginClass, const QJsonObject &config)
{
    return send("PUT",
                QStringLiteral("/connector-plugins/%1/config/validate")
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(pluginClass))),
                config);
}

QFuture<RestReply> ClusterClient::loggers()
{
    return send("GET", QStringLiteral("/admin/loggers"));
}

QFuture<RestReply> ClusterClient::setLoggerLevel(const QString &logger, const QString &level, bool clusterScope)
{
    QString path = QStringLiteral("/admin/loggers/") + QString::fromLatin1(QUrl::toPercentEncoding(logger));
    if (clusterScope)
        path += QStringLiteral("?scope=cluster");
    return send("PUT", path, QJsonObject{{QStringLiteral("level"), level}});
}

} // namespace ConnectDesk::Client
