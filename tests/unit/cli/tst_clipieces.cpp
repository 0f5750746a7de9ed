// SPDX-License-Identifier: Apache-2.0
#include "cli/arguments.h"
#include "cli/clierror.h"
#include "cli/connectordefinitions.h"
#include "cli/contextstore.h"
#include "cli/output.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ConnectDesk::Cli;

namespace {

const QList<OptionSpec> specs{
    {QStringLiteral("output"), QLatin1Char('o'), QStringLiteral("FORMAT"), {}},
    {QStringLiteral("file"), QLatin1Char('f'), QStringLiteral("FILE"), {}},
    {QStringLiteral("dry-run"), {}, {}, {}},
    {QStringLiteral("kafka-property"), {}, QStringLiteral("KEY=VALUE"), {}},
};

void writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class tst_CliPieces : public QObject
{
    Q_OBJECT

private slots:
    void argumentsAnywhere();
    void argumentErrors();
    void table();
    void yamlScalars_data();
    void yamlScalars();
    void yamlStructures();
    void contextsRoundTrip();
    void connectorDefinitions();
    void offsetsFile();
};

void tst_CliPieces::argumentsAnywhere()
{
    const Arguments parsed = Arguments::parse({QStringLiteral("-ojson"), QStringLiteral("apply"), QStringLiteral("--file=a.json"),
                                               QStringLiteral("--dry-run"), QStringLiteral("x"), QStringLiteral("-f"), QStringLiteral("b.json"),
                                               QStringLiteral("--kafka-property"), QStringLiteral("a=1"), QStringLiteral("--kafka-property"),
                                               QStringLiteral("b=2"), QStringLiteral("--"), QStringLiteral("-literal")},
                                              specs);
    QCOMPARE(parsed.positionals, (QStringList{QStringLiteral("apply"), QStringLiteral("x"), QStringLiteral("-literal")}));
    QCOMPARE(parsed.value(QStringLiteral("output")), QStringLiteral("json"));
    QCOMPARE(parsed.value(QStringLiteral("file")), QStringLiteral("b.json"));
    QCOMPARE(parsed.values(QStringLiteral("kafka-property")), (QStringList{QStringLiteral("a=1"), QStringLiteral("b=2")}));
    QVERIFY(parsed.isSet(QStringLiteral("dry-run")));
    QVERIFY(!parsed.isSet(QStringLiteral("nothing")));
    // A negative number is an operand, not an option.
    QCOMPARE(Arguments::parse({QStringLiteral("-1")}, specs).positionals, QStringList{QStringLiteral("-1")});
}

void tst_CliPieces::argumentErrors()
{
    for (const QStringList &arguments : {QStringList{QStringLiteral("--nope")}, QStringList{QStringLiteral("-x")},
                                         QStringList{QStringLiteral("--file")}, QStringList{QStringLiteral("--dry-run=yes")}}) {
        try {
            Arguments::parse(arguments, specs);
            QFAIL(qPrintable(arguments.join(QLatin1Char(' ')) + QStringLiteral(" was accepted")));
        } catch (const CliError &error) {
            QCOMPARE(error.exitCode, int(ExitUsage));
            QVERIFY(!error.message.contains(QLatin1Char('\n')));
        }
    }
}

void tst_CliPieces::table()
{
    Table table({QStringLiteral("NAME"), QStringLiteral("STATE"), QStringLiteral("ERROR")});
    table.addRow({QStringLiteral("a-long-name"), QStringLiteral("RUNNING"), QString()});
    table.addRow({QStringLiteral("b"), QStringLiteral("FAILED"), QStringLiteral("boom")});
    QCOMPARE(table.render(), QStringLiteral("NAME         STATE    ERROR\n"
                                            "a-long-name  RUNNING\n"
                                            "b            FAILED   boom\n"));
}

void tst_CliPieces::yamlScalars_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("yaml");
    QTest::newRow("plain") << QJsonValue(QStringLiteral("FileStreamSource")) << QStringLiteral("FileStreamSource");
    QTest::newRow("version stays plain") << QJsonValue(QStringLiteral("4.0.0")) << QStringLiteral("4.0.0");
    QTest::newRow("number-like string") << QJsonValue(QStringLiteral("1")) << QStringLiteral("\"1\"");
    QTest::newRow("float-like string") << QJsonValue(QStringLiteral("1.5e3")) << QStringLiteral("\"1.5e3\"");
    QTest::newRow("hex-like string") << QJsonValue(QStringLiteral("0x1f")) << QStringLiteral("\"0x1f\"");
    QTest::newRow("boolean-like string") << QJsonValue(QStringLiteral("true")) << QStringLiteral("\"true\"");
    QTest::newRow("yaml 1.1 boolean") << QJsonValue(QStringLiteral("off")) << QStringLiteral("\"off\"");
    QTest::newRow("null-like string") << QJsonValue(QStringLiteral("~")) << QStringLiteral("\"~\"");
    QTest::newRow("date-like string") << QJsonValue(QStringLiteral("2026-11-22")) << QStringLiteral("\"2026-11-22\"");
    QTest::newRow("indicator") << QJsonValue(QStringLiteral("*.json")) << QStringLiteral("\"*.json\"");
    QTest::newRow("colon space") << QJsonValue(QStringLiteral("a: b")) << QStringLiteral("\"a: b\"");
    QTest::newRow("url") << QJsonValue(QStringLiteral("http://x:8083/a")) << QStringLiteral("http://x:8083/a");
    QTest::newRow("empty") << QJsonValue(QString()) << QStringLiteral("\"\"");
    QTest::newRow("quote inside") << QJsonValue(QStringLiteral("say \"hi\"")) << QStringLiteral("say \"hi\"");
    QTest::newRow("number") << QJsonValue(202) << QStringLiteral("202");
    QTest::newRow("bool") << QJsonValue(false) << QStringLiteral("false");
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QStringLiteral("null");
}

void tst_CliPieces::yamlScalars()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, yaml);
    QCOMPARE(toYaml(QJsonObject{{QStringLiteral("k"), value}}), QStringLiteral("k: %1\n").arg(yaml));
}

void tst_CliPieces::yamlStructures()
{
    const QJsonObject status{
        {QStringLiteral("name"), QStringLiteral("sink")},
        {QStringLiteral("tasks"), QJsonArray{QJsonObject{{QStringLiteral("id"), 0}, {QStringLiteral("state"), QStringLiteral("FAILED")},
                                                         {QStringLiteral("trace"), QStringLiteral("java.lang.X: boom\n\tat a.b(C.java:1)\n")}},
                                             QJsonObject{}}},
        {QStringLiteral("topics"), QJsonArray{QStringLiteral("a"), QJsonArray{}}},
        {QStringLiteral("config"), QJsonObject{}},
    };
    QCOMPARE(toYaml(status), QStringLiteral("config: {}\n"
                                            "name: sink\n"
                                            "tasks:\n"
                                            "  - id: 0\n"
                                            "    state: FAILED\n"
                                            "    trace: |\n"
                                            "      java.lang.X: boom\n"
                                            "      \tat a.b(C.java:1)\n"
                                            "  - {}\n"
                                            "topics:\n"
                                            "  - a\n"
                                            "  - []\n"));
    QCOMPARE(toYaml(QJsonArray{}), QStringLiteral("[]\n"));
    QCOMPARE(toJsonText(QJsonValue(QStringLiteral("x"))), QStringLiteral("\"x\"\n"));
}

void tst_CliPieces::contextsRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/ctl.json"));
    qputenv("CONNECTDESK_CTL_CONFIG", path.toUtf8());
    ContextStore store = ContextStore::load();
    QCOMPARE(store.path(), path);
    QVERIFY(store.names().isEmpty());
    ConnectDesk::Client::ClusterProfile profile;
    profile.restUrl = QUrl(QStringLiteral("https://connect:8443"));
    profile.username = QStringLiteral("ops");
    profile.password = QStringLiteral("pw");
    profile.caCertificateFile = QStringLiteral("ca.pem");
    profile.insecureSkipTlsVerify = true;
    profile.bootstrapServers = QStringLiteral("kafka:9092");
    profile.kafkaProperties.insert(QStringLiteral("security.protocol"), QStringLiteral("SSL"));
    store.setContext(QStringLiteral("prod"), profile);
    store.setCurrentContext(QStringLiteral("prod"));
    store.save();
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());

    const ContextStore loaded = ContextStore::load();
    QCOMPARE(loaded.currentContext(), QStringLiteral("prod"));
    const ConnectDesk::Client::ClusterProfile back = loaded.context(QStringLiteral("prod"));
    QCOMPARE(back.name, QStringLiteral("prod"));
    QCOMPARE(back.restUrl, profile.restUrl);
    QCOMPARE(back.password, QStringLiteral("pw"));
    QCOMPARE(back.caCertificateFile, QStringLiteral("ca.pem"));
    QVERIFY(back.insecureSkipTlsVerify);
    QCOMPARE(back.kafkaProperties, profile.kafkaProperties);
    QVERIFY(!ContextStore::toJson(back, false).contains(QLatin1String("password")));
    qunsetenv("CONNECTDESK_CTL_CONFIG");
}

void tst_CliPieces::connectorDefinitions()
{
    QTemporaryDir dir;
    writeText(dir.filePath(QStringLiteral("a.json")),
              "{\"name\": \"a\", \"config\": {\"connector.class\": \"X\", \"tasks.max\": 2}, \"initial_state\": \"PAUSED\"}");
    writeText(dir.filePath(QStringLiteral("b.properties")), "name=b\nconnector.class=Y\n");
    writeText(dir.filePath(QStringLiteral("ignored.txt")), "not a connector");
    const QList<ConnectorDefinition> all = loadConnectorDefinitions(dir.path());
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).name, QStringLiteral("a"));
    QCOMPARE(all.at(0).config.value(QLatin1String("tasks.max")).toString(), QStringLiteral("2"));
    QCOMPARE(all.at(0).config.value(QLatin1String("name")).toString(), QStringLiteral("a"));
    QCOMPARE(all.at(0).initialState, QStringLiteral("PAUSED"));
    QCOMPARE(all.at(1).config.value(QLatin1String("connector.class")).toString(), QStringLiteral("Y"));

    writeText(dir.filePath(QStringLiteral("c.json")), "{\"name\": \"a\", \"connector.class\": \"Z\"}");
    try {
        loadConnectorDefinitions(dir.path());
        QFAIL("a duplicate name was accepted");
    } catch (const CliError &error) {
        QVERIFY2(error.message.contains(QStringLiteral("defined twice")), qPrintable(error.message));
        QCOMPARE(error.exitCode, int(ExitUsage));
    }
}

void tst_CliPieces::offsetsFile()
{
    QTemporaryDir dir;
    const QString wrapped = dir.filePath(QStringLiteral("o.json"));
    writeText(wrapped, "{\"offsets\": [{\"partition\": {\"f\": \"x\"}, \"offset\": {\"position\": 3}}]}");
    QCOMPARE(loadOffsets(wrapped).size(), 1);
    const QString bare = dir.filePath(QStringLiteral("bare.json"));
    writeText(bare, "[{\"partition\": {}, \"offset\": null}]");
    QCOMPARE(loadOffsets(bare).first().toObject().value(QLatin1String("offset")), QJsonValue(QJsonValue::Null));
    const QString wrong = dir.filePath(QStringLiteral("wrong.json"));
    writeText(wrong, "{\"partitions\": []}");
    QVERIFY_THROWS_EXCEPTION(CliError, loadOffsets(wrong));
}

QTEST_GUILESS_MAIN(tst_CliPieces)
#include "tst_clipieces.moc"
