// SPDX-License-Identifier: Apache-2.0
// A worker with bad plugins on its plugin.path and connectors that throw: it reports each
// failure (plugin not loaded, connector FAILED, task FAILED, with the reason) and keeps running
// everything else.
#include "core/plugin/pluginregistry.h"
#include "core/rest/connectworker.h"
#include "tests/support/childprocess.h"
#include "tests/support/testfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk;
using namespace ConnectDesk::TestSupport;
using Runtime::State;

namespace {

constexpr int LongTimeoutMs = 120000;

QString libraryIn(const QString &dir)
{
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("*.so")}, QDir::Files);
    return files.size() == 1 ? files.first().absoluteFilePath() : QString();
}

/** Files of one worker run: a worker with bad plugins on its path, the throwing connectors
 *  and a FileStream pipeline next to them. */
struct Setup
{
    QTemporaryDir dir;
    QString brokenDir;
    QString workerFile;
    QStringList connectorFiles;
    QString input;
    QString output;

    bool write(const QStringList &connectors, int lines)
    {
        if (!dir.isValid())
            return false;
        brokenDir = dir.filePath(QStringLiteral("broken"));
        input = dir.filePath(QStringLiteral("in.txt"));
        output = dir.filePath(QStringLiteral("out.txt"));
        if (!QDir().mkpath(brokenDir)
            || !writeFile(brokenDir + QStringLiteral("/libbroken.so"), "not a plugin\n")
            || !writeFile(input, joinLines(generateLines(0, lines)))) {
            return false;
        }
        QStringList pluginPath;
        for (const char *name : {"wrongapi", "otheriid", "nextiid", "unresolved",
                                 "lazyunresolved", "throwing"}) {
            pluginPath.append(testPluginDir(QString::fromLatin1(name)));
        }
        pluginPath.append(brokenDir);
        auto worker = workerProperties(dir.path());
        worker.insert(QStringLiteral("plugin.path"), pluginPath.join(QLatin1Char(',')));
        workerFile = dir.filePath(QStringLiteral("worker.properties"));
        if (!writeProperties(workerFile, worker))
            return false;

        const QMap<QString, QMap<QString, QString>> all{
            {QStringLiteral("boom-source"),
             {{"name", "boom-source"},
              {"connector.class", "ThrowingSource"},
              {"topic", "never"}}},
            {QStringLiteral("bad-sink"),
             {{"name", "bad-sink"},
              {"connector.class", "io.connectdesk.test.ThrowingSinkConnector"},
              {"topics", "lines"}}},
            {QStringLiteral("file-source"), fileSourceConfig("file-source", input, "lines")},
            {QStringLiteral("file-sink"), fileSinkConfig("file-sink", output, "lines")},
            {QStringLiteral("unresolved-source"),
             {{"name", "unresolved-source"},
              {"connector.class", "UnresolvedSource"},
              {"topic", "never"}}},
            {QStringLiteral("lazy-source"),
             {{"name", "lazy-source"},
              {"connector.class", "LazyUnresolvedSource"},
              {"topic", "never"}}},
        };
        for (const QString &name : connectors) {
            const QString file = dir.filePath(name + QStringLiteral(".properties"));
            if (!all.contains(name) || !writeProperties(file, all.value(name)))
                return false;
            connectorFiles.append(file);
        }
        return true;
    }
};

const QStringList BadPluginFiles{
    QStringLiteral("libbroken.so"),
    QStringLiteral("libconnectdesk_plugin_test_nextiid.so"),
    QStringLiteral("libconnectdesk_plugin_test_otheriid.so"),
    QStringLiteral("libconnectdesk_plugin_test_wrongapi.so"),
};

} // namespace

class tst_PluginFailures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void workerProcessKeepsRunning();
    void unloadableLibraryIsAStartupError();
    void lazilyUnresolvedSymbolIsAStartupError();
    // In this process, last: a crash here would take the other results with it.
    void statusesInProcess();
};

void tst_PluginFailures::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY(QFileInfo(workerBinary()).isExecutable());
    for (const char *name : {"wrongapi", "otheriid", "nextiid", "unresolved", "lazyunresolved",
                             "throwing"}) {
        QVERIFY2(!libraryIn(testPluginDir(QString::fromLatin1(name))).isEmpty(), name);
    }
}

void tst_PluginFailures::statusesInProcess()
{
    constexpr int Lines = 2000;
    Setup setup;
    QVERIFY(setup.write({"boom-source", "bad-sink", "file-source", "file-sink"}, Lines));
    QStringList said;
    auto worker = Rest::ConnectWorker::start(Rest::ConnectWorker::Mode::Standalone, setup.workerFile,
                                             setup.connectorFiles,
                                             [&said](const QString &line) { said.append(line); });
    QVERIFY2(worker, qPrintable(worker ? QString() : worker.error().message));
    Runtime::Connect *connect = (*worker)->connect();
    Runtime::StatusStore *status = connect->status();

    // Each bad plugin is reported, with its reason, and nothing else is.
    QStringList failed;
    for (const auto &failure : connect->registry()->failures()) {
        failed.append(QFileInfo(failure.location).fileName());
        QVERIFY2(!failure.reason.isEmpty(), qPrintable(failure.location));
    }
    failed.sort();
    QCOMPARE(failed, BadPluginFiles);
    for (const QString &file : BadPluginFiles) {
        const bool reported = std::any_of(said.cbegin(), said.cend(), [&](const QString &line) {
            return line.startsWith(QStringLiteral("warning: plugin ")) && line.contains(file)
                   && line.contains(QStringLiteral("not loaded"));
        });
        QVERIFY2(reported, qPrintable(file + QStringLiteral(" not reported in: ")
                                      + said.join(QLatin1Char('\n'))));
    }

    // start() threw: the connector is FAILED with the exception in its trace and has no tasks.
    const auto boom = status->connector(QStringLiteral("boom-source"));
    QVERIFY(boom);
    QCOMPARE(boom->state, State::Failed);
    QVERIFY2(boom->trace.contains(QStringLiteral("boom")), qPrintable(boom->trace));
    QVERIFY2(boom->trace.contains(QStringLiteral("ConnectException")), qPrintable(boom->trace));
    QVERIFY(status->tasks(QStringLiteral("boom-source")).isEmpty());

    // The pipeline next to it runs and delivers every line.
    QCOMPARE(status->connector(QStringLiteral("file-source"))->state, State::Running);
    QCOMPARE(status->connector(QStringLiteral("file-sink"))->state, State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(countNewlines(setup.output) >= Lines, LongTimeoutMs);
    QCOMPARE(multisetDifference(multiset(generateLines(0, Lines)),
                                multiset(readLines(setup.output))),
             QString());

    // put() threw: that task is FAILED with its trace; its connector stays RUNNING.
    QTRY_VERIFY_WITH_TIMEOUT(status->task(QStringLiteral("bad-sink"), 0)
                                 && status->task(QStringLiteral("bad-sink"), 0)->state
                                        == State::Failed,
                             LongTimeoutMs);
    const QString trace = status->task(QStringLiteral("bad-sink"), 0)->trace;
    QVERIFY2(trace.contains(QStringLiteral("put boom")), qPrintable(trace));
    QCOMPARE(status->connector(QStringLiteral("bad-sink"))->state, State::Running);
    QCOMPARE(status->task(QStringLiteral("file-source"), 0)->state, State::Running);
    QCOMPARE(status->task(QStringLiteral("file-sink"), 0)->state, State::Running);

    // And it keeps working after the failures.
    QVERIFY(appendFile(setup.input, joinLines(generateLines(Lines, 100))));
    QTRY_VERIFY_WITH_TIMEOUT(countNewlines(setup.output) >= Lines + 100, LongTimeoutMs);
    QCOMPARE(multisetDifference(multiset(generateLines(0, Lines + 100)),
                                multiset(readLines(setup.output))),
             QString());
    (*worker)->stop();
}

void tst_PluginFailures::workerProcessKeepsRunning()
{
    constexpr int Lines = 1000;
    Setup setup;
    QVERIFY(setup.write({"boom-source", "bad-sink", "file-source", "file-sink"}, Lines));
    ChildProcess worker(QStringLiteral("worker"));
    QVERIFY(worker.startWorker(QStringList{QStringLiteral("standalone"), setup.workerFile}
                               + setup.connectorFiles + QStringList{"--progress", "1"}));
    QVERIFY2(!worker.waitForBroker().isEmpty(), qPrintable(worker.transcript()));

    // Plugins are scanned before the broker starts: by now each bad one has its warning line,
    // "warning: plugin <path> not loaded: <reason>".
    const QString out = QString::fromUtf8(worker.standardOutput());
    for (const QString &file : BadPluginFiles) {
        const QRegularExpression warning(
            QStringLiteral("^warning: plugin \\S*/%1 not loaded: \\S.*$")
                .arg(QRegularExpression::escape(file)),
            QRegularExpression::MultilineOption);
        QVERIFY2(out.contains(warning),
                 qPrintable(file + QStringLiteral(" not reported in:\n") + out));
    }
    QCOMPARE(out.count(QStringLiteral("warning: plugin ")), BadPluginFiles.size());
    // The connector whose start() threw is logged as FAILED with its exception.
    QTRY_VERIFY_WITH_TIMEOUT(QString::fromUtf8(worker.standardError())
                                 .contains(QRegularExpression(QStringLiteral(
                                     "boom-source[^\\n]*FAILED[^\\n]*boom"))),
                             LongTimeoutMs);

    // The FileStream pipeline delivers everything.
    QTRY_VERIFY_WITH_TIMEOUT(countNewlines(setup.output) >= Lines, LongTimeoutMs);
    QCOMPARE(multisetDifference(multiset(generateLines(0, Lines)),
                                multiset(readLines(setup.output))),
             QString());
    // The task whose put() threw is reported FAILED with its reason...
    QVERIFY2(!worker.waitForLine(QStringLiteral("task bad-sink-0 is FAILED"), LongTimeoutMs)
                  .isNull(),
             qPrintable(worker.transcript()));
    QVERIFY(worker.waitForLine(QStringLiteral("task bad-sink-0 is FAILED"), 0)
                .contains(QStringLiteral("put boom")));
    // ...and the process keeps running and working.
    QVERIFY(worker.isRunning());
    QVERIFY(appendFile(setup.input, joinLines(generateLines(Lines, 100))));
    QTRY_VERIFY_WITH_TIMEOUT(countNewlines(setup.output) >= Lines + 100, LongTimeoutMs);
    QVERIFY(worker.isRunning());

    QVERIFY(worker.terminate());
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(worker.exitCode(), 0);
    QCOMPARE(multisetDifference(multiset(generateLines(0, Lines + 100)),
                                multiset(readLines(setup.output))),
             QString());
}

void tst_PluginFailures::unloadableLibraryIsAStartupError()
{
    // A connector of a library that cannot be loaded cannot be created: a clear start-up error
    // naming the library and the missing symbol, exit code 3, no crash.
    Setup setup;
    QVERIFY(setup.write({"unresolved-source"}, 1));
    ChildProcess worker(QStringLiteral("worker"));
    QVERIFY(worker.startWorker(QStringList{QStringLiteral("standalone"), setup.workerFile}
                               + setup.connectorFiles));
    QVERIFY(worker.waitForExit(LongTimeoutMs));
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(worker.exitCode(), 3);
    const QString err = QString::fromUtf8(worker.standardError());
    QVERIFY2(err.contains(QStringLiteral("connectdesk-worker: connector unresolved-source:")),
             qPrintable(err));
    QVERIFY2(err.contains(libraryIn(testPluginDir(QStringLiteral("unresolved")))), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("connectdesk_test_undefined_variable")), qPrintable(err));
    QVERIFY(!QString::fromUtf8(worker.standardOutput())
                 .contains(QStringLiteral("embedded broker")));
}

void tst_PluginFailures::lazilyUnresolvedSymbolIsAStartupError()
{
    // The library's only undefined symbol is a function, which lazy binding would resolve at
    // its first call — killing the worker with "symbol lookup error". The loader must resolve
    // every symbol when loading, so this is a start-up error like any other library failure.
    Setup setup;
    QVERIFY(setup.write({"lazy-source"}, 1));
    ChildProcess worker(QStringLiteral("worker"));
    QVERIFY(worker.startWorker(QStringList{QStringLiteral("standalone"), setup.workerFile}
                               + setup.connectorFiles));
    QVERIFY(worker.waitForExit(LongTimeoutMs));
    const QString err = QString::fromUtf8(worker.standardError());
    QVERIFY2(!err.contains(QStringLiteral("symbol lookup error")), qPrintable(err));
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(worker.exitCode(), 3);
    QVERIFY2(err.contains(QStringLiteral("connectdesk-worker: connector lazy-source:")),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("connectdesk_test_undefined_function")), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_PluginFailures)
#include "tst_pluginfailures.moc"
