// SPDX-License-Identifier: Apache-2.0
// connectdesk-ctl watching a pipeline: dlq (snapshot, grouping, --tail) and top, against a
// sink whose converter sends bad records to its dead-letter queue.
#include "ctlfixture.h"

#include "tests/support/childprocess.h"
#include "tests/support/testfiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::TestSupport;

class tst_CtlWatching : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deadLetterSnapshot();
    void deadLetterJson();
    void deadLetterFailures();
    void deadLetterTail();
    void topFrames();
    void topUnreachable();

private:
    QStringList dlq(const QStringList &more) const
    {
        return QStringList{QStringLiteral("dlq"), QStringLiteral("orders-sink"), QStringLiteral("--bootstrap"), m_ctl.bootstrapServers()}
            + more;
    }

    CtlFixture m_ctl;
};

void tst_CtlWatching::initTestCase()
{
    QVERIFY(m_ctl.start());
    // Three of the five lines are not JSON: they end up in the DLQ.
    const QString input = m_ctl.writeFile(QStringLiteral("orders.txt"), "{\"id\":1}\nnot json\n{\"id\":2}\nalso bad\n[broken\n");
    const CtlRun source = m_ctl.ctl({QStringLiteral("create"), QStringLiteral("orders-source"), QStringLiteral("connector.class=FileStreamSource"),
                                     QStringLiteral("topic=orders"), QStringLiteral("file=") + input,
                                     QStringLiteral("value.converter=org.apache.kafka.connect.storage.StringConverter")});
    QVERIFY2(source.exitCode == 0, source.describe());
    const CtlRun sink = m_ctl.ctl({QStringLiteral("create"), QStringLiteral("orders-sink"), QStringLiteral("connector.class=FileStreamSink"),
                                   QStringLiteral("topics=orders"), QStringLiteral("file=") + m_ctl.path(QStringLiteral("orders-out.txt")),
                                   QStringLiteral("value.converter=org.apache.kafka.connect.json.JsonConverter"),
                                   QStringLiteral("value.converter.schemas.enable=false"), QStringLiteral("errors.tolerance=all"),
                                   QStringLiteral("errors.deadletterqueue.topic.name=orders-dlq"),
                                   QStringLiteral("errors.deadletterqueue.topic.replication.factor=1"),
                                   QStringLiteral("errors.deadletterqueue.context.headers.enable=true")});
    QVERIFY2(sink.exitCode == 0, sink.describe());
    QTRY_VERIFY_WITH_TIMEOUT(m_ctl.ctl(dlq({QStringLiteral("-o"), QStringLiteral("json")})).json()[QLatin1String("total_records")].toInt() == 3,
                             60000);
}

void tst_CtlWatching::deadLetterSnapshot()
{
    const CtlRun run = m_ctl.ctl(dlq({}));
    QVERIFY2(run.exitCode == 0, run.describe());
    const QString text = run.text();
    for (const QString &expected : {QStringLiteral("  connector:  orders-sink, task 0\n"),
                                    QStringLiteral("  failed in:  VALUE_CONVERTER org.apache.kafka.connect.json.JsonConverter\n"),
                                    QStringLiteral("  exception:  org.apache.kafka.connect.errors.DataException: "),
                                    QStringLiteral("  value:      not json\n"), QStringLiteral("  value:      also bad\n"),
                                    QStringLiteral("  value:      [broken\n"), QStringLiteral("3 newest of 3 record(s) in orders-dlq:\n")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + text));
    QVERIFY(text.contains(QRegularExpression(QStringLiteral("  origin:     orders\\[\\d+\\]@\\d+\n"))));
    QVERIFY(text.contains(QRegularExpression(QStringLiteral("org.apache.kafka.connect.errors.DataException\\s+VALUE_CONVERTER\\s+3\n"))));
    QVERIFY(!text.contains(QStringLiteral("{\"id\"")));

    const CtlRun limited = m_ctl.ctl(dlq({QStringLiteral("--limit"), QStringLiteral("2")}));
    QVERIFY2(limited.text().contains(QStringLiteral("2 newest of 3 record(s)")), limited.describe());
    QCOMPARE(limited.text().count(QStringLiteral("  value:  ")), 2);
}

void tst_CtlWatching::deadLetterJson()
{
    const CtlRun run = m_ctl.ctl(dlq({QStringLiteral("-o"), QStringLiteral("json")}));
    QVERIFY2(run.exitCode == 0, run.describe());
    const QJsonObject json = run.json().toObject();
    QCOMPARE(json.value(QLatin1String("topic")).toString(), QStringLiteral("orders-dlq"));
    QCOMPARE(json.value(QLatin1String("by_exception")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("count"), 3},
                                     {QStringLiteral("exception_class"), QStringLiteral("org.apache.kafka.connect.errors.DataException")},
                                     {QStringLiteral("stage"), QStringLiteral("VALUE_CONVERTER")}}}));
    const QJsonArray records = json.value(QLatin1String("records")).toArray();
    QCOMPARE(records.size(), 3);
    QStringList values;
    for (const QJsonValue &record : records) {
        values.append(record[QLatin1String("value")].toString());
        const QJsonObject error = record[QLatin1String("error")].toObject();
        QCOMPARE(error.value(QLatin1String("topic")).toString(), QStringLiteral("orders"));
        QCOMPARE(error.value(QLatin1String("connector")).toString(), QStringLiteral("orders-sink"));
        QVERIFY(error.value(QLatin1String("stacktrace")).toString().contains(QStringLiteral("DataException")));
    }
    values.sort();
    QCOMPARE(values, (QStringList{QStringLiteral("[broken"), QStringLiteral("also bad"), QStringLiteral("not json")}));
}

void tst_CtlWatching::deadLetterFailures()
{
    const CtlRun noDlq = m_ctl.ctl({QStringLiteral("dlq"), QStringLiteral("orders-source"), QStringLiteral("--bootstrap"), m_ctl.bootstrapServers()});
    QCOMPARE(noDlq.exitCode, 1);
    QVERIFY2(noDlq.err.contains("orders-source has no dead-letter queue: set errors.deadletterqueue.topic.name"), noDlq.describe());
    const CtlRun unknown = m_ctl.ctl({QStringLiteral("dlq"), QStringLiteral("nope"), QStringLiteral("--bootstrap"), m_ctl.bootstrapServers()});
    QCOMPARE(unknown.exitCode, 1);
    const CtlRun noBrokers = m_ctl.ctl({QStringLiteral("dlq"), QStringLiteral("orders-sink")});
    QCOMPARE(noBrokers.exitCode, 2);
    QVERIFY2(noBrokers.err.contains("give --bootstrap"), noBrokers.describe());
    // The context's bootstrap servers are used when no flag gives them.
    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("set-context"), QStringLiteral("sandbox"), QStringLiteral("--url"),
                            m_ctl.url(), QStringLiteral("--bootstrap-servers"), m_ctl.bootstrapServers()})
                 .exitCode,
             0);
    const CtlRun viaContext = m_ctl.ctlBare({QStringLiteral("dlq"), QStringLiteral("orders-sink"), QStringLiteral("--limit"), QStringLiteral("1")});
    QVERIFY2(viaContext.exitCode == 0 && viaContext.text().contains(QStringLiteral("1 newest of 3")), viaContext.describe());

    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost);
    const QString deadBroker = QStringLiteral("127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    const CtlRun unreachable = m_ctl.ctl({QStringLiteral("dlq"), QStringLiteral("orders-sink"), QStringLiteral("--bootstrap"), deadBroker});
    QCOMPARE(unreachable.exitCode, 3);
    QVERIFY2(unreachable.err.startsWith("connectdesk-ctl: error: cannot read orders-dlq from " + deadBroker.toUtf8()), unreachable.describe());
    QCOMPARE(QString::fromUtf8(unreachable.err).count(QLatin1Char('\n')), 1); // the Kafka client's own log stays quiet
    QCOMPARE(m_ctl.ctl(dlq({QStringLiteral("--limit"), QStringLiteral("0")})).exitCode, 2);

    // A DLQ without records (the task creates the topic when it starts, as Kafka's does; before
    // that it does not exist) is no error.
    QCOMPARE(m_ctl.ctl({QStringLiteral("create"), QStringLiteral("quiet-sink"), QStringLiteral("connector.class=FileStreamSink"),
                        QStringLiteral("topics=nothing-here"), QStringLiteral("errors.tolerance=all"),
                        QStringLiteral("errors.deadletterqueue.topic.name=quiet-dlq")})
                 .exitCode,
             0);
    const CtlRun quiet = m_ctl.ctl({QStringLiteral("dlq"), QStringLiteral("quiet-sink"), QStringLiteral("--bootstrap"), m_ctl.bootstrapServers()});
    QVERIFY2(quiet.exitCode == 0
                 && (quiet.text() == QStringLiteral("quiet-dlq holds no records.\n")
                     || quiet.text().startsWith(QStringLiteral("No records yet: quiet-dlq does not exist"))),
             quiet.describe());
}

void tst_CtlWatching::deadLetterTail()
{
    ChildProcess tail(QStringLiteral("connectdesk-ctl"));
    QVERIFY(tail.start(CtlFixture::binary(),
                       QStringList{QStringLiteral("--url"), m_ctl.url()} + dlq({QStringLiteral("--tail"), QStringLiteral("-o"), QStringLiteral("json")})));
    // The snapshot first, one JSON line per record...
    QVERIFY2(!tail.waitForLine(QStringLiteral("{"), 30000).isNull(), qPrintable(tail.transcript()));
    QTRY_VERIFY_WITH_TIMEOUT(tail.standardError().contains("Following orders-dlq"), 30000);
    // ...then what fails after it started.
    QVERIFY(appendFile(m_ctl.path(QStringLiteral("orders.txt")), "late failure\n"));
    QTRY_VERIFY_WITH_TIMEOUT(tail.standardOutput().contains("\"value\":\"late failure\""), 60000);
    const QList<QByteArray> lines = tail.standardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(QJsonDocument::fromJson(lines.last()).object().value(QLatin1String("error")).toObject().value(QLatin1String("stage")).toString(),
             QStringLiteral("VALUE_CONVERTER"));
    QVERIFY(tail.terminate());
    QCOMPARE(tail.exitStatus(), QProcess::NormalExit);
    QCOMPARE(tail.exitCode(), 0);
}

void tst_CtlWatching::topFrames()
{
    const CtlRun frames = m_ctl.ctl({QStringLiteral("top"), QStringLiteral("--iterations"), QStringLiteral("2"), QStringLiteral("--interval"),
                                     QStringLiteral("0.2")});
    QVERIFY2(frames.exitCode == 0, frames.describe());
    QCOMPARE(frames.text().count(m_ctl.url() + QStringLiteral("  Kafka Connect 4.0.0  ")), 2);
    QVERIFY2(!frames.out.contains('\x1b'), frames.describe()); // not a terminal: no escape sequences
    QVERIFY(frames.text().contains(QRegularExpression(QStringLiteral("orders-sink\\s+sink\\s+RUNNING\\s+0\\s+RUNNING\\s+\\S+\\s+0\n"))));
    QVERIFY(frames.text().contains(QRegularExpression(QStringLiteral("quiet-sink\\s+sink\\s+RUNNING"))));
    QVERIFY(frames.text().contains(QStringLiteral("3 connector(s): 3 RUNNING")));

    const CtlRun json = m_ctl.ctl({QStringLiteral("top"), QStringLiteral("--iterations"), QStringLiteral("2"), QStringLiteral("--interval"),
                                   QStringLiteral("0.2"), QStringLiteral("-o"), QStringLiteral("json")});
    const QList<QByteArray> lines = json.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject frame = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(frame.value(QLatin1String("connectors")).toArray().size(), 3);
    QCOMPARE(frame.value(QLatin1String("connectors")).toArray().first()[QLatin1String("connector")][QLatin1String("restarts")].toInt(-1), 0);
    QCOMPARE(m_ctl.ctl({QStringLiteral("top"), QStringLiteral("--interval"), QStringLiteral("0")}).exitCode, 2);
}

void tst_CtlWatching::topUnreachable()
{
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    const CtlRun run = m_ctl.ctlBare({QStringLiteral("--url"), url, QStringLiteral("top"), QStringLiteral("--iterations"), QStringLiteral("1")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CtlWatching)
#include "tst_ctlwatching.moc"
