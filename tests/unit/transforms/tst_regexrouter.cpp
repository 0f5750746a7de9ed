// SPDX-License-Identifier: Apache-2.0
// RegexRouter: Kafka's RegexRouterTest cases, the whole-topic rule and its configuration errors.
#include "core/api/exceptions.h"
#include "core/transforms/regexrouter.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

QString route(const QString &regex, const QString &replacement, const QString &topic)
{
    RegexRouter router;
    router.configure({{QStringLiteral("regex"), regex}, {QStringLiteral("replacement"), replacement}});
    Api::SinkRecord record;
    record.topic = topic;
    record.originalTopic = topic;
    if (!router.apply(record))
        return QStringLiteral("<dropped>");
    return record.topic;
}

} // namespace

class TestRegexRouter : public QObject
{
    Q_OBJECT

private slots:
    void kafkaExamples_data()
    {
        QTest::addColumn<QString>("regex");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("expected");
        QTest::newRow("static replacement") << "foo" << "bar" << "foo" << "bar";
        QTest::newRow("doesn't match") << "foo" << "bar" << "orig" << "orig";
        QTest::newRow("identity") << "(.*)" << "$1" << "orig" << "orig";
        QTest::newRow("add prefix") << "(.*)" << "prefix-$1" << "orig" << "prefix-orig";
        QTest::newRow("add suffix") << "(.*)" << "$1-suffix" << "orig" << "orig-suffix";
        QTest::newRow("slice") << "(.*)-(\\d\\d\\d\\d\\d\\d\\d\\d)" << "$1" << "index-20160117" << "index";
        QTest::newRow("documented example") << "([^.]+)\\.([^.]+)\\.([^.]+)" << "$3" << "db.schema.orders"
                                            << "orders";
    }

    void kafkaExamples()
    {
        QFETCH(QString, regex);
        QFETCH(QString, replacement);
        QFETCH(QString, topic);
        QFETCH(QString, expected);
        QCOMPARE(route(regex, replacement, topic), expected);
    }

    void onlyTheWholeTopicCounts()
    {
        // A match inside the topic is not enough (Java's matches(), not find()).
        QCOMPARE(route(QStringLiteral("foo"), QStringLiteral("bar"), QStringLiteral("foo-1")), QStringLiteral("foo-1"));
        QCOMPARE(route(QStringLiteral("foo"), QStringLiteral("bar"), QStringLiteral("my-foo")), QStringLiteral("my-foo"));
        // Once the whole topic matches, replaceFirst searches from the start: a lazy pattern
        // replaces only what it first matches, as in Kafka.
        QCOMPARE(route(QStringLiteral("a*?"), QStringLiteral("X"), QStringLiteral("aaa")), QStringLiteral("Xaaa"));
    }

    void keepsTheRestOfTheRecord()
    {
        RegexRouter router;
        router.configure({{QStringLiteral("regex"), QStringLiteral("(.*)")},
                          {QStringLiteral("replacement"), QStringLiteral("new-$1")}});
        Api::SourceRecord record;
        record.topic = QStringLiteral("t");
        record.kafkaPartition = 3;
        record.keySchema = Api::Schema::string();
        record.key = QStringLiteral("k");
        record.value = Api::Value::int32(7);
        record.timestamp = 42;
        record.headers.addString(QStringLiteral("h"), QStringLiteral("v"));
        record.sourcePartition.insert(QStringLiteral("file"), QStringLiteral("x"));
        Api::SourceRecord expected = record;
        expected.topic = QStringLiteral("new-t");
        QVERIFY(router.apply(record));
        QCOMPARE(record.topic, expected.topic);
        QCOMPARE(record.kafkaPartition, expected.kafkaPartition);
        QCOMPARE(record.keySchema, expected.keySchema);
        QCOMPARE(record.key, expected.key);
        QCOMPARE(record.value, expected.value);
        QCOMPARE(record.timestamp, expected.timestamp);
        QCOMPARE(record.headers, expected.headers);
        QCOMPARE(record.sourcePartition, expected.sourcePartition);

        Api::SinkRecord sink;
        sink.topic = sink.originalTopic = QStringLiteral("t");
        QVERIFY(router.apply(sink));
        QCOMPARE(sink.topic, QStringLiteral("new-t"));
        QCOMPARE(sink.originalTopic, QStringLiteral("t")); // offsets commit against the original
    }

    void oneInstanceRoutesEachTopicOnItsOwn()
    {
        // The router remembers its last topic; a sequence of topics must still route each.
        RegexRouter router;
        router.configure({{QStringLiteral("regex"), QStringLiteral("(.*)-raw|")},
                          {QStringLiteral("replacement"), QStringLiteral("$1-clean")}});
        const QList<QPair<QString, QString>> cases{{QStringLiteral("orders-raw"), QStringLiteral("orders-clean")},
                                                   {QStringLiteral("orders-raw"), QStringLiteral("orders-clean")},
                                                   {QStringLiteral("other"), QStringLiteral("other")},
                                                   {QStringLiteral("users-raw"), QStringLiteral("users-clean")},
                                                   {QStringLiteral(""), QStringLiteral("-clean")},
                                                   {QStringLiteral("orders-raw"), QStringLiteral("orders-clean")}};
        for (const auto &[topic, expected] : cases) {
            Api::SinkRecord record;
            record.topic = topic;
            QVERIFY(router.apply(record));
            QCOMPARE(record.topic, expected);
        }
    }

    void badGroupReferenceFailsEveryTime()
    {
        RegexRouter router;
        router.configure({{QStringLiteral("regex"), QStringLiteral("(foo)")},
                          {QStringLiteral("replacement"), QStringLiteral("$2")}});
        for (int i = 0; i < 2; ++i) {
            Api::SinkRecord record;
            record.topic = QStringLiteral("foo");
            QVERIFY_THROWS_EXCEPTION(Api::ConnectException, router.apply(record));
        }
    }

    void badGroupReferenceFailsWhenATopicMatches()
    {
        RegexRouter router;
        router.configure({{QStringLiteral("regex"), QStringLiteral("(foo)")},
                          {QStringLiteral("replacement"), QStringLiteral("$2")}});
        Api::SinkRecord other;
        other.topic = QStringLiteral("bar");
        QVERIFY(router.apply(other));
        Api::SinkRecord record;
        record.topic = QStringLiteral("foo");
        QCOMPARE(anyFailureOf([&] { router.apply(record); }),
                 QStringLiteral("java.lang.IndexOutOfBoundsException: No group 2"));
        QCOMPARE(record.topic, QStringLiteral("foo"));
    }

    void configErrors()
    {
        RegexRouter router;
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { router.configure({{QStringLiteral("replacement"), QStringLiteral("x")}}); }),
                 QStringLiteral("Missing required configuration \"regex\" which has no default value."));
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { router.configure({{QStringLiteral("regex"), QStringLiteral("x")}}); }),
                 QStringLiteral("Missing required configuration \"replacement\" which has no default value."));
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { router.configure({{QStringLiteral("regex"), QStringLiteral("(foo")}, {QStringLiteral("replacement"), QStringLiteral("x")}}); }),
                 QStringLiteral("Invalid value (foo for configuration regex: Invalid regex: "
                                "Unclosed group near index 4\n(foo"));
        const auto validated = router.config().validate({{QStringLiteral("regex"), QStringLiteral("*")},
                                                         {QStringLiteral("replacement"), QStringLiteral("x")}});
        QCOMPARE(validated.size(), 2);
        QCOMPARE(validated.at(0).errorMessages,
                 QStringList{QStringLiteral("Invalid value * for configuration regex: Invalid regex: "
                                            "Dangling meta character '*' near index 0\n*\n^")});
    }

    void configDefinition()
    {
        const auto def = RegexRouter().config();
        QCOMPARE(def.names(), (QStringList{QStringLiteral("regex"), QStringLiteral("replacement")}));
        QVERIFY(!def.key(QStringLiteral("regex"))->hasDefault());
        QCOMPARE(def.key(QStringLiteral("regex"))->validator.description, QStringLiteral("valid regex"));
        QCOMPARE(def.key(QStringLiteral("regex"))->importance, Api::ConfigDef::Importance::High);
        QVERIFY(!def.key(QStringLiteral("replacement"))->hasDefault());
    }
};

QTEST_GUILESS_MAIN(TestRegexRouter)
#include "tst_regexrouter.moc"
