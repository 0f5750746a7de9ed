// SPDX-License-Identifier: Apache-2.0
// FileStream connectors without `file` (standard input and output, as in Kafka) and a source
// whose file does not exist yet.
#include "tests/support/childprocess.h"
#include "tests/support/testfiles.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk::TestSupport;

namespace {
// A failing QTRY waits three times its timeout before it reports; 3 × 60 s stays under QtTest's
// 300 s watchdog, which would otherwise kill the test before the worker's transcript is printed.
constexpr int LongTimeoutMs = 60000;

QStringList stdoutLines(ChildProcess &process, const QString &prefix)
{
    QStringList lines;
    for (const QByteArray &line : process.standardOutput().split('\n')) {
        if (line.startsWith(prefix.toUtf8()))
            lines.append(QString::fromUtf8(line));
    }
    return lines;
}

QStringList sortedLines(const QString &path)
{
    QStringList lines = readLines(path);
    lines.sort();
    return lines;
}
} // namespace

class tst_FileStreamStdio : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void standardInputToStandardOutput();
    void sourceWaitsForItsFile();
};

void tst_FileStreamStdio::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY2(QFileInfo(workerBinary()).isExecutable(), qPrintable(workerBinary()));
}

void tst_FileStreamStdio::standardInputToStandardOutput()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString workerFile = dir.filePath(QStringLiteral("worker.properties"));
    QVERIFY(writeProperties(workerFile, workerProperties(dir.path())));
    auto source = fileSourceConfig(QStringLiteral("stdin-source"), QString(), QStringLiteral("stdio"));
    source.remove(QStringLiteral("file"));
    auto sink = fileSinkConfig(QStringLiteral("stdout-sink"), QString(), QStringLiteral("stdio"));
    sink.remove(QStringLiteral("file"));
    const QString sourceFile = dir.filePath(QStringLiteral("source.properties"));
    const QString sinkFile = dir.filePath(QStringLiteral("sink.properties"));
    QVERIFY(writeProperties(sourceFile, source));
    QVERIFY(writeProperties(sinkFile, sink));

    ChildProcess worker(QStringLiteral("worker"));
    QVERIFY(worker.startWorker({QStringLiteral("standalone"), workerFile, sourceFile, sinkFile}));
    QVERIFY2(!worker.waitForBroker().isEmpty(), qPrintable(worker.transcript()));
    QVERIFY(worker.writeToStdin("piped-1\npiped-2\npiped-3\n"));
    QTRY_COMPARE_WITH_TIMEOUT(stdoutLines(worker, QStringLiteral("piped-")).size(), 3, LongTimeoutMs);
    // The topic is auto-created with 4 partitions and lines read in separate polls may land in
    // different ones, so only the set of lines is certain, not their order (Kafka's guarantee).
    QStringList lines = stdoutLines(worker, QStringLiteral("piped-"));
    lines.sort();
    QCOMPARE(lines, (QStringList{QStringLiteral("piped-1"), QStringLiteral("piped-2"), QStringLiteral("piped-3")}));
    // Standard input has no offsets: nothing is written for it.
    QVERIFY(worker.terminate());
    QCOMPARE(worker.exitCode(), 0);
}

void tst_FileStreamStdio::sourceWaitsForItsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("later.txt"));
    const QString output = dir.filePath(QStringLiteral("out.txt"));
    const QString workerFile = dir.filePath(QStringLiteral("worker.properties"));
    QVERIFY(writeProperties(workerFile, workerProperties(dir.path())));
    const QString sourceFile = dir.filePath(QStringLiteral("source.properties"));
    const QString sinkFile = dir.filePath(QStringLiteral("sink.properties"));
    QVERIFY(writeProperties(sourceFile, fileSourceConfig(QStringLiteral("late-source"), input, QStringLiteral("late"))));
    QVERIFY(writeProperties(sinkFile, fileSinkConfig(QStringLiteral("late-sink"), output, QStringLiteral("late"))));

    ChildProcess worker(QStringLiteral("worker"));
    QVERIFY(worker.startWorker({QStringLiteral("standalone"), workerFile, sourceFile, sinkFile}));
    QVERIFY2(!worker.waitForBroker().isEmpty(), qPrintable(worker.transcript()));
    QTest::qWait(2500); // the source task is polling for a file that is not there
    QVERIFY2(worker.isRunning(), qPrintable(worker.transcript()));
    QVERIFY(writeFile(input, "first\nsecond\n"));
    // As with standard input: the two lines may go to different partitions of the auto-created
    // topic (the producer's partitioner moves on every few milliseconds), so the sink may write
    // them in either order.
    QTRY_COMPARE_WITH_TIMEOUT(sortedLines(output), (QStringList{QStringLiteral("first"), QStringLiteral("second")}),
                              LongTimeoutMs);
    QVERIFY(worker.terminate());
    QCOMPARE(worker.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_FileStreamStdio)
#include "tst_filestreamstdio.moc"
