// SPDX-License-Identifier: Apache-2.0
#include "restclient.h"

#include <QBuffer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

namespace ConnectDesk::TestSupport {

QByteArray RestReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

QString RestReply::describe() const
{
    if (status == 0)
        return QStringLiteral("no HTTP answer: %1").arg(networkError);
    return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body.left(2000)));
}

RestClient::RestClient(QUrl base)
    : m_base(std::move(base))
{}

RestReply RestClient::request(const QByteArray &method, const QString &path, const QByteArray &body, int timeoutMs)
{
    QUrl url(m_base.toString(QUrl::StripTrailingSlash) + path, QUrl::StrictMode);
    QNetworkRequest request(url);
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QBuffer *buffer = nullptr;
    if (!body.isNull()) {
        buffer = new QBuffer;
        buffer->setData(body);
    }
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, buffer);
    if (buffer)
        buffer->setParent(reply);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    RestReply result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QStringLiteral("timed out");
    } else {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            result.headers.append(pair);
        if (result.status == 0)
            result.networkError = reply->errorString();
    }
    reply->deleteLater();
    return result;
}

} // namespace ConnectDesk::TestSupport
