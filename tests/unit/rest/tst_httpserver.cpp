// SPDX-License-Identifier: Apache-2.0
#include "core/rest/basicauth.h"
#include "core/rest/httpserver.h"
#include "core/rest/router.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

using namespace ConnectDesk::Rest;

namespace {

/** Runs the event loop until `condition` holds; false on timeout. */
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

struct RawResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return header.second;
        }
        return QByteArray();
    }
    bool hasHeader(const QByteArray &name) const { return !header(name).isNull(); }
    int count(const QByteArray &name) const
    {
        int n = 0;
        for (const auto &header : headers)
            n += header.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
        return n;
    }
};

/** Takes one response off the front of `buffer`; false while it is incomplete. */
bool takeResponse(QByteArray &buffer, bool head, RawResponse *out)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    RawResponse response;
    response.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    qint64 length = response.header("Content-Length").toLongLong();
    if (head || response.status < 200 || response.status == 204 || response.status == 304)
        length = 0;
    if (buffer.size() < end + 4 + length)
        return false;
    response.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    *out = response;
    return true;
}

/** An HTTP/1.1 client over a plain socket, for what QNetworkAccessManager hides. */
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QIODevice::readyRead, [this] {
            m_buffer += m_socket.readAll();
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool waitConnected()
    {
        return waitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; });
    }
    void send(const QByteArray &data) { m_socket.write(data); }
    std::optional<RawResponse> next(bool head = false, int timeoutMs = 10000)
    {
        RawResponse response;
        if (!waitFor([&] { return takeResponse(m_buffer, head, &response); }, timeoutMs))
            return std::nullopt;
        return response;
    }
    bool waitClosed(int timeoutMs = 10000)
    {
        return waitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                       timeoutMs);
    }
    QByteArray pending() const { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

struct Reply
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return header.second;
        }
        return QByteArray();
    }
};

Reply fetch(QNetworkAccessManager &nam,
            const QNetworkRequest &request,
            const QByteArray &verb,
            const QByteArray &body = QByteArray())
{
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    Reply result;
    if (!waitFor([reply] { return reply->isFinished(); }, 20000)) {
        result.errorString = QStringLiteral("timeout");
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

bool runOpenssl(const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        qWarning().noquote() << "openssl" << arguments.join(QLatin1Char(' '))
                             << "failed:" << process.readAllStandardError();
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

} // namespace

class tst_HttpServer : public QObject
{
    Q_OBJECT

private:
    Router m_router;
    std::unique_ptr<HttpServer> m_server;
    QTemporaryDir m_dir;

    /** Starts a server on a free loopback port; 0 on failure (the test then fails). */
    quint16 start(HttpServerOptions options = HttpServerOptions(),
                  HttpServer::Handler handler = HttpServer::Handler())
    {
        if (options.listeners == HttpServerOptions().listeners)
            options.listeners = QStringList{QStringLiteral("http://127.0.0.1:0")};
        if (!handler)
            handler = [this](const HttpRequest &request) { return m_router.dispatch(request); };
        m_server = std::make_unique<HttpServer>(options, handler);
        const auto error = m_server->listen();
        if (error) {
            qWarning().noquote() << "listen failed:" << error.message;
            return 0;
        }
        return quint16(m_server->boundUrls().value(0).port());
    }

    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl(m_server->boundUrls().value(0).toString() + pathAndQuery);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_router.add("GET",
                     QStringLiteral("/connectors"),
                     [](const HttpRequest &, const PathParams &) {
                         return HttpResponse::json(200, R"(["a","b"])");
                     });
        m_router.add("POST",
                     QStringLiteral("/connectors"),
                     [](const HttpRequest &request, const PathParams &) {
                         return HttpResponse::json(201, request.body);
                     });
        m_router.add("GET",
                     QStringLiteral("/connectors/{connector}"),
                     [](const HttpRequest &request, const PathParams &params) {
                         const QJsonObject object{{QStringLiteral("connector"),
                                                   params.value(QStringLiteral("connector"))},
                                                  {QStringLiteral("user"), request.user},
                                                  {QStringLiteral("expand"),
                                                   QJsonArray::fromStringList(request.queryValues(
                                                       QStringLiteral("expand")))},
                                                  {QStringLiteral("segments"),
                                                   QJsonArray::fromStringList(
                                                       request.pathSegments)}};
                         return HttpResponse::json(200,
                                                   QJsonDocument(object).toJson(
                                                       QJsonDocument::Compact));
                     });
        m_router.add("PUT",
                     QStringLiteral("/connectors/{connector}/pause"),
                     [](const HttpRequest &, const PathParams &) {
                         return HttpResponse::empty(202);
                     });
        m_router.add("DELETE",
                     QStringLiteral("/connectors/{connector}"),
                     [](const HttpRequest &, const PathParams &) {
                         return HttpResponse::empty(204);
                     });
        m_router.add("POST",
                     QStringLiteral("/connectors/{connector}/tasks"),
                     [](const HttpRequest &, const PathParams &) {
                         return HttpResponse::empty(204);
                     });
    }

    void cleanup() { m_server.reset(); }

    void notFoundAndMethodNotAllowed()
    {
        const quint16 port = start();
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());
        client.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto notFound = client.next();
        QVERIFY(notFound);
        QCOMPARE(notFound->status, 404);
        QCOMPARE(notFound->body, QByteArray(R"({"error_code":404,"message":"HTTP 404 Not Found"})"));
        QCOMPARE(notFound->header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(notFound->header("Content-Length"), QByteArray::number(notFound->body.size()));
        QVERIFY(notFound->hasHeader("Date"));

        client.send("PUT /connectors HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        const auto notAllowed = client.next();
        QVERIFY(notAllowed);
        QCOMPARE(notAllowed->status, 405);
        QCOMPARE(notAllowed->body,
                 QByteArray(R"({"error_code":405,"message":"HTTP 405 Method Not Allowed"})"));
        QCOMPARE(notAllowed->header("Allow"), QByteArray("GET,POST,HEAD,OPTIONS"));

        // A method QtHttpServer does not know still reaches the router.
        client.send("TRACE /connectors HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto trace = client.next();
        QVERIFY(trace);
        QCOMPARE(trace->status, 405);
    }

    void headAndPipelining()
    {
        const quint16 port = start();
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());
        // Three requests in one write: answered in order, HEAD without a body.
        client.send("HEAD /connectors HTTP/1.1\r\nHost: x\r\n\r\n"
                    "GET /connectors HTTP/1.1\r\nHost: x\r\n\r\n"
                    "HEAD /nope HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto head = client.next(true);
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QCOMPARE(head->header("Content-Length"), QByteArray("9"));
        QCOMPARE(head->header("Content-Type"), QByteArray("application/json"));
        const auto get = client.next();
        QVERIFY(get);
        QCOMPARE(get->status, 200);
        QCOMPARE(get->body, QByteArray(R"(["a","b"])"));
        const auto missing = client.next(true);
        QVERIFY(missing);
        QCOMPARE(missing->status, 404);
        // Nothing follows: no stray body bytes from the HEAD answers.
        QTest::qWait(100);
        QCOMPARE(client.pending(), QByteArray());
    }

    void emptyResponsesHaveNoContentType()
    {
        const quint16 port = start();
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());
        client.send("PUT /connectors/a/pause HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto accepted = client.next();
        QVERIFY(accepted);
        QCOMPARE(accepted->status, 202);
        QVERIFY(!accepted->hasHeader("Content-Type"));
        QCOMPARE(accepted->header("Content-Length"), QByteArray("0"));
        QVERIFY(accepted->body.isEmpty());

        client.send("DELETE /connectors/a HTTP/1.1\r\nHost: x\r\n\r\n"
                    "GET /connectors HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto noContent = client.next();
        QVERIFY(noContent);
        QCOMPARE(noContent->status, 204);
        QVERIFY(!noContent->hasHeader("Content-Type"));
        QVERIFY(!noContent->hasHeader("Content-Length"));
        const auto after = client.next(); // the connection is still in sync
        QVERIFY(after);
        QCOMPARE(after->body, QByteArray(R"(["a","b"])"));
    }

    void percentDecodedSegmentsAndQuery()
    {
        const quint16 port = start();
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());
        client.send("GET /connectors/a%2Fb?expand=status&expand=info&expand=%41%26b%3Dc%2B "
                    "HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto response = client.next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        const QJsonObject body = jsonObject(response->body);
        QCOMPARE(body.value(QStringLiteral("connector")).toString(), QStringLiteral("a/b"));
        QCOMPARE(body.value(QStringLiteral("segments")).toArray().size(), 2);
        QCOMPARE(body.value(QStringLiteral("expand")).toArray(),
                 QJsonArray(
                     {QStringLiteral("status"), QStringLiteral("info"), QStringLiteral("A&b=c+")}));

        QNetworkAccessManager nam;
        const Reply reply = fetch(nam,
                                  QNetworkRequest(
                                      url(QStringLiteral("/connectors/my%20conn%2Fx/?expand=a+b"))),
                                  "GET");
        QCOMPARE(reply.status, 200);
        const QJsonObject viaNam = jsonObject(reply.body);
        QCOMPARE(viaNam.value(QStringLiteral("connector")).toString(), QStringLiteral("my conn/x"));
        QCOMPARE(viaNam.value(QStringLiteral("expand")).toArray(),
                 QJsonArray({QStringLiteral("a b")}));
    }

    void bodyLimit()
    {
        HttpServerOptions options;
        options.maxBodyBytes = 1024 * 1024;
        const quint16 port = start(options);
        QVERIFY(port);
        const QByteArray message
            = R"({"error_code":413,"message":"Request body is larger than 1048576 bytes"})";

        // Declared too large: refused as soon as the head arrives.
        RawClient client(port);
        QVERIFY(client.waitConnected());
        client.send("POST /connectors HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Content-Length: 2000000\r\n\r\n{\"name\":");
        const auto refused = client.next();
        QVERIFY(refused);
        QCOMPARE(refused->status, 413);
        QCOMPARE(refused->body, message);
        QCOMPARE(refused->header("Connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());

        // With Expect: 100-continue the client never sends the body.
        RawClient expecting(port);
        QVERIFY(expecting.waitConnected());
        expecting.send("POST /connectors HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                       "Content-Length: 5000000\r\n\r\n");
        const auto refusedEarly = expecting.next();
        QVERIFY(refusedEarly);
        QCOMPARE(refusedEarly->status, 413);

        // A real upload through QNetworkAccessManager sees the 413 too, not a reset.
        QNetworkAccessManager nam;
        QNetworkRequest request(url(QStringLiteral("/connectors")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        const Reply tooLarge = fetch(nam, request, "POST", QByteArray(2 * 1024 * 1024, 'x'));
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.body, message);

        // Exactly at the limit is fine.
        const QByteArray atLimit = '"' + QByteArray(1024 * 1024 - 2, 'y') + '"';
        const Reply ok = fetch(nam, request, "POST", atLimit);
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.body.size(), atLimit.size());
    }

    void chunkedBodies()
    {
        HttpServerOptions options;
        options.maxBodyBytes = 64 * 1024;
        const quint16 port = start(options);
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());
        client.send("POST /connectors HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "5\r\n{\"a\":\r\n3\r\n42}\r\n0\r\n\r\n");
        const auto small = client.next();
        QVERIFY(small);
        QCOMPARE(small->status, 201);
        QCOMPARE(small->body, QByteArray(R"({"a":42})"));

        // Over the limit once decoded (the framing itself stays under the early bound).
        RawClient big(port);
        QVERIFY(big.waitConnected());
        QByteArray chunked
            = "POST /connectors HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 20; ++i)
            chunked += "1000\r\n" + QByteArray(0x1000, 'z') + "\r\n";
        chunked += "0\r\n\r\n";
        big.send(chunked);
        const auto refused = big.next();
        QVERIFY(refused);
        QCOMPARE(refused->status, 413);
    }

    void expectContinue()
    {
        const quint16 port = start();
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());
        client.send("POST /connectors HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    "Content-Length: 7\r\n\r\n");
        const auto interim = client.next();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        client.send(R"({"a":1})");
        const auto created = client.next();
        QVERIFY(created);
        QCOMPARE(created->status, 201);
        QCOMPARE(created->body, QByteArray(R"({"a":1})"));
    }

    void headLimitsAndMalformedRequests()
    {
        HttpServerOptions options;
        options.maxHeaderBytes = 4096;
        const quint16 port = start(options);
        QVERIFY(port);

        RawClient large(port);
        QVERIFY(large.waitConnected());
        large.send("GET /connectors HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(8192, 'b')
                   + "\r\n\r\n");
        const auto tooLarge = large.next();
        QVERIFY(tooLarge);
        QCOMPARE(tooLarge->status, 431);
        QVERIFY(large.waitClosed());

        RawClient garbage(port);
        QVERIFY(garbage.waitConnected());
        garbage.send("HELLO\r\n\r\n");
        const auto bad = garbage.next();
        QVERIFY(bad);
        QCOMPARE(bad->status, 400);
        QVERIFY(garbage.waitClosed());

        RawClient badLength(port);
        QVERIFY(badLength.waitConnected());
        badLength.send("POST /connectors HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n");
        const auto invalid = badLength.next();
        QVERIFY(invalid);
        QCOMPARE(invalid->status, 400);
    }

    void connectionHandling()
    {
        HttpServerOptions options;
        options.idleTimeoutMs = 300;
        const quint16 port = start(options);
        QVERIFY(port);

        // HTTP/1.0 with keep-alive stays open and says so.
        RawClient oldKeepAlive(port);
        QVERIFY(oldKeepAlive.waitConnected());
        for (int i = 0; i < 2; ++i) {
            oldKeepAlive.send("GET /connectors HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
            const auto response = oldKeepAlive.next();
            QVERIFY(response);
            QCOMPARE(response->header("Connection"), QByteArray("keep-alive"));
        }

        // HTTP/1.0 closes after the answer.
        RawClient old(port);
        QVERIFY(old.waitConnected());
        old.send("GET /connectors HTTP/1.0\r\n\r\n");
        const auto oldResponse = old.next();
        QVERIFY(oldResponse);
        QCOMPARE(oldResponse->status, 200);
        QCOMPARE(oldResponse->header("Connection"), QByteArray("close"));
        QVERIFY(old.waitClosed());

        // Connection: close too; what was pipelined after it is not answered.
        RawClient closing(port);
        QVERIFY(closing.waitConnected());
        closing.send("GET /connectors HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                     "GET /connectors HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(closing.next());
        QVERIFY(closing.waitClosed());
        QCOMPARE(closing.pending(), QByteArray());

        // Keep-alive by default, then the idle timeout closes the connection.
        RawClient keepAlive(port);
        QVERIFY(keepAlive.waitConnected());
        for (int i = 0; i < 3; ++i) {
            keepAlive.send("GET /connectors HTTP/1.1\r\nHost: x\r\n\r\n");
            const auto response = keepAlive.next();
            QVERIFY(response);
            QVERIFY(!response->hasHeader("Connection"));
        }
        QVERIFY(keepAlive.waitClosed(3000));
    }

    void handlerExceptions()
    {
        const quint16 port = start(HttpServerOptions(),
                                   [](const HttpRequest &request) -> HttpResponse {
                                       if (request.path == QLatin1String("/std"))
                                           throw std::runtime_error("boom");
                                       throw 1;
                                   });
        QVERIFY(port);
        QNetworkAccessManager nam;
        const Reply stdReply = fetch(nam, QNetworkRequest(url(QStringLiteral("/std"))), "GET");
        QCOMPARE(stdReply.status, 500);
        QCOMPARE(stdReply.body, QByteArray(R"({"error_code":500,"message":"boom"})"));
        const Reply other = fetch(nam, QNetworkRequest(url(QStringLiteral("/other"))), "GET");
        QCOMPARE(other.status, 500);
    }

    void handlerSpinningEventLoop()
    {
        // A handler that waits in a nested event loop (as one waiting for the herder might).
        int running = 0;
        int maxRunning = 0;
        const quint16 port = start(HttpServerOptions(), [&](const HttpRequest &request) {
            maxRunning = qMax(maxRunning, ++running);
            if (request.path == QLatin1String("/slow"))
                QTest::qWait(200);
            --running;
            return HttpResponse::json(200, request.path.toUtf8());
        });
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());
        // Pipelined, so that /slow is answered from QtHttpServer's queued re-read (where
        // QAbstractSocket's own guard against recursive readyRead does not apply).
        client.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        // Sent while the /slow handler waits (timers fire in its event loop).
        QTimer::singleShot(50, &client.socket(), [&client] {
            client.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
        });
        QStringList order;
        for (int i = 0; i < 3; ++i) {
            const auto response = client.next();
            QVERIFY(response);
            order.append(QString::fromUtf8(response->body));
        }
        QCOMPARE(order,
                 QStringList(
                     {QStringLiteral("/first"), QStringLiteral("/slow"), QStringLiteral("/fast")}));
        QCOMPARE(maxRunning, 1);

        // The client leaving meanwhile is no problem.
        RawClient leaving(port);
        QVERIFY(leaving.waitConnected());
        leaving.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        QTimer::singleShot(50, &leaving.socket(), [&leaving] { leaving.socket().abort(); });
        QTest::qWait(400);
        RawClient after(port);
        QVERIFY(after.waitConnected());
        after.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(after.next());
    }

    void cors()
    {
        HttpServerOptions options;
        options.accessControlAllowOrigin = QStringLiteral(
            "http://allowed.example, https://*.example.org");
        options.accessControlAllowMethods = QStringLiteral("GET,PUT,POST");
        const quint16 port = start(options);
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());

        // Simple request from an allowed origin: the origin is echoed.
        client.send(
            "GET /connectors HTTP/1.1\r\nHost: x\r\nOrigin: http://allowed.example\r\n\r\n");
        auto response = client.next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("Access-Control-Allow-Origin"),
                 QByteArray("http://allowed.example"));
        QCOMPARE(response->header("Access-Control-Allow-Credentials"), QByteArray("true"));
        QCOMPARE(response->header("Vary"), QByteArray("Origin"));
        QVERIFY(!response->hasHeader("Access-Control-Allow-Methods"));

        // Wildcard origin entry.
        client.send(
            "GET /connectors HTTP/1.1\r\nHost: x\r\nOrigin: https://a.b.example.org\r\n\r\n");
        response = client.next();
        QVERIFY(response);
        QCOMPARE(response->header("Access-Control-Allow-Origin"),
                 QByteArray("https://a.b.example.org"));

        // Other origins, and requests without Origin, get nothing.
        client.send("GET /connectors HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.example\r\n\r\n"
                    "GET /connectors HTTP/1.1\r\nHost: x\r\n\r\n");
        for (int i = 0; i < 2; ++i) {
            response = client.next();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QVERIFY(!response->hasHeader("Access-Control-Allow-Origin"));
        }

        // Preflight for an allowed method.
        client.send("OPTIONS /connectors HTTP/1.1\r\nHost: x\r\nOrigin: http://allowed.example\r\n"
                    "Access-Control-Request-Method: PUT\r\n"
                    "Access-Control-Request-Headers: content-type\r\n\r\n");
        response = client.next();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("Access-Control-Allow-Origin"),
                 QByteArray("http://allowed.example"));
        QCOMPARE(response->header("Access-Control-Allow-Methods"), QByteArray("GET,PUT,POST"));
        QCOMPARE(response->header("Access-Control-Allow-Headers"),
                 QByteArray("X-Requested-With,Content-Type,Accept,Origin"));
        QCOMPARE(response->header("Access-Control-Max-Age"), QByteArray("1800"));
        QCOMPARE(response->header("Access-Control-Allow-Credentials"), QByteArray("true"));
        QCOMPARE(response->header("Allow"), QByteArray("GET,POST,HEAD,OPTIONS"));

        // Preflight on an unknown path: Connect answers 404, with the CORS headers.
        client.send("OPTIONS /connector-plugins/FileStreamSource/validate HTTP/1.1\r\nHost: x\r\n"
                    "Origin: http://allowed.example\r\nAccess-Control-Request-Method: PUT\r\n\r\n");
        response = client.next();
        QVERIFY(response);
        QCOMPARE(response->status, 404);
        QCOMPARE(response->header("Access-Control-Allow-Origin"),
                 QByteArray("http://allowed.example"));
        QCOMPARE(response->header("Access-Control-Allow-Methods"), QByteArray("GET,PUT,POST"));

        // Method or header not allowed: no CORS headers.
        client.send("OPTIONS /connectors HTTP/1.1\r\nHost: x\r\nOrigin: http://allowed.example\r\n"
                    "Access-Control-Request-Method: DELETE\r\n\r\n"
                    "OPTIONS /connectors HTTP/1.1\r\nHost: x\r\nOrigin: http://allowed.example\r\n"
                    "Access-Control-Request-Method: GET\r\n"
                    "Access-Control-Request-Headers: Authorization\r\n\r\n");
        for (int i = 0; i < 2; ++i) {
            response = client.next();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QVERIFY(!response->hasHeader("Access-Control-Allow-Origin"));
            QVERIFY(!response->hasHeader("Access-Control-Allow-Methods"));
        }

        // Errors carry the headers too.
        client.send("GET /nope HTTP/1.1\r\nHost: x\r\nOrigin: http://allowed.example\r\n\r\n");
        response = client.next();
        QVERIFY(response);
        QCOMPARE(response->status, 404);
        QCOMPARE(response->header("Access-Control-Allow-Origin"),
                 QByteArray("http://allowed.example"));
    }

    void corsDefaults()
    {
        HttpServerOptions options;
        options.accessControlAllowOrigin = QStringLiteral("*");
        const quint16 port = start(options);
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());
        client.send("OPTIONS /connectors HTTP/1.1\r\nHost: x\r\nOrigin: http://any.example\r\n"
                    "Access-Control-Request-Method: POST\r\n\r\n");
        auto response = client.next();
        QVERIFY(response);
        QCOMPARE(response->header("Access-Control-Allow-Origin"), QByteArray("http://any.example"));
        QCOMPARE(response->header("Access-Control-Allow-Methods"), QByteArray("GET,POST,HEAD"));
        QVERIFY(!response->hasHeader(
            "Vary")); // Jetty: no Vary on preflights when any origin is allowed

        client.send("OPTIONS /connectors HTTP/1.1\r\nHost: x\r\nOrigin: http://any.example\r\n"
                    "Access-Control-Request-Method: PUT\r\n\r\n");
        response = client.next();
        QVERIFY(response);
        QVERIFY(!response->hasHeader("Access-Control-Allow-Origin"));

        // CORS off: no headers at all.
        const quint16 plainPort = start();
        QVERIFY(plainPort);
        RawClient plain(plainPort);
        QVERIFY(plain.waitConnected());
        plain.send("GET /connectors HTTP/1.1\r\nHost: x\r\nOrigin: http://any.example\r\n\r\n");
        response = plain.next();
        QVERIFY(response);
        QVERIFY(!response->hasHeader("Access-Control-Allow-Origin"));
    }

    void responseHeadersConfig()
    {
        HttpServerOptions options;
        options.responseHttpHeaders = QStringLiteral(
            "set X-Frame-Options: DENY, add Cache-Control: no-cache, setDate Expires: 3600000, "
            "set Content-Type: text/html");
        const quint16 port = start(options);
        QVERIFY(port);
        RawClient client(port);
        QVERIFY(client.waitConnected());
        client.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto response = client.next();
        QVERIFY(response);
        QCOMPARE(response->header("X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(response->header("Cache-Control"), QByteArray("no-cache"));
        QVERIFY(response->header("Expires").endsWith(" GMT"));
        // Jetty's filter sets headers before the application runs, so the response's own
        // Content-Type wins over a `set` rule.
        QCOMPARE(response->count("Content-Type"), 1);
        QCOMPARE(response->header("Content-Type"), QByteArray("application/json"));

        HttpServer invalid(HttpServerOptions{.listeners = {QStringLiteral("http://127.0.0.1:0")},
                                             .responseHttpHeaders = QStringLiteral("sett X: y")},
                           [](const HttpRequest &) { return HttpResponse::empty(204); });
        const auto error = invalid.listen();
        QVERIFY(error);
        QCOMPARE(error.code, int(HttpErrorCode::InvalidOption));
        QCOMPARE(error.message,
                 QStringLiteral("Invalid header config action: 'sett'. Expected one "
                                "of [set, add, setDate, addDate]"));
    }

    void basicAuthHashes()
    {
        const QString hash = BasicAuth::hashPassword(QStringLiteral("s3cret"), 1000);
        QVERIFY(hash.startsWith(QLatin1String("pbkdf2-sha256:1000:")));
        QVERIFY(BasicAuth::isValidHash(hash));
        QVERIFY(BasicAuth::verifyPassword(QStringLiteral("s3cret"), hash));
        QVERIFY(!BasicAuth::verifyPassword(QStringLiteral("s3cret "), hash));
        QVERIFY(BasicAuth::hashPassword(QStringLiteral("s3cret"), 1000) != hash); // salted
        QVERIFY(!BasicAuth::isValidHash(QStringLiteral("sha256:00:00")));
        QVERIFY(!BasicAuth::isValidHash(QStringLiteral("pbkdf2-sha256:0:00:")
                                        + QString(64, QLatin1Char('0'))));

        // The documented openssl command gives the same key.
        if (!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            const QStringList parts = hash.split(QLatin1Char(':'));
            QByteArray output;
            QVERIFY(runOpenssl({QStringLiteral("kdf"),
                                QStringLiteral("-keylen"),
                                QStringLiteral("32"),
                                QStringLiteral("-kdfopt"),
                                QStringLiteral("digest:SHA256"),
                                QStringLiteral("-kdfopt"),
                                QStringLiteral("pass:s3cret"),
                                QStringLiteral("-kdfopt"),
                                QStringLiteral("hexsalt:") + parts.at(2),
                                QStringLiteral("-kdfopt"),
                                QStringLiteral("iter:1000"),
                                QStringLiteral("PBKDF2")},
                               &output));
            QCOMPARE(QString::fromLatin1(output.trimmed()).remove(QLatin1Char(':')).toLower(),
                     parts.at(3));
        }

        const auto parsed = BasicAuth::parse("# users\n\n  alice : " + hash.toUtf8() + "  \n",
                                             QStringLiteral("users.txt"));
        QVERIFY(parsed.ok());
        QVERIFY(parsed.value().hasUser(QStringLiteral("alice")));
        QCOMPARE(parsed.value().userCount(), 1);

        const auto noColon = BasicAuth::parse("alice\n", QStringLiteral("users.txt"));
        QVERIFY(!noColon.ok());
        QCOMPARE(noColon.error().message, QStringLiteral("users.txt:1: expected user:hash"));
        const auto plain = BasicAuth::parse("# x\nbob:hunter2\n", QStringLiteral("users.txt"));
        QVERIFY(!plain.ok());
        QVERIFY(
            plain.error().message.startsWith(QLatin1String("users.txt:2: the hash of user 'bob'")));
        QVERIFY(!plain.error().message.contains(QLatin1String("hunter2")));
        const auto twice = BasicAuth::parse("a:" + hash.toUtf8() + "\na:" + hash.toUtf8(),
                                            QStringLiteral("users.txt"));
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().message, QStringLiteral("users.txt:2: user 'a' is listed twice"));
        const auto missing = BasicAuth::load(m_dir.filePath(QStringLiteral("missing-users")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, int(HttpErrorCode::UsersFile));
    }

    void basicAuth()
    {
        const QString usersFile = m_dir.filePath(QStringLiteral("users"));
        {
            QFile file(usersFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("alice:"
                       + BasicAuth::hashPassword(QStringLiteral("wonder land"), 1000).toUtf8()
                       + "\n");
        }
        HttpServerOptions options;
        options.basicAuthUsersFile = usersFile;
        options.accessControlAllowOrigin = QStringLiteral("*");
        options.authExempt = [](const HttpRequest &request) {
            return request.method == "POST"
                   && request.pathSegments.value(2) == QLatin1String("tasks");
        };
        const quint16 port = start(options);
        QVERIFY(port);
        QNetworkAccessManager nam;
        const QNetworkRequest request(url(QStringLiteral("/connectors/c1")));

        const Reply anonymous = fetch(nam, request, "GET");
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.body,
                 QByteArray(R"({"error_code":401,"message":"User cannot access the resource."})"));
        QCOMPARE(anonymous.header("WWW-Authenticate"), QByteArray("Basic realm=\"connectdesk\""));

        const auto withCredentials = [&](const QByteArray &credentials) {
            QNetworkRequest authorized = request;
            authorized.setRawHeader("Authorization", "Basic " + credentials.toBase64());
            return fetch(nam, authorized, "GET");
        };
        QCOMPARE(withCredentials("alice:wrong").status, 401);
        QCOMPARE(withCredentials("bob:wonder land").status, 401);
        QCOMPARE(withCredentials("alice").status, 401);
        const Reply ok = withCredentials("alice:wonder land");
        QCOMPARE(ok.status, 200);
        QCOMPARE(jsonObject(ok.body).value(QStringLiteral("user")).toString(),
                 QStringLiteral("alice"));
        QCOMPARE(withCredentials("alice:wonder land").status, 200); // cached the second time

        QNetworkRequest otherScheme = request;
        otherScheme.setRawHeader("Authorization", "Bearer abc");
        QCOMPARE(fetch(nam, otherScheme, "GET").status, 401);

        // CORS preflights and exempt requests need no credentials.
        QNetworkRequest preflight = request;
        preflight.setRawHeader("Origin", "http://app.example");
        preflight.setRawHeader("Access-Control-Request-Method", "GET");
        const Reply preflightReply = fetch(nam, preflight, "OPTIONS");
        QCOMPARE(preflightReply.status, 200);
        QCOMPARE(preflightReply.header("Access-Control-Allow-Origin"),
                 QByteArray("http://app.example"));
        QCOMPARE(fetch(nam,
                       QNetworkRequest(url(QStringLiteral("/connectors/c1/tasks"))),
                       "POST",
                       "[]")
                     .status,
                 204);
        // A plain OPTIONS is not a preflight.
        QCOMPARE(fetch(nam, request, "OPTIONS").status, 401);
    }

    void listenerErrors()
    {
        const auto listenWith = [](const QStringList &listeners,
                                   HttpsOptions https = HttpsOptions()) {
            HttpServerOptions options;
            options.listeners = listeners;
            options.https = https;
            HttpServer server(options, [](const HttpRequest &) { return HttpResponse::empty(204); });
            return server.listen();
        };
        auto error = listenWith({QStringLiteral("localhost:8083")});
        QCOMPARE(error.code, int(HttpErrorCode::InvalidListener));
        QCOMPARE(error.message,
                 QStringLiteral(
                     "Listener doesn't have the right format (protocol://hostname:port)."));
        error = listenWith({QStringLiteral("ftp://:8083")});
        QCOMPARE(error.message,
                 QStringLiteral("Listener protocol must be either \"http\" or \"https\"."));
        error = listenWith({QStringLiteral("http://127.0.0.1:70000")});
        QCOMPARE(error.code, int(HttpErrorCode::InvalidListener));
        error = listenWith({});
        QCOMPARE(error.code, int(HttpErrorCode::InvalidListener));

        QTcpServer occupied;
        QVERIFY(occupied.listen(QHostAddress::LocalHost));
        const QString busy = QStringLiteral("http://127.0.0.1:%1").arg(occupied.serverPort());
        error = listenWith({QStringLiteral("http://127.0.0.1:0"), busy});
        QCOMPARE(error.code, int(HttpErrorCode::Bind));
        QVERIFY(error.message.startsWith(QStringLiteral("Could not listen on ") + busy));

        error = listenWith({QStringLiteral("https://127.0.0.1:0")});
        QCOMPARE(error.code, int(HttpErrorCode::Tls));

        HttpsOptions jks;
        jks.keystoreLocation = m_dir.filePath(QStringLiteral("keystore.jks"));
        jks.keystoreType = QStringLiteral("JKS");
        {
            QFile file(jks.keystoreLocation);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromHex("feedfeed00000002"));
        }
        error = listenWith({QStringLiteral("https://127.0.0.1:0")}, jks);
        QCOMPARE(error.code, int(HttpErrorCode::Tls));
        QVERIFY(error.message.contains(QLatin1String("keytool -importkeystore")));
        jks.keystoreType = QStringLiteral("PKCS12"); // the content gives it away too
        error = listenWith({QStringLiteral("https://127.0.0.1:0")}, jks);
        QVERIFY(error.message.contains(QLatin1String("Java keystore")));
    }

    void boundUrlsAndClose()
    {
        HttpServerOptions options;
        options.listeners = {QStringLiteral("http://127.0.0.1:0"),
                             QStringLiteral("http://localhost:0")};
        HttpServer server(options, [](const HttpRequest &) { return HttpResponse::empty(204); });
        QVERIFY(!server.isListening());
        const auto error = server.listen();
        QVERIFY2(!error, qPrintable(error.message));
        const QList<QUrl> urls = server.boundUrls();
        QCOMPARE(urls.size(), 2);
        QCOMPARE(urls.at(0).scheme(), QStringLiteral("http"));
        QCOMPARE(urls.at(0).host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(urls.at(1).host(), QStringLiteral("localhost"));
        QVERIFY(urls.at(0).port() > 0);
        QVERIFY(urls.at(1).port() > 0);
        QVERIFY(urls.at(0).port() != urls.at(1).port());

        RawClient client(quint16(urls.at(1).port()));
        QVERIFY(client.waitConnected());
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.next());

        server.close();
        QVERIFY(!server.isListening());
        QVERIFY(client.waitClosed());
        QTcpSocket refused;
        refused.connectToHost(QHostAddress::LocalHost, quint16(urls.at(0).port()));
        QVERIFY(waitFor([&] { return refused.state() == QAbstractSocket::UnconnectedState; }));

        QVERIFY(!server.listen()); // listens again
        QCOMPARE(server.boundUrls().size(), 2);

        HttpServerOptions any;
        any.listeners = {QStringLiteral("http://:0")};
        HttpServer anyServer(any, [](const HttpRequest &) { return HttpResponse::empty(204); });
        QVERIFY(!anyServer.listen());
        QCOMPARE(anyServer.boundUrls().value(0).host(), QStringLiteral("0.0.0.0"));
    }

    void https()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed");
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend");

        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        const QString encryptedKey = m_dir.filePath(QStringLiteral("key-encrypted.pem"));
        const QString keystore = m_dir.filePath(QStringLiteral("keystore.p12"));
        QVERIFY(runOpenssl({QStringLiteral("req"),
                            QStringLiteral("-x509"),
                            QStringLiteral("-newkey"),
                            QStringLiteral("rsa:2048"),
                            QStringLiteral("-nodes"),
                            QStringLiteral("-keyout"),
                            key,
                            QStringLiteral("-out"),
                            cert,
                            QStringLiteral("-days"),
                            QStringLiteral("2"),
                            QStringLiteral("-subj"),
                            QStringLiteral("/CN=localhost"),
                            QStringLiteral("-addext"),
                            QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")}));
        QVERIFY(runOpenssl({QStringLiteral("pkcs12"),
                            QStringLiteral("-export"),
                            QStringLiteral("-in"),
                            cert,
                            QStringLiteral("-inkey"),
                            key,
                            QStringLiteral("-out"),
                            keystore,
                            QStringLiteral("-passout"),
                            QStringLiteral("pass:changeit")}));
        QVERIFY(runOpenssl({QStringLiteral("pkey"),
                            QStringLiteral("-in"),
                            key,
                            QStringLiteral("-aes256"),
                            QStringLiteral("-passout"),
                            QStringLiteral("pass:keypass"),
                            QStringLiteral("-out"),
                            encryptedKey}));

        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates(QSslCertificate::fromPath(cert));

        const auto check = [&](const HttpsOptions &https) {
            HttpServerOptions options;
            options.listeners = {QStringLiteral("https://127.0.0.1:0"),
                                 QStringLiteral("http://127.0.0.1:0")};
            options.https = https;
            const quint16 port = start(options);
            QVERIFY(port);
            QCOMPARE(m_server->boundUrls().at(0).scheme(), QStringLiteral("https"));
            QNetworkAccessManager nam;
            QNetworkRequest request(url(QStringLiteral("/connectors")));
            request.setSslConfiguration(trusting);
            const Reply reply = fetch(nam, request, "GET");
            QVERIFY2(reply.error == QNetworkReply::NoError, qPrintable(reply.errorString));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.body, QByteArray(R"(["a","b"])"));
            // The same server also speaks plain HTTP on its other listener.
            const Reply plain = fetch(nam,
                                      QNetworkRequest(QUrl(m_server->boundUrls().at(1).toString()
                                                           + "/connectors")),
                                      "GET");
            QCOMPARE(plain.status, 200);
        };

        HttpsOptions pem;
        pem.pemCertificateLocation = cert;
        pem.pemKeyLocation = key;
        check(pem);
        if (QTest::currentTestFailed())
            return;

        HttpsOptions encrypted = pem;
        encrypted.pemKeyLocation = encryptedKey;
        encrypted.keyPassword = QStringLiteral("keypass");
        check(encrypted);
        if (QTest::currentTestFailed())
            return;

        const HttpsOptions pkcs12 = HttpsOptions::fromProperties(
            {{QStringLiteral("listeners.https.ssl.keystore.location"), keystore},
             {QStringLiteral("listeners.https.ssl.keystore.password"), QStringLiteral("changeit")},
             {QStringLiteral("ssl.keystore.location"), QStringLiteral("/ignored")}});
        QCOMPARE(pkcs12.keystoreLocation, keystore);
        QCOMPARE(pkcs12.keystoreType, QStringLiteral("PKCS12"));
        check(pkcs12);
        if (QTest::currentTestFailed())
            return;

        // Wrong passwords: clear errors that do not repeat the password.
        HttpsOptions wrong = pkcs12;
        wrong.keystorePassword = QStringLiteral("not-it");
        HttpServerOptions options;
        options.listeners = {QStringLiteral("https://127.0.0.1:0")};
        options.https = wrong;
        HttpServer server(options, [](const HttpRequest &) { return HttpResponse::empty(204); });
        auto error = server.listen();
        QCOMPARE(error.code, int(HttpErrorCode::Tls));
        QVERIFY(error.message.contains(QLatin1String("PKCS12")));
        QVERIFY(!error.message.contains(QLatin1String("not-it")));

        HttpsOptions wrongKey = encrypted;
        wrongKey.keyPassword = QStringLiteral("nope");
        options.https = wrongKey;
        HttpServer keyServer(options, [](const HttpRequest &) { return HttpResponse::empty(204); });
        error = keyServer.listen();
        QCOMPARE(error.code, int(HttpErrorCode::Tls));
        QVERIFY(!error.message.contains(QLatin1String("nope")));

        // Unprefixed ssl.* keys count only when no listeners.https.* key is set.
        const HttpsOptions unprefixed = HttpsOptions::fromProperties(
            {{QStringLiteral("ssl.keystore.location"), keystore},
             {QStringLiteral("ssl.enabled.protocols"), QStringLiteral("TLSv1.3")}});
        QCOMPARE(unprefixed.keystoreLocation, keystore);
        QCOMPARE(unprefixed.enabledProtocols, QStringList{QStringLiteral("TLSv1.3")});
    }
};

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
