// SPDX-License-Identifier: Apache-2.0
// connectdesk-ctl on connectors: create, apply, diff, patch, validate, get, status, describe,
// pause/resume/stop/restart/delete (by name and by -e), offsets, topics, export.
#include "ctlfixture.h"

#include "tests/support/testfiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::TestSupport;

namespace {

QStringList withJson(QStringList arguments)
{
    return arguments << QStringLiteral("-o") << QStringLiteral("json");
}

} // namespace

class tst_CtlConnectors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createAndApply();
    void getStatusDescribe();
    void diff();
    void patch();
    void validateAndDryRun();
    void badFiles();
    void lifecycle();
    void restart();
    void failedTask();
    void offsets();
    void topics();
    void exportRoundTrip();
    void deleteByRegex();

private:
    QString sourceFile() const { return m_ctl.path(QStringLiteral("lines.txt")); }
    QString sinkFile() const { return m_ctl.path(QStringLiteral("sink-out.txt")); }
    QString expectGolden(const QString &name, const CtlRun &run) const { return compareGolden(name, run, m_ctl); }

    CtlFixture m_ctl;
};

void tst_CtlConnectors::initTestCase()
{
    QVERIFY(m_ctl.start());
    m_ctl.writeFile(QStringLiteral("lines.txt"), "one\ntwo\nthree\n");
}

void tst_CtlConnectors::createAndApply()
{
    const QString source = m_ctl.writeFile(
        QStringLiteral("defs/lines-source.json"),
        QStringLiteral("{\"name\": \"lines-source\", \"config\": {\"connector.class\": \"FileStreamSource\", \"file\": \"%1\", "
                       "\"topic\": \"lines\", \"tasks.max\": 1}}")
            .arg(sourceFile())
            .toUtf8());
    const CtlRun created = m_ctl.ctl({QStringLiteral("create"), QStringLiteral("-f"), source});
    QVERIFY2(created.exitCode == 0, created.describe());
    QCOMPARE(created.text(), QStringLiteral("lines-source created\n"));
    const CtlRun again = m_ctl.ctl({QStringLiteral("create"), QStringLiteral("-f"), source});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("already exists"), again.describe());

    // A directory mixing JSON and properties: the existing one is unchanged, the other created.
    m_ctl.writeFile(QStringLiteral("defs/lines-sink.properties"),
                    QStringLiteral("name=lines-sink\nconnector.class=org.apache.kafka.connect.file.FileStreamSinkConnector\n"
                                   "topics=lines\nfile=%1\n")
                        .arg(sinkFile())
                        .toUtf8());
    const CtlRun applied = m_ctl.ctl(withJson({QStringLiteral("apply"), QStringLiteral("-f"), m_ctl.path(QStringLiteral("defs"))}));
    QVERIFY2(applied.exitCode == 0, applied.describe());
    const QString mismatch = expectGolden(QStringLiteral("apply"), applied);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-source"), QStringLiteral("RUNNING")));
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-sink"), QStringLiteral("RUNNING")));
    // The data really flows through what was applied.
    QTRY_COMPARE_WITH_TIMEOUT(readFile(sinkFile()), QByteArray("one\ntwo\nthree\n"), 60000);

    // Inline KEY=VALUE and an initial state.
    const CtlRun inline_ = m_ctl.ctl({QStringLiteral("create"), QStringLiteral("parked"),
                                      QStringLiteral("connector.class=FileStreamSource"), QStringLiteral("topic=parked"),
                                      QStringLiteral("file=") + sourceFile(), QStringLiteral("--initial-state"), QStringLiteral("stopped")});
    QVERIFY2(inline_.exitCode == 0 && inline_.text().contains(QStringLiteral("(STOPPED)")), inline_.describe());
    QVERIFY(m_ctl.waitForState(QStringLiteral("parked"), QStringLiteral("STOPPED")));
    QCOMPARE(m_ctl.ctl({QStringLiteral("create"), QStringLiteral("x"), QStringLiteral("topic")}).exitCode, 2);
    QCOMPARE(m_ctl.ctl({QStringLiteral("create"), QStringLiteral("x"), QStringLiteral("topic=t")}).exitCode, 2);
}

void tst_CtlConnectors::getStatusDescribe()
{
    const CtlRun table = m_ctl.ctl({QStringLiteral("get"), QStringLiteral("connectors")});
    QVERIFY2(table.exitCode == 0, table.describe());
    QVERIFY2(table.text().contains(QRegularExpression(
                 QStringLiteral("lines-source\\s+source\\s+RUNNING\\s+1/1\\s+FileStreamSource\\s+lines\n"))),
             table.describe());
    QVERIFY(table.text().contains(QRegularExpression(QStringLiteral("parked\\s+source\\s+STOPPED\\s+0/0"))));
    QCOMPARE(m_ctl.ctl({QStringLiteral("get"), QStringLiteral("connectors"), QStringLiteral("-o"), QStringLiteral("name")}).text(),
             QStringLiteral("lines-sink\nlines-source\nparked\n"));

    const CtlRun json = m_ctl.ctl(withJson({QStringLiteral("get"), QStringLiteral("connectors")}));
    QString mismatch = expectGolden(QStringLiteral("get-connectors"), json);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

    const CtlRun status = m_ctl.ctl(withJson({QStringLiteral("status"), QStringLiteral("lines-sink"), QStringLiteral("lines-source")}));
    mismatch = expectGolden(QStringLiteral("status"), status);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    const CtlRun statusTable = m_ctl.ctl({QStringLiteral("status")});
    QVERIFY(statusTable.text().contains(QRegularExpression(QStringLiteral("lines-sink\\s+0\\s+RUNNING\\s+\\S+:\\d+"))));
    const CtlRun partlyUnknown = m_ctl.ctl({QStringLiteral("status"), QStringLiteral("nope"), QStringLiteral("lines-sink")});
    QCOMPARE(partlyUnknown.exitCode, 1);
    QVERIFY2(partlyUnknown.err.contains("connector nope") && partlyUnknown.text().contains(QStringLiteral("lines-sink")),
             partlyUnknown.describe());

    const CtlRun describe = m_ctl.ctl({QStringLiteral("describe"), QStringLiteral("connector"), QStringLiteral("lines-sink")});
    QVERIFY2(describe.exitCode == 0, describe.describe());
    for (const QString &expected : {QStringLiteral("Name:       lines-sink\n"), QStringLiteral("State:      RUNNING\n"),
                                    QStringLiteral("  topics:           lines\n"), QStringLiteral("Tasks:\n  0:\n    State:      RUNNING\n"),
                                    QStringLiteral("Topics:\n  lines\n")})
        QVERIFY2(describe.text().contains(expected), qPrintable(expected + QLatin1Char('\n') + describe.text()));
    const CtlRun describeJson = m_ctl.ctl(withJson({QStringLiteral("describe"), QStringLiteral("connector"), QStringLiteral("lines-sink")}));
    mismatch = expectGolden(QStringLiteral("describe-connector"), describeJson);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    const CtlRun unknown = m_ctl.ctl({QStringLiteral("describe"), QStringLiteral("connector"), QStringLiteral("nope")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.startsWith("connectdesk-ctl: error: connector nope: ") && unknown.err.contains("(HTTP 404)"), unknown.describe());
}

void tst_CtlConnectors::diff()
{
    const QString file = m_ctl.writeFile(QStringLiteral("diff/lines-sink.properties"),
                                         QStringLiteral("name=lines-sink\nconnector.class=org.apache.kafka.connect.file.FileStreamSinkConnector\n"
                                                        "topics=lines\nfile=%1\n")
                                             .arg(sinkFile())
                                             .toUtf8());
    const CtlRun same = m_ctl.ctl({QStringLiteral("diff"), QStringLiteral("-f"), file});
    QVERIFY2(same.exitCode == 0 && same.text() == QStringLiteral("lines-sink: no differences\n"), same.describe());

    m_ctl.writeFile(QStringLiteral("diff/lines-sink.properties"),
                    QStringLiteral("name=lines-sink\nconnector.class=org.apache.kafka.connect.file.FileStreamSinkConnector\n"
                                   "topics=lines\ntasks.max=2\n")
                        .toUtf8());
    m_ctl.writeFile(QStringLiteral("diff/new-one.json"), "{\"name\": \"new-one\", \"connector.class\": \"FileStreamSource\", \"topic\": \"t\"}");
    const CtlRun changed = m_ctl.ctl({QStringLiteral("diff"), QStringLiteral("-f"), m_ctl.path(QStringLiteral("diff"))});
    QCOMPARE(changed.exitCode, 1);
    QVERIFY2(changed.text().contains(QStringLiteral("-  file=%1\n+  tasks.max=2\n").arg(sinkFile())), changed.describe());
    QVERIFY(changed.text().contains(QStringLiteral("--- new-one (does not exist; apply would create it)")));
    const CtlRun json = m_ctl.ctl(withJson({QStringLiteral("diff"), QStringLiteral("-f"), m_ctl.path(QStringLiteral("diff"))}));
    QCOMPARE(json.exitCode, 1);
    const QString mismatch = expectGolden(QStringLiteral("diff"), json);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    // diff changes nothing.
    QCOMPARE(m_ctl.ctl({QStringLiteral("status"), QStringLiteral("new-one")}).exitCode, 1);
}

void tst_CtlConnectors::patch()
{
    const CtlRun patched = m_ctl.ctl({QStringLiteral("patch"), QStringLiteral("lines-sink"), QStringLiteral("errors.tolerance=all"),
                                      QStringLiteral("errors.log.enable=true")});
    QVERIFY2(patched.exitCode == 0, patched.describe());
    QCOMPARE(patched.text(), QStringLiteral("lines-sink patched; set errors.log.enable, errors.tolerance\n"));
    const CtlRun removed = m_ctl.ctl(withJson({QStringLiteral("patch"), QStringLiteral("lines-sink"), QStringLiteral("errors.log.enable-")}));
    QVERIFY2(removed.exitCode == 0, removed.describe());
    const QJsonObject config = removed.json().toObject().value(QLatin1String("config")).toObject();
    QCOMPARE(config.value(QLatin1String("errors.tolerance")).toString(), QStringLiteral("all"));
    QVERIFY(!config.contains(QLatin1String("errors.log.enable")));
    QCOMPARE(config.value(QLatin1String("file")).toString(), sinkFile());

    QCOMPARE(m_ctl.ctl({QStringLiteral("patch"), QStringLiteral("lines-sink"), QStringLiteral("oops")}).exitCode, 2);
    QCOMPARE(m_ctl.ctl({QStringLiteral("patch"), QStringLiteral("lines-sink")}).exitCode, 2);
    QCOMPARE(m_ctl.ctl({QStringLiteral("patch"), QStringLiteral("lines-sink"), QStringLiteral("connector.class=X")}).exitCode, 2);
    const CtlRun invalid = m_ctl.ctl({QStringLiteral("patch"), QStringLiteral("lines-sink"), QStringLiteral("errors.tolerance=some")});
    QCOMPARE(invalid.exitCode, 1);
    QCOMPARE(m_ctl.ctl({QStringLiteral("patch"), QStringLiteral("nope"), QStringLiteral("a=b")}).exitCode, 1);
}

void tst_CtlConnectors::validateAndDryRun()
{
    const QString bad = m_ctl.writeFile(QStringLiteral("bad/broken-sink.properties"),
                                        "name=broken-sink\nconnector.class=FileStreamSink\ntasks.max=zero\n");
    const CtlRun validate = m_ctl.ctl({QStringLiteral("validate"), QStringLiteral("-f"), bad});
    QCOMPARE(validate.exitCode, 1);
    QVERIFY2(validate.text().contains(QStringLiteral("topics: Must configure one of topics or topics.regex")), validate.describe());
    QVERIFY2(validate.text().contains(QStringLiteral("tasks.max: ")), validate.describe());
    const CtlRun validateJson = m_ctl.ctl(withJson({QStringLiteral("validate"), QStringLiteral("FileStreamSink"), QStringLiteral("-f"), bad}));
    QCOMPARE(validateJson.exitCode, 1);
    QVERIFY(validateJson.json().toObject().value(QLatin1String("error_count")).toInt() >= 3);

    const CtlRun dryRun = m_ctl.ctl({QStringLiteral("apply"), QStringLiteral("--dry-run"), QStringLiteral("-f"), bad});
    QCOMPARE(dryRun.exitCode, 1);
    QVERIFY2(dryRun.text().startsWith(QStringLiteral("broken-sink (%1): ").arg(bad)), dryRun.describe());
    QVERIFY(dryRun.text().contains(QStringLiteral("\n  topics: Must configure one of topics or topics.regex\n")));

    const CtlRun applied = m_ctl.ctl({QStringLiteral("apply"), QStringLiteral("-f"), bad});
    QCOMPARE(applied.exitCode, 1);
    QVERIFY2(applied.err.contains("broken-sink (" + bad.toUtf8() + "): invalid config") && applied.err.contains("\n  topics: Must"),
             applied.describe());
    QCOMPARE(m_ctl.ctl({QStringLiteral("status"), QStringLiteral("broken-sink")}).exitCode, 1);

    const QString good = m_ctl.writeFile(QStringLiteral("good/fine.json"),
                                         "{\"name\": \"fine\", \"connector.class\": \"FileStreamSink\", \"topics\": \"t\"}");
    const CtlRun goodDryRun = m_ctl.ctl({QStringLiteral("apply"), QStringLiteral("--dry-run"), QStringLiteral("-f"), good});
    QVERIFY2(goodDryRun.exitCode == 0 && goodDryRun.text().contains(QStringLiteral("fine would be created")), goodDryRun.describe());
    QCOMPARE(m_ctl.ctl({QStringLiteral("status"), QStringLiteral("fine")}).exitCode, 1);
}

void tst_CtlConnectors::badFiles()
{
    const QString broken = m_ctl.writeFile(QStringLiteral("broken.json"), "{\"name\": \"x\",\n \"config\": {\"a\": }\n}");
    const CtlRun run = m_ctl.ctl({QStringLiteral("apply"), QStringLiteral("-f"), broken});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith("connectdesk-ctl: error: " + broken.toUtf8() + ":2: "), run.describe());
    const CtlRun missing = m_ctl.ctl({QStringLiteral("apply"), QStringLiteral("-f"), m_ctl.path(QStringLiteral("missing.json"))});
    QCOMPARE(missing.exitCode, 2);
    const CtlRun noName = m_ctl.ctl({QStringLiteral("apply"), QStringLiteral("-f"), m_ctl.writeFile(QStringLiteral("noname.properties"), "topics=a\n")});
    QCOMPARE(noName.exitCode, 2);
    QVERIFY2(noName.err.contains("name"), noName.describe());
    QCOMPARE(m_ctl.ctl({QStringLiteral("apply")}).exitCode, 2);
    const CtlRun emptyDir = m_ctl.ctl({QStringLiteral("apply"), QStringLiteral("-f"), m_ctl.path(QStringLiteral("empty-dir"))});
    QCOMPARE(emptyDir.exitCode, 2);
    // Standard input.
    const CtlRun fromStdin = m_ctl.ctl({QStringLiteral("diff"), QStringLiteral("-f"), QStringLiteral("-")},
                                       "{\"name\": \"stdin-one\", \"connector.class\": \"FileStreamSink\", \"topics\": \"t\"}");
    QCOMPARE(fromStdin.exitCode, 1);
    QVERIFY2(fromStdin.text().contains(QStringLiteral("+++ -")), fromStdin.describe());
}

void tst_CtlConnectors::lifecycle()
{
    const CtlRun paused = m_ctl.ctl(withJson({QStringLiteral("pause"), QStringLiteral("-e"), QStringLiteral("lines-.*")}));
    QVERIFY2(paused.exitCode == 0, paused.describe());
    const QString mismatch = expectGolden(QStringLiteral("pause-regex"), paused);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-source"), QStringLiteral("PAUSED")));
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-sink"), QStringLiteral("PAUSED")));
    QCOMPARE(m_ctl.waitForState(QStringLiteral("parked"), QStringLiteral("STOPPED")), true);

    const CtlRun resumed = m_ctl.ctl({QStringLiteral("resume"), QStringLiteral("lines-source"), QStringLiteral("nope"), QStringLiteral("lines-sink")});
    QCOMPARE(resumed.exitCode, 1);
    QCOMPARE(resumed.text(), QStringLiteral("lines-source resumed\nlines-sink resumed\n"));
    QVERIFY2(resumed.err.contains("resume nope: "), resumed.describe());
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-source"), QStringLiteral("RUNNING")));
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-sink"), QStringLiteral("RUNNING")));

    const CtlRun noMatch = m_ctl.ctl({QStringLiteral("stop"), QStringLiteral("-e"), QStringLiteral("zzz.*")});
    QCOMPARE(noMatch.exitCode, 1);
    QVERIFY(noMatch.err.contains("no connector matches zzz.*"));
    QCOMPARE(m_ctl.ctl({QStringLiteral("stop"), QStringLiteral("-e"), QStringLiteral("(")}).exitCode, 2);
}

void tst_CtlConnectors::restart()
{
    const CtlRun all = m_ctl.ctl(withJson({QStringLiteral("restart"), QStringLiteral("lines-sink"), QStringLiteral("--tasks"), QStringLiteral("all")}));
    QVERIFY2(all.exitCode == 0, all.describe());
    const QJsonObject result = all.json().toArray().first().toObject();
    QCOMPARE(result.value(QLatin1String("status")).toInt(), 202);
    QCOMPARE(result.value(QLatin1String("result")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("lines-sink"));
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-sink"), QStringLiteral("RUNNING")));

    const CtlRun failedOnly = m_ctl.ctl({QStringLiteral("restart"), QStringLiteral("lines-sink"), QStringLiteral("--tasks"), QStringLiteral("failed")});
    QVERIFY2(failedOnly.exitCode == 0 && failedOnly.text() == QStringLiteral("lines-sink: nothing to restart (no failed connector or task)\n"), failedOnly.describe());
    const CtlRun connectorOnly = m_ctl.ctl({QStringLiteral("restart"), QStringLiteral("lines-sink")});
    QVERIFY2(connectorOnly.exitCode == 0 && connectorOnly.text().startsWith(QStringLiteral("lines-sink restarted (the connector only")),
             connectorOnly.describe());
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-sink"), QStringLiteral("RUNNING")));
    const CtlRun allTable = m_ctl.ctl({QStringLiteral("restart"), QStringLiteral("lines-sink"), QStringLiteral("--tasks"), QStringLiteral("all")});
    QVERIFY2(allTable.exitCode == 0 && allTable.text() == QStringLiteral("lines-sink restarting: the connector and 1 task(s)\n"),
             allTable.describe());
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-sink"), QStringLiteral("RUNNING")));
    const CtlRun task = m_ctl.ctl({QStringLiteral("restart"), QStringLiteral("lines-sink"), QStringLiteral("--task"), QStringLiteral("0")});
    QVERIFY2(task.exitCode == 0 && task.text() == QStringLiteral("lines-sink task 0 restarted\n"), task.describe());
    QCOMPARE(m_ctl.ctl({QStringLiteral("restart"), QStringLiteral("lines-sink"), QStringLiteral("--task"), QStringLiteral("7")}).exitCode, 1);
    QCOMPARE(m_ctl.ctl({QStringLiteral("restart"), QStringLiteral("lines-sink"), QStringLiteral("--tasks"), QStringLiteral("some")}).exitCode, 2);
    QCOMPARE(m_ctl.ctl({QStringLiteral("restart"), QStringLiteral("nope")}).exitCode, 1);
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-sink"), QStringLiteral("RUNNING")));
}

void tst_CtlConnectors::failedTask()
{
    // The lines are not JSON: with errors.tolerance=none the sink's task fails on the first one.
    const CtlRun created = m_ctl.ctl({QStringLiteral("create"), QStringLiteral("strict-sink"),
                                      QStringLiteral("connector.class=FileStreamSink"), QStringLiteral("topics=lines"),
                                      QStringLiteral("file=") + m_ctl.path(QStringLiteral("strict-out.txt")),
                                      QStringLiteral("value.converter=org.apache.kafka.connect.json.JsonConverter"),
                                      QStringLiteral("value.converter.schemas.enable=false")});
    QVERIFY2(created.exitCode == 0, created.describe());
    QTRY_VERIFY_WITH_TIMEOUT(m_ctl.ctl({QStringLiteral("get"), QStringLiteral("connectors")})
                                 .text()
                                 .contains(QRegularExpression(QStringLiteral("strict-sink\\s+sink\\s+RUNNING\\s+0/1, 1 FAILED"))),
                             60000);
    const CtlRun status = m_ctl.ctl({QStringLiteral("status"), QStringLiteral("strict-sink")});
    QVERIFY2(status.text().contains(QRegularExpression(QStringLiteral("strict-sink\\s+0\\s+FAILED\\s+\\S+\\s+\\S+"))), status.describe());
    QCOMPARE(status.text().count(QLatin1Char('\n')), 3); // one line per task: the trace is cut to its first line
    const CtlRun describe = m_ctl.ctl({QStringLiteral("describe"), QStringLiteral("connector"), QStringLiteral("strict-sink")});
    QVERIFY2(describe.text().contains(QStringLiteral("    State:      FAILED\n")) && describe.text().contains(QStringLiteral("    Trace:\n      ")),
             describe.describe());
    const CtlRun yaml = m_ctl.ctl({QStringLiteral("status"), QStringLiteral("strict-sink"), QStringLiteral("-o"), QStringLiteral("yaml")});
    QVERIFY2(yaml.text().contains(QStringLiteral("    trace: |")), yaml.describe());

    const CtlRun restarted = m_ctl.ctl({QStringLiteral("restart"), QStringLiteral("strict-sink"), QStringLiteral("--tasks"), QStringLiteral("failed")});
    QVERIFY2(restarted.exitCode == 0 && restarted.text() == QStringLiteral("strict-sink restarting: 1 task(s)\n"), restarted.describe());
    QCOMPARE(m_ctl.ctl({QStringLiteral("delete"), QStringLiteral("strict-sink")}).exitCode, 0);
}

void tst_CtlConnectors::offsets()
{
    const QString name = QStringLiteral("lines-source");
    QTRY_VERIFY_WITH_TIMEOUT(m_ctl.ctl({QStringLiteral("offsets"), QStringLiteral("get"), name}).text().contains(QStringLiteral("{\"position\":14}")),
                             30000);
    const CtlRun running = m_ctl.ctl({QStringLiteral("offsets"), QStringLiteral("reset"), name});
    QCOMPARE(running.exitCode, 1);
    QVERIFY2(running.err.contains("lines-source is RUNNING; offsets can be reset only while a connector is STOPPED"), running.describe());

    QCOMPARE(m_ctl.ctl({QStringLiteral("stop"), name}).exitCode, 0);
    QVERIFY(m_ctl.waitForState(name, QStringLiteral("STOPPED")));
    const CtlRun got = m_ctl.ctl(withJson({QStringLiteral("offsets"), QStringLiteral("get"), name}));
    QString mismatch = expectGolden(QStringLiteral("offsets-get"), got);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

    // What `offsets get` prints is what `offsets alter` takes.
    QJsonObject edited = got.json().toObject();
    QJsonArray entries = edited.value(QLatin1String("offsets")).toArray();
    QJsonObject entry = entries.first().toObject();
    entry.insert(QStringLiteral("offset"), QJsonObject{{QStringLiteral("position"), 4}});
    entries[0] = entry;
    edited.insert(QStringLiteral("offsets"), entries);
    const QString file = m_ctl.writeFile(QStringLiteral("offsets.json"), QJsonDocument(edited).toJson());
    const CtlRun altered = m_ctl.ctl({QStringLiteral("offsets"), QStringLiteral("alter"), name, QStringLiteral("-f"), file});
    QVERIFY2(altered.exitCode == 0 && altered.text().contains(QStringLiteral("resume lines-source")), altered.describe());
    QVERIFY(m_ctl.ctl({QStringLiteral("offsets"), QStringLiteral("get"), name}).text().contains(QStringLiteral("{\"position\":4}")));
    QCOMPARE(m_ctl.ctl({QStringLiteral("offsets"), QStringLiteral("alter"), name, QStringLiteral("-f"),
                        m_ctl.writeFile(QStringLiteral("offsets-bad.json"), "[1,")}).exitCode,
             2);

    const CtlRun reset = m_ctl.ctl({QStringLiteral("offsets"), QStringLiteral("reset"), name});
    QVERIFY2(reset.exitCode == 0, reset.describe());
    QVERIFY(m_ctl.ctl({QStringLiteral("offsets"), QStringLiteral("get"), name}).text().contains(QStringLiteral("no committed offsets")));
    QCOMPARE(m_ctl.ctl({QStringLiteral("resume"), name}).exitCode, 0);
    QVERIFY(m_ctl.waitForState(name, QStringLiteral("RUNNING")));
    // From offset 0 again: the three lines are read a second time.
    QTRY_COMPARE_WITH_TIMEOUT(readFile(sinkFile()), QByteArray("one\ntwo\nthree\none\ntwo\nthree\n"), 60000);
    QCOMPARE(m_ctl.ctl({QStringLiteral("offsets"), QStringLiteral("get"), QStringLiteral("nope")}).exitCode, 1);
}

void tst_CtlConnectors::topics()
{
    const CtlRun listed = m_ctl.ctl({QStringLiteral("topics"), QStringLiteral("lines-source")});
    QVERIFY2(listed.exitCode == 0 && listed.text() == QStringLiteral("lines\n"), listed.describe());
    const CtlRun json = m_ctl.ctl(withJson({QStringLiteral("topics"), QStringLiteral("lines-source")}));
    QCOMPARE(json.json().toObject().value(QLatin1String("lines-source")).toObject().value(QLatin1String("topics")).toArray(),
             QJsonArray{QStringLiteral("lines")});

    QCOMPARE(m_ctl.ctl({QStringLiteral("stop"), QStringLiteral("lines-source")}).exitCode, 0);
    QVERIFY(m_ctl.waitForState(QStringLiteral("lines-source"), QStringLiteral("STOPPED")));
    const CtlRun reset = m_ctl.ctl({QStringLiteral("topics"), QStringLiteral("lines-source"), QStringLiteral("--reset")});
    QVERIFY2(reset.exitCode == 0, reset.describe());
    QVERIFY(m_ctl.ctl({QStringLiteral("topics"), QStringLiteral("lines-source")}).text().contains(QStringLiteral("has used no topic")));
    QCOMPARE(m_ctl.ctl({QStringLiteral("resume"), QStringLiteral("lines-source")}).exitCode, 0);
}

void tst_CtlConnectors::exportRoundTrip()
{
    const QString directory = m_ctl.path(QStringLiteral("export"));
    const CtlRun exported = m_ctl.ctl({QStringLiteral("export"), QStringLiteral("-d"), directory});
    QVERIFY2(exported.exitCode == 0, exported.describe());
    QCOMPARE(QDir(directory).entryList(QDir::Files), (QStringList{QStringLiteral("lines-sink.json"), QStringLiteral("lines-source.json"),
                                                                  QStringLiteral("parked.json")}));
    const CtlRun applied = m_ctl.ctl({QStringLiteral("apply"), QStringLiteral("-f"), directory});
    QVERIFY2(applied.exitCode == 0, applied.describe());
    QCOMPARE(applied.text(), QStringLiteral("lines-sink unchanged\nlines-source unchanged\nparked unchanged\n"));

    const QString properties = m_ctl.path(QStringLiteral("export-properties"));
    QCOMPARE(m_ctl.ctl({QStringLiteral("export"), QStringLiteral("-d"), properties, QStringLiteral("--format"), QStringLiteral("properties")}).exitCode, 0);
    QCOMPARE(m_ctl.ctl({QStringLiteral("diff"), QStringLiteral("-f"), properties}).exitCode, 0);

    const CtlRun toStdout = m_ctl.ctl({QStringLiteral("export")});
    QCOMPARE(toStdout.json().toArray().size(), 3);
    QCOMPARE(m_ctl.ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")}).exitCode, 2);
}

void tst_CtlConnectors::deleteByRegex()
{
    const CtlRun deleted = m_ctl.ctl({QStringLiteral("delete"), QStringLiteral("-e"), QStringLiteral("lines-.*|parked")});
    QVERIFY2(deleted.exitCode == 0, deleted.describe());
    QCOMPARE(deleted.text(), QStringLiteral("lines-sink deleted\nlines-source deleted\nparked deleted\n"));
    QTRY_COMPARE_WITH_TIMEOUT(m_ctl.ctl({QStringLiteral("get"), QStringLiteral("connectors")}).text(),
                              QStringLiteral("No connectors on %1.\n").arg(m_ctl.url()), 20000);
    QCOMPARE(m_ctl.ctl({QStringLiteral("delete"), QStringLiteral("lines-sink")}).exitCode, 1);
}

QTEST_GUILESS_MAIN(tst_CtlConnectors)
#include "tst_ctlconnectors.moc"
