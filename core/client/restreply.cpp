// SPDX-License-Identifier: Apache-2.0
#include "restreply.h"

#include <QJsonDocument>

namespace ConnectDesk::Client {

QString RestReply::describe() const
{
    if (ok())
        return QStringLiteral("%1").arg(status);
    if (!reachedServer())
        return QStringLiteral("no answer: %1").arg(error);
    return error.isEmpty() ? QString::number(status) : QStringLiteral("%1: %2").arg(status).arg(error);
}

RestReply RestReply::fromHttp(int status, const QByteArray &body, const QString &reason)
{
    RestReply reply;
    reply.status = status;
    reply.body = body;
    if (!body.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error == QJsonParseError::NoError)
            reply.json = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    if (!reply.ok()) {
        // Connect's error body is {"error_code":N,"message":"..."}; proxies answer with HTML.
        reply.error = reply.json.toObject().value(QLatin1String("message")).toString();
        if (reply.error.isEmpty())
            reply.error = reason.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : reason;
    }
    return reply;
}

RestReply RestReply::fromNetworkError(const QString &error)
{
    RestReply reply;
    reply.error = error;
    return reply;
}

} // namespace ConnectDesk::Client
