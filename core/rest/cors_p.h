// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to HttpServer: the CORS headers of `access.control.allow.origin` and
// `access.control.allow.methods`.

#include "httptypes.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace ConnectDesk::Rest {

struct HttpServerOptions;

namespace Internal {

/** Jetty's CrossOriginFilter with Connect's parameters: allowedOrigins and allowedMethods from
 *  the options, every other parameter at Jetty's default (allowedHeaders
 *  X-Requested-With,Content-Type,Accept,Origin; preflightMaxAge 1800; allowCredentials true;
 *  no exposed headers; chainPreflight true, so preflights still reach the handler). */
struct Cors
{
    bool enabled = false;
    bool anyOrigin = false;
    QStringList origins;
    QList<QRegularExpression> originPatterns;
    QStringList methods;
    QStringList allowedHeaders{QStringLiteral("X-Requested-With"),
                               QStringLiteral("Content-Type"),
                               QStringLiteral("Accept"),
                               QStringLiteral("Origin")};

    static Cors fromOptions(const HttpServerOptions &options);

    bool originMatches(const QString &originList) const;
    void apply(const HttpRequest &request, HttpResponse &response) const;
    void applyPreflight(const HttpRequest &request,
                        HttpResponse &response,
                        const QByteArray &origin) const;
};

/** OPTIONS with Origin and Access-Control-Request-Method: a CORS preflight, which basic auth
 *  never refuses (browsers send no credentials with it). */
bool isPreflight(const HttpRequest &request);

} // namespace Internal

} // namespace ConnectDesk::Rest
