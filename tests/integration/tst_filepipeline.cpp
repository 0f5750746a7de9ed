// SPDX-License-Identifier: Apache-2.0
// FileStreamSource → topic → FileStreamSink through the real worker and its embedded broker.
#include "tests/support/childprocess.h"
#include "tests/support/offsetsfile.h"
#include "tests/support/restclient.h"
#include "tests/support/testfiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk::TestSupport;

namespace {

constexpr int LongTimeoutMs = 120000;
constexpr int Lines = 100000;
constexpr int MoreLines = 1000;

// The generated lines with mixed terminators (\n, \r\n, lone \r), plus lines that are empty,
// blank or repeated. Returns the lines the sink must write, in file order.
QStringList writeSource(const QString &path)
{
    QStringList lines = generateLines(0, Lines);
    QByteArray data;
    for (int i = 0; i < lines.size(); ++i) {
        data += lines.at(i).toUtf8();
        data += i % 10 == 3 ? "\r\n" : i % 10 == 7 ? "\r" : "\n";
    }
    const QStringList extra{QString(), QString(), QStringLiteral("   "), QStringLiteral("dup"),
                            QStringLiteral("dup"), QStringLiteral("dup"), QString()};
    for (const QString &line : extra)
        data += line.toUtf8() + '\n';
    lines += extra;
    return writeFile(path, data) ? lines : QStringList();
}

} // namespace

class tst_FilePipeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void linesFlowThroughTheEmbeddedBroker();
};

void tst_FilePipeline::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY2(QFileInfo(workerBinary()).isExecutable(), qPrintable(workerBinary()));
}

void tst_FilePipeline::linesFlowThroughTheEmbeddedBroker()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("in.txt"));
    const QString output = dir.filePath(QStringLiteral("out.txt"));
    const QString workerFile = dir.filePath(QStringLiteral("worker.properties"));
    const QString sourceFile = dir.filePath(QStringLiteral("source.properties"));
    const QString sinkFile = dir.filePath(QStringLiteral("sink.properties"));
    QStringList expected = writeSource(input);
    QVERIFY(!expected.isEmpty());
    QVERIFY(writeProperties(workerFile, workerProperties(dir.path())));
    QVERIFY(writeProperties(sourceFile, fileSourceConfig("file-source", input, "lines")));
    QVERIFY(writeProperties(sinkFile, fileSinkConfig("file-sink", output, "lines")));

    ChildProcess worker(QStringLiteral("worker"));
    QVERIFY(worker.startWorker({QStringLiteral("standalone"), workerFile, sourceFile, sinkFile,
                                QStringLiteral("--progress"), QStringLiteral("2")}));
    const QString broker = worker.waitForBroker();
    QVERIFY2(QRegularExpression(QStringLiteral("^[^\\s:,]+:\\d+$")).match(broker).hasMatch(),
             qPrintable(QStringLiteral("broker address '%1'\n%2")
                            .arg(broker, worker.transcript())));

    // Every line arrives, once.
    QTRY_VERIFY_WITH_TIMEOUT(countNewlines(output) >= expected.size() || !worker.isRunning(),
                             LongTimeoutMs);
    QVERIFY(worker.isRunning());
    QCOMPARE(multisetDifference(multiset(expected), multiset(readLines(output))), QString());

    // Lines appended while it runs arrive too.
    const QStringList more = generateLines(Lines, MoreLines);
    QVERIFY(appendFile(input, joinLines(more)));
    expected += more;
    QTRY_VERIFY_WITH_TIMEOUT(countNewlines(output) >= expected.size() || !worker.isRunning(),
                             LongTimeoutMs);
    QVERIFY(worker.isRunning());
    QCOMPARE(multisetDifference(multiset(expected), multiset(readLines(output))), QString());

    // Standalone serves the REST API too, from its in-memory stores (Kafka's StandaloneHerder).
    const QString url = worker.waitForLine(QStringLiteral("REST API: "), 0);
    QVERIFY2(!url.isEmpty(), qPrintable(worker.transcript()));
    RestClient rest{QUrl(url)};
    const RestReply status = rest.get(QStringLiteral("/connectors?expand=status"));
    QVERIFY2(status.status == 200, qPrintable(status.describe()));
    const QJsonObject connectors = status.json().object();
    QCOMPARE(connectors.keys(), (QStringList{"file-sink", "file-source"}));
    for (const QString &name : connectors.keys()) {
        const QJsonObject state = connectors.value(name).toObject().value(QStringLiteral("status")).toObject();
        QCOMPARE(state.value(QStringLiteral("connector")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("RUNNING"));
        QCOMPARE(state.value(QStringLiteral("tasks")).toArray().size(), 1);
    }
    const RestReply restOffsets = rest.get(QStringLiteral("/connectors/file-source/offsets"));
    QVERIFY2(restOffsets.status == 200 && restOffsets.body.contains("\"position\""),
             qPrintable(restOffsets.describe()));

    // SIGTERM: a clean stop that flushes offsets.
    QVERIFY(worker.terminate());
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(worker.exitCode(), 0);
    QVERIFY(!worker.waitForLine(QStringLiteral("stopped"), 0).isNull());

    const OffsetsFile offsets = OffsetsFile::read(dir.filePath(QStringLiteral("offsets.txt")));
    QVERIFY2(offsets.error.isEmpty(), qPrintable(offsets.error));
    QCOMPARE(offsets.entries.size(), 1);
    QCOMPARE(offsets.filePosition(QStringLiteral("file-source"), input),
             std::optional<qint64>(QFileInfo(input).size()));
    // Nothing was written twice, also not while stopping.
    QCOMPARE(multisetDifference(multiset(expected), multiset(readLines(output))), QString());
}

QTEST_GUILESS_MAIN(tst_FilePipeline)
#include "tst_filepipeline.moc"
