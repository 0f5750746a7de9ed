// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to HttpServer: the per-connection reader (request limits, Expect: 100-continue,
// HTTP version, idle timeout).

#include "httptypes.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace ConnectDesk::Rest::Internal {

class HttpServerPrivate;

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
    ConnectionGuard(QTcpSocket *socket, HttpServerPrivate *server);

    bool isClosing() const { return m_closing; }
    bool isHttp10() const { return m_http10; }
    QByteArray method() const { return m_request.method; }

    /** While the handler runs: no idle timeout. */
    void handling() { m_idle.stop(); }

    /** After a response was written for the current request. */
    void responded(bool close);

private:
    enum class Phase { Head, Body, Done };

    void restartIdleTimer();
    void resetRequest();
    void onReadyRead();
    void readHead(qint64 available);
    /** The request line and headers in m_head; false when the request was refused. */
    bool parseHead();
    bool bodyComplete() const;
    void checkBody();
    /** Answers now, stops QtHttpServer from reading this connection, then drops whatever the
     *  client still sends for a while before closing (so it sees the answer, not a reset). */
    void reject(int status, const QString &message);
    void drain();

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

} // namespace ConnectDesk::Rest::Internal
