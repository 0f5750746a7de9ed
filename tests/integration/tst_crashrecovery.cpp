// SPDX-License-Identifier: Apache-2.0
// At-least-once across a crash: a worker is SIGKILLed mid-stream and restarted with the same
// files, against a broker in its own process that survives the crash.
#include "tests/support/childprocess.h"
#include "tests/support/kafkaprobe.h"
#include "tests/support/offsetsfile.h"
#include "tests/support/testfiles.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk::TestSupport;

namespace {

// Generous, but their sum stays below the test's ctest TIMEOUT (300 s) so that a failure
// reports where it happened.
constexpr int LongTimeoutMs = 90000;
constexpr int TotalLines = 300000;
constexpr int FirstLines = 60000;      // written before the worker starts
constexpr int ChunkLines = 3000;       // appended every 100 ms while it runs...
constexpr int BeforeKillMax = 240000;  // ...up to here; the rest only after the kill
constexpr int Partitions = 8;
const QString Topic = QStringLiteral("t");

} // namespace

class tst_CrashRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedWorkerResumesWithoutLoss();
};

void tst_CrashRecovery::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY2(QFileInfo(workerBinary()).isExecutable(), qPrintable(workerBinary()));
}

void tst_CrashRecovery::killedWorkerResumesWithoutLoss()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("in.txt"));
    const QString output = dir.filePath(QStringLiteral("out.txt"));
    const QString offsetsPath = dir.filePath(QStringLiteral("offsets.txt"));
    const QString workerFile = dir.filePath(QStringLiteral("worker.properties"));
    const QString sourceFile = dir.filePath(QStringLiteral("source.properties"));
    const QString sinkFile = dir.filePath(QStringLiteral("sink.properties"));

    const QStringList lines = generateLines(0, TotalLines);
    // Byte offset where each line ends (after its '\n').
    QList<qint64> lineEnd;
    lineEnd.reserve(TotalLines);
    qint64 bytes = 0;
    for (const QString &line : lines) {
        bytes += line.toUtf8().size() + 1;
        lineEnd.append(bytes);
    }

    ChildProcess broker(QStringLiteral("broker"));
    QVERIFY(broker.startWorker({QStringLiteral("broker"), QStringLiteral("--topic"),
                                QStringLiteral("%1:%2").arg(Topic).arg(Partitions)}));
    const QString bootstrap = broker.waitForBroker();
    QVERIFY2(!bootstrap.isEmpty(), qPrintable(broker.transcript()));

    QVERIFY(writeFile(input, joinLines(lines.mid(0, FirstLines))));
    QVERIFY(writeProperties(workerFile, workerProperties(dir.path(), bootstrap)));
    QVERIFY(writeProperties(sourceFile, fileSourceConfig("file-source", input, Topic)));
    QVERIFY(writeProperties(sinkFile, fileSinkConfig("file-sink", output, Topic)));
    const QStringList arguments{QStringLiteral("standalone"), workerFile, sourceFile, sinkFile};

    // 1. Run until the source has committed an offset, and the sink has written part of the
    //    data and committed some of it, appending to the source file all along; then SIGKILL.
    KafkaProbe probe(bootstrap);
    auto sinkHasCommitted = [&] {
        const auto committed = probe.committedOffsets(QStringLiteral("connect-file-sink"), Topic,
                                                      Partitions, 10000);
        return committed && !committed->isEmpty();
    };
    qint64 committedBeforeKill = -1;
    int written = FirstLines;
    qint64 sinkLinesBeforeKill = 0;
    {
        ChildProcess worker(QStringLiteral("worker (first run)"));
        QVERIFY(worker.startWorker(arguments));
        QDeadlineTimer deadline(LongTimeoutMs);
        for (;;) {
            QVERIFY2(broker.isRunning(), "the broker process ended");
            QVERIFY2(worker.isRunning(), qPrintable(worker.transcript()));
            QVERIFY2(!deadline.hasExpired(), "no offset committed and no line delivered in time");
            if (written < BeforeKillMax) {
                QVERIFY(appendFile(input, joinLines(lines.mid(written, ChunkLines))));
                written += ChunkLines;
            }
            const OffsetsFile offsets = OffsetsFile::read(offsetsPath);
            QVERIFY2(offsets.error.isEmpty(), qPrintable(offsets.error));
            const auto position = offsets.filePosition(QStringLiteral("file-source"), input);
            sinkLinesBeforeKill = countNewlines(output);
            if (position && *position > 0 && sinkLinesBeforeKill >= 20000 && sinkHasCommitted())
                break;
            QTest::qWait(100);
        }
        worker.kill();
        QCOMPARE(worker.exitStatus(), QProcess::CrashExit);
        qInfo("killed the worker (%d lines written so far)", written);
    }
    sinkLinesBeforeKill = countNewlines(output);
    QVERIFY2(sinkLinesBeforeKill > 0 && sinkLinesBeforeKill < TotalLines,
             qPrintable(QString::number(sinkLinesBeforeKill)));
    {
        const OffsetsFile offsets = OffsetsFile::read(offsetsPath);
        QVERIFY2(offsets.error.isEmpty(), qPrintable(offsets.error));
        committedBeforeKill = offsets.filePosition(QStringLiteral("file-source"), input)
                                  .value_or(-1);
    }
    // The committed position is the end of a line that was written.
    const qsizetype committedLines = std::lower_bound(lineEnd.cbegin(), lineEnd.cend(),
                                                      committedBeforeKill)
                                     - lineEnd.cbegin() + 1;
    QVERIFY2(committedLines >= 1 && committedLines <= written
                 && lineEnd.at(committedLines - 1) == committedBeforeKill,
             qPrintable(QStringLiteral("committed position %1 is not a line end")
                            .arg(committedBeforeKill)));
    // What the sink's consumer group had committed when the worker died.
    const auto sinkCommitted = probe.committedOffsets(QStringLiteral("connect-file-sink"), Topic,
                                                      Partitions);
    QVERIFY(sinkCommitted);

    // 2. The rest of the file, then the same worker again.
    QVERIFY(appendFile(input, joinLines(lines.mid(written))));
    QCOMPARE(QFileInfo(input).size(), lineEnd.last());
    ChildProcess worker(QStringLiteral("worker (restarted)"));
    QVERIFY(worker.startWorker(arguments));
    qInfo("restarted the worker");

    // Every line arrives (checked once the sink has written at least as many lines).
    const QHash<QString, int> source = multiset(lines);
    QHash<QString, int> sink;
    auto everyLineArrived = [&] {
        if (countNewlines(output) < TotalLines)
            return false;
        sink = multiset(readLines(output));
        for (auto it = source.cbegin(); it != source.cend(); ++it) {
            if (!sink.contains(it.key()))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(everyLineArrived() || !worker.isRunning() || !broker.isRunning(),
                             LongTimeoutMs);
    QVERIFY2(worker.isRunning(), qPrintable(worker.transcript()));
    QVERIFY2(broker.isRunning(), "the broker process ended");
    qInfo("every line arrived");

    // A clean stop commits everything: the file was read to its end.
    QVERIFY(worker.terminate(30000));
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(worker.exitCode(), 0);
    const OffsetsFile offsets = OffsetsFile::read(offsetsPath);
    QVERIFY2(offsets.error.isEmpty(), qPrintable(offsets.error));
    QCOMPARE(offsets.filePosition(QStringLiteral("file-source"), input),
             std::optional<qint64>(lineEnd.last()));

    // 3. At least once, and duplicates only where a commit had not yet covered the data.
    sink = multiset(readLines(output));
    for (auto it = sink.cbegin(); it != sink.cend(); ++it) {
        const int index = lineIndex(it.key());
        QVERIFY2(index >= 0 && index < TotalLines && lines.at(index) == it.key(),
                 qPrintable(QStringLiteral("the sink wrote a line that is not in the source: '%1'")
                                .arg(it.key())));
    }
    for (const QString &line : lines) {
        QVERIFY2(sink.value(line) >= 1,
                 qPrintable(QStringLiteral("line '%1' never arrived").arg(line)));
    }

    // Source side: only lines after the committed position were produced again.
    const auto records = probe.readTopic(Topic, Partitions, 30000);
    QVERIFY(records);
    QHash<int, QList<const TopicRecord *>> copies; // line index → its records in the topic
    for (const TopicRecord &record : *records)
        copies[lineIndex(QString::fromUtf8(record.value))].append(&record);
    for (int i = 0; i < TotalLines; ++i) {
        const qsizetype n = copies.value(i).size();
        if (i < committedLines) {
            QVERIFY2(n == 1, qPrintable(QStringLiteral("line %1 (committed) is %2 times in the "
                                                       "topic").arg(i).arg(n)));
        } else {
            QVERIFY2(n >= 1 && n <= 2, qPrintable(QStringLiteral("line %1 is %2 times in the "
                                                                 "topic").arg(i).arg(n)));
        }
    }
    // Sink side: a record is written twice only if the sink had not committed it when it died.
    qint64 duplicates = 0;
    for (int i = 0; i < TotalLines; ++i) {
        int allowed = 0;
        for (const TopicRecord *record : copies.value(i)) {
            const qint64 committed = sinkCommitted->value(record->partition, 0);
            allowed += record->offset >= committed ? 2 : 1;
        }
        const int have = sink.value(lines.at(i));
        duplicates += have - 1;
        QVERIFY2(have <= allowed,
                 qPrintable(QStringLiteral("line %1 written %2 times, at most %3 expected")
                                .arg(i).arg(have).arg(allowed)));
    }
    qint64 sinkCommittedRecords = 0;
    for (const qint64 offset : *sinkCommitted)
        sinkCommittedRecords += offset;
    qInfo("killed after %lld sink lines (%lld committed); source had committed %lld lines; "
          "%lld duplicates",
          qlonglong(sinkLinesBeforeKill), qlonglong(sinkCommittedRecords),
          qlonglong(committedLines), qlonglong(duplicates));

    QVERIFY(broker.terminate());
    QCOMPARE(broker.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_CrashRecovery)
#include "tst_crashrecovery.moc"
