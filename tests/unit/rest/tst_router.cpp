// SPDX-License-Identifier: Apache-2.0
#include "core/rest/router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <stdexcept>

using namespace ConnectDesk::Rest;

namespace {

HttpRequest request(const QByteArray &method, const QByteArray &target)
{
    HttpRequest result;
    result.method = method;
    const qsizetype question = target.indexOf('?');
    result.setTarget(question < 0 ? target : target.left(question),
                     question < 0 ? QByteArray() : target.mid(question + 1));
    return result;
}

/** A handler answering with its name and the captured parameters. */
Router::Handler echo(const QString &name)
{
    return [name](const HttpRequest &, const PathParams &params) {
        QJsonObject object{{QStringLiteral("route"), name}};
        for (auto it = params.constBegin(); it != params.constEnd(); ++it)
            object.insert(it.key(), it.value());
        return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
    };
}

QJsonObject bodyOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

} // namespace

class tst_Router : public QObject
{
    Q_OBJECT

private:
    Router m_router;

private slots:
    void initTestCase()
    {
        m_router.add("GET", QStringLiteral("/"), echo(QStringLiteral("root")));
        m_router.add("GET", QStringLiteral("/connectors"), echo(QStringLiteral("list")));
        m_router.add("POST", QStringLiteral("/connectors"), echo(QStringLiteral("create")));
        m_router.add("GET", QStringLiteral("/connectors/{connector}"), echo(QStringLiteral("info")));
        m_router.add("DELETE",
                     QStringLiteral("/connectors/{connector}"),
                     echo(QStringLiteral("delete")));
        m_router.add("GET",
                     QStringLiteral("/connectors/{connector}/status"),
                     echo(QStringLiteral("status")));
        m_router.add("GET",
                     QStringLiteral("/connectors/{connector}/tasks/{task}/status"),
                     echo(QStringLiteral("taskStatus")));
        m_router.add("POST",
                     QStringLiteral("/connectors/{connector}/tasks/{task}/restart"),
                     echo(QStringLiteral("taskRestart")));
        m_router.add("PUT",
                     QStringLiteral("/connectors/{connector}/pause"),
                     [](const HttpRequest &, const PathParams &) {
                         return HttpResponse::empty(202);
                     });
        m_router.add("GET", QStringLiteral("/special/fixed"), echo(QStringLiteral("fixed")));
        m_router.add("GET", QStringLiteral("/special/{name}"), echo(QStringLiteral("variable")));
        m_router.add("POST", QStringLiteral("/special/other"), echo(QStringLiteral("other")));
        m_router.add("GET",
                     QStringLiteral("/throws/std"),
                     [](const HttpRequest &, const PathParams &) -> HttpResponse {
                         throw std::runtime_error("Something \"broke\"\nbadly");
                     });
        m_router.add("GET",
                     QStringLiteral("/throws/int"),
                     [](const HttpRequest &, const PathParams &) -> HttpResponse { throw 42; });
    }

    void exactMatch_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("route");

        QTest::newRow("root") << QByteArray("GET") << QByteArray("/") << "root";
        QTest::newRow("list") << QByteArray("GET") << QByteArray("/connectors") << "list";
        QTest::newRow("trailing slash")
            << QByteArray("GET") << QByteArray("/connectors/") << "list";
        QTest::newRow("create") << QByteArray("POST") << QByteArray("/connectors") << "create";
        QTest::newRow("info") << QByteArray("GET") << QByteArray("/connectors/a") << "info";
        QTest::newRow("info trailing")
            << QByteArray("GET") << QByteArray("/connectors/a/") << "info";
        QTest::newRow("delete") << QByteArray("DELETE") << QByteArray("/connectors/a") << "delete";
        QTest::newRow("status") << QByteArray("GET") << QByteArray("/connectors/a/status")
                                << "status";
        QTest::newRow("task status")
            << QByteArray("GET") << QByteArray("/connectors/a/tasks/0/status") << "taskStatus";
        QTest::newRow("lower-case method")
            << QByteArray("get") << QByteArray("/connectors") << "list";
        QTest::newRow("literal beats variable")
            << QByteArray("GET") << QByteArray("/special/fixed") << "fixed";
        QTest::newRow("variable") << QByteArray("GET") << QByteArray("/special/thing")
                                  << "variable";
    }

    void exactMatch()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QString, route);
        const HttpResponse response = m_router.dispatch(request(method, target));
        QCOMPARE(response.status, 200);
        QCOMPARE(bodyOf(response).value(QStringLiteral("route")).toString(), route);
    }

    void params()
    {
        const HttpResponse response = m_router.dispatch(
            request("POST", "/connectors/my%20conn/tasks/3/restart"));
        QCOMPARE(response.status, 200);
        const QJsonObject body = bodyOf(response);
        QCOMPARE(body.value(QStringLiteral("route")).toString(), QStringLiteral("taskRestart"));
        QCOMPARE(body.value(QStringLiteral("connector")).toString(), QStringLiteral("my conn"));
        QCOMPARE(body.value(QStringLiteral("task")).toString(), QStringLiteral("3"));
    }

    void encodedSlashStaysInSegment()
    {
        const HttpRequest req = request("GET", "/connectors/a%2Fb");
        QCOMPARE(req.pathSegments,
                 QStringList({QStringLiteral("connectors"), QStringLiteral("a/b")}));
        QCOMPARE(req.path, QStringLiteral("/connectors/a/b"));
        const HttpResponse response = m_router.dispatch(req);
        QCOMPARE(response.status, 200);
        QCOMPARE(bodyOf(response).value(QStringLiteral("route")).toString(), QStringLiteral("info"));
        QCOMPARE(bodyOf(response).value(QStringLiteral("connector")).toString(),
                 QStringLiteral("a/b"));

        const HttpResponse status = m_router.dispatch(request("GET", "/connectors/a%2Fb/status"));
        QCOMPARE(bodyOf(status).value(QStringLiteral("connector")).toString(),
                 QStringLiteral("a/b"));
        // Unicode, percent-encoded as UTF-8.
        const HttpResponse unicode = m_router.dispatch(request("GET", "/connectors/caf%C3%A9"));
        QCOMPARE(bodyOf(unicode).value(QStringLiteral("connector")).toString(),
                 QStringLiteral("caf\u00e9"));
    }

    void notFound_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("unknown") << QByteArray("GET") << QByteArray("/nope");
        QTest::newRow("too deep") << QByteArray("GET") << QByteArray("/connectors/a/b/c/d/e/f");
        QTest::newRow("empty variable") << QByteArray("GET") << QByteArray("/connectors//status");
        QTest::newRow("double trailing slash") << QByteArray("GET") << QByteArray("/connectors//");
        QTest::newRow("unknown with POST") << QByteArray("POST") << QByteArray("/nope");
        QTest::newRow("case matters") << QByteArray("GET") << QByteArray("/Connectors");
    }

    void notFound()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        const HttpResponse response = m_router.dispatch(request(method, target));
        QCOMPARE(response.status, 404);
        QCOMPARE(response.contentType, QByteArray("application/json"));
        QCOMPARE(response.body, QByteArray(R"({"error_code":404,"message":"HTTP 404 Not Found"})"));
    }

    void methodNotAllowed()
    {
        const HttpResponse response = m_router.dispatch(request("PUT", "/connectors"));
        QCOMPARE(response.status, 405);
        QCOMPARE(response.body,
                 QByteArray(R"({"error_code":405,"message":"HTTP 405 Method Not Allowed"})"));
        QCOMPARE(response.header("Allow"), QByteArray("GET,POST,HEAD,OPTIONS"));

        // The most specific template decides, even if a less specific one has the method.
        const HttpResponse other = m_router.dispatch(request("POST", "/special/fixed"));
        QCOMPARE(other.status, 405);
        QCOMPARE(other.header("Allow"), QByteArray("GET,HEAD,OPTIONS"));

        const HttpResponse unknownMethod = m_router.dispatch(request("FOO", "/connectors/a"));
        QCOMPARE(unknownMethod.status, 405);
        QCOMPARE(unknownMethod.header("Allow"), QByteArray("GET,DELETE,HEAD,OPTIONS"));
    }

    void head()
    {
        const HttpResponse get = m_router.dispatch(request("GET", "/connectors/x/status"));
        const HttpResponse head = m_router.dispatch(request("HEAD", "/connectors/x/status"));
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.contentType, get.contentType);
        QCOMPARE(head.header("Content-Length"), QByteArray::number(get.body.size()));

        // HEAD where there is no GET: 405.
        const HttpResponse noGet = m_router.dispatch(request("HEAD", "/connectors/x/pause"));
        QCOMPARE(noGet.status, 405);
        QCOMPARE(noGet.header("Allow"), QByteArray("PUT,OPTIONS"));

        // HEAD of an unknown path: 404 status, no body.
        const HttpResponse missing = m_router.dispatch(request("HEAD", "/nope"));
        QCOMPARE(missing.status, 404);
    }

    void options()
    {
        const HttpResponse response = m_router.dispatch(request("OPTIONS", "/connectors"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Allow"), QByteArray("GET,POST,HEAD,OPTIONS"));
        QCOMPARE(response.contentType, QByteArray("text/plain"));
        QCOMPARE(response.body, QByteArray("GET, POST, HEAD, OPTIONS"));
        QCOMPARE(m_router.dispatch(request("OPTIONS", "/nope")).status, 404);
        QCOMPARE(m_router.allowedMethods(QStringList{QStringLiteral("connectors"),
                                                     QStringLiteral("a"),
                                                     QStringLiteral("pause")}),
                 QList<QByteArray>({"PUT", "OPTIONS"}));
        QVERIFY(m_router.allowedMethods(QStringList{QStringLiteral("nope")}).isEmpty());
    }

    void emptyResponse()
    {
        const HttpResponse response = m_router.dispatch(request("PUT", "/connectors/a/pause"));
        QCOMPARE(response.status, 202);
        QVERIFY(response.body.isEmpty());
        QVERIFY(response.contentType.isEmpty());
    }

    void exceptions()
    {
        const HttpResponse response = m_router.dispatch(request("GET", "/throws/std"));
        QCOMPARE(response.status, 500);
        QCOMPARE(response.body,
                 QByteArray(
                     "{\"error_code\":500,\"message\":\"Something \\\"broke\\\"\\nbadly\"}"));
        const HttpResponse other = m_router.dispatch(request("GET", "/throws/int"));
        QCOMPARE(other.status, 500);
        QCOMPARE(bodyOf(other).value(QStringLiteral("error_code")).toInt(), 500);
    }

    void replaceRoute()
    {
        Router router;
        router.add("GET", QStringLiteral("/a/{x}"), echo(QStringLiteral("first")));
        router.add("GET", QStringLiteral("/a/{y}"), echo(QStringLiteral("second")));
        const HttpResponse response = router.dispatch(request("GET", "/a/1"));
        QCOMPARE(bodyOf(response).value(QStringLiteral("route")).toString(),
                 QStringLiteral("second"));
        QCOMPARE(bodyOf(response).value(QStringLiteral("y")).toString(), QStringLiteral("1"));
    }

    void queryItems()
    {
        const HttpRequest req = request(
            "GET", "/connectors?expand=status&expand=info&forward=true&a+b=c%2Bd+e&flag&=x&&k=v=w");
        QCOMPARE(req.queryValues(QStringLiteral("expand")),
                 QStringList({QStringLiteral("status"), QStringLiteral("info")}));
        QCOMPARE(req.queryValue(QStringLiteral("forward")),
                 std::optional<QString>(QStringLiteral("true")));
        QCOMPARE(req.queryValue(QStringLiteral("a b")),
                 std::optional<QString>(QStringLiteral("c+d e")));
        QCOMPARE(req.queryValue(QStringLiteral("flag")), std::optional<QString>(QString()));
        QCOMPARE(req.queryValue(QStringLiteral("")), std::optional<QString>(QStringLiteral("x")));
        QCOMPARE(req.queryValue(QStringLiteral("k")), std::optional<QString>(QStringLiteral("v=w")));
        QCOMPARE(req.queryValue(QStringLiteral("missing")), std::nullopt);
        QCOMPARE(req.query.size(), 7);
    }

    void helpers()
    {
        HttpRequest req;
        req.headers = {{"content-TYPE", "application/json"}, {"X-A", "1"}, {"x-a", "2"}};
        QCOMPARE(req.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(req.header("X-A"), QByteArray("1"));
        QVERIFY(req.header("Missing").isNull());

        HttpResponse response = HttpResponse::error(409,
                                                    QStringLiteral("Connector a already exists"));
        QCOMPARE(response.body,
                 QByteArray(R"({"error_code":409,"message":"Connector a already exists"})"));
        response.addHeader("Vary", "Origin");
        response.addHeader("vary", "Accept");
        response.setHeader("VARY", "X");
        QCOMPARE(response.headers.size(), 1);
        QCOMPARE(response.header("vary"), QByteArray("X"));

        const HttpResponse empty = HttpResponse::empty(204);
        QVERIFY(empty.contentType.isEmpty());
        QVERIFY(empty.body.isEmpty());
        QCOMPARE(statusMessage(404), QStringLiteral("HTTP 404 Not Found"));
        QCOMPARE(statusMessage(405), QStringLiteral("HTTP 405 Method Not Allowed"));
    }
};

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"
