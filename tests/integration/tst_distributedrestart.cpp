// SPDX-License-Identifier: Apache-2.0
// Distributed mode across a crash: a worker is SIGKILLed and restarted against a broker in its
// own process; its connectors come back in their target states, the source goes on from its
// committed offset, and the internal topics hold Kafka Connect's records byte for byte.
#include "tests/support/childprocess.h"
#include "tests/support/kafkaprobe.h"
#include "tests/support/restclient.h"
#include "tests/support/testfiles.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace ConnectDesk::TestSupport;

namespace {

constexpr int LongTimeoutMs = 60000;
constexpr int FirstLines = 200;
constexpr int LaterLines = 100;
const QString Topic = QStringLiteral("lines");

bool waitFor(const std::function<bool()> &condition, int timeoutMs = LongTimeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}

/** "key\tvalue" lines of a topic read with kcat (tombstones have an empty value). */
QStringList kcatRecords(const QString &bootstrap, const QString &topic)
{
    QProcess kcat;
    kcat.start(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-C"), QStringLiteral("-e"),
                                        QStringLiteral("-q"), QStringLiteral("-t"), topic,
                                        QStringLiteral("-f"), QStringLiteral("%k\t%s\n")});
    if (!kcat.waitForFinished(30000))
        return {};
    return QString::fromUtf8(kcat.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString lastValue(const QStringList &records, const QString &key)
{
    QString value;
    bool found = false;
    for (const QString &record : records) {
        if (record.section(QLatin1Char('\t'), 0, 0) == key) {
            value = record.section(QLatin1Char('\t'), 1);
            found = true;
        }
    }
    return found ? value : QStringLiteral("<missing>");
}

} // namespace

class tst_DistributedRestart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedWorkerKeepsConnectorsAndOffsets();

private:
    QString connectorState(RestClient &rest, const QString &name)
    {
        const RestReply reply = rest.get(QStringLiteral("/connectors/%1/status").arg(name));
        return reply.json().object().value(QStringLiteral("connector")).toObject().value(QStringLiteral("state")).toString();
    }
};

void tst_DistributedRestart::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY2(QFileInfo(workerBinary()).isExecutable(), qPrintable(workerBinary()));
    if (QStandardPaths::findExecutable(QStringLiteral("kcat")).isEmpty())
        QFAIL("kcat is needed (./test installs it)");
}

void tst_DistributedRestart::killedWorkerKeepsConnectorsAndOffsets()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("in.txt"));
    const QString output = dir.filePath(QStringLiteral("out.txt"));
    const QString workerFile = dir.filePath(QStringLiteral("worker.properties"));

    ChildProcess broker(QStringLiteral("broker"));
    QVERIFY(broker.startWorker({QStringLiteral("broker"), QStringLiteral("--topic"), QStringLiteral("connect-configs:1"),
                                QStringLiteral("--topic"), QStringLiteral("connect-offsets:25"),
                                QStringLiteral("--topic"), QStringLiteral("connect-status:5"),
                                QStringLiteral("--topic"), Topic + QStringLiteral(":1")}));
    const QString bootstrap = broker.waitForBroker();
    QVERIFY2(!bootstrap.isEmpty(), qPrintable(broker.transcript()));

    QVERIFY(writeFile(input, joinLines(generateLines(0, FirstLines))));
    QMap<QString, QString> props = workerProperties(dir.path(), bootstrap);
    props.remove(QStringLiteral("offset.storage.file.filename"));
    props.insert(QStringLiteral("group.id"), QStringLiteral("connect-cluster"));
    props.insert(QStringLiteral("config.storage.topic"), QStringLiteral("connect-configs"));
    props.insert(QStringLiteral("offset.storage.topic"), QStringLiteral("connect-offsets"));
    props.insert(QStringLiteral("status.storage.topic"), QStringLiteral("connect-status"));
    QVERIFY(writeProperties(workerFile, props));
    const QStringList arguments{QStringLiteral("distributed"), workerFile};

    auto create = [](RestClient &rest, const QString &name, const QMap<QString, QString> &config,
                     const QString &initialState = {}) {
        QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("config"), QJsonObject::fromVariantMap(
                                                                                         [&] {
                                                                                             QVariantMap map;
                                                                                             for (auto it = config.cbegin(); it != config.cend(); ++it)
                                                                                                 map.insert(it.key(), it.value());
                                                                                             return map;
                                                                                         }())}};
        if (!initialState.isEmpty())
            body.insert(QStringLiteral("initial_state"), initialState);
        return rest.post(QStringLiteral("/connectors"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    };

    QString workerId;
    qint64 committedPosition = 0;
    {
        ChildProcess worker(QStringLiteral("worker (first run)"));
        QVERIFY(worker.startWorker(arguments));
        const QString url = worker.waitForLine(QStringLiteral("REST API: "), LongTimeoutMs);
        QVERIFY2(!url.isEmpty(), qPrintable(worker.transcript()));
        workerId = QUrl(url).host() + QLatin1Char(':') + QString::number(QUrl(url).port());
        RestClient rest{QUrl(url)};
        QVERIFY(waitFor([&] { return rest.get(QStringLiteral("/health")).status == 200; }));

        RestReply reply = create(rest, QStringLiteral("src"), fileSourceConfig(QStringLiteral("src"), input, Topic));
        QVERIFY2(reply.status == 201, qPrintable(reply.describe()));
        reply = create(rest, QStringLiteral("sink"), fileSinkConfig(QStringLiteral("sink"), output, Topic));
        QVERIFY2(reply.status == 201, qPrintable(reply.describe()));
        reply = create(rest, QStringLiteral("idle"), fileSourceConfig(QStringLiteral("idle"), input, QStringLiteral("idle-topic")),
                       QStringLiteral("PAUSED"));
        QVERIFY2(reply.status == 201, qPrintable(reply.describe()));
        reply = create(rest, QStringLiteral("halted"), fileSourceConfig(QStringLiteral("halted"), input, QStringLiteral("halted-topic")));
        QVERIFY2(reply.status == 201, qPrintable(reply.describe()));
        reply = rest.put(QStringLiteral("/connectors/halted/stop"));
        QVERIFY2(reply.status == 204, qPrintable(reply.describe()));
        // A running connector paused later keeps its tasks, idle.
        reply = create(rest, QStringLiteral("later-paused"),
                       fileSourceConfig(QStringLiteral("later-paused"), input, QStringLiteral("later-topic")));
        QVERIFY2(reply.status == 201, qPrintable(reply.describe()));
        QVERIFY(waitFor([&] { return connectorState(rest, QStringLiteral("later-paused")) == QLatin1String("RUNNING"); }));
        reply = rest.put(QStringLiteral("/connectors/later-paused/pause"));
        QVERIFY2(reply.status == 202, qPrintable(reply.describe()));

        // The whole file is in the sink and the source committed its end.
        const qint64 size = QFileInfo(input).size();
        QVERIFY2(waitFor([&] {
                     const RestReply offsets = rest.get(QStringLiteral("/connectors/src/offsets"));
                     const QJsonArray list = offsets.json().object().value(QStringLiteral("offsets")).toArray();
                     committedPosition = list.isEmpty() ? 0
                                                        : qint64(list.first().toObject().value(QStringLiteral("offset"))
                                                                     .toObject().value(QStringLiteral("position")).toDouble());
                     return committedPosition == size && countNewlines(output) >= FirstLines;
                 }),
                 qPrintable(QStringLiteral("committed %1 of %2 bytes; %3 lines out\n%4")
                                .arg(committedPosition).arg(size).arg(countNewlines(output)).arg(worker.transcript())));
        worker.kill();
        QCOMPARE(worker.exitStatus(), QProcess::CrashExit);
    }

    QVERIFY(appendFile(input, joinLines(generateLines(FirstLines, LaterLines))));
    ChildProcess worker(QStringLiteral("worker (restarted)"));
    QVERIFY(worker.startWorker(arguments));
    const QString url = worker.waitForLine(QStringLiteral("REST API: "), LongTimeoutMs);
    QVERIFY2(!url.isEmpty(), qPrintable(worker.transcript()));
    RestClient rest{QUrl(url)};
    QVERIFY(waitFor([&] { return rest.get(QStringLiteral("/health")).status == 200; }));
    workerId = QUrl(url).host() + QLatin1Char(':') + QString::number(QUrl(url).port());

    // Every connector is back, in its target state.
    const RestReply list = rest.get(QStringLiteral("/connectors"));
    QStringList names;
    for (const auto &name : list.json().array())
        names.append(name.toString());
    names.sort();
    QCOMPARE(names, (QStringList{"halted", "idle", "later-paused", "sink", "src"}));
    QVERIFY(waitFor([&] { return connectorState(rest, QStringLiteral("src")) == QLatin1String("RUNNING"); }));
    QCOMPARE(connectorState(rest, QStringLiteral("idle")), QStringLiteral("PAUSED"));
    QCOMPARE(connectorState(rest, QStringLiteral("halted")), QStringLiteral("STOPPED"));
    QCOMPARE(connectorState(rest, QStringLiteral("later-paused")), QStringLiteral("PAUSED"));
    QCOMPARE(rest.get(QStringLiteral("/connectors/idle/tasks")).json().array().size(), 0);
    QCOMPARE(rest.get(QStringLiteral("/connectors/halted/tasks")).json().array().size(), 0);
    const QJsonArray pausedTasks = rest.get(QStringLiteral("/connectors/later-paused/status")).json()
                                       .object().value(QStringLiteral("tasks")).toArray();
    QCOMPARE(pausedTasks.size(), 1);
    QCOMPARE(pausedTasks.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("PAUSED"));

    // The source went on from its committed offset: every line once in the topic, none twice.
    QVERIFY2(waitFor([&] { return countNewlines(output) >= FirstLines + LaterLines; }),
             qPrintable(worker.transcript()));
    KafkaProbe probe(bootstrap);
    const auto records = probe.readTopic(Topic, 1, 30000);
    QVERIFY(records);
    QCOMPARE(records->size(), FirstLines + LaterLines);

    // The internal topics, as kcat reads them: Kafka Connect's keys and JSON values.
    const QStringList configs = kcatRecords(bootstrap, QStringLiteral("connect-configs"));
    QCOMPARE(lastValue(configs, QStringLiteral("connector-src")),
             QStringLiteral("{\"properties\":{\"connector.class\":\"FileStreamSource\",\"file\":\"%1\",\"name\":\"src\","
                            "\"tasks.max\":\"1\",\"topic\":\"lines\"}}").arg(input));
    QCOMPARE(lastValue(configs, QStringLiteral("task-src-0")),
             QStringLiteral("{\"properties\":{\"connector.class\":\"FileStreamSource\",\"file\":\"%1\",\"name\":\"src\","
                            "\"task.class\":\"org.apache.kafka.connect.file.FileStreamSourceTask\",\"tasks.max\":\"1\","
                            "\"topic\":\"lines\"}}").arg(input));
    QCOMPARE(lastValue(configs, QStringLiteral("commit-src")), QStringLiteral("{\"tasks\":1}"));
    QCOMPARE(lastValue(configs, QStringLiteral("target-state-idle")),
             QStringLiteral("{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}"));
    QCOMPARE(lastValue(configs, QStringLiteral("target-state-halted")),
             QStringLiteral("{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}"));
    QCOMPARE(lastValue(configs, QStringLiteral("commit-halted")), QStringLiteral("{\"tasks\":0}"));

    const QStringList offsets = kcatRecords(bootstrap, QStringLiteral("connect-offsets"));
    const QString offsetKey = QStringLiteral("[\"src\",{\"filename\":\"%1\"}]").arg(input);
    QCOMPARE(lastValue(offsets, offsetKey).left(12), QStringLiteral("{\"position\":"));
    QVERIFY2(lastValue(offsets, offsetKey).endsWith(QLatin1Char('}')), qPrintable(lastValue(offsets, offsetKey)));

    const QStringList statuses = kcatRecords(bootstrap, QStringLiteral("connect-status"));
    // Generation 1: written by the second start of the worker (the first wrote 0).
    const QRegularExpression status(QStringLiteral("^\\{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"%1\","
                                                   "\"generation\":1\\}$").arg(QRegularExpression::escape(workerId)));
    QVERIFY2(status.match(lastValue(statuses, QStringLiteral("status-connector-sink"))).hasMatch(),
             qPrintable(lastValue(statuses, QStringLiteral("status-connector-sink"))));
    QVERIFY2(statuses.contains(QStringLiteral("status-topic-lines:connector-src\t")
                               + QStringLiteral("{\"topic\":{\"name\":\"lines\",\"connector\":\"src\",\"task\":0,"
                                                "\"discoverTimestamp\":%1}}")
                                     .arg(lastValue(statuses, QStringLiteral("status-topic-lines:connector-src"))
                                              .section(QStringLiteral("\"discoverTimestamp\":"), 1).chopped(2))),
             qPrintable(statuses.join(QLatin1Char('\n'))));
    QVERIFY(worker.terminate());
}

QTEST_GUILESS_MAIN(tst_DistributedRestart)
#include "tst_distributedrestart.moc"
