// SPDX-License-Identifier: Apache-2.0
#include "core/config/connectorfile.h"
#include "core/config/errc.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk;
using Config::InitialState;

namespace {

Util::Result<Config::ConnectorFile> parse(const QByteArray &text,
                                          const QString &fileName = QStringLiteral("c.json"))
{
    return Config::parseConnectorFile(text, fileName);
}

QByteArray errorText(const Util::Result<Config::ConnectorFile> &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

QString errorOf(const QByteArray &text, const QString &fileName = QStringLiteral("c.json"))
{
    const auto result = parse(text, fileName);
    return result.ok() ? QString() : result.error().message;
}

} // namespace

class tst_ConnectorFile : public QObject
{
    Q_OBJECT

private slots:
    void plainJsonObject();
    void plainJsonObjectNeedsName();
    void plainJsonObjectRejectsNestedValues();
    void createRequest();
    void createRequestAddsName();
    void createRequestNameMismatch();
    void createRequestInitialState_data();
    void createRequestInitialState();
    void createRequestBadValues();
    void jsonSyntaxErrorNamesLine();
    void propertiesFile();
    void propertiesFileNeedsName();
    void loadFromDisk();
    void initialStateNames();
};

void tst_ConnectorFile::plainJsonObject()
{
    const auto result = parse(R"({"name": "local-file-sink",
                                  "connector.class": "FileStreamSink",
                                  "tasks.max": 2,
                                  "ratio": 0.5,
                                  "flag": true,
                                  "nothing": null,
                                  "file": "test.sink.txt"})");
    QVERIFY2(result.ok(), errorText(result).constData());
    const Config::ConnectorFile &file = result.value();
    QCOMPARE(file.name, QStringLiteral("local-file-sink"));
    QCOMPARE(file.config.value("tasks.max"), QStringLiteral("2"));
    QCOMPARE(file.config.value("ratio"), QStringLiteral("0.5"));
    QCOMPARE(file.config.value("flag"), QStringLiteral("true"));
    QVERIFY(file.config.contains("nothing"));
    QVERIFY(file.config.value("nothing").isNull());
    QCOMPARE(file.config.value("name"), QStringLiteral("local-file-sink"));
    QCOMPARE(file.config.size(), 7);
    QVERIFY(!file.initialState);

    // A `config` that is not an object is just another key of a plain config.
    const auto odd = parse(R"({"name": "n", "config": "text"})");
    QVERIFY(odd.ok());
    QCOMPARE(odd.value().config.value("config"), QStringLiteral("text"));

    // Big integers stay exact.
    const auto big = parse(R"({"name": "n", "offset": 9007199254740993})");
    QCOMPARE(big.value().config.value("offset"), QStringLiteral("9007199254740993"));

    // A UTF-8 byte order mark does not hide the JSON.
    QVERIFY(parse("\xEF\xBB\xBF{\"name\": \"n\"}").ok());
}

void tst_ConnectorFile::plainJsonObjectNeedsName()
{
    QCOMPARE(errorOf(R"({"connector.class": "FileStreamSink"})", "file-sink.json"),
             QStringLiteral("file-sink.json: connector configuration is missing the mandatory "
                            "'name' configuration"));
    QCOMPARE(parse("{\"name\": null}").error().code, int(Config::ErrorCode::InvalidConnectorFile));
}

void tst_ConnectorFile::plainJsonObjectRejectsNestedValues()
{
    QCOMPARE(errorOf(R"({"name": "n", "topics": ["a", "b"]})"),
             QStringLiteral("c.json: value of 'topics' must be a string, number or boolean"));
}

void tst_ConnectorFile::createRequest()
{
    const auto result = parse(R"({"name": "src",
                                  "config": {"name": "src", "connector.class": "FileStreamSource",
                                             "tasks.max": 1},
                                  "initial_state": "PAUSED",
                                  "unknown": {"ignored": true}})");
    QVERIFY2(result.ok(), errorText(result).constData());
    QCOMPARE(result.value().name, QStringLiteral("src"));
    QCOMPARE(result.value().config,
             (Api::ConfigMap{{"name", "src"},
                             {"connector.class", "FileStreamSource"},
                             {"tasks.max", "1"}}));
    QCOMPARE(result.value().initialState, std::optional(InitialState::Paused));
}

void tst_ConnectorFile::createRequestAddsName()
{
    const auto result = parse(R"({"name": "src", "config": {"connector.class": "X"}})");
    QVERIFY(result.ok());
    QCOMPARE(result.value().config.value("name"), QStringLiteral("src"));
    QVERIFY(!result.value().initialState);
}

void tst_ConnectorFile::createRequestNameMismatch()
{
    QCOMPARE(errorOf(R"({"name": "a", "config": {"name": "b"}})"),
             QStringLiteral("c.json: connector name configuration in 'config' doesn't match the "
                            "one specified in 'name'"));
    QCOMPARE(errorOf(R"({"config": {"connector.class": "X"}})"),
             QStringLiteral("c.json: connector configuration is missing the mandatory 'name' "
                            "configuration"));
}

void tst_ConnectorFile::createRequestInitialState_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("expected");
    QTest::newRow("running") << "running" << int(InitialState::Running);
    QTest::newRow("PAUSED") << "PAUSED" << int(InitialState::Paused);
    QTest::newRow("Stopped") << "Stopped" << int(InitialState::Stopped);
}

void tst_ConnectorFile::createRequestInitialState()
{
    QFETCH(QString, state);
    QFETCH(int, expected);
    const QByteArray json = QStringLiteral(R"({"name": "n", "config": {}, "initial_state": "%1"})")
                                .arg(state)
                                .toUtf8();
    const auto result = parse(json);
    QVERIFY(result.ok());
    QCOMPARE(result.value().initialState, std::optional(InitialState(expected)));
}

void tst_ConnectorFile::createRequestBadValues()
{
    QCOMPARE(errorOf(R"({"name": "n", "config": {}, "initial_state": "FAILED"})"),
             QStringLiteral("c.json: invalid 'initial_state' 'FAILED'; expected RUNNING, PAUSED "
                            "or STOPPED"));
    QCOMPARE(errorOf(R"({"name": "n", "config": {}, "initial_state": 1})"),
             QStringLiteral("c.json: invalid 'initial_state' (not a string); expected RUNNING, "
                            "PAUSED or STOPPED"));
    QCOMPARE(errorOf(R"({"name": "n", "config": {"tasks": {"max": 1}}})"),
             QStringLiteral("c.json: value of 'config.tasks' must be a string, number or boolean"));
    QVERIFY(parse(R"({"name": "n", "config": {}, "initial_state": null})").ok());
}

void tst_ConnectorFile::jsonSyntaxErrorNamesLine()
{
    const auto result = parse("{\n  \"name\": \"n\",\n  \"x\": \n}\n", QStringLiteral("bad.json"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, int(Config::ErrorCode::Syntax));
    QVERIFY2(result.error().message.startsWith(QStringLiteral("bad.json:4: JSON syntax error: ")),
             qPrintable(result.error().message));
}

void tst_ConnectorFile::propertiesFile()
{
    const auto result = parse("name=local-file-source\n"
                              "connector.class=FileStreamSource\n"
                              "tasks.max=1\n"
                              "file=test.txt\n"
                              "topic=connect-test\n",
                              QStringLiteral("connect-file-source.properties"));
    QVERIFY(result.ok());
    QCOMPARE(result.value().name, QStringLiteral("local-file-source"));
    QCOMPARE(result.value().config.size(), 5);
    QVERIFY(!result.value().initialState);
}

void tst_ConnectorFile::propertiesFileNeedsName()
{
    QCOMPARE(errorOf("connector.class=FileStreamSource\n", "connect-file-source.properties"),
             QStringLiteral("connect-file-source.properties: connector configuration is missing "
                            "the mandatory 'name' configuration"));
    QCOMPARE(errorOf("name=x\nbad=\\uZZZZ\n", "p.properties"),
             QStringLiteral("p.properties:2: malformed \\uXXXX escape"));
}

void tst_ConnectorFile::loadFromDisk()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("sink.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"name": "sink", "config": {"topics": "t"}, "initial_state": "STOPPED"})");
    file.close();
    const auto result = Config::loadConnectorFile(path);
    QVERIFY(result.ok());
    QCOMPARE(result.value().initialState, std::optional(InitialState::Stopped));

    const auto missing = Config::loadConnectorFile(dir.filePath("missing.json"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, int(Config::ErrorCode::Io));
    QVERIFY(missing.error().message.startsWith(dir.filePath("missing.json") + ": "));
}

void tst_ConnectorFile::initialStateNames()
{
    QCOMPARE(Config::initialStateName(InitialState::Running), QStringLiteral("RUNNING"));
    QCOMPARE(Config::initialStateFromName("paused"), std::optional(InitialState::Paused));
    QVERIFY(!Config::initialStateFromName("started"));
}

QTEST_GUILESS_MAIN(tst_ConnectorFile)
#include "tst_connectorfile.moc"
