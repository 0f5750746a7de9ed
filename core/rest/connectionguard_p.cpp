// SPDX-License-Identifier: Apache-2.0
#include "connectionguard_p.h"

#include "httpserver_p.h"
#include "responsewriter_p.h"

#include <QTcpSocket>

namespace ConnectDesk::Rest::Internal {

namespace {

/** After refusing a request we keep reading (and dropping) what the client still sends for at
 *  most this long or this much, so that it reads our answer instead of a connection reset. */
constexpr int LingerMs = 2000;
constexpr qint64 LingerMaxBytes = 8 * 1024 * 1024;

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, HttpServerPrivate *server)
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

void ConnectionGuard::responded(bool close)
{
    if (close) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    restartIdleTimer();
}

void ConnectionGuard::restartIdleTimer()
{
    if (m_server->options.idleTimeoutMs > 0)
        m_idle.start(m_server->options.idleTimeoutMs);
}

void ConnectionGuard::resetRequest()
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

void ConnectionGuard::onReadyRead()
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

void ConnectionGuard::readHead(qint64 available)
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

bool ConnectionGuard::parseHead()
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

bool ConnectionGuard::bodyComplete() const
{
    return !m_chunked && m_contentLength >= 0 && m_bodySeen >= m_contentLength;
}

void ConnectionGuard::checkBody()
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

void ConnectionGuard::reject(int status, const QString &message)
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

void ConnectionGuard::drain()
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

} // namespace ConnectDesk::Rest::Internal
