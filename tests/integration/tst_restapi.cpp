// SPDX-License-Identifier: Apache-2.0
// Kafka Connect REST API conformance: one distributed worker (embedded broker) driven over HTTP
// with QNetworkAccessManager, asserting Kafka's status codes, error bodies and entity shapes
// (the shared Kafka Connect reference, §1, §2, §5, §9). Each test function uses its own
// connector names and topics, so they share the worker without interfering.
#include "tests/support/childprocess.h"
#include "tests/support/testfiles.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

using namespace ConnectDesk::TestSupport;
using namespace Qt::StringLiterals;

namespace {

constexpr int RequestTimeoutMs = 120000; // above the worker's own 90 s herder timeout
constexpr int WaitMs = 60000;
constexpr int Clients = 32;

const QString StoppedMessage = u"Connectors must be in the STOPPED state before their offsets "
                               "can be modified. This can be done for the specified connector "
                               "by issuing a 'PUT' request to the '/connectors/%1/stop' endpoint"_s;
const QString NoOffsetsMessage
    = u"Partitions / offsets need to be provided for an alter offsets request"_s;

/** One HTTP answer as the tests look at it. */
struct Reply
{
    QByteArray method;
    QString path;
    int status = 0; // 0: no HTTP answer (connection error, timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;
    QJsonDocument json;

    /** Null when absent. */
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value.isNull() ? QByteArray("") : value;
        }
        return {};
    }
    QJsonObject object() const { return json.object(); }
    QJsonArray array() const { return json.array(); }
    QString describe() const
    {
        QString text = u"%1 %2 → %3 %4"_s.arg(QString::fromLatin1(method), path)
                           .arg(status)
                           .arg(QString::fromUtf8(body.left(2000)));
        return networkError.isEmpty() ? text : text + u" ("_s + networkError + u')';
    }
};

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject toObject(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QByteArray createBody(const QString &name,
                      const QMap<QString, QString> &config,
                      const QString &initialState = {})
{
    QJsonObject body{{u"name"_s, name}, {u"config"_s, toObject(config)}};
    if (!initialState.isEmpty())
        body.insert(u"initial_state"_s, initialState);
    return toJson(body);
}

/** /connectors/<name><tail>, the name percent-encoded. */
QString connectorPath(const QString &name, const QString &tail = {})
{
    return u"/connectors/"_s + QString::fromLatin1(QUrl::toPercentEncoding(name)) + tail;
}

QJsonObject offsetEntry(const QJsonObject &partition, const QJsonValue &offset)
{
    return {{u"partition"_s, partition}, {u"offset"_s, offset}};
}

QByteArray offsetsBody(const QJsonArray &offsets)
{
    return toJson({{u"offsets"_s, offsets}});
}

QJsonObject message(const QString &text)
{
    return {{u"message"_s, text}};
}

/** Empty when the reply is Connect's error body {"error_code": status, "message": message}
 *  with that HTTP status; otherwise what differs. A null message accepts any non-empty one. */
QString errorMismatch(const Reply &reply, int status, const QString &message = {})
{
    const QJsonObject object = reply.object();
    QStringList problems;
    if (reply.status != status)
        problems << u"status %1, expected %2"_s.arg(reply.status).arg(status);
    if (!reply.json.isObject() || object.size() != 2)
        problems << u"not an {error_code, message} object"_s;
    if (object.value(u"error_code"_s).toInt(-1) != status)
        problems << u"error_code is not %1"_s.arg(status);
    const QString actual = object.value(u"message"_s).toString();
    if (message.isNull() ? actual.isEmpty() : actual != message)
        problems << u"message\n  actual:   %1\n  expected: %2"_s.arg(actual, message);
    if (!reply.header("Content-Type").startsWith("application/json"))
        problems << u"Content-Type '%1'"_s.arg(QString::fromLatin1(reply.header("Content-Type")));
    if (problems.isEmpty())
        return {};
    return problems.join(u"; "_s) + u'\n' + reply.describe();
}

/** Like errorMismatch, with the message matched by a regular expression. */
QString errorMatchMismatch(const Reply &reply, int status, const QString &pattern)
{
    QString problems = errorMismatch(reply, status);
    const QString actual = reply.object().value(u"message"_s).toString();
    const QRegularExpression expression(pattern, QRegularExpression::DotMatchesEverythingOption);
    if (!expression.match(actual).hasMatch())
        problems += u"\nmessage '%1' does not match '%2'\n%3"_s.arg(actual,
                                                                    pattern,
                                                                    reply.describe());
    return problems;
}

/** Empty when the reply has that status, no body and no Content-Type (Kafka's 202/204). */
QString emptyMismatch(const Reply &reply, int status)
{
    QStringList problems;
    if (reply.status != status)
        problems << u"status %1, expected %2"_s.arg(reply.status).arg(status);
    if (!reply.body.isEmpty())
        problems << u"has a body"_s;
    if (!reply.header("Content-Type").isNull())
        problems << u"has Content-Type '%1'"_s.arg(
            QString::fromLatin1(reply.header("Content-Type")));
    if (problems.isEmpty())
        return {};
    return problems.join(u"; "_s) + u'\n' + reply.describe();
}

/** Kafka's 400 message for a config that failed validation (header, errors, validate hint). */
QString invalidConfigMessage(const QStringList &errors)
{
    return u"Connector configuration is invalid and contains the following %1 error(s):\n"_s.arg(
               errors.size())
           + errors.join(u'\n')
           + u"\nYou can also find the above list of errors at the endpoint "
             "`/connector-plugins/{connectorType}/config/validate`"_s;
}

QStringList stringsOf(const QJsonArray &array)
{
    QStringList result;
    for (const QJsonValue &value : array)
        result << value.toString();
    return result;
}

/** Polls predicate (which may issue requests) until it holds or timeoutMs passed. */
bool waitFor(const std::function<bool()> &predicate, int timeoutMs = WaitMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!predicate()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}

/** A record read back with kcat; value nullopt for a tombstone. */
struct TopicEntry
{
    QByteArray key;
    std::optional<QByteArray> value;
};

/** Every record of a topic through `kcat -C -e`, length-prefixed so that no byte of a key or
 *  value can confuse the parser; nullopt (with *error) when kcat failed. */
// Key length, value length (-1: null), then key and value bytes.
const QString KcatFormat = u"%K %S\\n%k%s\\n"_s;

std::optional<QList<TopicEntry>> readWithKcat(const QString &broker,
                                              const QString &topic,
                                              QString *error)
{
    QProcess kcat;
    kcat.start(u"kcat"_s,
               {u"-C"_s, u"-e"_s, u"-q"_s, u"-b"_s, broker, u"-t"_s, topic, u"-f"_s, KcatFormat});
    if (!kcat.waitForFinished(60000) || kcat.exitStatus() != QProcess::NormalExit
        || kcat.exitCode() != 0) {
        kcat.kill();
        *error = u"kcat failed (exit %1): %2"_s.arg(kcat.exitCode())
                     .arg(QString::fromUtf8(kcat.readAllStandardError()));
        return std::nullopt;
    }
    const QByteArray out = kcat.readAllStandardOutput();
    QList<TopicEntry> entries;
    qsizetype pos = 0;
    while (pos < out.size()) {
        const qsizetype eol = out.indexOf('\n', pos);
        const QList<QByteArray> lengths = out.mid(pos, eol - pos).split(' ');
        bool keyOk = false;
        bool valueOk = false;
        const qsizetype keyLength = lengths.size() == 2 ? lengths.at(0).toLongLong(&keyOk) : -1;
        const qsizetype valueLength = lengths.size() == 2 ? lengths.at(1).toLongLong(&valueOk) : -1;
        if (eol < 0 || !keyOk || !valueOk) {
            *error = u"unparsable kcat output at byte %1"_s.arg(pos);
            return std::nullopt;
        }
        pos = eol + 1;
        TopicEntry entry;
        entry.key = out.mid(pos, qMax<qsizetype>(keyLength, 0)); // -1: null key
        pos += qMax<qsizetype>(keyLength, 0);
        if (valueLength >= 0)
            entry.value = out.mid(pos, valueLength);
        pos += qMax<qsizetype>(valueLength, 0);
        if (pos >= out.size() || out.at(pos) != '\n') {
            *error = u"kcat record not terminated at byte %1"_s.arg(pos);
            return std::nullopt;
        }
        ++pos;
        entries.append(entry);
    }
    return entries;
}

} // namespace

/**
 * The suite. Owns one worker child process (started in initTestCase, stopped in
 * cleanupTestCase) and the QNetworkAccessManager of the synchronous helpers. Thread: main.
 */
class tst_RestApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void rootAndHealth();
    void createConnector();
    void createRejectsInvalidConfigs();
    void createRejectsBadNames();
    void createRejectsBadBodies();
    void createWithNonAsciiName();
    void createWithInitialState_data();
    void createWithInitialState();
    void listConnectors();
    void getAndPutConfig();
    void patchConfig();
    void statusAndTasks();
    void pauseResumeStop();
    void restart();
    void deleteConnector();
    void topics();
    void sourceOffsets();
    void alterOffsetsChecksTheBodyFirst();
    void sinkOffsets();
    void connectorPlugins();
    void loggers();
    void routing();
    void concurrentCreatesAndDeletes();

private:
    QNetworkReply *send(QNetworkAccessManager &manager,
                        const QByteArray &method,
                        const QString &path,
                        const QByteArray &body = {});
    static Reply collect(QNetworkReply *reply, const QByteArray &method, const QString &path);
    /** Sends one request and waits for its answer (spinning the event loop). */
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {});
    Reply get(const QString &path) { return request("GET", path); }
    Reply post(const QString &path, const QByteArray &body = {})
    {
        return request("POST", path, body);
    }
    Reply put(const QString &path, const QByteArray &body = {})
    {
        return request("PUT", path, body);
    }
    Reply patch(const QString &path, const QByteArray &body)
    {
        return request("PATCH", path, body);
    }
    Reply remove(const QString &path) { return request("DELETE", path); }
    /** POST /connectors; the HTTP status. */
    int create(const QString &name, const QMap<QString, QString> &config)
    {
        return post(u"/connectors"_s, createBody(name, config)).status;
    }

    /** Empty once /status shows exactly these connector and task states; otherwise (after
     *  WaitMs) the last status answer. */
    QString waitForStatus(const QString &name, const QString &connector, const QStringList &tasks);
    QString waitForRunning(const QString &name)
    {
        return waitForStatus(name, u"RUNNING"_s, {u"RUNNING"_s});
    }
    QList<TopicEntry> topicEntries(const QString &topic, QString *error);
    QString idleFile() const { return m_dir->filePath(u"idle.txt"_s); }
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ChildProcess> m_worker;
    QString m_base;
    QString m_broker;
    QNetworkAccessManager m_manager;
};

QNetworkReply *tst_RestApi::send(QNetworkAccessManager &manager,
                                 const QByteArray &method,
                                 const QString &path,
                                 const QByteArray &body)
{
    QNetworkRequest request(QUrl(m_base + path, QUrl::TolerantMode));
    request.setTransferTimeout(RequestTimeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (method == "HEAD")
        return manager.head(request);
    return manager.sendCustomRequest(request, method, body);
}

Reply tst_RestApi::collect(QNetworkReply *reply, const QByteArray &method, const QString &path)
{
    Reply result;
    result.method = method;
    result.path = path;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    result.json = QJsonDocument::fromJson(result.body);
    return result;
}

Reply tst_RestApi::request(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QNetworkReply *reply = send(m_manager, method, path, body);
    if (!reply->isFinished()) {
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Reply result = collect(reply, method, path);
    reply->deleteLater();
    return result;
}

QString tst_RestApi::waitForStatus(const QString &name,
                                   const QString &connector,
                                   const QStringList &tasks)
{
    Reply last;
    const bool reached = waitFor([&] {
        last = get(connectorPath(name, u"/status"_s));
        QStringList taskStates;
        for (const QJsonValue &task : last.object().value(u"tasks"_s).toArray())
            taskStates << task[u"state"_s].toString();
        return last.status == 200
               && last.object()[u"connector"_s][u"state"_s].toString() == connector
               && taskStates == tasks;
    });
    if (reached)
        return {};
    return u"waited for %1 with tasks [%2]; last: %3"_s.arg(connector,
                                                            tasks.join(u','),
                                                            last.describe());
}

QList<TopicEntry> tst_RestApi::topicEntries(const QString &topic, QString *error)
{
    return readWithKcat(m_broker, topic, error).value_or(QList<TopicEntry>());
}

void tst_RestApi::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY2(QFileInfo(workerBinary()).isExecutable(), qPrintable(workerBinary()));
    QVERIFY2(!QStandardPaths::findExecutable(u"kcat"_s).isEmpty(), "kcat is not installed");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeFile(idleFile(), QByteArray())); // sources with nothing to read

    QMap<QString, QString> properties = workerProperties(m_dir->path());
    properties.remove(u"offset.storage.file.filename"_s);
    const QString json = u"org.apache.kafka.connect.json.JsonConverter"_s;
    properties.insert({
        {u"group.id"_s, u"restapi"_s},
        {u"config.storage.topic"_s, u"restapi-configs"_s},
        {u"offset.storage.topic"_s, u"restapi-offsets"_s},
        {u"status.storage.topic"_s, u"restapi-status"_s},
        {u"key.converter"_s, json},
        {u"value.converter"_s, json},
        {u"key.converter.schemas.enable"_s, u"false"_s},
        {u"value.converter.schemas.enable"_s, u"false"_s},
        {u"offset.flush.interval.ms"_s, u"500"_s},
        {u"consumer.session.timeout.ms"_s, u"6000"_s},
    });
    const QString workerFile = path(u"worker.properties"_s);
    QVERIFY(writeProperties(workerFile, properties));

    m_worker = std::make_unique<ChildProcess>(u"worker"_s);
    QVERIFY(m_worker->startWorker({u"distributed"_s, workerFile}));
    const QString url = m_worker->waitForLine(u"REST API: "_s, 120000).trimmed();
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), qPrintable(m_worker->transcript()));
    m_base = url.endsWith(u'/') ? url.chopped(1) : url;
    m_broker = m_worker->waitForBroker();
    QVERIFY2(!m_broker.isEmpty(), qPrintable(m_worker->transcript()));
    Reply last;
    QVERIFY2(waitFor([&] { return (last = get(u"/health"_s)).status == 200; }, 120000),
             qPrintable(last.describe()));
}

void tst_RestApi::cleanupTestCase()
{
    if (!m_worker)
        return;
    // The worker must have lived through every request of the suite.
    QVERIFY2(m_worker->isRunning(),
             qPrintable(u"worker ended (exit %1, %2)\n%3"_s.arg(m_worker->exitCode())
                            .arg(m_worker->exitStatus() == QProcess::CrashExit ? u"crashed"_s
                                                                               : u"exited"_s)
                            .arg(m_worker->transcript())));
    QVERIFY(m_worker->terminate());
    QCOMPARE(m_worker->exitStatus(), QProcess::NormalExit);
}

void tst_RestApi::rootAndHealth()
{
    const Reply root = get(u"/"_s);
    QCOMPARE(root.status, 200);
    QVERIFY(root.header("Content-Type").startsWith("application/json"));
    QVERIFY2(!root.object()[u"version"_s].toString().isEmpty(), qPrintable(root.describe()));
    QVERIFY2(!root.object()[u"commit"_s].toString().isEmpty(), qPrintable(root.describe()));
    QVERIFY2(root.object()[u"kafka_cluster_id"_s].toString().startsWith(u"mockCluster"_s),
             qPrintable(root.describe()));

    const Reply health = get(u"/health"_s);
    QCOMPARE(health.status, 200);
    QCOMPARE(health.object(),
             (QJsonObject{{u"status"_s, u"healthy"_s},
                          {u"message"_s,
                           u"Worker has completed startup and is ready to handle requests."_s}}));
}

void tst_RestApi::createConnector()
{
    const auto config = fileSourceConfig(u"create-a"_s, idleFile(), u"create-t"_s);
    QMap<QString, QString> withoutName = config;
    withoutName.remove(u"name"_s);

    const Reply created = post(u"/connectors"_s, createBody(u"create-a"_s, withoutName));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.header("Location"), QByteArray("/connectors/create-a"));
    QCOMPARE(created.object(),
             (QJsonObject{{u"name"_s, u"create-a"_s},
                          {u"config"_s, toObject(config)}, // name inserted
                          {u"tasks"_s, QJsonArray()},
                          {u"type"_s, u"source"_s}}));

    const Reply duplicate = post(u"/connectors"_s, createBody(u"create-a"_s, config));
    QCOMPARE(errorMismatch(duplicate, 409, u"Connector create-a already exists"_s), QString());

    QMap<QString, QString> other = config;
    other.insert(u"name"_s, u"create-other"_s);
    const Reply mismatch = post(u"/connectors"_s, createBody(u"create-b"_s, other));
    QCOMPARE(errorMismatch(mismatch,
                           400,
                           u"Connector name configuration (create-other) doesn't match connector "
                           "name in the URL (create-b)"_s),
             QString());
    QCOMPARE(get(connectorPath(u"create-b"_s)).status, 404);

    // The name is trimmed; unknown query parameters are ignored.
    const Reply trimmed = post(u"/connectors?dryRun=true"_s,
                               createBody(u"  create-c "_s, withoutName));
    QCOMPARE(trimmed.status, 201);
    QCOMPARE(trimmed.object()[u"name"_s].toString(), u"create-c"_s);
    QCOMPARE(trimmed.header("Location"), QByteArray("/connectors/create-c"));

    QCOMPARE(waitForRunning(u"create-a"_s), QString());
    const Reply info = get(connectorPath(u"create-a"_s, u"?unknown=1&x"_s));
    QCOMPARE(info.status, 200);
    QCOMPARE(info.object()[u"tasks"_s].toArray(),
             (QJsonArray{QJsonObject{{u"connector"_s, u"create-a"_s}, {u"task"_s, 0}}}));
}

void tst_RestApi::createRejectsInvalidConfigs()
{
    const Reply noClass = post(u"/connectors"_s,
                               createBody(u"invalid-a"_s, {{u"topic"_s, u"invalid-t"_s}}));
    QCOMPARE(errorMatchMismatch(
                 noClass,
                 400,
                 u"^Connector config \\{.*topic=invalid-t.*\\} contains no connector type$"_s),
             QString());

    auto unknown = fileSourceConfig(u"invalid-b"_s, idleFile(), u"invalid-t"_s);
    unknown.insert(u"connector.class"_s, u"NoSuchConnector"_s);
    QCOMPARE(errorMatchMismatch(post(u"/connectors"_s, createBody(u"invalid-b"_s, unknown)),
                                500,
                                u"^Failed to find any class that implements Connector and which "
                                "name matches NoSuchConnector, available connectors are: .*"
                                "org\\.apache\\.kafka\\.connect\\.file\\."
                                "FileStreamSourceConnector"_s),
             QString());

    auto zeroTasks = fileSourceConfig(u"invalid-c"_s, idleFile(), u"invalid-t"_s);
    zeroTasks.insert(u"tasks.max"_s, u"0"_s);
    QCOMPARE(errorMismatch(post(u"/connectors"_s, createBody(u"invalid-c"_s, zeroTasks)),
                           400,
                           invalidConfigMessage({u"Invalid value 0 for configuration tasks.max: "
                                                 "Value must be at least 1"_s})),
             QString());

    // Distributed: a sink's consumer group must not be the workers' group ("restapi").
    auto groupClash = fileSinkConfig(u"invalid-d"_s, idleFile(), u"invalid-t"_s);
    groupClash.insert(u"consumer.override.group.id"_s, u"restapi"_s);
    QCOMPARE(errorMismatch(post(u"/connectors"_s, createBody(u"invalid-d"_s, groupClash)),
                           400,
                           invalidConfigMessage({u"Consumer group restapi conflicts with Connect worker group restapi"_s})),
             QString());

    const Reply list = get(u"/connectors"_s);
    for (const QString &name : {u"invalid-a"_s, u"invalid-b"_s, u"invalid-c"_s, u"invalid-d"_s})
        QVERIFY2(!stringsOf(list.array()).contains(name), qPrintable(list.describe()));
}

void tst_RestApi::createRejectsBadNames()
{
    auto config = fileSourceConfig(QString(), idleFile(), u"names-t"_s);
    config.remove(u"name"_s);
    const QString emptyName = invalidConfigMessage(
        {u"Invalid value  for configuration name: String may not be empty"_s});

    QCOMPARE(errorMismatch(post(u"/connectors"_s, createBody(QString(), config)), 400, emptyName),
             QString());
    QCOMPARE(errorMismatch(post(u"/connectors"_s, createBody(u"   "_s, config)), 400, emptyName),
             QString());

    // Names a REST path cannot address.
    for (const QString &name : {u"names/slash"_s, u".."_s, u"/"_s}) {
        QCOMPARE(errorMismatch(post(u"/connectors"_s, createBody(name, config)), 400), QString());
        const Reply replaced = put(connectorPath(name, u"/config"_s), toJson(toObject(config)));
        QVERIFY2(replaced.status == 400 || replaced.status == 404, qPrintable(replaced.describe()));
    }
    const Reply list = get(u"/connectors"_s);
    for (const QString &name : {u"names/slash"_s, u".."_s, u"/"_s})
        QVERIFY2(!stringsOf(list.array()).contains(name), qPrintable(list.describe()));

    // Kafka turns a missing name into "" before validating (ConnectorsResource.createConnector).
    const Reply missing = post(u"/connectors"_s, toJson({{u"config"_s, toObject(config)}}));
    QCOMPARE(errorMismatch(missing, 400, emptyName), QString());
}

void tst_RestApi::createRejectsBadBodies()
{
    QCOMPARE(errorMismatch(post(u"/connectors"_s, "{\"name\": \"bodies-a\", "), 500), QString());
    QCOMPARE(errorMismatch(post(u"/connectors"_s, "[]"), 500), QString());

    auto config = fileSourceConfig(u"bodies-b"_s, idleFile(), u"bodies-t"_s);
    config.insert(u"padding"_s, QString(1024 * 1024 + 16, u'x'));
    QCOMPARE(errorMismatch(post(u"/connectors"_s, createBody(u"bodies-b"_s, config)), 413),
             QString());
    QCOMPARE(get(connectorPath(u"bodies-b"_s)).status, 404);
    QCOMPARE(get(u"/health"_s).status, 200); // still answering after the refusal
}

void tst_RestApi::createWithNonAsciiName()
{
    const QString name = u"données-ü"_s;
    const Reply created = post(u"/connectors"_s,
                               createBody(name, fileSourceConfig(name, idleFile(), u"unicode-t"_s)));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.object()[u"name"_s].toString(), name);
    QCOMPARE(QUrl::fromPercentEncoding(created.header("Location")), u"/connectors/"_s + name);

    const Reply info = get(connectorPath(name));
    QCOMPARE(info.status, 200);
    QCOMPARE(info.object()[u"name"_s].toString(), name);
    QCOMPARE(info.object()[u"config"_s][u"name"_s].toString(), name);
    QCOMPARE(waitForRunning(name), QString());
    QVERIFY(stringsOf(get(u"/connectors"_s).array()).contains(name));
    QCOMPARE(emptyMismatch(remove(connectorPath(name)), 204), QString());
    QCOMPARE(get(connectorPath(name)).status, 404);
}

void tst_RestApi::createWithInitialState_data()
{
    QTest::addColumn<QString>("initialState");
    QTest::addColumn<QString>("state");
    QTest::newRow("PAUSED") << u"PAUSED"_s << u"PAUSED"_s;
    QTest::newRow("paused (case-insensitive)") << u"paused"_s << u"PAUSED"_s;
    QTest::newRow("STOPPED") << u"STOPPED"_s << u"STOPPED"_s;
}

void tst_RestApi::createWithInitialState()
{
    QFETCH(QString, initialState);
    QFETCH(QString, state);
    const QString name = u"initial-"_s + initialState;
    const Reply created = post(u"/connectors"_s,
                               createBody(name,
                                          fileSourceConfig(name, idleFile(), u"initial-t"_s),
                                          initialState));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.object()[u"tasks"_s].toArray(), QJsonArray());

    // Never started: no task configs until resumed.
    QCOMPARE(waitForStatus(name, state, {}), QString());
    const Reply tasks = get(connectorPath(name, u"/tasks"_s));
    QCOMPARE(tasks.status, 200);
    QCOMPARE(tasks.array(), QJsonArray());
    QCOMPARE(get(connectorPath(name)).object()[u"tasks"_s].toArray(), QJsonArray());
    if (state == u"STOPPED"_s) {
        // Created STOPPED: the offsets can be edited at once.
        const QJsonObject partition{{u"filename"_s, idleFile()}};
        const QJsonObject position{{u"position"_s, 0}};
        const Reply altered = patch(connectorPath(name, u"/offsets"_s),
                                    offsetsBody({offsetEntry(partition, position)}));
        QCOMPARE(altered.status, 200);
        QCOMPARE(get(connectorPath(name, u"/offsets"_s)).object(),
                 (QJsonObject{{u"offsets"_s, QJsonArray{offsetEntry(partition, position)}}}));
    }

    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/resume"_s)), 202), QString());
    QCOMPARE(waitForRunning(name), QString());
    QCOMPARE(get(connectorPath(name, u"/tasks"_s)).array().size(), 1);
}

void tst_RestApi::listConnectors()
{
    QCOMPARE(create(u"list-src"_s, fileSourceConfig(u"list-src"_s, idleFile(), u"list-t"_s)), 201);
    QCOMPARE(create(u"list-sink"_s,
                    fileSinkConfig(u"list-sink"_s, path(u"list-out.txt"_s), u"list-t"_s)),
             201);
    QCOMPARE(waitForRunning(u"list-src"_s), QString());
    QCOMPARE(waitForRunning(u"list-sink"_s), QString());

    const Reply names = get(u"/connectors"_s);
    QCOMPARE(names.status, 200);
    QVERIFY2(names.json.isArray(), qPrintable(names.describe()));
    QVERIFY(stringsOf(names.array()).contains(u"list-src"_s));
    QVERIFY(stringsOf(names.array()).contains(u"list-sink"_s));

    const Reply withStatus = get(u"/connectors?expand=status"_s);
    QCOMPARE(withStatus.status, 200);
    const QJsonObject source = withStatus.object()[u"list-src"_s].toObject();
    QCOMPARE(source.keys(), QStringList{u"status"_s});
    const QJsonObject sourceStatus = source[u"status"_s].toObject();
    QCOMPARE(sourceStatus[u"name"_s].toString(), u"list-src"_s);
    QCOMPARE(sourceStatus[u"type"_s].toString(), u"source"_s);
    QCOMPARE(sourceStatus[u"connector"_s][u"state"_s].toString(), u"RUNNING"_s);
    QCOMPARE(sourceStatus[u"tasks"_s].toArray().size(), 1);

    const Reply withInfo = get(u"/connectors?expand=info"_s);
    QCOMPARE(withInfo.status, 200);
    const QJsonObject sink = withInfo.object()[u"list-sink"_s].toObject();
    QCOMPARE(sink.keys(), QStringList{u"info"_s});
    const QJsonObject sinkInfo = sink[u"info"_s].toObject();
    QCOMPARE(sinkInfo[u"name"_s].toString(), u"list-sink"_s);
    QCOMPARE(sinkInfo[u"type"_s].toString(), u"sink"_s);
    QCOMPARE(sinkInfo[u"config"_s][u"topics"_s].toString(), u"list-t"_s);
    QCOMPARE(sinkInfo[u"tasks"_s].toArray(),
             (QJsonArray{QJsonObject{{u"connector"_s, u"list-sink"_s}, {u"task"_s, 0}}}));

    const Reply both = get(u"/connectors?expand=status&expand=info"_s);
    QCOMPARE(both.status, 200);
    const QStringList infoAndStatus{u"info"_s, u"status"_s};
    QCOMPARE(both.object()[u"list-src"_s].toObject().keys(), infoAndStatus);
    QCOMPARE(both.object()[u"list-sink"_s].toObject().keys(), infoAndStatus);
    const QStringList expanded = both.object().keys();
    const QStringList listed = stringsOf(get(u"/connectors"_s).array());
    QCOMPARE(QSet<QString>(expanded.cbegin(), expanded.cend()),
             QSet<QString>(listed.cbegin(), listed.cend()));

    // Unknown expansions are ignored: every connector maps to an empty object.
    const Reply bogus = get(u"/connectors?expand=bogus"_s);
    QCOMPARE(bogus.status, 200);
    QCOMPARE(bogus.object()[u"list-src"_s], QJsonValue(QJsonObject()));
}

void tst_RestApi::getAndPutConfig()
{
    const QString notFound = u"Connector nope not found"_s;
    QCOMPARE(errorMismatch(get(connectorPath(u"nope"_s)), 404, notFound), QString());
    QCOMPARE(errorMismatch(get(connectorPath(u"nope"_s, u"/config"_s)), 404, notFound), QString());

    const QString configPath = connectorPath(u"config-a"_s, u"/config"_s);
    auto config = fileSourceConfig(u"config-a"_s, idleFile(), u"config-t"_s);
    config.remove(u"name"_s);
    const Reply created = put(configPath, toJson(toObject(config)));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.header("Location"), QByteArray("/connectors/config-a"));
    config.insert(u"name"_s, u"config-a"_s); // the URL's name is inserted
    QCOMPARE(created.object(),
             (QJsonObject{{u"name"_s, u"config-a"_s},
                          {u"config"_s, toObject(config)},
                          {u"tasks"_s, QJsonArray()},
                          {u"type"_s, u"source"_s}}));
    const Reply read = get(configPath);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.object(), toObject(config));

    config.insert(u"batch.size"_s, u"7"_s);
    const Reply updated = put(configPath, toJson(toObject(config)));
    QCOMPARE(updated.status, 200);
    QVERIFY(updated.header("Location").isNull());
    QCOMPARE(updated.object()[u"name"_s].toString(), u"config-a"_s);
    QCOMPARE(updated.object()[u"config"_s].toObject(), toObject(config));
    QCOMPARE(get(configPath).object(), toObject(config));

    QMap<QString, QString> renamed = config;
    renamed.insert(u"name"_s, u"config-b"_s);
    QCOMPARE(errorMismatch(put(configPath, toJson(toObject(renamed))),
                           400,
                           u"Connector name configuration (config-b) doesn't match connector "
                           "name in the URL (config-a)"_s),
             QString());
    QMap<QString, QString> zeroTasks = config;
    zeroTasks.insert(u"tasks.max"_s, u"0"_s);
    QCOMPARE(errorMismatch(put(configPath, toJson(toObject(zeroTasks))),
                           400,
                           invalidConfigMessage({u"Invalid value 0 for configuration tasks.max: "
                                                 "Value must be at least 1"_s})),
             QString());
    QCOMPARE(get(configPath).object(), toObject(config)); // unchanged
}

void tst_RestApi::patchConfig()
{
    const QString configPath = connectorPath(u"patch-a"_s, u"/config"_s);
    auto config = fileSourceConfig(u"patch-a"_s, idleFile(), u"patch-t"_s);
    config.insert(u"batch.size"_s, u"5"_s);
    QCOMPARE(create(u"patch-a"_s, config), 201);

    // null removes a key; other keys are merged in.
    const QByteArray changes = toJson({{u"batch.size"_s, QJsonValue::Null},
                                       {u"topic"_s, u"patch-t2"_s},
                                       {u"errors.log.enable"_s, u"true"_s}});
    const Reply patched = patch(configPath, changes);
    QCOMPARE(patched.status, 200);
    config.remove(u"batch.size"_s);
    config.insert(u"topic"_s, u"patch-t2"_s);
    config.insert(u"errors.log.enable"_s, u"true"_s);
    QCOMPARE(patched.object()[u"name"_s].toString(), u"patch-a"_s);
    QCOMPARE(patched.object()[u"config"_s].toObject(), toObject(config));
    QCOMPARE(get(configPath).object(), toObject(config));
    QCOMPARE(waitForRunning(u"patch-a"_s), QString());
    Reply tasks;
    QVERIFY2(waitFor([&] {
                 tasks = get(connectorPath(u"patch-a"_s, u"/tasks"_s));
                 return tasks.array().size() == 1
                        && tasks.array()[0][u"config"_s][u"topic"_s] == u"patch-t2"_s;
             }),
             qPrintable(tasks.describe()));

    QCOMPARE(errorMismatch(patch(connectorPath(u"nope"_s, u"/config"_s), changes),
                           404,
                           u"Connector nope not found"_s),
             QString());
    QCOMPARE(get(connectorPath(u"nope"_s)).status, 404);
}

void tst_RestApi::statusAndTasks()
{
    const QString name = u"status-a"_s;
    const auto config = fileSourceConfig(name, idleFile(), u"status-t"_s);
    QCOMPARE(create(name, config), 201);
    QCOMPARE(waitForRunning(name), QString());

    const Reply status = get(connectorPath(name, u"/status"_s));
    QCOMPARE(status.object()[u"name"_s].toString(), name);
    QCOMPARE(status.object()[u"type"_s].toString(), u"source"_s);
    const QString workerId = status.object()[u"connector"_s][u"worker_id"_s].toString();
    QVERIFY2(QRegularExpression(u"^[^:]+:\\d+$"_s).match(workerId).hasMatch(),
             qPrintable(status.describe()));
    const QJsonObject taskState{{u"id"_s, 0},
                                {u"state"_s, u"RUNNING"_s},
                                {u"worker_id"_s, workerId}};
    QCOMPARE(status.object()[u"tasks"_s].toArray(), QJsonArray{taskState});

    const Reply task = get(connectorPath(name, u"/tasks/0/status"_s));
    QCOMPARE(task.status, 200);
    QCOMPARE(task.object(), taskState);
    QCOMPARE(errorMismatch(get(connectorPath(u"nope"_s, u"/status"_s)),
                           404,
                           u"No status found for connector nope"_s),
             QString());
    QCOMPARE(errorMismatch(get(connectorPath(name, u"/tasks/7/status"_s)),
                           404,
                           u"No status found for task status-a-7"_s),
             QString());

    QMap<QString, QString> taskConfig = config;
    taskConfig.insert(u"task.class"_s, u"org.apache.kafka.connect.file.FileStreamSourceTask"_s);
    const Reply tasks = get(connectorPath(name, u"/tasks"_s));
    QCOMPARE(tasks.status, 200);
    QCOMPARE(tasks.array(),
             (QJsonArray{QJsonObject{{u"id"_s, QJsonObject{{u"connector"_s, name}, {u"task"_s, 0}}},
                                     {u"config"_s, toObject(taskConfig)}}}));
    const Reply tasksConfig = get(connectorPath(name, u"/tasks-config"_s));
    QCOMPARE(tasksConfig.status, 200);
    QCOMPARE(tasksConfig.object(), (QJsonObject{{u"status-a-0"_s, toObject(taskConfig)}}));
    for (const QString &tail : {u"/tasks"_s, u"/tasks-config"_s}) {
        QCOMPARE(errorMismatch(get(connectorPath(u"nope"_s, tail)),
                               404,
                               u"Connector nope not found"_s),
                 QString());
    }

    // A sink task's config carries the sink task class and the topics.
    const QString sink = u"status-sink"_s;
    QCOMPARE(create(sink, fileSinkConfig(sink, path(u"status-out.txt"_s), u"status-t"_s)), 201);
    QCOMPARE(waitForRunning(sink), QString());
    const QJsonValue sinkTask = get(connectorPath(sink, u"/tasks"_s)).array()[0];
    QCOMPARE(sinkTask[u"config"_s][u"task.class"_s].toString(),
             u"org.apache.kafka.connect.file.FileStreamSinkTask"_s);
    QCOMPARE(sinkTask[u"config"_s][u"topics"_s].toString(), u"status-t"_s);
}

void tst_RestApi::pauseResumeStop()
{
    const QString name = u"lifecycle-a"_s;
    QCOMPARE(create(name, fileSourceConfig(name, idleFile(), u"lifecycle-t"_s)), 201);
    QCOMPARE(waitForRunning(name), QString());

    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/pause"_s)), 202), QString());
    QCOMPARE(waitForStatus(name, u"PAUSED"_s, {u"PAUSED"_s}), QString());
    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/pause"_s)), 202), QString()); // idempotent

    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/resume"_s)), 202), QString());
    QCOMPARE(waitForRunning(name), QString());

    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/stop"_s)), 204), QString());
    QCOMPARE(waitForStatus(name, u"STOPPED"_s, {}), QString());
    QCOMPARE(get(connectorPath(name, u"/tasks"_s)).array(), QJsonArray());
    QCOMPARE(get(connectorPath(name)).object()[u"tasks"_s].toArray(), QJsonArray());
    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/stop"_s)), 204), QString()); // idempotent

    // Pausing a stopped connector: PAUSED, still without tasks.
    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/pause"_s)), 202), QString());
    QCOMPARE(waitForStatus(name, u"PAUSED"_s, {}), QString());
    QCOMPARE(get(connectorPath(name, u"/tasks"_s)).array(), QJsonArray());

    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/resume"_s)), 202), QString());
    QCOMPARE(waitForRunning(name), QString());
    QCOMPARE(get(connectorPath(name, u"/tasks"_s)).array().size(), 1);

    for (const QString &action : {u"/pause"_s, u"/resume"_s}) {
        QCOMPARE(errorMismatch(put(connectorPath(u"nope"_s, action)),
                               404,
                               u"Unknown connector nope"_s),
                 QString());
    }
    QCOMPARE(errorMismatch(put(connectorPath(u"nope"_s, u"/stop"_s)), 404), QString());
}

void tst_RestApi::restart()
{
    const QString name = u"restart-a"_s;
    QCOMPARE(create(name, fileSourceConfig(name, idleFile(), u"restart-t"_s)), 201);
    QCOMPARE(waitForRunning(name), QString());

    QCOMPARE(emptyMismatch(post(connectorPath(name, u"/restart"_s)), 204), QString());
    QCOMPARE(waitForRunning(name), QString());

    // With parameters: 202 and the state, showing what is being restarted.
    const Reply withTasks = post(connectorPath(name, u"/restart?includeTasks=true"_s));
    QCOMPARE(withTasks.status, 202);
    QVERIFY(withTasks.header("Content-Type").startsWith("application/json"));
    QCOMPARE(withTasks.object()[u"name"_s].toString(), name);
    QCOMPARE(withTasks.object()[u"type"_s].toString(), u"source"_s);
    QCOMPARE(withTasks.object()[u"connector"_s][u"state"_s].toString(), u"RESTARTING"_s);
    const QJsonArray restarting = withTasks.object()[u"tasks"_s].toArray();
    QCOMPARE(restarting.size(), 1);
    QCOMPARE(restarting[0][u"id"_s].toInt(-1), 0);
    QCOMPARE(restarting[0][u"state"_s].toString(), u"RESTARTING"_s);
    QCOMPARE(waitForRunning(name), QString());

    // Nothing failed, so nothing is restarted.
    const Reply onlyFailed = post(
        connectorPath(name, u"/restart?includeTasks=true&onlyFailed=true"_s));
    QCOMPARE(onlyFailed.status, 202);
    QVERIFY2(!onlyFailed.body.contains("RESTARTING"), qPrintable(onlyFailed.describe()));
    QCOMPARE(onlyFailed.object()[u"connector"_s][u"state"_s].toString(), u"RUNNING"_s);
    QCOMPARE(onlyFailed.object()[u"tasks"_s].toArray().size(), 1);

    for (const QString &query :
         {QString(), u"?includeTasks=true"_s, u"?includeTasks=true&onlyFailed=true"_s}) {
        QCOMPARE(errorMismatch(post(connectorPath(u"nope"_s, u"/restart"_s + query)),
                               404,
                               u"Unknown connector: nope"_s),
                 QString());
    }

    QCOMPARE(emptyMismatch(post(connectorPath(name, u"/tasks/0/restart"_s)), 204), QString());
    QCOMPARE(waitForRunning(name), QString());
    QCOMPARE(errorMismatch(post(connectorPath(name, u"/tasks/7/restart"_s)),
                           404,
                           u"Unknown task: restart-a-7"_s),
             QString());
    QCOMPARE(errorMismatch(post(connectorPath(u"nope"_s, u"/tasks/0/restart"_s)),
                           404,
                           u"Unknown connector: nope"_s),
             QString());
}

void tst_RestApi::deleteConnector()
{
    const QString name = u"delete-a"_s;
    const auto config = fileSourceConfig(name, idleFile(), u"delete-t"_s);
    QCOMPARE(create(name, config), 201);
    QCOMPARE(waitForRunning(name), QString());

    QCOMPARE(emptyMismatch(remove(connectorPath(name)), 204), QString());
    const QString notFound = u"Connector delete-a not found"_s;
    QCOMPARE(errorMismatch(get(connectorPath(name)), 404, notFound), QString());
    QCOMPARE(errorMismatch(remove(connectorPath(name)), 404, notFound), QString());
    QVERIFY(!stringsOf(get(u"/connectors"_s).array()).contains(name));
    Reply status;
    QVERIFY2(waitFor(
                 [&] { return (status = get(connectorPath(name, u"/status"_s))).status == 404; }),
             qPrintable(status.describe()));

    // The name is free again.
    const Reply again = post(u"/connectors"_s, createBody(name, config));
    QCOMPARE(again.status, 201);
    QCOMPARE(again.object()[u"tasks"_s].toArray(), QJsonArray());
    QCOMPARE(waitForRunning(name), QString());
    QCOMPARE(get(connectorPath(name, u"/tasks"_s)).array().size(), 1);
}

void tst_RestApi::topics()
{
    const QString name = u"topics-src"_s;
    const QString input = path(u"topics-in.txt"_s);
    QVERIFY(writeFile(input, "one\ntwo\n"));
    QCOMPARE(create(name, fileSourceConfig(name, input, u"topics-t"_s)), 201);

    const QJsonObject used{{name, QJsonObject{{u"topics"_s, QJsonArray{u"topics-t"_s}}}}};
    Reply reply;
    QVERIFY2(waitFor(
                 [&] { return (reply = get(connectorPath(name, u"/topics"_s))).object() == used; }),
             qPrintable(reply.describe()));
    QCOMPARE(reply.status, 200);

    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/topics/reset"_s)), 202), QString());
    const QJsonObject none{{name, QJsonObject{{u"topics"_s, QJsonArray()}}}};
    QVERIFY2(waitFor(
                 [&] { return (reply = get(connectorPath(name, u"/topics"_s))).object() == none; }),
             qPrintable(reply.describe()));

    // Unknown connectors: an empty list, not 404.
    const Reply unknown = get(connectorPath(u"nope"_s, u"/topics"_s));
    QCOMPARE(unknown.status, 200);
    QCOMPARE(unknown.object(), (QJsonObject{{u"nope"_s, QJsonObject{{u"topics"_s, QJsonArray()}}}}));
    QCOMPARE(emptyMismatch(put(connectorPath(u"nope"_s, u"/topics/reset"_s)), 202), QString());
}

void tst_RestApi::sourceOffsets()
{
    constexpr int Lines = 25;
    const QString name = u"offsets-src"_s;
    const QString topic = u"offsets-t"_s;
    const QString offsetsPath = connectorPath(name, u"/offsets"_s);
    const QString input = path(u"offsets-in.txt"_s);
    QStringList lines;
    for (int i = 0; i < Lines; ++i)
        lines << u"offsets line %1"_s.arg(i);
    QVERIFY(writeFile(input, joinLines(lines)));
    const qint64 size = QFileInfo(input).size();
    QCOMPARE(create(name, fileSourceConfig(name, input, topic)), 201);

    const QJsonObject partition{{u"filename"_s, input}};
    auto offsetsAt = [&](qint64 position) {
        return QJsonObject{
            {u"offsets"_s,
             QJsonArray{offsetEntry(partition, QJsonObject{{u"position"_s, position}})}}};
    };
    Reply reply;
    QVERIFY2(waitFor([&] { return (reply = get(offsetsPath)).object() == offsetsAt(size); }),
             qPrintable(reply.describe()));
    QString error;
    QVERIFY2(waitFor([&] { return topicEntries(topic, &error).size() >= Lines; }),
             qPrintable(error));

    // Only a STOPPED connector's offsets can change.
    const QJsonObject positionZero{{u"position"_s, 0}};
    const QByteArray rewind = offsetsBody({offsetEntry(partition, positionZero)});
    const QString notStopped = StoppedMessage.arg(name);
    QCOMPARE(errorMismatch(patch(offsetsPath, rewind), 400, notStopped), QString());
    QCOMPARE(errorMismatch(remove(offsetsPath), 400, notStopped), QString());
    const QString notFound = u"Connector nope not found"_s;
    QCOMPARE(errorMismatch(patch(connectorPath(u"nope"_s, u"/offsets"_s), rewind), 404, notFound),
             QString());
    QCOMPARE(errorMismatch(get(connectorPath(u"nope"_s, u"/offsets"_s)), 404, notFound), QString());

    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/stop"_s)), 204), QString());
    QCOMPARE(waitForStatus(name, u"STOPPED"_s, {}), QString());
    QCOMPARE(errorMismatch(patch(offsetsPath, "{}"), 400, NoOffsetsMessage), QString());
    QCOMPARE(errorMismatch(patch(offsetsPath, offsetsBody({})), 400, NoOffsetsMessage), QString());
    QCOMPARE(errorMismatch(patch(offsetsPath, "{\"offsets\":"), 500), QString());

    // FileStreamSourceConnector.alterOffsets() returns true: the plain success message.
    const Reply altered = patch(offsetsPath, rewind);
    QCOMPARE(altered.status, 200);
    QCOMPARE(altered.object(),
             message(u"The offsets for this connector have been altered successfully"_s));
    QCOMPARE(get(offsetsPath).object(), offsetsAt(0));

    // Resumed, the source reads the file again from the start.
    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/resume"_s)), 202), QString());
    QVERIFY2(waitFor([&] { return topicEntries(topic, &error).size() >= 2 * Lines; }),
             qPrintable(error));
    QVERIFY2(waitFor([&] { return (reply = get(offsetsPath)).object() == offsetsAt(size); }),
             qPrintable(reply.describe()));
    const QList<TopicEntry> entries = topicEntries(topic, &error);
    QCOMPARE(entries.size(), 2 * Lines);
    QHash<QByteArray, int> counts;
    for (const TopicEntry &entry : entries)
        ++counts[entry.value.value_or("<null>")];
    for (const QString &line : std::as_const(lines))
        QCOMPARE(counts.value('"' + line.toUtf8() + '"'), 2); // JSON, schemas.enable=false

    // Reset: again only when stopped; afterwards there are no offsets at all.
    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/stop"_s)), 204), QString());
    QCOMPARE(waitForStatus(name, u"STOPPED"_s, {}), QString());
    const Reply reset = remove(offsetsPath);
    QCOMPARE(reset.status, 200);
    QCOMPARE(reset.object(),
             message(u"The offsets for this connector have been reset successfully"_s));
    QCOMPARE(get(offsetsPath).object(), (QJsonObject{{u"offsets"_s, QJsonArray()}}));
}

void tst_RestApi::alterOffsetsChecksTheBodyFirst()
{
    // Kafka's ConnectorsResource refuses an empty alter request before it asks the herder, so
    // a running connector gets the body message, not the STOPPED one.
    const QString name = u"offsets-order"_s;
    QCOMPARE(create(name, fileSourceConfig(name, idleFile(), u"order-t"_s)), 201);
    for (const QByteArray &body : {offsetsBody({}), QByteArray("{}")}) {
        QCOMPARE(errorMismatch(patch(connectorPath(name, u"/offsets"_s), body),
                               400,
                               NoOffsetsMessage),
                 QString());
    }
}

void tst_RestApi::sinkOffsets()
{
    constexpr int Lines = 20;
    const QString topic = u"sinkoffsets-t"_s;
    const QString input = path(u"sinkoffsets-in.txt"_s);
    const QString output = path(u"sinkoffsets-out.txt"_s);
    QStringList lines;
    for (int i = 0; i < Lines; ++i)
        lines << u"sink line %1"_s.arg(i);
    QVERIFY(writeFile(input, joinLines(lines)));

    // Fill the topic, then delete the source so that the topic stays as it is.
    const QString source = u"sinkoffsets-src"_s;
    QCOMPARE(create(source, fileSourceConfig(source, input, topic)), 201);
    QString error;
    QVERIFY2(waitFor([&] { return topicEntries(topic, &error).size() >= Lines; }),
             qPrintable(error));
    QCOMPARE(emptyMismatch(remove(connectorPath(source)), 204), QString());

    const QString name = u"sinkoffsets-sink"_s;
    const QString offsetsPath = connectorPath(name, u"/offsets"_s);
    QCOMPARE(create(name, fileSinkConfig(name, output, topic)), 201);
    QVERIFY2(waitFor([&] { return readLines(output).size() >= Lines; }),
             qPrintable(QString::number(readLines(output).size())));

    // Committed positions, one entry per partition, summing to every record.
    auto committedTotal = [](const Reply &offsets) {
        qint64 total = 0;
        for (const QJsonValue &entry : offsets.object()[u"offsets"_s].toArray())
            total += entry[u"offset"_s][u"kafka_offset"_s].toInteger();
        return total;
    };
    Reply reply;
    QVERIFY2(waitFor([&] { return committedTotal(reply = get(offsetsPath)) == Lines; }),
             qPrintable(reply.describe()));
    QCOMPARE(errorMismatch(remove(offsetsPath), 400, StoppedMessage.arg(name)), QString());

    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/stop"_s)), 204), QString());
    QCOMPARE(waitForStatus(name, u"STOPPED"_s, {}), QString());
    const Reply stopped = get(offsetsPath);
    QCOMPARE(stopped.status, 200);
    QCOMPARE(committedTotal(stopped), qint64(Lines));
    QJsonArray rewind;
    for (const QJsonValue &entry : stopped.object()[u"offsets"_s].toArray()) {
        QCOMPARE(entry.toObject().keys(), (QStringList{u"offset"_s, u"partition"_s}));
        const QJsonObject partition = entry[u"partition"_s].toObject();
        QCOMPARE(partition.keys(), (QStringList{u"kafka_partition"_s, u"kafka_topic"_s}));
        QCOMPARE(partition[u"kafka_topic"_s].toString(), topic);
        QVERIFY(partition[u"kafka_partition"_s].isDouble());
        QCOMPARE(entry[u"offset"_s].toObject().keys(), QStringList{u"kafka_offset"_s});
        rewind.append(offsetEntry(partition, QJsonObject{{u"kafka_offset"_s, 0}}));
    }
    QVERIFY2(!rewind.isEmpty(), qPrintable(stopped.describe()));

    // Kafka's exact 400 messages for malformed sink offsets (SinkUtils).
    const QJsonObject zero{{u"kafka_offset"_s, 0}};
    const QJsonObject topicOnly{{u"kafka_topic"_s, topic}};
    const QJsonObject textPartition{{u"kafka_topic"_s, topic}, {u"kafka_partition"_s, u"abc"_s}};
    const QJsonObject partitionZero{{u"kafka_topic"_s, topic}, {u"kafka_partition"_s, 0}};
    QCOMPARE(errorMismatch(patch(offsetsPath, offsetsBody({QJsonObject{{u"offset"_s, zero}}})),
                           400,
                           u"The partition for a sink connector offset cannot be null or "
                           "missing"_s),
             QString());
    QCOMPARE(errorMismatch(patch(offsetsPath, offsetsBody({offsetEntry(topicOnly, zero)})),
                           400,
                           u"The partition for a sink connector offset must contain the keys "
                           "'kafka_topic' and 'kafka_partition'"_s),
             QString());
    QCOMPARE(errorMismatch(patch(offsetsPath, offsetsBody({offsetEntry(textPartition, zero)})),
                           400,
                           u"Failed to parse the following Kafka partition value in the provided "
                           "offsets: 'abc'. Partition values for sink connectors need to be "
                           "integers."_s),
             QString());
    QCOMPARE(errorMismatch(patch(offsetsPath,
                                 offsetsBody({offsetEntry(partitionZero,
                                                          QJsonObject{{u"position"_s, 0}})})),
                           400,
                           u"The offset for a sink connector should either be null or contain "
                           "the key 'kafka_offset'"_s),
             QString());
    QCOMPARE(errorMismatch(patch(offsetsPath, offsetsBody({})), 400, NoOffsetsMessage), QString());
    QCOMPARE(committedTotal(get(offsetsPath)), qint64(Lines)); // nothing changed

    // FileStreamSinkConnector.alterOffsets() returns true.
    const Reply altered = patch(offsetsPath, offsetsBody(rewind));
    QCOMPARE(altered.status, 200);
    QCOMPARE(altered.object(),
             message(u"The offsets for this connector have been altered successfully"_s));
    QCOMPARE(committedTotal(get(offsetsPath)), qint64(0));

    // Resumed, the sink consumes every record again.
    QCOMPARE(emptyMismatch(put(connectorPath(name, u"/resume"_s)), 202), QString());
    QVERIFY2(waitFor([&] { return readLines(output).size() >= 2 * Lines; }, 120000),
             qPrintable(QString::number(readLines(output).size())));
    QHash<QString, int> expected;
    for (const QString &line : std::as_const(lines))
        expected[line] = 2;
    QCOMPARE(multisetDifference(expected, multiset(readLines(output))), QString());
}

void tst_RestApi::connectorPlugins()
{
    const Reply plugins = get(u"/connector-plugins"_s);
    QCOMPARE(plugins.status, 200);
    QStringList classes;
    for (const QJsonValue &plugin : plugins.array()) {
        const QString type = plugin[u"type"_s].toString();
        QVERIFY2(type == u"source"_s || type == u"sink"_s, qPrintable(plugins.describe()));
        classes << plugin[u"class"_s].toString();
    }
    for (const QString &expected : {u"org.apache.kafka.connect.file.FileStreamSourceConnector"_s,
                                    u"org.apache.kafka.connect.file.FileStreamSinkConnector"_s})
        QVERIFY2(classes.contains(expected), qPrintable(plugins.describe()));

    const Reply all = get(u"/connector-plugins?connectorsOnly=false"_s);
    QCOMPARE(all.status, 200);
    QVERIFY(all.array().size() > plugins.array().size());
    bool jsonConverter = false;
    for (const QJsonValue &plugin : all.array()) {
        jsonConverter = jsonConverter
                        || (plugin[u"class"_s] == u"org.apache.kafka.connect.json.JsonConverter"_s
                            && plugin[u"type"_s] == u"converter"_s);
    }
    QVERIFY2(jsonConverter, qPrintable(all.describe()));

    for (const QString &plugin :
         {u"FileStreamSource"_s, u"org.apache.kafka.connect.file.FileStreamSourceConnector"_s}) {
        const Reply keys = get(u"/connector-plugins/%1/config"_s.arg(plugin));
        QCOMPARE(keys.status, 200);
        QStringList names;
        for (const QJsonValue &key : keys.array())
            names << key[u"name"_s].toString();
        QVERIFY2(names.contains(u"file"_s) && names.contains(u"topic"_s),
                 qPrintable(keys.describe()));
    }
    QCOMPARE(errorMismatch(get(u"/connector-plugins/NoSuchPlugin/config"_s),
                           404,
                           u"Unknown plugin NoSuchPlugin."_s),
             QString());

    // Validation reports errors inside a 200 answer.
    const QJsonObject noTopic{{u"connector.class"_s, u"FileStreamSource"_s},
                              {u"name"_s, u"validate-a"_s},
                              {u"file"_s, idleFile()}};
    const Reply validated = put(u"/connector-plugins/FileStreamSource/config/validate"_s,
                                toJson(noTopic));
    QCOMPARE(validated.status, 200);
    QCOMPARE(validated.object()[u"name"_s].toString(), u"FileStreamSource"_s);
    QVERIFY2(validated.object()[u"error_count"_s].toInt() >= 1, qPrintable(validated.describe()));
    bool topicError = false;
    for (const QJsonValue &entry : validated.object()[u"configs"_s].toArray()) {
        if (entry[u"value"_s][u"name"_s] == u"topic"_s)
            topicError = !entry[u"value"_s][u"errors"_s].toArray().isEmpty();
    }
    QVERIFY2(topicError, qPrintable(validated.describe()));

    QCOMPARE(errorMismatch(put(u"/connector-plugins/FileStreamSink/config/validate"_s,
                               toJson(noTopic)),
                           400,
                           u"Included connector type FileStreamSource does not match request "
                           "type FileStreamSink"_s),
             QString());
    QCOMPARE(get(connectorPath(u"validate-a"_s)).status, 404); // validation creates nothing
}

void tst_RestApi::loggers()
{
    const QString logger = u"/admin/loggers/connectdesk.runtime"_s;
    const Reply all = get(u"/admin/loggers"_s);
    QCOMPARE(all.status, 200);
    QVERIFY2(all.object()[u"root"_s].toObject().contains(u"level"_s), qPrintable(all.describe()));

    const Reply set = put(logger, R"({"level":"DEBUG"})");
    QCOMPARE(set.status, 200);
    QVERIFY2(stringsOf(set.array()).contains(u"connectdesk.runtime"_s), qPrintable(set.describe()));
    const Reply level = get(logger);
    QCOMPARE(level.status, 200);
    QCOMPARE(level.object()[u"level"_s].toString(), u"DEBUG"_s);
    QVERIFY2(level.object()[u"last_modified"_s].isDouble()
                 && level.object()[u"last_modified"_s].toInteger() > 0,
             qPrintable(level.describe()));
    QCOMPARE(get(u"/admin/loggers"_s).object()[u"connectdesk.runtime"_s][u"level"_s].toString(),
             u"DEBUG"_s);
    // Levels are case-insensitive, and the same level again leaves last_modified alone.
    QCOMPARE(put(logger, R"({"level":"debug"})").status, 200);
    QCOMPARE(get(logger).object(), level.object());
    QCOMPARE(get(u"/admin/loggers/ROOT"_s).object()[u"level"_s].toString(),
             all.object()[u"root"_s][u"level"_s].toString());

    QCOMPARE(errorMismatch(put(logger, R"({"level":"LOUD"})"), 404, u"invalid log level 'LOUD'."_s),
             QString());
    QCOMPARE(errorMismatch(put(logger, "{}"),
                           400,
                           u"Desired 'level' parameter was not specified in request."_s),
             QString());
    QCOMPARE(emptyMismatch(put(u"/admin/loggers/connectdesk.rest?scope=cluster"_s,
                               R"({"level":"INFO"})"),
                           204),
             QString());
    // Kafka's KIP-976 record in the config topic.
    {
        QString error;
        const auto records = readWithKcat(m_broker, u"restapi-configs"_s, &error);
        QVERIFY2(records, qPrintable(error));
        const bool written = std::any_of(records->cbegin(), records->cend(), [](const TopicEntry &entry) {
            return entry.key == "logger-cluster-connectdesk.rest" && entry.value == QByteArray(R"({"level":"INFO"})");
        });
        QVERIFY(written);
    }
    QCOMPARE(errorMismatch(get(u"/admin/loggers/no.such.logger"_s),
                           404,
                           u"Logger no.such.logger not found."_s),
             QString());

    // Back to the default, so that the rest of the suite logs as usual.
    QCOMPARE(put(logger, R"({"level":"INFO"})").status, 200);
    QCOMPARE(get(logger).object()[u"level"_s].toString(), u"INFO"_s);
}

void tst_RestApi::routing()
{
    const QString notAllowed = u"HTTP 405 Method Not Allowed"_s;
    QCOMPARE(errorMismatch(remove(u"/connector-plugins"_s), 405, notAllowed), QString());
    QCOMPARE(errorMismatch(post(u"/health"_s, "{}"), 405, notAllowed), QString());
    const QString notFound = u"HTTP 404 Not Found"_s;
    QCOMPARE(errorMismatch(get(u"/no/such/path"_s), 404, notFound), QString());
    QCOMPARE(errorMismatch(get(u"/connectors/a/b/c/d/e"_s), 404, notFound), QString());

    const Reply head = request("HEAD", u"/connectors"_s);
    QCOMPARE(head.status, 200);
    QVERIFY2(head.body.isEmpty(), qPrintable(head.describe()));
}

void tst_RestApi::concurrentCreatesAndDeletes()
{
    const QString race = u"conc-race"_s;
    auto bodyFor = [&](const QString &name) {
        return createBody(name, fileSourceConfig(name, idleFile(), u"conc-t"_s));
    };

    // Declared before the clients: destroying a client may still finish its replies.
    QList<int> createStatus(Clients, 0);
    QList<int> deleteStatus(Clients, 0);
    QList<Reply> raceReplies(Clients);
    QStringList failures;
    int answered = 0;
    std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
    for (int i = 0; i < Clients; ++i)
        clients.push_back(std::make_unique<QNetworkAccessManager>());

    // Each client creates then deletes its own connector, and races the others to create
    // the same one.
    for (int i = 0; i < Clients; ++i) {
        QNetworkAccessManager *client = clients.at(i).get();
        const QString name = u"conc-%1"_s.arg(i);
        QNetworkReply *creating = send(*client, "POST", u"/connectors"_s, bodyFor(name));
        connect(creating, &QNetworkReply::finished, this, [&, client, i, name, creating] {
            const Reply created = collect(creating, "POST", u"/connectors"_s);
            createStatus[i] = created.status;
            if (created.status != 201)
                failures << created.describe();
            creating->deleteLater();
            QNetworkReply *deleting = send(*client, "DELETE", connectorPath(name));
            connect(deleting, &QNetworkReply::finished, this, [&, i, name, deleting] {
                const Reply deleted = collect(deleting, "DELETE", connectorPath(name));
                deleteStatus[i] = deleted.status;
                if (deleted.status != 204)
                    failures << deleted.describe();
                deleting->deleteLater();
                ++answered;
            });
        });
        QNetworkReply *racing = send(*client, "POST", u"/connectors"_s, bodyFor(race));
        connect(racing, &QNetworkReply::finished, this, [&, i, racing] {
            raceReplies[i] = collect(racing, "POST", u"/connectors"_s);
            racing->deleteLater();
            ++answered;
        });
    }
    QVERIFY2(waitFor([&] { return answered == 2 * Clients; }, 240000),
             qPrintable(u"%1 of %2 answered"_s.arg(answered).arg(2 * Clients)));
    QVERIFY2(failures.isEmpty(),
             qPrintable(u"%1 requests failed:\n"_s.arg(failures.size()) + failures.join(u'\n')));
    QCOMPARE(createStatus, QList<int>(Clients, 201));
    QCOMPARE(deleteStatus, QList<int>(Clients, 204));
    int winners = 0;
    for (const Reply &reply : std::as_const(raceReplies)) {
        if (reply.status == 201)
            ++winners;
        else
            QCOMPARE(errorMismatch(reply, 409, u"Connector conc-race already exists"_s), QString());
    }
    QCOMPARE(winners, 1);

    // The worker is healthy and holds exactly the racing connector.
    QCOMPARE(get(u"/health"_s).status, 200);
    const QStringList names = stringsOf(get(u"/connectors"_s).array())
                                  .filter(QRegularExpression(u"^conc-"_s));
    QCOMPARE(names, QStringList{race});
    QCOMPARE(waitForRunning(race), QString());
    for (int i = 0; i < Clients; ++i)
        QCOMPARE(get(connectorPath(u"conc-%1"_s.arg(i))).status, 404);

    // The config topic holds only well-formed records, and one config per created name.
    QString error;
    const auto records = readWithKcat(m_broker, u"restapi-configs"_s, &error);
    QVERIFY2(records, qPrintable(error));
    QVERIFY(!records->isEmpty());
    QHash<QByteArray, int> configs;
    for (const TopicEntry &record : *records) {
        if (!record.value)
            continue; // a tombstone
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(*record.value, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError && document.isObject(),
                 qPrintable(u"malformed record %1: %2"_s.arg(QString::fromUtf8(record.key),
                                                             QString::fromUtf8(*record.value))));
        if (record.key.startsWith("connector-conc-"))
            ++configs[record.key];
    }
    QCOMPARE(configs.value("connector-conc-race"), 1);
    for (int i = 0; i < Clients; ++i)
        QCOMPARE(configs.value("connector-conc-" + QByteArray::number(i)), 1);
}

QTEST_GUILESS_MAIN(tst_RestApi)
#include "tst_restapi.moc"
