// SPDX-License-Identifier: Apache-2.0
// connectdesk-ctl on the cluster as a whole: info, plugins, loggers, contexts, authentication,
// and how it fails (unreachable cluster, bad command lines, help).
#include "ctlfixture.h"

#include "core/rest/basicauth.h"
#include "tests/support/childprocess.h"
#include "tests/support/testfiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::TestSupport;

namespace {

const QString closedPortUrl()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());
}

QStringList stderrLines(const CtlRun &run)
{
    return QString::fromUtf8(run.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class tst_CtlCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void info();
    void plugins();
    void describePlugin();
    void loggers();
    void yamlOutput();
    void contexts();
    void environmentAndPrecedence();
    void basicAuth();
    void unreachableCluster();
    void badCommandLines();
    void help();

private:
    CtlFixture m_ctl;
};

void tst_CtlCluster::initTestCase()
{
    QVERIFY(m_ctl.start());
}

void tst_CtlCluster::info()
{
    const CtlRun run = m_ctl.ctl({QStringLiteral("info")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.text().contains(QStringLiteral("Version:           4.0.0")), run.describe());
    QVERIFY(run.text().contains(m_ctl.url()));
    const CtlRun json = m_ctl.ctl({QStringLiteral("info"), QStringLiteral("-o"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    const QString mismatch = compareGolden(QStringLiteral("info"), json, m_ctl);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void tst_CtlCluster::plugins()
{
    const CtlRun table = m_ctl.ctl({QStringLiteral("get"), QStringLiteral("plugins")});
    QVERIFY2(table.exitCode == 0, table.describe());
    QVERIFY(table.text().startsWith(QStringLiteral("CLASS ")));
    QVERIFY(table.text().contains(QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceConnector  source")));
    QVERIFY(!table.text().contains(QStringLiteral("RegexRouter")));

    const CtlRun json = m_ctl.ctl({QStringLiteral("get"), QStringLiteral("plugins"), QStringLiteral("-o"), QStringLiteral("json")});
    const QString mismatch = compareGolden(QStringLiteral("get-plugins"), json, m_ctl);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

    const CtlRun all = m_ctl.ctl({QStringLiteral("plugins"), QStringLiteral("--all"), QStringLiteral("-o"), QStringLiteral("name")});
    QVERIFY2(all.exitCode == 0, all.describe());
    QVERIFY(all.text().contains(QStringLiteral("org.apache.kafka.connect.transforms.RegexRouter\n")));
    QVERIFY(all.text().contains(QStringLiteral("org.apache.kafka.connect.json.JsonConverter\n")));
}

void tst_CtlCluster::describePlugin()
{
    const CtlRun table = m_ctl.ctl({QStringLiteral("describe"), QStringLiteral("plugin"), QStringLiteral("FileStreamSink")});
    QVERIFY2(table.exitCode == 0, table.describe());
    QVERIFY(table.text().contains(QStringLiteral("Class:    org.apache.kafka.connect.file.FileStreamSinkConnector")));
    QVERIFY(table.text().contains(QStringLiteral("tasks.max")));

    const CtlRun json = m_ctl.ctl({QStringLiteral("describe"), QStringLiteral("plugin"),
                                   QStringLiteral("org.apache.kafka.connect.file.FileStreamSinkConnector"), QStringLiteral("-o"),
                                   QStringLiteral("json")});
    const QString mismatch = compareGolden(QStringLiteral("describe-plugin"), json, m_ctl);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

    const CtlRun unknown = m_ctl.ctl({QStringLiteral("describe"), QStringLiteral("plugin"), QStringLiteral("NoSuchPlugin")});
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(stderrLines(unknown).size(), 1);
    QVERIFY2(unknown.err.contains("NoSuchPlugin"), unknown.describe());
}

void tst_CtlCluster::loggers()
{
    const CtlRun set = m_ctl.ctl({QStringLiteral("logger"), QStringLiteral("set"), QStringLiteral("connectdesk.rest"),
                                  QStringLiteral("debug"), QStringLiteral("-o"), QStringLiteral("json")});
    QVERIFY2(set.exitCode == 0, set.describe());
    const QString mismatch = compareGolden(QStringLiteral("logger-set"), set, m_ctl);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

    const CtlRun one = m_ctl.ctl({QStringLiteral("logger"), QStringLiteral("get"), QStringLiteral("connectdesk.rest")});
    QVERIFY2(one.exitCode == 0, one.describe());
    QVERIFY2(one.text().contains(QRegularExpression(QStringLiteral("connectdesk.rest\\s+DEBUG\\s+\\d{4}-"))), one.describe());

    const CtlRun all = m_ctl.ctl({QStringLiteral("get"), QStringLiteral("loggers"), QStringLiteral("-o"), QStringLiteral("json")});
    QCOMPARE(all.json().toObject().value(QLatin1String("connectdesk.rest")).toObject().value(QLatin1String("level")).toString(),
             QStringLiteral("DEBUG"));
    QVERIFY(all.json().toObject().contains(QLatin1String("root")));

    const CtlRun cluster = m_ctl.ctl({QStringLiteral("logger"), QStringLiteral("set"), QStringLiteral("connectdesk.rest"),
                                      QStringLiteral("INFO"), QStringLiteral("--scope"), QStringLiteral("cluster")});
    QVERIFY2(cluster.exitCode == 0, cluster.describe());
    QVERIFY(cluster.text().contains(QStringLiteral("every worker")));
    QTRY_VERIFY_WITH_TIMEOUT(m_ctl.ctl({QStringLiteral("logger"), QStringLiteral("get"), QStringLiteral("connectdesk.rest")})
                                 .text()
                                 .contains(QStringLiteral("INFO")),
                             20000);

    const CtlRun badLevel = m_ctl.ctl({QStringLiteral("logger"), QStringLiteral("set"), QStringLiteral("x"), QStringLiteral("LOUD")});
    QCOMPARE(badLevel.exitCode, 1);
    const CtlRun badScope = m_ctl.ctl({QStringLiteral("logger"), QStringLiteral("set"), QStringLiteral("x"), QStringLiteral("INFO"),
                                       QStringLiteral("--scope"), QStringLiteral("planet")});
    QCOMPARE(badScope.exitCode, 2);
}

void tst_CtlCluster::yamlOutput()
{
    const CtlRun run = m_ctl.ctl({QStringLiteral("get"), QStringLiteral("plugins"), QStringLiteral("-o"), QStringLiteral("yaml")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.text().contains(QStringLiteral("- class: org.apache.kafka.connect.file.FileStreamSinkConnector\n  type: sink\n")),
             run.describe());
    const CtlRun info = m_ctl.ctl({QStringLiteral("info"), QStringLiteral("-o"), QStringLiteral("yaml")});
    // A version is a string in Connect's JSON; YAML must not turn it into a number.
    QVERIFY2(info.text().contains(QStringLiteral("version: 4.0.0\n")), info.describe());
}

void tst_CtlCluster::contexts()
{
    QFile::remove(m_ctl.contextsFile());
    const CtlRun empty = m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("get-contexts")});
    QVERIFY2(empty.exitCode == 0 && empty.text().contains(QStringLiteral("No contexts")), empty.describe());
    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("current-context")}).exitCode, 1);

    const CtlRun local = m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("set-context"), QStringLiteral("local"),
                                        QStringLiteral("--url"), m_ctl.url(), QStringLiteral("--bootstrap-servers"),
                                        m_ctl.bootstrapServers()});
    QVERIFY2(local.exitCode == 0 && local.text().contains(QStringLiteral("current context")), local.describe());
    const CtlRun remote = m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("set-context"), QStringLiteral("remote"),
                                         QStringLiteral("--url"), QStringLiteral("https://connect.example.com:8443"),
                                         QStringLiteral("--user"), QStringLiteral("ops"), QStringLiteral("--password"),
                                         QStringLiteral("s3cret"), QStringLiteral("--insecure")});
    QVERIFY2(remote.exitCode == 0, remote.describe());
    QVERIFY(QFile::permissions(m_ctl.contextsFile()) == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));

    const CtlRun listed = m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("get-contexts"), QStringLiteral("-o"), QStringLiteral("json")});
    const QString mismatch = compareGolden(QStringLiteral("get-contexts"), listed, m_ctl);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    QVERIFY2(!listed.out.contains("s3cret"), listed.describe());

    // The current context is used without --url.
    const CtlRun viaContext = m_ctl.ctlBare({QStringLiteral("info")});
    QVERIFY2(viaContext.exitCode == 0 && viaContext.text().contains(m_ctl.url()), viaContext.describe());

    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("use-context"), QStringLiteral("remote")}).exitCode, 0);
    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("current-context")}).text(), QStringLiteral("remote\n"));
    const CtlRun named = m_ctl.ctlBare({QStringLiteral("--context"), QStringLiteral("local"), QStringLiteral("info")});
    QVERIFY2(named.exitCode == 0, named.describe());
    const CtlRun unknown = m_ctl.ctlBare({QStringLiteral("--context"), QStringLiteral("nope"), QStringLiteral("info")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("no context named 'nope'"));
    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("use-context"), QStringLiteral("nope")}).exitCode, 1);

    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("delete-context"), QStringLiteral("remote")}).exitCode, 0);
    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("get-contexts"), QStringLiteral("-o"), QStringLiteral("name")}).text(),
             QStringLiteral("local\n"));
    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("current-context")}).exitCode, 1);

    // A broken contexts file is named in the error; nothing is overwritten.
    QVERIFY(writeFile(m_ctl.contextsFile(), "{not json"));
    const CtlRun broken = m_ctl.ctlBare({QStringLiteral("info")});
    QCOMPARE(broken.exitCode, 2);
    QVERIFY2(broken.err.contains(m_ctl.contextsFile().toUtf8()), broken.describe());
    QCOMPARE(readFile(m_ctl.contextsFile()), QByteArray("{not json"));
    QFile::remove(m_ctl.contextsFile());
}

void tst_CtlCluster::environmentAndPrecedence()
{
    QFile::remove(m_ctl.contextsFile());
    const CtlRun viaEnvironment = m_ctl.ctlBare({QStringLiteral("info")}, {{QStringLiteral("CONNECTDESK_URL"), m_ctl.url()}});
    QVERIFY2(viaEnvironment.exitCode == 0, viaEnvironment.describe());
    // --url wins over the environment.
    const CtlRun flag = m_ctl.ctlBare({QStringLiteral("--url"), closedPortUrl(), QStringLiteral("info")},
                                      {{QStringLiteral("CONNECTDESK_URL"), m_ctl.url()}});
    QCOMPARE(flag.exitCode, 3);
    // Without anything: localhost:8083, named in the error when nothing listens there.
    const CtlRun fallback = m_ctl.ctlBare({QStringLiteral("info")});
    QVERIFY2(fallback.exitCode == 0 || fallback.err.contains("http://localhost:8083"), fallback.describe());
}

void tst_CtlCluster::basicAuth()
{
    // A standalone worker of our own with basic auth: the sandbox has none.
    const QString users = m_ctl.writeFile(QStringLiteral("auth/users"),
                                          (QStringLiteral("alice:") + Rest::BasicAuth::hashPassword(QStringLiteral("s3cret"), 1000))
                                              .toUtf8() + '\n');
    QMap<QString, QString> props = workerProperties(m_ctl.path(QStringLiteral("auth")));
    props.insert(QStringLiteral("rest.basic.auth.users.file"), users);
    const QString workerFile = m_ctl.path(QStringLiteral("auth/worker.properties"));
    QVERIFY(writeProperties(workerFile, props));
    ChildProcess worker(QStringLiteral("worker"));
    QVERIFY(worker.startWorker({QStringLiteral("standalone"), workerFile}));
    const QString url = worker.waitForLine(QStringLiteral("REST API: "), 60000).trimmed();
    QVERIFY2(!url.isEmpty(), qPrintable(worker.transcript()));

    const CtlRun anonymous = m_ctl.ctlBare({QStringLiteral("--url"), url, QStringLiteral("get"), QStringLiteral("connectors")});
    QCOMPARE(anonymous.exitCode, 1);
    QVERIFY2(anonymous.err.contains("HTTP 401") && anonymous.err.contains("CONNECTDESK_PASSWORD"), anonymous.describe());
    QCOMPARE(stderrLines(anonymous).size(), 1);

    const CtlRun wrong = m_ctl.ctlBare({QStringLiteral("--url"), url, QStringLiteral("--user"), QStringLiteral("alice"),
                                        QStringLiteral("get"), QStringLiteral("connectors")},
                                       {{QStringLiteral("CONNECTDESK_PASSWORD"), QStringLiteral("nope")}});
    QCOMPARE(wrong.exitCode, 1);
    const CtlRun right = m_ctl.ctlBare({QStringLiteral("--url"), url, QStringLiteral("--user"), QStringLiteral("alice"),
                                        QStringLiteral("get"), QStringLiteral("connectors")},
                                       {{QStringLiteral("CONNECTDESK_PASSWORD"), QStringLiteral("s3cret")}});
    QVERIFY2(right.exitCode == 0, right.describe());

    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("set-context"), QStringLiteral("secured"), QStringLiteral("--url"),
                            url, QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--password"), QStringLiteral("s3cret")})
                 .exitCode,
             0);
    const CtlRun viaContext = m_ctl.ctlBare({QStringLiteral("--context"), QStringLiteral("secured"), QStringLiteral("get"),
                                             QStringLiteral("connectors")});
    QVERIFY2(viaContext.exitCode == 0, viaContext.describe());
    QVERIFY(worker.terminate());
    QFile::remove(m_ctl.contextsFile());
}

void tst_CtlCluster::unreachableCluster()
{
    const QString url = closedPortUrl();
    for (const QStringList &command : {QStringList{QStringLiteral("info")}, QStringList{QStringLiteral("get"), QStringLiteral("connectors")},
                                       QStringList{QStringLiteral("pause"), QStringLiteral("x")},
                                       QStringList{QStringLiteral("status"), QStringLiteral("x")}}) {
        const CtlRun run = m_ctl.ctlBare(QStringList{QStringLiteral("--url"), url} + command);
        QVERIFY2(run.exitCode == 3, run.describe());
        QCOMPARE(stderrLines(run), QStringList{QStringLiteral("connectdesk-ctl: error: cannot reach %1: Connection refused").arg(url)});
        QVERIFY(run.out.isEmpty());
    }
}

void tst_CtlCluster::badCommandLines()
{
    struct Case
    {
        QStringList arguments;
        QString error;
    };
    const QList<Case> cases{
        {{QStringLiteral("frobnicate")}, QStringLiteral("unknown command 'frobnicate'")},
        {{QStringLiteral("offsets")}, QStringLiteral("did you mean: offsets get, offsets alter, offsets reset")},
        {{QStringLiteral("info"), QStringLiteral("--bogus")}, QStringLiteral("unknown option --bogus")},
        {{QStringLiteral("info"), QStringLiteral("--dry-run")}, QStringLiteral("info takes no option --dry-run")},
        {{QStringLiteral("info"), QStringLiteral("-o"), QStringLiteral("xml")}, QStringLiteral("-o xml: expected table, json, yaml or name")},
        {{QStringLiteral("pause")}, QStringLiteral("missing connector names")},
        {{QStringLiteral("pause"), QStringLiteral("a"), QStringLiteral("-e"), QStringLiteral("b")}, QStringLiteral("not both")},
        {{QStringLiteral("describe"), QStringLiteral("connector")}, QStringLiteral("missing the connector's name")},
        {{QStringLiteral("get"), QStringLiteral("plugins"), QStringLiteral("extra")}, QStringLiteral("unexpected argument: extra")},
        {{QStringLiteral("--url"), QStringLiteral("ftp://x"), QStringLiteral("info")}, QStringLiteral("not an http(s) URL")},
        {{QStringLiteral("info"), QStringLiteral("--timeout"), QStringLiteral("soon")}, QStringLiteral("--timeout: expected seconds")},
        {{QStringLiteral("info"), QStringLiteral("--url")}, QStringLiteral("option --url needs a value")},
    };
    for (const Case &c : cases) {
        const CtlRun run = m_ctl.ctl(c.arguments);
        QVERIFY2(run.exitCode == 2, run.describe());
        QVERIFY2(run.err.contains(c.error.toUtf8()), run.describe());
        QCOMPARE(stderrLines(run).size(), 1);
    }
    const CtlRun nothing = m_ctl.ctlBare({});
    QCOMPARE(nothing.exitCode, 2);
    QVERIFY(nothing.text().startsWith(QStringLiteral("Usage: connectdesk-ctl")));
}

void tst_CtlCluster::help()
{
    const CtlRun general = m_ctl.ctlBare({QStringLiteral("--help")});
    QCOMPARE(general.exitCode, 0);
    for (const char *command : {"get connectors", "describe connector", "apply", "diff", "patch", "validate", "offsets reset",
                                "restart", "config set-context", "logger set", "topics"})
        QVERIFY2(general.out.contains(QByteArray("\n  ") + command), command);
    const CtlRun restart = m_ctl.ctlBare({QStringLiteral("restart"), QStringLiteral("--help")});
    QCOMPARE(restart.exitCode, 0);
    QVERIFY(restart.text().contains(QStringLiteral("--tasks all|failed")));
    QCOMPARE(m_ctl.ctlBare({QStringLiteral("help"), QStringLiteral("offsets"), QStringLiteral("alter")}).exitCode, 0);
    const CtlRun version = m_ctl.ctlBare({QStringLiteral("--version")});
    QVERIFY(version.text().startsWith(QStringLiteral("connectdesk-ctl ")));
}

QTEST_GUILESS_MAIN(tst_CtlCluster)
#include "tst_ctlcluster.moc"
