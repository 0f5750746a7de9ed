// SPDX-License-Identifier: Apache-2.0
#include "cors_p.h"

#include "httpserver.h"

namespace ConnectDesk::Rest::Internal {

Cors Cors::fromOptions(const HttpServerOptions &options)
{
    Cors cors;
    if (options.accessControlAllowOrigin.trimmed().isEmpty())
        return cors;
    cors.enabled = true;
    for (const QString &entry : options.accessControlAllowOrigin.split(QLatin1Char(','))) {
        const QString origin = entry.trimmed();
        if (origin.isEmpty())
            continue;
        if (origin == QLatin1String("*")) {
            cors.anyOrigin = true;
            cors.origins.clear();
            cors.originPatterns.clear();
            break;
        }
        if (origin.contains(QLatin1Char('*'))) {
            QString regex = origin;
            regex.replace(QLatin1Char('.'), QLatin1String("\\."));
            regex.replace(QLatin1Char('*'), QLatin1String(".*"));
            cors.originPatterns.append(
                QRegularExpression(QRegularExpression::anchoredPattern(regex)));
        } else {
            cors.origins.append(origin);
        }
    }
    const QString methods = options.accessControlAllowMethods.trimmed().isEmpty()
                                ? QStringLiteral("GET,POST,HEAD")
                                : options.accessControlAllowMethods;
    for (const QString &method : methods.split(QLatin1Char(','))) {
        if (!method.trimmed().isEmpty())
            cors.methods.append(method.trimmed());
    }
    return cors;
}

bool Cors::originMatches(const QString &originList) const
{
    if (anyOrigin)
        return true;
    for (const QString &origin : originList.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (origins.contains(origin))
            return true;
        for (const QRegularExpression &pattern : originPatterns) {
            if (pattern.match(origin).hasMatch())
                return true;
        }
    }
    return false;
}

void Cors::apply(const HttpRequest &request, HttpResponse &response) const
{
    if (!enabled || !request.hasHeader("Origin"))
        return;
    const QByteArray origin = request.header("Origin");
    // Jetty leaves WebSocket upgrades alone.
    if (request.header("Connection").toLower().contains("upgrade")
        && request.header("Upgrade").toLower().contains("websocket")) {
        return;
    }
    if (QString::fromLatin1(origin).trimmed().isEmpty()
        || !originMatches(QString::fromLatin1(origin))) {
        return;
    }
    // Simple (GET, POST, HEAD without Access-Control-Request-Method), preflight (OPTIONS
    // with it) or neither, which Jetty answers like a simple one.
    if (request.method == "OPTIONS" && request.hasHeader("Access-Control-Request-Method")) {
        applyPreflight(request, response, origin);
        return;
    }
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.addHeader("Vary", "Origin");
    response.setHeader("Access-Control-Allow-Credentials", "true");
}

void Cors::applyPreflight(const HttpRequest &request,
                          HttpResponse &response,
                          const QByteArray &origin) const
{
    const QString method = QString::fromLatin1(request.header("Access-Control-Request-Method"));
    if (!methods.contains(method))
        return;
    const QString requested = QString::fromLatin1(
        request.header("Access-Control-Request-Headers"));
    for (const QString &header : requested.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (header.trimmed().isEmpty())
            continue;
        if (!allowedHeaders.contains(header.trimmed(), Qt::CaseInsensitive))
            return;
    }
    response.setHeader("Access-Control-Allow-Origin", origin);
    if (!anyOrigin)
        response.addHeader("Vary", "Origin");
    response.setHeader("Access-Control-Allow-Credentials", "true");
    response.setHeader("Access-Control-Max-Age", "1800");
    response.setHeader("Access-Control-Allow-Methods",
                       methods.join(QLatin1Char(',')).toLatin1());
    response.setHeader("Access-Control-Allow-Headers",
                       allowedHeaders.join(QLatin1Char(',')).toLatin1());
}

bool isPreflight(const HttpRequest &request)
{
    return request.method == "OPTIONS" && request.hasHeader("Origin")
           && request.hasHeader("Access-Control-Request-Method");
}

} // namespace ConnectDesk::Rest::Internal
