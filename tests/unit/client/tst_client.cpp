// SPDX-License-Identifier: Apache-2.0
#include "core/client/clusterfeatures.h"
#include "core/client/entities.h"
#include "core/client/restreply.h"
#include "core/client/topicbrowser.h"
#include "core/client/topicrecord.h"
#include "core/kafka/embeddedbroker.h"
#include "core/kafka/producer.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Client;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_Client : public QObject
{
    Q_OBJECT

private slots:
    void expandedListing();
    void configInfos();
    void offsetsAndLoggers();
    void featuresByVersion_data();
    void featuresByVersion();
    void errorReplies();
    void deadLetterContext();
    void displayBytes();
    void topicBrowserReadsTheNewestRecords();
};

void tst_Client::expandedListing()
{
    // Kafka's own example (kafka-connect.md §1.4), plus a sink without status.
    const QList<ConnectorOverview> list = ConnectorOverview::listFromJson(object(
        "{\"file-src\":{\"status\":{\"name\":\"file-src\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"10.0.0.5:8083\"},"
        "\"tasks\":[{\"id\":1,\"state\":\"FAILED\",\"worker_id\":\"10.0.0.6:8083\",\"trace\":\"boom\"},"
        "{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"10.0.0.5:8083\"}],\"type\":\"source\"},"
        "\"info\":{\"name\":\"file-src\",\"config\":{\"connector.class\":\"org.apache.kafka.connect.file.FileStreamSourceConnector\","
        "\"file\":\"/tmp/in.txt\",\"topic\":\"t\",\"name\":\"file-src\",\"tasks.max\":\"2\"},"
        "\"tasks\":[{\"connector\":\"file-src\",\"task\":0}],\"type\":\"source\"}},"
        "\"a-sink\":{\"info\":{\"name\":\"a-sink\",\"config\":{\"connector.class\":\"FileStreamSink\",\"topics\":\"x, y\","
        "\"topics.regex\":\"z.*\"},\"tasks\":[],\"type\":\"sink\"}}}"));
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].name, QStringLiteral("a-sink"));
    QVERIFY(!list[0].hasStatus);
    QCOMPARE(list[0].type, QStringLiteral("sink"));
    QCOMPARE(list[0].configuredTopics(), (QStringList{"x", "y", "/z.*/"}));
    QCOMPARE(list[0].tasksMax(), 1);
    const ConnectorOverview &source = list[1];
    QCOMPARE(source.shortClassName(), QStringLiteral("FileStreamSourceConnector"));
    QCOMPARE(source.status.state, QStringLiteral("RUNNING"));
    QCOMPARE(source.status.workerId, QStringLiteral("10.0.0.5:8083"));
    QCOMPARE(source.status.tasks.size(), 2);
    QCOMPARE(source.status.tasks[0].id, 0); // sorted by id
    QCOMPARE(source.status.tasks[1].trace, QStringLiteral("boom"));
    QCOMPARE(source.status.tasksInState(QStringLiteral("FAILED")), 1);
    QCOMPARE(source.configuredTopics(), QStringList{"t"});
    QCOMPARE(source.tasksMax(), 2);
}

void tst_Client::configInfos()
{
    const ConfigInfos infos = ConfigInfos::fromJson(object(
        "{\"name\":\"FileStreamSource\",\"error_count\":1,\"groups\":[\"Common\",\"Transforms\"],\"configs\":["
        "{\"definition\":{\"name\":\"name\",\"type\":\"STRING\",\"required\":true,\"default_value\":null,\"importance\":\"HIGH\","
        "\"documentation\":\"doc\",\"group\":\"Common\",\"width\":\"MEDIUM\",\"display_name\":\"Connector name\",\"dependents\":[],\"order\":1},"
        "\"value\":{\"name\":\"name\",\"value\":null,\"recommended_values\":[],"
        "\"errors\":[\"Missing required configuration \\\"name\\\" which has no default value.\"],\"visible\":true}},"
        "{\"definition\":{\"name\":\"tasks.max\",\"type\":\"INT\",\"required\":false,\"default_value\":\"1\",\"importance\":\"HIGH\","
        "\"documentation\":\"d\",\"group\":\"Common\",\"width\":\"SHORT\",\"display_name\":\"Tasks max\",\"dependents\":[],\"order\":3},"
        "\"value\":{\"name\":\"tasks.max\",\"value\":\"1\",\"recommended_values\":[\"1\",\"2\"],\"errors\":[],\"visible\":false}},"
        "{\"definition\":null,\"value\":{\"name\":\"extra\",\"value\":\"x\",\"recommended_values\":[],\"errors\":[],\"visible\":true}}]}"));
    QCOMPARE(infos.name, QStringLiteral("FileStreamSource"));
    QCOMPARE(infos.errorCount, 1);
    QCOMPARE(infos.groups, (QStringList{"Common", "Transforms"}));
    QCOMPARE(infos.configs.size(), 3);
    const ConfigEntry *name = infos.entry(QStringLiteral("name"));
    QVERIFY(name && name->definition && name->value);
    QVERIFY(name->definition->required);
    QVERIFY(!name->definition->defaultValue);
    QVERIFY(!name->value->value);
    QCOMPARE(name->definition->displayName, QStringLiteral("Connector name"));
    const ConfigEntry *tasks = infos.entry(QStringLiteral("tasks.max"));
    QCOMPARE(tasks->definition->defaultValue.value_or(QString()), QStringLiteral("1"));
    QCOMPARE(tasks->definition->order, 3);
    QCOMPARE(tasks->value->recommendedValues, (QStringList{"1", "2"}));
    QVERIFY(!tasks->value->visible);
    const ConfigEntry *extra = infos.entry(QStringLiteral("extra"));
    QVERIFY(extra && !extra->definition);
    QCOMPARE(infos.allErrors(), QStringList{"name: Missing required configuration \"name\" which has no default value."});
}

void tst_Client::offsetsAndLoggers()
{
    const QList<PartitionOffset> offsets = PartitionOffset::listFromJson(object(
        "{\"offsets\":[{\"partition\":{\"kafka_topic\":\"t\",\"kafka_partition\":2},\"offset\":{\"kafka_offset\":10}},"
        "{\"partition\":{\"filename\":\"/x\"},\"offset\":null}]}"));
    QCOMPARE(offsets.size(), 2);
    QCOMPARE(offsets[0].partition.value(QStringLiteral("kafka_partition")).toInt(), 2);
    QCOMPARE(offsets[0].offset.toObject().value(QStringLiteral("kafka_offset")).toInt(), 10);
    QVERIFY(offsets[1].offset.isNull());

    const QList<LoggerLevel> loggers = LoggerLevel::listFromJson(
        object("{\"org.apache.kafka\":{\"level\":\"WARN\",\"last_modified\":1729800000000},\"root\":{\"level\":\"INFO\",\"last_modified\":null},"
               "\"connectdesk.kafka\":{\"level\":\"DEBUG\"}}"));
    QCOMPARE(loggers.size(), 3);
    QCOMPARE(loggers[0].logger, QStringLiteral("root")); // root first, then by name
    QCOMPARE(loggers[1].logger, QStringLiteral("connectdesk.kafka"));
    QVERIFY(!loggers[0].lastModified);
    QVERIFY(!loggers[1].lastModified);
    QCOMPARE(loggers[2].lastModified.value_or(0), Q_INT64_C(1729800000000));

    // Non-string config values (some proxies and old clusters) are kept as JSON text.
    const QMap<QString, QString> map = stringMap(object("{\"a\":\"x\",\"b\":3,\"c\":true,\"d\":null}"));
    QCOMPARE(map.value(QStringLiteral("b")), QStringLiteral("3"));
    QCOMPARE(map.value(QStringLiteral("c")), QStringLiteral("true"));
    QCOMPARE(map.value(QStringLiteral("d")), QString());
    QCOMPARE(stringMap(toJson({{"k", "v"}})), (QMap<QString, QString>{{"k", "v"}}));
}

void tst_Client::featuresByVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("stop");
    QTest::addColumn<bool>("alterOffsets");
    QTest::addColumn<bool>("initialState");
    QTest::addColumn<bool>("patchConfig");
    QTest::newRow("4.0.0") << "4.0.0" << true << true << true << true;
    QTest::newRow("3.9.1") << "3.9.1" << true << true << true << true;
    QTest::newRow("3.7.0") << "3.7.0" << true << true << true << false;
    QTest::newRow("3.5.2") << "3.5.2" << true << false << false << false;
    QTest::newRow("3.4.1") << "3.4.1" << false << false << false << false;
    QTest::newRow("2.8.0") << "2.8.0" << false << false << false << false;
    QTest::newRow("snapshot") << "3.6.0-SNAPSHOT" << true << true << false << false;
    QTest::newRow("confluent 7.6") << "7.6.0-ccs" << true << true << false << false;
    QTest::newRow("confluent 7.8") << "7.8.0-ce" << true << true << true << true;
    QTest::newRow("confluent 6.2") << "6.2.1-ccs" << false << false << false << false;
    QTest::newRow("garbage") << "dev" << true << true << true << true;
}

void tst_Client::featuresByVersion()
{
    QFETCH(QString, version);
    const ClusterFeatures features = ClusterFeatures::forVersion(version);
    QTEST(features.stop(), "stop");
    QTEST(features.readOffsets(), "stop");
    QTEST(features.alterOffsets(), "alterOffsets");
    QTEST(features.initialState(), "initialState");
    QTEST(features.clusterLoggerScope(), "initialState");
    QTEST(features.patchConfig(), "patchConfig");
    QVERIFY(features.loggers()); // every row is 2.4 or later
}

void tst_Client::errorReplies()
{
    const RestReply notFound = RestReply::fromHttp(404, "{\"error_code\":404,\"message\":\"Connector x not found\"}", QStringLiteral("Not Found"));
    QVERIFY(!notFound.ok());
    QCOMPARE(notFound.error, QStringLiteral("Connector x not found"));
    QCOMPARE(notFound.describe(), QStringLiteral("404: Connector x not found"));
    const RestReply proxy = RestReply::fromHttp(502, "<html>bad gateway</html>", QStringLiteral("Bad Gateway"));
    QCOMPARE(proxy.describe(), QStringLiteral("502: Bad Gateway"));
    const RestReply refused = RestReply::fromNetworkError(QStringLiteral("Connection refused"));
    QVERIFY(!refused.reachedServer());
    QCOMPARE(refused.describe(), QStringLiteral("no answer: Connection refused"));
    const RestReply created = RestReply::fromHttp(201, "{\"name\":\"c\"}", {});
    QVERIFY(created.ok());
    QVERIFY(created.error.isEmpty());
    QCOMPARE(created.object().value(QStringLiteral("name")).toString(), QStringLiteral("c"));
    const RestReply noBody = RestReply::fromHttp(204, {}, {});
    QVERIFY(noBody.ok() && noBody.json.isUndefined());
}

void tst_Client::deadLetterContext()
{
    TopicRecord record;
    record.headers = {{"origin", "test"},
                      {"__connect.errors.topic", "orders"},
                      {"__connect.errors.partition", "2"},
                      {"__connect.errors.offset", "41"},
                      {"__connect.errors.connector.name", "orders-sink"},
                      {"__connect.errors.task.id", "0"},
                      {"__connect.errors.stage", "VALUE_CONVERTER"},
                      {"__connect.errors.class.name", "org.apache.kafka.connect.json.JsonConverter"},
                      {"__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"},
                      {"__connect.errors.exception.message", "Converting byte[] to Kafka Connect data failed"},
                      {"__connect.errors.exception.stacktrace", "org.apache.kafka.connect.errors.DataException: ..."}};
    const DeadLetterContext context = DeadLetterContext::fromRecord(record);
    QVERIFY(context.present);
    QCOMPARE(context.topic, QStringLiteral("orders"));
    QCOMPARE(context.partition, 2);
    QCOMPARE(context.offset, 41);
    QCOMPARE(context.connector, QStringLiteral("orders-sink"));
    QCOMPARE(context.taskId, 0);
    QCOMPARE(context.stage, QStringLiteral("VALUE_CONVERTER"));
    QCOMPARE(context.exceptionClass, QStringLiteral("org.apache.kafka.connect.errors.DataException"));
    QCOMPARE(context.toJson().value(QStringLiteral("offset")).toInteger(), 41);
    QVERIFY(!DeadLetterContext::fromRecord(TopicRecord{}).present);

    record.key = "k";
    record.value = QByteArray("\x00\x01", 2);
    const QJsonObject json = record.toJson();
    QCOMPARE(json.value(QStringLiteral("key")).toString(), QStringLiteral("k"));
    QCOMPARE(json.value(QStringLiteral("value")).toObject().value(QStringLiteral("base64")).toString(), QStringLiteral("AAE="));
    QCOMPARE(json.value(QStringLiteral("headers")).toArray().size(), 11);
}

void tst_Client::displayBytes()
{
    QCOMPARE(Client::displayBytes(QByteArray()), QStringLiteral("null"));
    QCOMPARE(Client::displayBytes("plain text"), QStringLiteral("plain text"));
    QCOMPARE(Client::displayBytes("{\"a\":1}"), QStringLiteral("{\n    \"a\": 1\n}"));
    QCOMPARE(Client::displayBytes("{\"a\":"), QStringLiteral("{\"a\":")); // broken JSON is shown as it is
    const QString hex = Client::displayBytes(QByteArray("\x00\x01""AB", 4));
    QVERIFY2(hex.startsWith(QStringLiteral("00000000  00 01 41 42")), qPrintable(hex));
    QVERIFY2(hex.contains(QStringLiteral("..AB")), qPrintable(hex));
    QVERIFY(!Client::isText(QByteArray("\xff\xfe", 2)));
}

void tst_Client::topicBrowserReadsTheNewestRecords()
{
    auto broker = Kafka::EmbeddedBroker::start(1);
    QVERIFY(broker);
    QVERIFY(!(*broker)->createTopic(QStringLiteral("dlq"), 2));
    const QMap<QString, QString> props{{QStringLiteral("bootstrap.servers"), (*broker)->bootstrapServers()}};

    // A topic that does not exist (yet) is a state, not an error, and is not created by looking.
    TopicSnapshot missing = TopicBrowser::read(props, QStringLiteral("nothing-here"), 10, 20000).result();
    QVERIFY2(missing.error.isEmpty(), qPrintable(missing.error));
    QVERIFY(!missing.exists);
    QVERIFY(!TopicBrowser::readNow(props, QStringLiteral("nothing-here"), 10, 20000).exists);

    auto producer = Kafka::Producer::create(props);
    QVERIFY(producer);
    for (int i = 0; i < 30; ++i) {
        QVERIFY(!(*producer)->produce(QStringLiteral("dlq"), i % 2, QByteArray::number(i), "value-" + QByteArray::number(i),
                                      {{QStringLiteral("h"), QByteArray::number(i)}}));
    }
    QVERIFY(!(*producer)->flush(20000));
    const TopicSnapshot snapshot = TopicBrowser::read(props, QStringLiteral("dlq"), 5, 20000).result();
    QVERIFY2(snapshot.error.isEmpty(), qPrintable(snapshot.error));
    QVERIFY(snapshot.exists);
    QCOMPARE(snapshot.partitions, 2);
    QCOMPARE(snapshot.totalRecords, 30);
    QCOMPARE(snapshot.records.size(), 10); // the newest 5 of each partition
    QCOMPARE(snapshot.records.first().partition, 0);
    QCOMPARE(snapshot.records.first().offset, 10);
    QCOMPARE(snapshot.records.first().key, QByteArray("20"));
    QCOMPARE(snapshot.records.last().partition, 1);
    QCOMPARE(snapshot.records.last().offset, 14);
    QCOMPARE(snapshot.records.last().value, QByteArray("value-29"));
    QCOMPARE(snapshot.records.last().header(QStringLiteral("h")).value_or(QByteArray()), QByteArray("29"));
    QVERIFY(snapshot.records.last().timestamp > 0);
}

QTEST_GUILESS_MAIN(tst_Client)
#include "tst_client.moc"
