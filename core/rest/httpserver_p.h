// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to HttpServer: its state, shared with ConnectionGuard (connectionguard_p.h).

#include "basicauth.h"
#include "cors_p.h"
#include "headerrules_p.h"
#include "httpserver.h"

#include <QtHttpServer/QAbstractHttpServer>

#include <QHash>
#include <QList>
#include <QUrl>

#include <optional>

class QHttpServerRequest;
class QTcpSocket;

namespace ConnectDesk::Rest::Internal {

class ConnectionGuard;
class HttpServerPrivate;

/** QAbstractHttpServer with every request answered by HttpServerPrivate. */
class Backend final : public QAbstractHttpServer
{
public:
    Backend(HttpServerPrivate *server, QObject *parent)
        : QAbstractHttpServer(parent)
        , m_server(server)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpServerPrivate *m_server;
};

/** HttpServer's state. Owned by HttpServer and used on its thread only; owns the Backend and,
 *  through it, the listening sockets and their connections. */
class HttpServerPrivate
{
public:
    HttpServerPrivate(HttpServerOptions options, HttpServer::Handler handler)
        : options(std::move(options))
        , handler(std::move(handler))
    {}
    ~HttpServerPrivate();

    Util::Error listen();
    void close();
    void installGuard(QTcpSocket *socket);
    ConnectionGuard *guardOf(QTcpSocket *socket) const { return guards.value(socket); }

    /** Limits, auth, handler, then finish(). */
    HttpResponse respond(HttpRequest &request);
    /** CORS and header rules, on every response; logs failures at debug level. */
    void finish(const HttpRequest &request, HttpResponse &response) const;
    QString bodyTooLargeMessage() const
    {
        return QStringLiteral("Request body is larger than %1 bytes").arg(options.maxBodyBytes);
    }

    HttpServerOptions options;
    HttpServer::Handler handler;
    Backend *backend = nullptr;
    std::optional<BasicAuth> auth;
    Cors cors;
    QList<HeaderRule> headerRules;
    QList<QUrl> urls;
    QHash<QTcpSocket *, ConnectionGuard *> guards;
};

} // namespace ConnectDesk::Rest::Internal
