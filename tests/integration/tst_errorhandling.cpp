// SPDX-License-Identifier: Apache-2.0
// Kafka Connect's error handling end to end, on a standalone worker and its embedded broker:
// errors.tolerance, errors.retry.*, errors.log.*, the dead-letter queue with its context
// headers (read back with kcat -f '%h', as a user would), and the ErrantRecordReporter.
#include "tests/support/childprocess.h"
#include "tests/support/kafkaprobe.h"
#include "tests/support/restclient.h"
#include "tests/support/testfiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk::TestSupport;

namespace {
constexpr int LongTimeoutMs = 120000;
const QString JsonConverter = QStringLiteral("org.apache.kafka.connect.json.JsonConverter");
const QString StringConverter = QStringLiteral("org.apache.kafka.connect.storage.StringConverter");

/** Produces "key|value" lines to one partition with kcat, each with the header origin=test. */
bool kcatProduce(const QString &broker, const QString &topic, const QStringList &lines)
{
    QProcess kcat;
    kcat.start(QStringLiteral("kcat"), {QStringLiteral("-b"), broker, QStringLiteral("-P"), QStringLiteral("-t"), topic,
                                        QStringLiteral("-p"), QStringLiteral("0"), QStringLiteral("-K"),
                                        QStringLiteral("|"), QStringLiteral("-H"), QStringLiteral("origin=test")});
    if (!kcat.waitForStarted(10000))
        return false;
    kcat.write(joinLines(lines));
    kcat.closeWriteChannel();
    return kcat.waitForFinished(30000) && kcat.exitCode() == 0;
}

/** One dead-letter record as kcat prints it. */
struct KcatRecord
{
    QString key;
    QString value;
    /** The headers in order, as kcat's %h prints them: name=value pairs joined by commas. */
    QList<QPair<QString, QString>> headers;
    QString header(const QString &name) const
    {
        for (const auto &[key, value] : headers)
            if (key == name)
                return value;
        return QStringLiteral("<missing>");
    }
    QStringList headerNames() const
    {
        QStringList names;
        for (const auto &header : headers)
            names.append(header.first);
        return names;
    }
};

/** Splits kcat's %h text. Values may contain commas (stack traces), so a comma only ends a
 *  value when a known header name follows it. */
QList<QPair<QString, QString>> parseKcatHeaders(const QString &text)
{
    static const QRegularExpression start(QStringLiteral("(?:^|,)(origin|__connect\\.errors\\.[a-z.]+)="));
    QList<QPair<QString, QString>> headers;
    auto it = start.globalMatch(text);
    QList<QRegularExpressionMatch> matches;
    while (it.hasNext())
        matches.append(it.next());
    for (qsizetype i = 0; i < matches.size(); ++i) {
        const qsizetype valueStart = matches[i].capturedEnd(0);
        const qsizetype valueEnd = i + 1 < matches.size() ? matches[i + 1].capturedStart(0) : text.size();
        headers.append({matches[i].captured(1), text.mid(valueStart, valueEnd - valueStart)});
    }
    return headers;
}

/** Every record of a topic, read with kcat: key, value and headers separated by \x1f, records
 *  by \x1e (stack traces span lines). */
QList<KcatRecord> kcatConsume(const QString &broker, const QString &topic)
{
    QProcess kcat;
    kcat.start(QStringLiteral("kcat"), {QStringLiteral("-b"), broker, QStringLiteral("-C"), QStringLiteral("-e"),
                                        QStringLiteral("-q"), QStringLiteral("-t"), topic, QStringLiteral("-f"),
                                        QStringLiteral("%k\x1f%s\x1f%h\x1e")});
    if (!kcat.waitForFinished(30000))
        return {};
    QList<KcatRecord> records;
    for (const QString &record : QString::fromUtf8(kcat.readAllStandardOutput()).split(QChar(0x1e), Qt::SkipEmptyParts)) {
        const QStringList parts = record.split(QChar(0x1f));
        if (parts.size() != 3)
            continue;
        records.append({parts[0], parts[1], parseKcatHeaders(parts[2])});
    }
    return records;
}

/** The partition count kcat -L reports for a topic; -1 when not found. */
int kcatPartitions(const QString &broker, const QString &topic)
{
    QProcess kcat;
    kcat.start(QStringLiteral("kcat"), {QStringLiteral("-b"), broker, QStringLiteral("-L"), QStringLiteral("-t"), topic});
    if (!kcat.waitForFinished(30000))
        return -1;
    static const QRegularExpression line(QStringLiteral("topic \"([^\"]+)\" with (\\d+) partitions"));
    const auto match = line.match(QString::fromUtf8(kcat.readAllStandardOutput()));
    return match.hasMatch() && match.captured(1) == topic ? match.captured(2).toInt() : -1;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_ErrorHandling : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void toleratedRecordsGoToTheDeadLetterQueue();
    void toleranceNoneFailsTheTaskAndTheWorkerKeepsRunning();
    void retriableFailureIsRetriedWithBackoff();
    void retriesExhaustedSkipTheRecordEvenWithToleranceNone();
    void errantRecordReporterWritesToTheDeadLetterQueue();
    void errantRecordWithToleranceNoneFailsTheTask();
    void transformsAndPredicatesShapeTheRecords();
    void badTransformConfigIsRefusedWithItsKey();

private:
    /** A sink connector config reading `topic` with String keys and schemaless JSON values. */
    QJsonObject jsonSink(const QString &file, const QString &topic) const;
    /** PUTs the config and waits for task 0 to reach the state; returns the status. */
    QJsonObject createAndAwait(const QString &name, const QJsonObject &config, const QString &state);
    QJsonObject taskStatus(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<ChildProcess> m_worker;
    QString m_broker;
    RestClient m_rest;
};

void tst_ErrorHandling::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY2(QFileInfo(workerBinary()).isExecutable(), qPrintable(workerBinary()));
    QVERIFY(m_dir.isValid());
    auto props = workerProperties(m_dir.path());
    props.insert(QStringLiteral("plugin.path"), pluginDir() + QLatin1Char(',') + testPluginDir(QStringLiteral("errors")));
    const QString workerFile = m_dir.filePath(QStringLiteral("worker.properties"));
    QVERIFY(writeProperties(workerFile, props));
    m_worker = std::make_unique<ChildProcess>(QStringLiteral("worker"));
    QVERIFY(m_worker->startWorker({QStringLiteral("standalone"), workerFile}));
    m_broker = m_worker->waitForBroker();
    QVERIFY2(!m_broker.isEmpty(), qPrintable(m_worker->transcript()));
    const QString url = m_worker->waitForLine(QStringLiteral("REST API: "), LongTimeoutMs);
    QVERIFY2(!url.isEmpty(), qPrintable(m_worker->transcript()));
    m_rest.setBase(QUrl(url.trimmed()));

    // Offsets 0..4 of partition 0: good, not JSON, good, truncated JSON, good.
    QVERIFY(kcatProduce(m_broker, QStringLiteral("orders"),
                        {QStringLiteral("k0|{\"n\":1}"), QStringLiteral("k1|not json"), QStringLiteral("k2|{\"n\":2}"),
                         QStringLiteral("k3|{\"n\":"), QStringLiteral("k4|{\"n\":3}")}));
}

void tst_ErrorHandling::cleanupTestCase()
{
    if (m_worker) {
        QVERIFY(m_worker->terminate());
        QCOMPARE(m_worker->exitCode(), 0);
    }
}

QJsonObject tst_ErrorHandling::jsonSink(const QString &file, const QString &topic) const
{
    return {{QStringLiteral("connector.class"), QStringLiteral("FileStreamSink")},
            {QStringLiteral("tasks.max"), QStringLiteral("1")},
            {QStringLiteral("file"), file},
            {QStringLiteral("topics"), topic},
            {QStringLiteral("key.converter"), StringConverter},
            {QStringLiteral("value.converter"), JsonConverter},
            {QStringLiteral("value.converter.schemas.enable"), QStringLiteral("false")}};
}

QJsonObject tst_ErrorHandling::taskStatus(const QString &name)
{
    const auto tasks = m_rest.get(QStringLiteral("/connectors/%1/status").arg(name)).json().object().value(QStringLiteral("tasks")).toArray();
    return tasks.isEmpty() ? QJsonObject() : tasks.first().toObject();
}

QJsonObject tst_ErrorHandling::createAndAwait(const QString &name, const QJsonObject &config, const QString &state)
{
    const RestReply created = m_rest.put(QStringLiteral("/connectors/%1/config").arg(name), json(config));
    if (created.status != 201) {
        qWarning().noquote() << created.describe();
        return {};
    }
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < LongTimeoutMs) {
        const QJsonObject task = taskStatus(name);
        if (task.value(QStringLiteral("state")).toString() == state)
            return task;
        QTest::qWait(100);
    }
    qWarning().noquote() << "task of" << name << "never reached" << state << ":" << taskStatus(name);
    return {};
}

void tst_ErrorHandling::toleratedRecordsGoToTheDeadLetterQueue()
{
    const QString out = m_dir.filePath(QStringLiteral("tolerated.txt"));
    QJsonObject config = jsonSink(out, QStringLiteral("orders"));
    config.insert(QStringLiteral("errors.tolerance"), QStringLiteral("all"));
    config.insert(QStringLiteral("errors.log.enable"), QStringLiteral("true"));
    config.insert(QStringLiteral("errors.log.include.messages"), QStringLiteral("true"));
    config.insert(QStringLiteral("errors.deadletterqueue.topic.name"), QStringLiteral("orders-dlq"));
    config.insert(QStringLiteral("errors.deadletterqueue.topic.replication.factor"), QStringLiteral("1"));
    config.insert(QStringLiteral("errors.deadletterqueue.context.headers.enable"), QStringLiteral("true"));
    QVERIFY(!createAndAwait(QStringLiteral("tolerant"), config, QStringLiteral("RUNNING")).isEmpty());

    // The good records arrive, in order (one partition).
    const QStringList good{QStringLiteral("{n=1}"), QStringLiteral("{n=2}"), QStringLiteral("{n=3}")};
    QTRY_COMPARE_WITH_TIMEOUT(readLines(out), good, LongTimeoutMs);

    // The bad ones are in the queue, bytes unchanged, original header first, then the context.
    QList<KcatRecord> dlq;
    QTRY_VERIFY_WITH_TIMEOUT((dlq = kcatConsume(m_broker, QStringLiteral("orders-dlq"))).size() == 2, LongTimeoutMs);
    QCOMPARE(kcatPartitions(m_broker, QStringLiteral("orders-dlq")), 1);
    const QStringList expectedHeaders{QStringLiteral("origin"),
                                      QStringLiteral("__connect.errors.topic"),
                                      QStringLiteral("__connect.errors.partition"),
                                      QStringLiteral("__connect.errors.offset"),
                                      QStringLiteral("__connect.errors.connector.name"),
                                      QStringLiteral("__connect.errors.task.id"),
                                      QStringLiteral("__connect.errors.stage"),
                                      QStringLiteral("__connect.errors.class.name"),
                                      QStringLiteral("__connect.errors.exception.class.name"),
                                      QStringLiteral("__connect.errors.exception.message"),
                                      QStringLiteral("__connect.errors.exception.stacktrace")};
    const QStringList keys{QStringLiteral("k1"), QStringLiteral("k3")};
    const QStringList values{QStringLiteral("not json"), QStringLiteral("{\"n\":")};
    const QStringList offsets{QStringLiteral("1"), QStringLiteral("3")};
    for (int i = 0; i < 2; ++i) {
        const KcatRecord &record = dlq[i];
        QCOMPARE(record.key, keys[i]);
        QCOMPARE(record.value, values[i]);
        QCOMPARE(record.headerNames(), expectedHeaders);
        QCOMPARE(record.header(QStringLiteral("origin")), QStringLiteral("test"));
        QCOMPARE(record.header(QStringLiteral("__connect.errors.topic")), QStringLiteral("orders"));
        QCOMPARE(record.header(QStringLiteral("__connect.errors.partition")), QStringLiteral("0"));
        QCOMPARE(record.header(QStringLiteral("__connect.errors.offset")), offsets[i]);
        QCOMPARE(record.header(QStringLiteral("__connect.errors.connector.name")), QStringLiteral("tolerant"));
        QCOMPARE(record.header(QStringLiteral("__connect.errors.task.id")), QStringLiteral("0"));
        QCOMPARE(record.header(QStringLiteral("__connect.errors.stage")), QStringLiteral("VALUE_CONVERTER"));
        QCOMPARE(record.header(QStringLiteral("__connect.errors.class.name")), JsonConverter);
        QCOMPARE(record.header(QStringLiteral("__connect.errors.exception.class.name")),
                 QStringLiteral("org.apache.kafka.connect.errors.DataException"));
        QVERIFY2(record.header(QStringLiteral("__connect.errors.exception.message"))
                     .startsWith(QStringLiteral("Converting byte[] to Kafka Connect data failed due to serialization error")),
                 qPrintable(record.header(QStringLiteral("__connect.errors.exception.message"))));
        QVERIFY(record.header(QStringLiteral("__connect.errors.exception.stacktrace"))
                    .startsWith(QStringLiteral("org.apache.kafka.connect.errors.DataException: Converting")));
    }

    // Skipped records still count as processed: the group commits past them.
    QTRY_VERIFY_WITH_TIMEOUT(KafkaProbe(m_broker)
                                 .committedOffsets(QStringLiteral("connect-tolerant"), QStringLiteral("orders"), 1)
                                 .value_or(QMap<int, qint64>())
                                 .value(0) == 5,
                             LongTimeoutMs);
    // errors.log.* logs each failure with the consumed record's coordinates.
    // The worker wrote it long ago; the retry only lets the event loop read the pipe.
    QTRY_VERIFY2_WITH_TIMEOUT(
        QString::fromUtf8(m_worker->standardError())
            .contains(QStringLiteral("Error encountered in task tolerant-0. Executing stage 'VALUE_CONVERTER' with "
                                     "class 'org.apache.kafka.connect.json.JsonConverter', where consumed record is "
                                     "{topic='orders', partition=0, offset=1, timestamp=")),
        qPrintable(m_worker->transcript().right(4000)), LongTimeoutMs);
    QCOMPARE(taskStatus(QStringLiteral("tolerant")).value(QStringLiteral("state")).toString(), QStringLiteral("RUNNING"));
}

void tst_ErrorHandling::toleranceNoneFailsTheTaskAndTheWorkerKeepsRunning()
{
    const QString out = m_dir.filePath(QStringLiteral("strict.txt"));
    const QJsonObject failed = createAndAwait(QStringLiteral("strict"), jsonSink(out, QStringLiteral("orders")),
                                              QStringLiteral("FAILED"));
    QVERIFY(!failed.isEmpty());
    const QString trace = failed.value(QStringLiteral("trace")).toString();
    QVERIFY2(trace.startsWith(QStringLiteral("org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in "
                                             "error handler")),
             qPrintable(trace));
    QVERIFY2(trace.contains(QStringLiteral("Converting byte[] to Kafka Connect data failed")), qPrintable(trace));
    // As in Kafka, a batch is converted whole before put(): nothing of it reached the task.
    QVERIFY2(readLines(out).isEmpty(), qPrintable(readLines(out).join(QLatin1Char('\n'))));
    // The worker and its other connectors keep running.
    QCOMPARE(m_rest.get(QStringLiteral("/")).status, 200);
    QCOMPARE(taskStatus(QStringLiteral("tolerant")).value(QStringLiteral("state")).toString(), QStringLiteral("RUNNING"));
    QCOMPARE(m_rest.request("DELETE", QStringLiteral("/connectors/strict")).status, 204);
}

void tst_ErrorHandling::retriableFailureIsRetriedWithBackoff()
{
    // {"n":2} fails twice with RetriableException, then passes: retried after ~300 and ~600 ms.
    const QString out = m_dir.filePath(QStringLiteral("retried.txt"));
    const QString attempts = m_dir.filePath(QStringLiteral("retried-attempts.txt"));
    QJsonObject config = jsonSink(out, QStringLiteral("good-orders"));
    config.insert(QStringLiteral("transforms"), QStringLiteral("flaky"));
    config.insert(QStringLiteral("transforms.flaky.type"), QStringLiteral("io.connectdesk.test.FlakyTransform"));
    config.insert(QStringLiteral("transforms.flaky.failures"), QStringLiteral("2"));
    config.insert(QStringLiteral("transforms.flaky.match"), QStringLiteral("n=2"));
    config.insert(QStringLiteral("transforms.flaky.attempts.file"), attempts);
    config.insert(QStringLiteral("errors.retry.timeout"), QStringLiteral("30000"));
    QVERIFY(kcatProduce(m_broker, QStringLiteral("good-orders"),
                        {QStringLiteral("a|{\"n\":1}"), QStringLiteral("b|{\"n\":2}"), QStringLiteral("c|{\"n\":3}")}));
    QVERIFY(!createAndAwait(QStringLiteral("retrying"), config, QStringLiteral("RUNNING")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(readLines(out), (QStringList{QStringLiteral("{n=1}"), QStringLiteral("{n=2}"),
                                                           QStringLiteral("{n=3}")}),
                              LongTimeoutMs);
    const QStringList times = readLines(attempts);
    QCOMPARE(times.size(), 3);
    // Exponential back-off: the waits are at least 300 ms, then 600 ms (never shorter).
    QVERIFY2(times[1].toLongLong() - times[0].toLongLong() >= 300, qPrintable(times.join(QLatin1Char(' '))));
    QVERIFY2(times[2].toLongLong() - times[1].toLongLong() >= 600, qPrintable(times.join(QLatin1Char(' '))));
    QCOMPARE(taskStatus(QStringLiteral("retrying")).value(QStringLiteral("state")).toString(), QStringLiteral("RUNNING"));
    QCOMPARE(m_rest.request("DELETE", QStringLiteral("/connectors/retrying")).status, 204);
}

void tst_ErrorHandling::retriesExhaustedSkipTheRecordEvenWithToleranceNone()
{
    // Kafka skips a record whose retriable failure outlasts errors.retry.timeout whatever
    // errors.tolerance says; with a DLQ it lands there with stage TRANSFORMATION.
    const QString out = m_dir.filePath(QStringLiteral("exhausted.txt"));
    QJsonObject config = jsonSink(out, QStringLiteral("good-orders"));
    config.insert(QStringLiteral("transforms"), QStringLiteral("flaky"));
    config.insert(QStringLiteral("transforms.flaky.type"), QStringLiteral("io.connectdesk.test.FlakyTransform"));
    config.insert(QStringLiteral("transforms.flaky.failures"), QStringLiteral("-1"));
    config.insert(QStringLiteral("transforms.flaky.match"), QStringLiteral("n=2"));
    config.insert(QStringLiteral("errors.retry.timeout"), QStringLiteral("1000"));
    config.insert(QStringLiteral("errors.deadletterqueue.topic.name"), QStringLiteral("exhausted-dlq"));
    config.insert(QStringLiteral("errors.deadletterqueue.topic.replication.factor"), QStringLiteral("1"));
    config.insert(QStringLiteral("errors.deadletterqueue.context.headers.enable"), QStringLiteral("true"));
    QVERIFY(!createAndAwait(QStringLiteral("exhausted"), config, QStringLiteral("RUNNING")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(readLines(out), (QStringList{QStringLiteral("{n=1}"), QStringLiteral("{n=3}")}),
                              LongTimeoutMs);
    QList<KcatRecord> dlq;
    QTRY_VERIFY_WITH_TIMEOUT((dlq = kcatConsume(m_broker, QStringLiteral("exhausted-dlq"))).size() == 1, LongTimeoutMs);
    QCOMPARE(dlq[0].key, QStringLiteral("b"));
    QCOMPARE(dlq[0].header(QStringLiteral("__connect.errors.stage")), QStringLiteral("TRANSFORMATION"));
    QCOMPARE(dlq[0].header(QStringLiteral("__connect.errors.class.name")), QStringLiteral("io.connectdesk.test.FlakyTransform"));
    QCOMPARE(dlq[0].header(QStringLiteral("__connect.errors.exception.class.name")),
             QStringLiteral("org.apache.kafka.connect.errors.RetriableException"));
    QCOMPARE(taskStatus(QStringLiteral("exhausted")).value(QStringLiteral("state")).toString(), QStringLiteral("RUNNING"));
    QCOMPARE(m_rest.request("DELETE", QStringLiteral("/connectors/exhausted")).status, 204);
}

void tst_ErrorHandling::errantRecordReporterWritesToTheDeadLetterQueue()
{
    const QString out = m_dir.filePath(QStringLiteral("errant.txt"));
    QVERIFY(kcatProduce(m_broker, QStringLiteral("mixed"),
                        {QStringLiteral("a|fine 1"), QStringLiteral("b|bad 2"), QStringLiteral("c|fine 3")}));
    const QJsonObject config{{QStringLiteral("connector.class"), QStringLiteral("io.connectdesk.test.ErrantSinkConnector")},
                             {QStringLiteral("topics"), QStringLiteral("mixed")},
                             {QStringLiteral("file"), out},
                             {QStringLiteral("reject"), QStringLiteral("bad")},
                             {QStringLiteral("errors.tolerance"), QStringLiteral("all")},
                             {QStringLiteral("errors.deadletterqueue.topic.name"), QStringLiteral("mixed-dlq")},
                             {QStringLiteral("errors.deadletterqueue.topic.replication.factor"), QStringLiteral("1")},
                             {QStringLiteral("errors.deadletterqueue.context.headers.enable"), QStringLiteral("true")}};
    QVERIFY(!createAndAwait(QStringLiteral("errant"), config, QStringLiteral("RUNNING")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(readLines(out), (QStringList{QStringLiteral("fine 1"), QStringLiteral("fine 3")}),
                              LongTimeoutMs);
    QList<KcatRecord> dlq;
    QTRY_VERIFY_WITH_TIMEOUT((dlq = kcatConsume(m_broker, QStringLiteral("mixed-dlq"))).size() == 1, LongTimeoutMs);
    QCOMPARE(dlq[0].key, QStringLiteral("b"));
    QCOMPARE(dlq[0].value, QStringLiteral("bad 2"));
    QCOMPARE(dlq[0].header(QStringLiteral("__connect.errors.stage")), QStringLiteral("TASK_PUT"));
    QCOMPARE(dlq[0].header(QStringLiteral("__connect.errors.class.name")), QStringLiteral("org.apache.kafka.connect.sink.SinkTask"));
    QCOMPARE(dlq[0].header(QStringLiteral("__connect.errors.offset")), QStringLiteral("1"));
    QCOMPARE(dlq[0].header(QStringLiteral("__connect.errors.exception.message")), QStringLiteral("rejected: bad 2"));
    QTRY_VERIFY_WITH_TIMEOUT(KafkaProbe(m_broker)
                                 .committedOffsets(QStringLiteral("connect-errant"), QStringLiteral("mixed"), 1)
                                 .value_or(QMap<int, qint64>())
                                 .value(0) == 3,
                             LongTimeoutMs);
    QCOMPARE(m_rest.request("DELETE", QStringLiteral("/connectors/errant")).status, 204);
}

void tst_ErrorHandling::errantRecordWithToleranceNoneFailsTheTask()
{
    // The reporter exists because errors.log.enable=true; with tolerance none a report fails
    // the task from inside put().
    const QString out = m_dir.filePath(QStringLiteral("errant-strict.txt"));
    const QJsonObject config{{QStringLiteral("connector.class"), QStringLiteral("io.connectdesk.test.ErrantSinkConnector")},
                             {QStringLiteral("topics"), QStringLiteral("mixed")},
                             {QStringLiteral("file"), out},
                             {QStringLiteral("reject"), QStringLiteral("bad")},
                             {QStringLiteral("errors.log.enable"), QStringLiteral("true")}};
    const QJsonObject failed = createAndAwait(QStringLiteral("errant-strict"), config, QStringLiteral("FAILED"));
    QVERIFY(!failed.isEmpty());
    const QString trace = failed.value(QStringLiteral("trace")).toString();
    QVERIFY2(trace.contains(QStringLiteral("Tolerance exceeded in error handler")), qPrintable(trace));
    QVERIFY2(trace.contains(QStringLiteral("rejected: bad 2")), qPrintable(trace));
    QCOMPARE(m_rest.request("DELETE", QStringLiteral("/connectors/errant-strict")).status, 204);
}

void tst_ErrorHandling::transformsAndPredicatesShapeTheRecords()
{
    // Built-in transforms by alias and by class name, one guarded by a predicate; the bad
    // records of "orders" are skipped (tolerance all), the good ones come out reshaped.
    const QString out = m_dir.filePath(QStringLiteral("shaped.txt"));
    QJsonObject config = jsonSink(out, QStringLiteral("orders"));
    config.insert(QStringLiteral("errors.tolerance"), QStringLiteral("all"));
    config.insert(QStringLiteral("transforms"), QStringLiteral("wrap,source,route"));
    config.insert(QStringLiteral("transforms.wrap.type"), QStringLiteral("org.apache.kafka.connect.transforms.HoistField$Value"));
    config.insert(QStringLiteral("transforms.wrap.field"), QStringLiteral("order"));
    config.insert(QStringLiteral("transforms.source.type"), QStringLiteral("org.apache.kafka.connect.transforms.InsertField$Value"));
    config.insert(QStringLiteral("transforms.source.topic.field"), QStringLiteral("from"));
    config.insert(QStringLiteral("transforms.source.predicate"), QStringLiteral("fromOrders"));
    config.insert(QStringLiteral("transforms.route.type"), QStringLiteral("RegexRouter"));
    config.insert(QStringLiteral("transforms.route.regex"), QStringLiteral("ord(.*)"));
    config.insert(QStringLiteral("transforms.route.replacement"), QStringLiteral("x$1"));
    config.insert(QStringLiteral("predicates"), QStringLiteral("fromOrders"));
    config.insert(QStringLiteral("predicates.fromOrders.type"), QStringLiteral("TopicNameMatches"));
    config.insert(QStringLiteral("predicates.fromOrders.pattern"), QStringLiteral("ord.*"));
    QVERIFY(!createAndAwait(QStringLiteral("shaped"), config, QStringLiteral("RUNNING")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(readLines(out),
                              (QStringList{QStringLiteral("{order={n=1}, from=orders}"),
                                           QStringLiteral("{order={n=2}, from=orders}"),
                                           QStringLiteral("{order={n=3}, from=orders}")}),
                              LongTimeoutMs);
    QCOMPARE(m_rest.request("DELETE", QStringLiteral("/connectors/shaped")).status, 204);
}

void tst_ErrorHandling::badTransformConfigIsRefusedWithItsKey()
{
    QJsonObject config = jsonSink(m_dir.filePath(QStringLiteral("never.txt")), QStringLiteral("orders"));
    config.insert(QStringLiteral("transforms"), QStringLiteral("route"));
    config.insert(QStringLiteral("transforms.route.type"), QStringLiteral("RegexRouter"));
    config.insert(QStringLiteral("transforms.route.regex"), QStringLiteral("(unclosed"));
    const RestReply reply = m_rest.put(QStringLiteral("/connectors/bad-smt/config"), json(config));
    QCOMPARE(reply.status, 400);
    const QString message = reply.json().object().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("Invalid value (unclosed for configuration regex: Invalid regex: "
                                             "Unclosed group near index 9")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Missing required configuration \"transforms.route.replacement\"")),
             qPrintable(message));
    QCOMPARE(m_rest.get(QStringLiteral("/connectors/bad-smt")).status, 404);
}

QTEST_GUILESS_MAIN(tst_ErrorHandling)
#include "tst_errorhandling.moc"
