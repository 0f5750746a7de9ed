// SPDX-License-Identifier: Apache-2.0
#include "httpserver.h"

#include "basicauth.h"
#include "logging.h"

#include <QtHttpServer/QAbstractHttpServer>
#include <QtHttpServer/QHttpServerRequest>

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QHostInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <exception>
#include <optional>

namespace ConnectDesk::Rest {

namespace Internal {

namespace {

/** After refusing a request we keep reading (and dropping) what the client still sends for at
 *  most this long or this much, so that it reads our answer instead of a connection reset. */
constexpr int LingerMs = 2000;
constexpr qint64 LingerMaxBytes = 8 * 1024 * 1024;

Util::Error makeError(HttpErrorCode code, const QString &message)
{
    return Util::Error{message, int(code)};
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

/** Header names and values go out verbatim; CR and LF would let a value start a new header. */
QByteArray headerSafe(QByteArray text)
{
    text.replace('\r', ' ');
    text.replace('\n', ' ');
    return text;
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

enum class ConnectionHeader { None, Close, KeepAlive };

/** Writes a whole response in one go. `head`: headers as for GET, no body. */
void writeResponse(QTcpSocket *socket,
                   const HttpResponse &response,
                   bool head,
                   ConnectionHeader connection)
{
    const int status = response.status;
    const bool bodyForbidden = status < 200 || status == 204 || status == 304;
    qint64 length = response.body.size();
    const QByteArray explicitLength = response.header("Content-Length");
    if (head && !explicitLength.isNull())
        length = explicitLength.trimmed().toLongLong();

    // A large body is handed to the socket on its own (one copy less: GET /connectors with a
    // thousand connectors is about 200 KiB); a small one goes in the same write as the head.
    const bool withBody = !head && !bodyForbidden;
    const bool separateBody = withBody && response.body.size() > 16 * 1024;
    QByteArray out;
    out.reserve(256 + (withBody && !separateBody ? response.body.size() : 0));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!bodyForbidden && length > 0 && !response.contentType.isEmpty()
        && !response.hasHeader("Content-Type")) {
        out += "Content-Type: " + headerSafe(response.contentType) + "\r\n";
    }
    if (!bodyForbidden)
        out += "Content-Length: " + QByteArray::number(length) + "\r\n";
    for (const auto &header : response.headers) {
        if (header.first.compare("Content-Length", Qt::CaseInsensitive) == 0
            || header.first.compare("Connection", Qt::CaseInsensitive) == 0) {
            continue;
        }
        out += headerSafe(header.first) + ": " + headerSafe(header.second) + "\r\n";
    }
    if (!response.hasHeader("Date"))
        out += "Date: " + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    if (connection == ConnectionHeader::Close)
        out += "Connection: close\r\n";
    else if (connection == ConnectionHeader::KeepAlive)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (withBody && !separateBody)
        out += response.body;
    socket->write(out);
    if (separateBody)
        socket->write(response.body);
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

struct HeaderRule
{
    bool add = false;
    bool date = false;
    QByteArray name;
    QByteArray value;
    qint64 offsetMs = 0;
};

/** Kafka's RestServerConfig.validateHttpResponseHeaderConfig, then Jetty's HeaderFilter. */
Util::Result<QList<HeaderRule>> parseHeaderRules(const QString &config)
{
    QList<HeaderRule> rules;
    if (config.trimmed().isEmpty())
        return rules;
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    const QStringList actions{QStringLiteral("set"),
                              QStringLiteral("add"),
                              QStringLiteral("setDate"),
                              QStringLiteral("addDate")};
    for (const QString &entry : config.split(QLatin1Char(','))) {
        const QString item = entry.trimmed();
        const QStringList tokens = item.split(blanks);
        if (tokens.size() < 2) {
            return makeError(HttpErrorCode::InvalidOption,
                             QStringLiteral("Invalid format of header config '%1'. Expected: "
                                            "'[action] [header name]:[header value]'")
                                 .arg(item));
        }
        const QString action = tokens.first();
        const auto known = std::find_if(actions.cbegin(), actions.cend(), [&](const QString &a) {
            return a.compare(action, Qt::CaseInsensitive) == 0;
        });
        if (known == actions.cend()) {
            return makeError(HttpErrorCode::InvalidOption,
                             QStringLiteral("Invalid header config action: '%1'. Expected one "
                                            "of [set, add, setDate, addDate]")
                                 .arg(action));
        }
        const QString pair = item.mid(item.indexOf(blanks, action.size())).trimmed();
        QStringList parts = pair.split(QLatin1Char(':'));
        while (parts.size() > 1 && parts.last().isEmpty())
            parts.removeLast(); // Java's split drops trailing empty strings
        if (parts.size() != 2) {
            return makeError(HttpErrorCode::InvalidOption,
                             QStringLiteral("Invalid format of header name and header value "
                                            "pair '%1'. Expected: '[header name]:[header value]'")
                                 .arg(pair));
        }
        const QString name = parts.at(0).trimmed();
        if (name.isEmpty() || name.contains(blanks)) {
            return makeError(HttpErrorCode::InvalidOption,
                             QStringLiteral("Invalid header name '%1'. The '[header name]' cannot "
                                            "contain whitespace")
                                 .arg(name));
        }
        HeaderRule rule;
        rule.add = known->startsWith(QLatin1String("add"));
        rule.date = known->endsWith(QLatin1String("Date"));
        rule.name = name.toLatin1();
        rule.value = parts.at(1).trimmed().toUtf8();
        if (rule.date) {
            bool ok = false;
            rule.offsetMs = parts.at(1).trimmed().toLongLong(&ok);
            if (!ok) {
                return makeError(HttpErrorCode::InvalidOption,
                                 QStringLiteral("Invalid header config '%1': a %2 value is a "
                                                "number of milliseconds")
                                     .arg(item, *known));
            }
        }
        rules.append(rule);
    }
    return rules;
}

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

    static Cors fromOptions(const HttpServerOptions &options)
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

    bool originMatches(const QString &originList) const
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

    void apply(const HttpRequest &request, HttpResponse &response) const
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

    void applyPreflight(const HttpRequest &request,
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
};

bool isPreflight(const HttpRequest &request)
{
    return request.method == "OPTIONS" && request.hasHeader("Origin")
           && request.hasHeader("Access-Control-Request-Method");
}

} // namespace

// TLS material loading lives further down; declared here for HttpServerPrivate::listen().
Util::Result<QSslConfiguration> tlsConfiguration(const HttpsOptions &options);

class ConnectionGuard;

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

/**
 * Reads along with QtHttpServer on one connection, without consuming anything: it sees each
 * request's head before the body is buffered, so it can refuse an oversized body (413) or head
 * (431) early, answer `Expect: 100-continue`, and note the HTTP version (which
 * QHttpServerRequest does not expose) for keep-alive decisions.
 *
 * Its readyRead slot is connected before QtHttpServer's. QtHttpServer holds a transaction
 * open while a request is incomplete and consumes every available byte then; after a complete
 * request it commits, so "no transaction" means the unread bytes start a new request.
 * A child of the socket; lives and dies with it.
 */
class ConnectionGuard final : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, HttpServerPrivate *server)
        : QObject(socket)
        , m_socket(socket)
        , m_server(server)
    {
        connect(socket, &QIODevice::readyRead, this, [this] { onReadyRead(); });
        m_idle.setSingleShot(true);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            m_closing = true;
            m_socket->disconnectFromHost();
        });
        m_linger.setSingleShot(true);
        connect(&m_linger, &QTimer::timeout, this, [this] { m_socket->abort(); });
        restartIdleTimer();
    }

    bool isClosing() const { return m_closing; }
    bool isHttp10() const { return m_http10; }
    QByteArray method() const { return m_request.method; }

    /** While the handler runs: no idle timeout. */
    void handling() { m_idle.stop(); }

    /** After a response was written for the current request. */
    void responded(bool close)
    {
        if (close) {
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        }
        restartIdleTimer();
    }

private:
    enum class Phase { Head, Body, Done };

    void restartIdleTimer()
    {
        if (m_server->options.idleTimeoutMs > 0)
            m_idle.start(m_server->options.idleTimeoutMs);
    }

    void resetRequest()
    {
        m_phase = Phase::Head;
        m_head.clear();
        m_headBytes = 0;
        m_request = HttpRequest();
        m_http10 = false;
        m_contentLength = -1;
        m_chunked = false;
        m_expectContinue = false;
        m_bodySeen = 0;
    }

    void onReadyRead()
    {
        restartIdleTimer();
        if (m_rejected) {
            drain();
            return;
        }
        if (m_closing)
            return;
        if (!m_socket->isTransactionStarted())
            resetRequest();
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0 || m_phase == Phase::Done)
            return;
        if (m_phase == Phase::Body) {
            m_bodySeen += available;
            checkBody();
            return;
        }
        readHead(available);
    }

    void readHead(qint64 available)
    {
        const qint64 maxHead = m_server->options.maxHeaderBytes;
        const qint64 peekSize = qMin(available, maxHead + 1 - m_headBytes);
        const QByteArray data = m_socket->peek(peekSize);
        qsizetype start = 0;
        if (m_head.isEmpty()) {
            // QtHttpServer skips blanks left over before a request line; so do we.
            while (start < data.size()
                   && (data[start] == '\r' || data[start] == '\n' || data[start] == ' '
                       || data[start] == '\t' || data[start] == '\v')) {
                ++start;
            }
        }
        const qsizetype searchFrom = qMax<qsizetype>(0, m_head.size() - 3);
        const qsizetype oldSize = m_head.size();
        m_head.append(data.constData() + start, data.size() - start);
        qsizetype end = -1;
        for (qsizetype i = searchFrom; i < m_head.size(); ++i) {
            if (m_head.at(i) != '\n')
                continue;
            if (i >= 1 && m_head.at(i - 1) == '\n') {
                end = i + 1;
                break;
            }
            if (i >= 2 && m_head.at(i - 1) == '\r' && m_head.at(i - 2) == '\n') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            m_headBytes += data.size();
            if (m_headBytes > maxHead) {
                reject(431,
                       QStringLiteral("Request header section is larger than %1 bytes").arg(maxHead));
            }
            return;
        }
        const qint64 usedFromData = start + (end - oldSize);
        m_headBytes += usedFromData;
        m_head.truncate(end);
        if (m_headBytes > maxHead) {
            reject(431,
                   QStringLiteral("Request header section is larger than %1 bytes").arg(maxHead));
            return;
        }
        m_bodySeen = available - usedFromData;
        if (!parseHead())
            return;
        m_phase = (m_chunked || m_contentLength > 0) ? Phase::Body : Phase::Done;
        if (m_phase == Phase::Body && m_expectContinue && !m_http10 && !bodyComplete())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        checkBody();
    }

    /** The request line and headers in m_head; false when the request was refused. */
    bool parseHead()
    {
        QList<QByteArray> lines = m_head.split('\n');
        for (QByteArray &line : lines) {
            if (line.endsWith('\r'))
                line.chop(1);
        }
        const QList<QByteArray> parts = lines.value(0).simplified().split(' ');
        if (parts.size() < 3) {
            reject(400, QStringLiteral("Malformed HTTP request line"));
            return false;
        }
        const QByteArray version = parts.at(2);
        if (version != "HTTP/1.1" && version != "HTTP/1.0") {
            reject(version.startsWith("HTTP/") ? 505 : 400,
                   QStringLiteral("Unsupported HTTP version %1").arg(QString::fromLatin1(version)));
            return false;
        }
        m_http10 = version == "HTTP/1.0";
        m_request.method = parts.at(0).toUpper();
        const QByteArray target = parts.at(1);
        const qsizetype question = target.indexOf('?');
        m_request.setTarget(question < 0 ? target : target.left(question),
                            question < 0 ? QByteArray() : target.mid(question + 1));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                m_request.headers.append(
                    {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
        }
        m_chunked = m_request.header("Transfer-Encoding").toLower().contains("chunked");
        m_expectContinue = m_request.header("Expect").toLower() == "100-continue";
        const QByteArray length = m_request.header("Content-Length");
        if (!length.isNull()) {
            bool ok = false;
            m_contentLength = length.toLongLong(&ok);
            if (!ok || m_contentLength < 0) {
                reject(400, QStringLiteral("Invalid Content-Length"));
                return false;
            }
        }
        if (!m_chunked && m_contentLength > m_server->options.maxBodyBytes) {
            reject(413, m_server->bodyTooLargeMessage());
            return false;
        }
        return true;
    }

    bool bodyComplete() const
    {
        return !m_chunked && m_contentLength >= 0 && m_bodySeen >= m_contentLength;
    }

    void checkBody()
    {
        if (m_chunked) {
            // Chunk framing adds bytes; this bound only protects memory. The exact limit is
            // checked on the decoded body before the handler runs.
            if (m_bodySeen > 2 * m_server->options.maxBodyBytes + 64 * 1024)
                reject(413, m_server->bodyTooLargeMessage());
            return;
        }
        if (bodyComplete())
            m_phase = Phase::Done;
    }

    /** Answers now, stops QtHttpServer from reading this connection, then drops whatever the
     *  client still sends for a while before closing (so it sees the answer, not a reset). */
    void reject(int status, const QString &message)
    {
        m_rejected = true;
        m_closing = true;
        QObject::disconnect(m_socket, &QIODevice::readyRead, m_server->backend, nullptr);
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();

        HttpResponse response = HttpResponse::error(status, message);
        m_server->finish(m_request, response);
        writeResponse(m_socket, response, false, ConnectionHeader::Close);

        if (!m_chunked && m_contentLength >= 0)
            m_drainLeft = qMax<qint64>(0, m_contentLength - m_bodySeen);
        m_socket->skip(m_socket->bytesAvailable());
        if (m_drainLeft && (*m_drainLeft == 0 || *m_drainLeft > LingerMaxBytes)) {
            m_socket->disconnectFromHost();
            return;
        }
        m_linger.start(LingerMs);
    }

    void drain()
    {
        const qint64 available = m_socket->bytesAvailable();
        m_socket->skip(available);
        m_drained += available;
        if (m_drainLeft) {
            *m_drainLeft -= available;
            if (*m_drainLeft <= 0) {
                m_socket->disconnectFromHost();
                return;
            }
        }
        if (m_drained > LingerMaxBytes)
            m_socket->abort();
    }

    QTcpSocket *m_socket;
    HttpServerPrivate *m_server;
    QTimer m_idle;
    QTimer m_linger;

    Phase m_phase = Phase::Head;
    QByteArray m_head;
    qint64 m_headBytes = 0;
    HttpRequest m_request; // method, target and headers of the current request
    bool m_http10 = false;
    bool m_expectContinue = false;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    qint64 m_bodySeen = 0;

    bool m_closing = false;
    bool m_rejected = false;
    std::optional<qint64> m_drainLeft;
    qint64 m_drained = 0;
};

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
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Jetty's HeaderFilter sets its headers before the application runs, so what the response
    // has of its own (including the Content-Type of its body) wins over a `set` rule.
    const auto hasOwn = [&response](const QByteArray &name) {
        if (response.hasHeader(name))
            return true;
        return name.compare("Content-Type", Qt::CaseInsensitive) == 0
               && !response.contentType.isEmpty()
               && (!response.body.isEmpty() || response.hasHeader("Content-Length"));
    };
    for (const HeaderRule &rule : headerRules) {
        const QByteArray value = rule.date ? httpDate(now.addMSecs(rule.offsetMs)) : rule.value;
        if (rule.add)
            response.addHeader(rule.name, value);
        else if (!hasOwn(rule.name))
            response.setHeader(rule.name, value);
    }
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

// --- TLS material -------------------------------------------------------------------------

namespace {

Util::Error tlsError(const QString &message)
{
    return makeError(HttpErrorCode::Tls, message);
}

Util::Result<QByteArray> readTlsFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tlsError(
            QStringLiteral("Cannot read the %1 %2: %3").arg(what, path, file.errorString()));
    return file.readAll();
}

QSslKey pemKey(const QByteArray &data, const QByteArray &passphrase)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa, QSsl::Dh}) {
        QSslKey key(data, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            return key;
    }
    return QSslKey();
}

} // namespace

Util::Result<QSslConfiguration> tlsConfiguration(const HttpsOptions &options)
{
    if (!QSslSocket::supportsSsl()) {
        return tlsError(QStringLiteral("An https listener needs TLS, but Qt has no TLS backend "
                                       "(install OpenSSL 3)"));
    }

    QList<QSslCertificate> chain;
    QSslKey key;
    if (!options.pemCertificateLocation.isEmpty() || !options.pemKeyLocation.isEmpty()) {
        if (options.pemCertificateLocation.isEmpty() || options.pemKeyLocation.isEmpty()) {
            return tlsError(QStringLiteral("ssl.pem.certificate.location and ssl.pem.key.location "
                                           "must be set together"));
        }
        auto certificates = readTlsFile(options.pemCertificateLocation,
                                        QStringLiteral("certificate"));
        if (!certificates)
            return certificates.error();
        chain = QSslCertificate::fromData(*certificates, QSsl::Pem);
        if (chain.isEmpty()) {
            return tlsError(
                QStringLiteral("No PEM certificate in %1").arg(options.pemCertificateLocation));
        }
        auto keyData = readTlsFile(options.pemKeyLocation, QStringLiteral("private key"));
        if (!keyData)
            return keyData.error();
        key = pemKey(*keyData, options.keyPassword.toUtf8());
        if (key.isNull()) {
            return tlsError(QStringLiteral("Cannot read the PEM private key %1 (not a private key, "
                                           "or ssl.key.password does not decrypt it)")
                                .arg(options.pemKeyLocation));
        }
    } else if (!options.keystoreLocation.isEmpty()) {
        const QString type = options.keystoreType.trimmed().toUpper();
        auto data = readTlsFile(options.keystoreLocation, QStringLiteral("keystore"));
        if (!data)
            return data.error();
        const bool jksMagic = data->startsWith(QByteArray::fromHex("feedfeed"));
        if (type == QLatin1String("JKS") || type == QLatin1String("JCEKS") || jksMagic) {
            return tlsError(QStringLiteral("The keystore %1 is a Java keystore (JKS), which "
                                           "ConnectDesk cannot read. Convert it with: keytool "
                                           "-importkeystore -srckeystore %1 -destkeystore "
                                           "keystore.p12 -deststoretype PKCS12")
                                .arg(options.keystoreLocation));
        }
        if (type == QLatin1String("PEM")) {
            chain = QSslCertificate::fromData(*data, QSsl::Pem);
            key = pemKey(*data, options.keyPassword.toUtf8());
            if (chain.isEmpty() || key.isNull()) {
                return tlsError(QStringLiteral("The PEM keystore %1 needs a private key and a "
                                               "certificate chain")
                                    .arg(options.keystoreLocation));
            }
        } else if (type == QLatin1String("PKCS12") || type.isEmpty()) {
            QSslCertificate certificate;
            QList<QSslCertificate> caCertificates;
            QStringList passwords{options.keystorePassword};
            if (!options.keyPassword.isEmpty() && options.keyPassword != options.keystorePassword)
                passwords.append(options.keyPassword);
            bool imported = false;
            for (const QString &password : std::as_const(passwords)) {
                QFile file(options.keystoreLocation);
                if (!file.open(QIODevice::ReadOnly))
                    break;
                if (QSslCertificate::importPkcs12(&file,
                                                  &key,
                                                  &certificate,
                                                  &caCertificates,
                                                  password.toUtf8())) {
                    imported = true;
                    break;
                }
            }
            if (!imported) {
                return tlsError(QStringLiteral("Cannot read the PKCS12 keystore %1: wrong "
                                               "ssl.keystore.password, no private key in it, or "
                                               "legacy encryption OpenSSL 3 refuses (re-export "
                                               "it with a current openssl or keytool)")
                                    .arg(options.keystoreLocation));
            }
            chain = QList<QSslCertificate>{certificate} + caCertificates;
        } else {
            return tlsError(QStringLiteral("Unsupported ssl.keystore.type %1 (use PKCS12 or PEM)")
                                .arg(options.keystoreType));
        }
    } else {
        return tlsError(
            QStringLiteral("An https listener needs listeners.https.ssl.keystore.location "
                           "or listeners.https.ssl.pem.certificate.location and "
                           "listeners.https.ssl.pem.key.location"));
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);

    QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater;
    QStringList protocols;
    for (const QString &name : options.enabledProtocols) {
        if (!name.trimmed().isEmpty())
            protocols.append(name.trimmed());
    }
    if (protocols.isEmpty()) {
        return tlsError(QStringLiteral("ssl.enabled.protocols is empty"));
    }
    for (const QString &name : std::as_const(protocols)) {
        if (name != QLatin1String("TLSv1.2") && name != QLatin1String("TLSv1.3")) {
            return tlsError(QStringLiteral("Unsupported protocol %1 in ssl.enabled.protocols "
                                           "(TLSv1.2 and TLSv1.3 are)")
                                .arg(name));
        }
    }
    if (!protocols.contains(QLatin1String("TLSv1.2")))
        protocol = QSsl::TlsV1_3OrLater;
    configuration.setProtocol(protocol);

    const QString clientAuth = options.clientAuth.trimmed().toLower();
    if (clientAuth == QLatin1String("required") || clientAuth == QLatin1String("requested")) {
        configuration.setPeerVerifyMode(clientAuth == QLatin1String("required")
                                            ? QSslSocket::VerifyPeer
                                            : QSslSocket::QueryPeer);
        if (!options.truststoreLocation.isEmpty()) {
            if (options.truststoreType.trimmed().toUpper() != QLatin1String("PEM")) {
                return tlsError(QStringLiteral("ssl.truststore.type %1 is not supported; give "
                                               "the CA certificates as PEM "
                                               "(ssl.truststore.type=PEM)")
                                    .arg(options.truststoreType));
            }
            auto trusted = readTlsFile(options.truststoreLocation, QStringLiteral("truststore"));
            if (!trusted)
                return trusted.error();
            const QList<QSslCertificate> cas = QSslCertificate::fromData(*trusted, QSsl::Pem);
            if (cas.isEmpty()) {
                return tlsError(QStringLiteral("No PEM certificate in the truststore %1")
                                    .arg(options.truststoreLocation));
            }
            configuration.setCaCertificates(cas);
        }
    } else if (clientAuth == QLatin1String("none") || clientAuth.isEmpty()) {
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else {
        return tlsError(QStringLiteral("Invalid ssl.client.auth %1 (none, requested or required)")
                            .arg(options.clientAuth));
    }
    return configuration;
}

} // namespace Internal

HttpsOptions HttpsOptions::fromProperties(const QMap<QString, QString> &properties,
                                          const QString &prefix)
{
    bool prefixed = false;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        if (it.key().startsWith(prefix)) {
            prefixed = true;
            break;
        }
    }
    const auto value = [&](const char *key, const QString &fallback) {
        const QString name = (prefixed ? prefix : QString()) + QLatin1String(key);
        return properties.value(name, fallback);
    };
    HttpsOptions options;
    options.keystoreLocation = value("ssl.keystore.location", options.keystoreLocation);
    options.keystoreType = value("ssl.keystore.type", options.keystoreType);
    options.keystorePassword = value("ssl.keystore.password", options.keystorePassword);
    options.keyPassword = value("ssl.key.password", options.keyPassword);
    options.pemCertificateLocation = value("ssl.pem.certificate.location",
                                           options.pemCertificateLocation);
    options.pemKeyLocation = value("ssl.pem.key.location", options.pemKeyLocation);
    options.clientAuth = value("ssl.client.auth", options.clientAuth);
    options.truststoreLocation = value("ssl.truststore.location", options.truststoreLocation);
    options.truststoreType = value("ssl.truststore.type", options.truststoreType);
    const QString protocols = value("ssl.enabled.protocols", QString());
    if (!protocols.trimmed().isEmpty()) {
        options.enabledProtocols.clear();
        for (const QString &protocol : protocols.split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.enabledProtocols.append(protocol.trimmed());
    }
    return options;
}

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
