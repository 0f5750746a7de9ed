// SPDX-License-Identifier: Apache-2.0
// TimestampRouter: the topic from ${topic} and ${timestamp} (SimpleDateFormat, UTC).
#include "core/api/exceptions.h"
#include "core/transforms/timestamprouter.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

Api::SourceRecord record(const QString &topic, std::optional<qint64> timestamp)
{
    return makeRecord<Api::SourceRecord>(topic, {Api::Schema(), Api::Value("k")},
                                         {Api::Schema(), Api::Value("v")}, timestamp);
}

QString routed(Api::ConfigMap configs, const QString &topic, qint64 timestamp)
{
    TimestampRouter router;
    router.configure(configs);
    auto r = record(topic, timestamp);
    router.apply(r);
    return r.topic;
}

} // namespace

class TestTimestampRouter : public QObject
{
    Q_OBJECT

private slots:
    void usesKafkasDefaults()
    {
        QCOMPARE(routed({}, QStringLiteral("test"), 1483425001864), QStringLiteral("test-20170103"));
    }

    void fillsTheTemplate()
    {
        const Api::ConfigMap configs{{QStringLiteral("topic.format"), QStringLiteral("${timestamp}_${topic}_${topic}")},
                                     {QStringLiteral("timestamp.format"), QStringLiteral("yyyy-MM-dd'T'HH")}};
        QCOMPARE(routed(configs, QStringLiteral("orders"), 1483425001864),
                 QStringLiteral("2017-01-03T06_orders_orders"));
        QCOMPARE(routed({{QStringLiteral("topic.format"), QStringLiteral("static")}}, QStringLiteral("t"), 0),
                 QStringLiteral("static"));
        // The topic is put in first, so a "${timestamp}" inside it is replaced too, as in Kafka.
        QCOMPARE(routed({}, QStringLiteral("a${timestamp}"), 0), QStringLiteral("a19700101-19700101"));
        QCOMPARE(routed({{QStringLiteral("topic.format"), QStringLiteral("$1-${topic}")}}, QStringLiteral("x$0"), 0),
                 QStringLiteral("$1-x$0"));
    }

    void keepsTheRestOfTheRecord()
    {
        TimestampRouter router;
        router.configure({});
        auto r = record(QStringLiteral("test"), 0);
        r.headers.addString(QStringLiteral("h"), QStringLiteral("v"));
        QVERIFY(router.apply(r));
        QCOMPARE(r.topic, QStringLiteral("test-19700101"));
        QCOMPARE(r.key, Api::Value("k"));
        QCOMPARE(r.value, Api::Value("v"));
        QCOMPARE(r.kafkaPartition, std::optional<qint32>(0));
        QCOMPARE(r.timestamp, std::optional<qint64>(0));
        QCOMPARE(r.headers.size(), 1);
    }

    void requiresATimestamp()
    {
        TimestampRouter router;
        router.configure({});
        auto r = record(QStringLiteral("test"), std::nullopt);
        QCOMPARE(failureOf<Api::DataException>([&] { router.apply(r); }),
                 QStringLiteral("Timestamp missing on record: ") + r.toString());
    }

    void rejectsAnInvalidPatternWhenConfigured()
    {
        TimestampRouter router;
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { router.configure({{QStringLiteral("timestamp.format"), QStringLiteral("yyyyMMdd-q")}}); }),
                 QStringLiteral("Invalid value yyyyMMdd-q for configuration timestamp.format: "
                                "Illegal pattern character 'q'"));
    }
};

QTEST_GUILESS_MAIN(TestTimestampRouter)
#include "tst_timestamprouter.moc"
