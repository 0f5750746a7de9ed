// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

namespace ConnectDesk::TestSupport {

/** One HTTP answer, as a test looks at it. */
struct RestReply
{
    /** 0 when the request failed below HTTP (connection refused, timeout). */
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QByteArray header(const QByteArray &name) const;
    /** "GET /x → 404 {...}" for failure messages. */
    QString describe() const;
};

/**
 * A synchronous REST client for tests (runs a local event loop per request; independent of the
 * product's client code). Thread: the test's.
 */
class RestClient
{
public:
    explicit RestClient(QUrl base = {});
    void setBase(const QUrl &base) { m_base = base; }
    const QUrl &base() const { return m_base; }

    /** path may carry a query ("/connectors?expand=status"); it is sent as given (already
     *  percent-encoded where needed). JSON content type when body is not null. */
    RestReply request(const QByteArray &method, const QString &path, const QByteArray &body = QByteArray(),
                      int timeoutMs = 120000);
    RestReply get(const QString &path) { return request("GET", path); }
    RestReply post(const QString &path, const QByteArray &body) { return request("POST", path, body); }
    RestReply put(const QString &path, const QByteArray &body = QByteArray()) { return request("PUT", path, body); }

private:
    QUrl m_base;
    QNetworkAccessManager m_manager;
    QString m_lastRequest;
};

} // namespace ConnectDesk::TestSupport
