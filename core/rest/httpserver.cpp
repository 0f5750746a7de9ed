// SPDX-License-Identifier: Apache-2.0
#include "httpserver.h"

#include "connectionguard_p.h"
#include "httpserver_p.h"
#include "httptls_p.h"
#include "logging.h"
#include "responsewriter_p.h"

#include <QtHttpServer/QHttpServerRequest>

#include <QHostAddress>
#include <QHostInfo>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <exception>

namespace ConnectDesk::Rest {

namespace Internal {

namespace {

Util::Error makeError(HttpErrorCode code, const QString &message)
{
    return Util::Error{message, int(code)};
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return QByteArray();
    }
}

struct Listener
{
    QString text;
    QString scheme;
    QString host;
    QHostAddress address;
    quint16 port = 0;
};

Util::Result<Listener> parseListener(const QString &text)
{
    // RestServer.LISTENER_PATTERN, matched as a whole.
    static const QRegularExpression pattern(
        QStringLiteral("^(.*)://\\[?([0-9a-zA-Z\\-%._:]*)\\]?:(-?[0-9]+)$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return makeError(HttpErrorCode::InvalidListener,
                         QStringLiteral("Listener doesn't have the right format "
                                        "(protocol://hostname:port)."));
    }
    Listener listener;
    listener.text = text.trimmed();
    listener.scheme = match.captured(1).toLower();
    if (listener.scheme != QLatin1String("http") && listener.scheme != QLatin1String("https")) {
        return makeError(HttpErrorCode::InvalidListener,
                         QStringLiteral("Listener protocol must be either \"http\" or \"https\"."));
    }
    bool ok = false;
    const int port = match.captured(3).toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        return makeError(HttpErrorCode::InvalidListener,
                         QStringLiteral("Invalid port in listener %1").arg(listener.text));
    }
    listener.port = quint16(port);
    listener.host = match.captured(2);

    if (listener.host.isEmpty()) {
        listener.address = QHostAddress(QHostAddress::Any);
    } else if (listener.host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        listener.address = QHostAddress(QHostAddress::LocalHost);
    } else if (!listener.address.setAddress(listener.host)) {
        const QHostInfo info = QHostInfo::fromName(listener.host);
        const QList<QHostAddress> addresses = info.addresses();
        if (addresses.isEmpty()) {
            return makeError(HttpErrorCode::InvalidListener,
                             QStringLiteral("Cannot resolve the host of listener %1: %2")
                                 .arg(listener.text, info.errorString()));
        }
        listener.address = addresses.first();
        for (const QHostAddress &address : addresses) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol) {
                listener.address = address;
                break;
            }
        }
    }
    return listener;
}

/** A QTcpServer that lets us see each socket before QtHttpServer does. */
class GuardedTcpServer final : public QTcpServer
{
public:
    GuardedTcpServer(std::function<void(QTcpSocket *)> onSocket, QObject *parent)
        : QTcpServer(parent)
        , m_onSocket(std::move(onSocket))
    {}

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        m_onSocket(socket);
        addPendingConnection(socket);
    }

private:
    std::function<void(QTcpSocket *)> m_onSocket;
};

} // namespace

HttpServerPrivate::~HttpServerPrivate()
{
    // Connections (and their guards, which unregister themselves here) go first.
    delete backend;
    backend = nullptr;
}

void HttpServerPrivate::installGuard(QTcpSocket *socket)
{
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *guard = new ConnectionGuard(socket, this);
    guards.insert(socket, guard);
    QObject::connect(guard, &QObject::destroyed, backend, [this, socket] { guards.remove(socket); });
}

Util::Error HttpServerPrivate::listen()
{
    close();

    QList<Listener> listeners;
    if (options.listeners.isEmpty()) {
        return makeError(HttpErrorCode::InvalidListener,
                         QStringLiteral(
                             "Invalid value for listeners, at least one URL is "
                             "expected, ex: http://localhost:8080,https://localhost:8443."));
    }
    bool needsTls = false;
    for (const QString &text : options.listeners) {
        auto listener = parseListener(text);
        if (!listener)
            return listener.error();
        needsTls = needsTls || listener->scheme == QLatin1String("https");
        listeners.append(listener.takeValue());
    }

    auto rules = parseHeaderRules(options.responseHttpHeaders);
    if (!rules)
        return rules.error();
    headerRules = rules.takeValue();
    cors = Cors::fromOptions(options);

    auth.reset();
    if (!options.basicAuthUsersFile.isEmpty()) {
        auto loaded = BasicAuth::load(options.basicAuthUsersFile);
        if (!loaded)
            return loaded.error();
        auth = loaded.takeValue();
        if (auth->isEmpty())
            qCWarning(lcRest).noquote() << "The users file" << options.basicAuthUsersFile
                                        << "lists no user: every request will get 401";
    }

    QSslConfiguration tls;
    if (needsTls) {
        auto configuration = tlsConfiguration(options.https);
        if (!configuration)
            return configuration.error();
        tls = configuration.takeValue();
    }

    QList<QTcpServer *> servers;
    for (const Listener &listener : std::as_const(listeners)) {
        QTcpServer *server = nullptr;
        if (listener.scheme == QLatin1String("https")) {
            auto *sslServer = new QSslServer(backend);
            sslServer->setSslConfiguration(tls);
            QObject::connect(sslServer,
                             &QSslServer::startedEncryptionHandshake,
                             backend,
                             [this](QSslSocket *socket) { installGuard(socket); });
            QObject::connect(sslServer,
                             &QSslServer::errorOccurred,
                             backend,
                             [](QSslSocket *socket, QAbstractSocket::SocketError) {
                                 qCDebug(lcRest).noquote()
                                     << "TLS connection failed:" << socket->errorString();
                             });
            QObject::connect(sslServer,
                             &QSslServer::sslErrors,
                             backend,
                             [](QSslSocket *, const QList<QSslError> &errors) {
                                 for (const QSslError &error : errors)
                                     qCDebug(lcRest).noquote()
                                         << "TLS error:" << error.errorString();
                             });
            server = sslServer;
        } else {
            server = new GuardedTcpServer([this](QTcpSocket *socket) { installGuard(socket); },
                                          backend);
        }
        if (!server->listen(listener.address, listener.port)) {
            const QString reason = server->errorString();
            delete server;
            qDeleteAll(servers);
            return makeError(HttpErrorCode::Bind,
                             QStringLiteral("Could not listen on %1: %2").arg(listener.text, reason));
        }
        servers.append(server);
    }

    for (qsizetype i = 0; i < servers.size(); ++i) {
        backend->bind(servers.at(i));
        QUrl url;
        url.setScheme(listeners.at(i).scheme);
        url.setHost(listeners.at(i).host.isEmpty() ? QStringLiteral("0.0.0.0")
                                                   : listeners.at(i).host);
        url.setPort(servers.at(i)->serverPort());
        urls.append(url);
    }
    QStringList shown;
    for (const QUrl &url : std::as_const(urls))
        shown.append(url.toString());
    qCInfo(lcRest).noquote() << "REST server listening on"
                             << shown.join(QLatin1String(", "))
                                    + (auth ? QStringLiteral(" (basic auth)") : QString());
    return {};
}

void HttpServerPrivate::close()
{
    // Connections are children of their listening server: they go with it.
    const QList<QTcpServer *> servers = backend->servers();
    for (QTcpServer *server : servers) {
        server->close();
        delete server;
    }
    urls.clear();
}

HttpResponse HttpServerPrivate::respond(HttpRequest &request)
{
    HttpResponse response;
    bool answered = false;
    if (request.body.size() > options.maxBodyBytes) {
        response = HttpResponse::error(413, bodyTooLargeMessage());
        answered = true;
    }
    if (!answered && auth && !isPreflight(request)
        && !(options.authExempt && options.authExempt(request))) {
        const QString user = auth->authenticate(request.header("Authorization"));
        if (user.isEmpty()) {
            // JaasBasicAuthFilter's text, in Connect's error body.
            response = HttpResponse::error(401, QStringLiteral("User cannot access the resource."));
            response.setHeader("WWW-Authenticate", "Basic realm=\"connectdesk\"");
            answered = true;
        } else {
            request.user = user;
        }
    }
    if (!answered) {
        try {
            response = handler(request);
        } catch (const std::exception &e) {
            response = HttpResponse::error(500, QString::fromUtf8(e.what()));
        } catch (...) {
            response = HttpResponse::error(500, QStringLiteral("Unknown error"));
        }
    }
    finish(request, response);
    return response;
}

void HttpServerPrivate::finish(const HttpRequest &request, HttpResponse &response) const
{
    cors.apply(request, response);
    applyHeaderRules(headerRules, response);
    if (response.status >= 400) {
        if (request.method.isEmpty())
            qCDebug(lcRest).noquote() << "(unparsed request) ->" << response.status;
        else
            qCDebug(lcRest).noquote() << request.method << request.path << "->" << response.status;
    }
}

bool Backend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGuard *guard = m_server->guardOf(socket);
    if (guard && guard->isClosing())
        return true; // pipelined after a close or a refusal: nobody reads the answer

    HttpRequest httpRequest;
    httpRequest.method = methodName(request.method());
    if (httpRequest.method.isEmpty())
        httpRequest.method = guard && !guard->method().isEmpty() ? guard->method() : "UNKNOWN";
    const QUrl url = request.url();
    httpRequest.setTarget(url.path(QUrl::FullyEncoded).toLatin1(),
                          url.query(QUrl::FullyEncoded).toLatin1());
    httpRequest.headers = request.headers();
    httpRequest.body = request.body();

    const QByteArray connection = request.value("Connection").toLower();
    const bool http10 = guard && guard->isHttp10();
    const bool close = connection.contains("close")
                       || (http10 && !connection.contains("keep-alive"));

    HttpResponse response;
    {
        // If the handler spins an event loop while it waits, this connection must not parse
        // (and answer) a pipelined request meanwhile: QtHttpServer re-reads what is buffered
        // once we return.
        const QSignalBlocker blocker(socket);
        if (guard)
            guard->handling();
        response = m_server->respond(httpRequest);
    }

    const ConnectionHeader header = close    ? ConnectionHeader::Close
                                    : http10 ? ConnectionHeader::KeepAlive
                                             : ConnectionHeader::None;
    if (socket->state() != QAbstractSocket::ConnectedState) {
        // The client left while the handler ran (possible when it spins an event loop).
        return true;
    }
    writeResponse(socket, response, httpRequest.method == "HEAD", header);
    if (guard)
        guard->responded(close);
    else if (close)
        socket->disconnectFromHost();
    return true;
}

void Backend::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() answers everything; QtHttpServer only comes here for WebSocket upgrades
    // it could not hand over, after our answer was written, and then closes the socket.
}

} // namespace Internal

HttpServer::HttpServer(HttpServerOptions options, Handler handler, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Internal::HttpServerPrivate>(std::move(options), std::move(handler)))
{
    Q_ASSERT(d->handler);
    // A child, so that moveToThread() takes the sockets along; ~HttpServerPrivate deletes it
    // before the rest of the private state goes.
    d->backend = new Internal::Backend(d.get(), this);
}

HttpServer::~HttpServer() = default;

Util::Error HttpServer::listen()
{
    return d->listen();
}

void HttpServer::close()
{
    d->close();
}

bool HttpServer::isListening() const
{
    return !d->urls.isEmpty();
}

QList<QUrl> HttpServer::boundUrls() const
{
    return d->urls;
}

const HttpServerOptions &HttpServer::options() const
{
    return d->options;
}

} // namespace ConnectDesk::Rest
