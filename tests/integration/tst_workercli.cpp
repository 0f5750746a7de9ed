// SPDX-License-Identifier: Apache-2.0
// connectdesk-worker's command line: bad input gives a non-zero exit and one clear line naming
// the file (and key), and nothing is half-started.
#include "tests/support/childprocess.h"
#include "tests/support/testfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QtTest>

using namespace ConnectDesk::TestSupport;

namespace {

constexpr int ExitTimeoutMs = 60000;

struct Run
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
    /** stderr lines written by main's error path ("connectdesk-worker: ..."). */
    QStringList errorLines() const
    {
        QStringList result;
        for (const QString &line : err.split(QLatin1Char('\n'))) {
            if (line.startsWith(QStringLiteral("connectdesk-worker: ")))
                result.append(line);
        }
        return result;
    }
};

Run runWorker(const QStringList &arguments, const QByteArray &input = QByteArray())
{
    ChildProcess worker(QStringLiteral("worker ") + arguments.join(QLatin1Char(' ')));
    Run run;
    if (!worker.startWorker(arguments))
        return run;
    if (!input.isNull())
        worker.writeToStdin(input);
    if (!worker.waitForExit(ExitTimeoutMs)) {
        worker.kill();
        run.err = QStringLiteral("<did not exit>\n") + worker.transcript();
        return run;
    }
    run.crashed = worker.exitStatus() != QProcess::NormalExit;
    run.exitCode = worker.exitCode();
    run.out = QString::fromUtf8(worker.standardOutput());
    run.err = QString::fromUtf8(worker.standardError());
    return run;
}

QString describe(const Run &run)
{
    return QStringLiteral("exit %1%2\nstdout:\n%3\nstderr:\n%4")
        .arg(run.exitCode)
        .arg(run.crashed ? QStringLiteral(" (crashed)") : QString())
        .arg(run.out, run.err);
}

} // namespace

class tst_WorkerCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void version();
    void help();
    void noArguments();
    void unknownCommand();
    void standaloneWithoutFiles();
    void badStart_data();
    void badStart();
    void corruptOffsetsFileIsKept();
    void duplicateConnectorNames();
    void brokerBadTopic();
    void passwdPrintsAUsersFileLine();
    void restPortInUseIsAStartupError();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void tst_WorkerCli::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY2(QFileInfo(workerBinary()).isExecutable(), qPrintable(workerBinary()));
}

void tst_WorkerCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_WorkerCli::version()
{
    const Run run = runWorker({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^connectdesk-worker \\d+\\.\\d+\\.\\d+ \\(Kafka "
                                               "Connect \\d+\\.\\d+\\.\\d+ compatible\\)\\n$"))
                 .match(run.out)
                 .hasMatch(),
             qPrintable(describe(run)));
    QVERIFY(run.err.isEmpty());
}

void tst_WorkerCli::help()
{
    const Run run = runWorker({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Usage:")), qPrintable(describe(run)));
    for (const char *command : {"standalone", "distributed", "broker"})
        QVERIFY2(run.out.contains(QStringLiteral("connectdesk-worker ") + QLatin1String(command)),
                 command);
    QVERIFY(run.err.isEmpty());
}

void tst_WorkerCli::noArguments()
{
    // Kafka's connect-standalone: no arguments → usage, exit 1.
    const Run run = runWorker({});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(QStringLiteral("Usage:")), qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());
}

void tst_WorkerCli::unknownCommand()
{
    const Run run = runWorker({QStringLiteral("standalon")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errorLines(), QStringList{"connectdesk-worker: unknown command 'standalon'"});
}

void tst_WorkerCli::standaloneWithoutFiles()
{
    const Run run = runWorker({QStringLiteral("standalone")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errorLines().size(), 1);
    QVERIFY2(run.errorLines().first().contains(QStringLiteral("worker properties file")),
             qPrintable(describe(run)));
}

void tst_WorkerCli::badStart_data()
{
    QTest::addColumn<QString>("workerText"); // empty: the worker file does not exist
    QTest::addColumn<QStringList>("connectorTexts"); // "<file name>\n<contents>"
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("mentions"); // the error line contains each

    const QString valid = QStringLiteral(
        "bootstrap.servers=embedded\n"
        "listeners=http://127.0.0.1:0\n"
        "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
        "value.converter=org.apache.kafka.connect.storage.StringConverter\n"
        "offset.storage.file.filename=@DIR@/offsets.txt\n");
    const QString source = QStringLiteral("source.properties\nname=src\n"
                                          "connector.class=FileStreamSource\n"
                                          "file=@DIR@/in.txt\ntopic=lines\n");

    QTest::newRow("missing worker file") << QString() << QStringList{} << 2
                                         << QStringList{"@DIR@/worker.properties"};
    QTest::newRow("malformed properties")
        << valid + QStringLiteral("value.converter.x=\\uZZZZ\n") << QStringList{} << 2
        << QStringList{"@DIR@/worker.properties:6", "\\uXXXX"};
    QTest::newRow("missing key.converter")
        << QString(valid).remove(QRegularExpression(QStringLiteral("key\\.converter=[^\\n]*\\n")))
        << QStringList{} << 2 << QStringList{"worker.properties", "key.converter"};
    QTest::newRow("missing offsets file setting")
        << QString(valid).remove(QRegularExpression(QStringLiteral("offset\\.storage[^\\n]*\\n")))
        << QStringList{} << 2
        << QStringList{"worker.properties", "offset.storage.file.filename"};
    QTest::newRow("invalid worker value")
        << valid + QStringLiteral("offset.flush.interval.ms=often\n") << QStringList{} << 2
        << QStringList{"worker.properties", "offset.flush.interval.ms", "often"};
    QTest::newRow("unknown connector.class")
        << valid
        << QStringList{"nope.properties\nname=nope\nconnector.class=NoSuchConnector\ntopic=x\n"}
        << 3
        << QStringList{"nope", "Failed to find any class", "NoSuchConnector",
                       "org.apache.kafka.connect.file.FileStreamSourceConnector"};
    QTest::newRow("malformed connector JSON")
        << valid
        << QStringList{"bad.json\n{\"name\": \"bad\",\n \"config\": {\"topic\": }\n}\n"} << 3
        << QStringList{"bad.json:2", "JSON"};
    QTest::newRow("connector properties without name")
        << valid << QStringList{"noname.properties\nconnector.class=FileStreamSource\ntopic=x\n"}
        << 3 << QStringList{"noname.properties", "name"};
    QTest::newRow("connector JSON without name")
        << valid
        << QStringList{"noname.json\n"
                       "{\"connector.class\": \"FileStreamSource\", \"topic\": \"x\"}\n"}
        << 3 << QStringList{"noname.json", "name"};
    QTest::newRow("missing connector file")
        << valid << QStringList{"missing.properties\n"} << 3
        << QStringList{"@DIR@/missing.properties"};
    QTest::newRow("invalid connector config (no topic)")
        << valid
        << QStringList{"notopic.properties\nname=notopic\nconnector.class=FileStreamSource\n"}
        << 3 << QStringList{"notopic", "topic"};
    QTest::newRow("bad connector after a good one")
        << valid
        << QStringList{source, "nope.properties\nname=nope\nconnector.class=NoSuchConnector\n"}
        << 3 << QStringList{"nope", "Failed to find any class"};
}

void tst_WorkerCli::badStart()
{
    QFETCH(QString, workerText);
    QFETCH(QStringList, connectorTexts);
    QFETCH(int, exitCode);
    QFETCH(QStringList, mentions);

    const QString workerFile = path(QStringLiteral("worker.properties"));
    if (!workerText.isEmpty())
        QVERIFY(writeFile(workerFile, workerText.replace(QStringLiteral("@DIR@"), m_dir->path())
                                          .toUtf8()));
    QStringList arguments{QStringLiteral("standalone"), workerFile};
    for (QString text : connectorTexts) {
        text.replace(QStringLiteral("@DIR@"), m_dir->path());
        const QString name = text.section(QLatin1Char('\n'), 0, 0);
        const QString contents = text.section(QLatin1Char('\n'), 1);
        if (!contents.isEmpty())
            QVERIFY(writeFile(path(name), contents.toUtf8()));
        arguments.append(path(name));
    }
    const Run run = runWorker(arguments);

    QVERIFY2(!run.crashed, qPrintable(describe(run)));
    QCOMPARE(run.exitCode, exitCode);
    const QStringList errors = run.errorLines();
    QVERIFY2(errors.size() == 1, qPrintable(describe(run)));
    QVERIFY2(!errors.first().contains(QLatin1Char('\n')), qPrintable(describe(run)));
    for (QString mention : mentions) {
        mention.replace(QStringLiteral("@DIR@"), m_dir->path());
        QVERIFY2(errors.first().contains(mention),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(mention, errors.first())));
    }
    // Nothing half-started: no broker, no offsets file, no data files.
    QVERIFY2(!run.out.contains(QStringLiteral("embedded broker")), qPrintable(describe(run)));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("offsets.txt"))));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("in.txt"))));
}

void tst_WorkerCli::corruptOffsetsFileIsKept()
{
    // An offsets file the worker cannot read stops the start, naming the file; it is left as it
    // was (no offsets silently lost).
    const QString offsets = path(QStringLiteral("offsets.txt"));
    const QByteArray corrupt("connectdesk-offsets 1\nnot base64 at all\n");
    QVERIFY(writeFile(offsets, corrupt));
    const QString workerFile = path(QStringLiteral("worker.properties"));
    QVERIFY(writeProperties(workerFile, workerProperties(m_dir->path())));
    const Run run = runWorker({QStringLiteral("standalone"), workerFile});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errorLines().size(), 1);
    QVERIFY2(run.errorLines().first().contains(offsets), qPrintable(describe(run)));
    QVERIFY2(run.errorLines().first().contains(QStringLiteral("line 2")),
             qPrintable(describe(run)));
    QVERIFY(!run.out.contains(QStringLiteral("embedded broker")));
    QCOMPARE(readFile(offsets), corrupt);
}

void tst_WorkerCli::duplicateConnectorNames()
{
    // Two connector files with the same name: Kafka refuses the second ("already exists");
    // the worker must refuse before starting anything.
    const QString workerFile = path(QStringLiteral("worker.properties"));
    QVERIFY(writeProperties(workerFile, workerProperties(m_dir->path())));
    QVERIFY(writeProperties(path(QStringLiteral("a.properties")),
                            fileSourceConfig("same", path(QStringLiteral("in.txt")), "lines")));
    QVERIFY(writeProperties(path(QStringLiteral("b.properties")),
                            fileSinkConfig("same", path(QStringLiteral("out.txt")), "lines")));
    const Run run = runWorker({QStringLiteral("standalone"), workerFile,
                               path(QStringLiteral("a.properties")),
                               path(QStringLiteral("b.properties"))});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorLines().size(), 1);
    QVERIFY2(run.errorLines().first().contains(QStringLiteral("same")), qPrintable(describe(run)));
    QVERIFY2(run.errorLines().first().contains(QStringLiteral("already exists")),
             qPrintable(describe(run)));
    QVERIFY2(!run.out.contains(QStringLiteral("embedded broker")), qPrintable(describe(run)));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("out.txt"))));
}

void tst_WorkerCli::brokerBadTopic()
{
    for (const char *text : {"t:0", "t:x", ":3"}) {
        const QString spec = QString::fromLatin1(text);
        const Run run = runWorker({QStringLiteral("broker"), QStringLiteral("--topic"), spec});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errorLines(), QStringList{QStringLiteral("connectdesk-worker: --topic %1: "
                                                              "expected NAME:PARTITIONS")
                                                   .arg(spec)});
        QVERIFY(!run.out.contains(QStringLiteral("embedded broker")));
    }
}

void tst_WorkerCli::passwdPrintsAUsersFileLine()
{
    const Run run = runWorker({QStringLiteral("passwd"), QStringLiteral("alice")}, "s3cret\n");
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^alice:pbkdf2-sha256:100000:[0-9a-f]{32}:[0-9a-f]{64}\\n$"))
                 .match(run.out).hasMatch(),
             qPrintable(describe(run)));
    QVERIFY(!run.out.contains(QStringLiteral("s3cret")));
    const Run bad = runWorker({QStringLiteral("passwd"), QStringLiteral("a:b")}, "x\n");
    QCOMPARE(bad.exitCode, 1);
}

void tst_WorkerCli::restPortInUseIsAStartupError()
{
    // Kafka refuses to start when its REST port is taken; so do we, before anything runs.
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    const QString workerFile = path(QStringLiteral("worker.properties"));
    QMap<QString, QString> props = workerProperties(m_dir->path(), QStringLiteral("embedded"));
    props.insert(QStringLiteral("listeners"), QStringLiteral("http://127.0.0.1:%1").arg(taken.serverPort()));
    QVERIFY(writeProperties(workerFile, props));
    const Run run = runWorker({QStringLiteral("standalone"), workerFile});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errorLines().size(), 1);
    QVERIFY2(run.errorLines().first().contains(QString::number(taken.serverPort())), qPrintable(describe(run)));
    QVERIFY(!run.out.contains(QStringLiteral("embedded broker")));
}

QTEST_GUILESS_MAIN(tst_WorkerCli)
#include "tst_workercli.moc"
