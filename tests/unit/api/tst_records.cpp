// SPDX-License-Identifier: Apache-2.0
#include "core/api/exceptions.h"
#include "core/api/headers.h"
#include "core/api/records.h"

#include <QTest>

using namespace ConnectDesk::Api;

class tst_Records : public QObject
{
    Q_OBJECT

private slots:
    void headersOrderAndDuplicates();
    void headersCheckSchema();
    void headersToString();
    void sourceRecordToString();
    void sinkRecordToString();
    void polymorphicToString();
};

void tst_Records::headersOrderAndDuplicates()
{
    Headers h;
    QVERIFY(h.isEmpty());
    h.addString(QStringLiteral("a"), QStringLiteral("1"))
        .add(QStringLiteral("b"), Schema::int32(), Value(2))
        .addString(QStringLiteral("a"), QStringLiteral("3"));
    QCOMPARE(h.size(), 3);
    QCOMPARE(h.lastWithName(QStringLiteral("a"))->value, Value("3"));
    QCOMPARE(h.lastWithName(QStringLiteral("a"))->schema, Schema::string());
    QVERIFY(!h.lastWithName(QStringLiteral("zz")));
    QCOMPARE(h.allWithName(QStringLiteral("a")).size(), 2);
    QCOMPARE(h.allWithName(QStringLiteral("a")).first().value, Value("1"));
    QStringList keys;
    for (const Header &header : h)
        keys << header.key;
    QCOMPARE(keys, QStringList({"a", "b", "a"}));
    h.remove(QStringLiteral("a"));
    QCOMPARE(h.size(), 1);
    QCOMPARE(h.list().first().key, QStringLiteral("b"));

    Headers nulls;
    nulls.addString(QStringLiteral("n"), QString());
    QVERIFY(nulls.lastWithName(QStringLiteral("n"))->value.isNull());
    QCOMPARE(nulls.lastWithName(QStringLiteral("n"))->schema, Schema::optionalString());
}

void tst_Records::headersCheckSchema()
{
    Headers h;
    h.add(QStringLiteral("ts"), Logical::timestampSchema(), Value(Instant{5}));
    h.add(QStringLiteral("any"), Schema(), Value(1.5)); // schemaless: anything goes
    h.add(QStringLiteral("none"), Schema::optionalInt8(), Value());
    try {
        h.add(QStringLiteral("bad"), Schema::int32(), Value("x"));
        QFAIL("no exception");
    } catch (const DataException &e) {
        QCOMPARE(e.message(), QStringLiteral("The value x is not compatible with the schema "
                                             "Schema{INT32}"));
    }
    try {
        h.add(QStringLiteral("bad"), Schema::int32(), Value());
        QFAIL("no exception");
    } catch (const DataException &e) {
        QCOMPARE(e.message(), QStringLiteral("A null value requires an optional schema but was "
                                             "Schema{INT32}"));
    }
    QCOMPARE(h.size(), 3);
}

void tst_Records::headersToString()
{
    Headers h;
    QCOMPARE(h.toString(), QStringLiteral("ConnectHeaders(headers=)"));
    h.addString(QStringLiteral("k"), QStringLiteral("v"));
    h.add(QStringLiteral("n"), Schema(), Value());
    QCOMPARE(h.toString(),
             QStringLiteral("ConnectHeaders(headers=[ConnectHeader(key=k, value=v, "
                            "schema=Schema{STRING}), ConnectHeader(key=n, value=null, "
                            "schema=null)])"));
}

void tst_Records::sourceRecordToString()
{
    SourceRecord r;
    r.topic = QStringLiteral("t");
    r.valueSchema = Schema::string();
    r.value = Value("v");
    r.sourcePartition.insert(QStringLiteral("filename"), Value("/x"));
    r.sourceOffset.insert(QStringLiteral("position"), Value(qint64(3)));
    QCOMPARE(
        r.toString(),
        QStringLiteral("SourceRecord{sourcePartition={filename=/x}, sourceOffset={position=3}} "
                       "ConnectRecord{topic='t', kafkaPartition=null, key=null, "
                       "keySchema=null, value=v, valueSchema=Schema{STRING}, timestamp=null, "
                       "headers=ConnectHeaders(headers=)}"));
}

void tst_Records::sinkRecordToString()
{
    SinkRecord r;
    r.topic = QStringLiteral("t");
    r.kafkaPartition = 2;
    r.key = Value(7);
    r.keySchema = Schema::int32();
    r.timestamp = 1700000000000;
    r.kafkaOffset = 41;
    r.timestampType = TimestampType::CreateTime;
    r.originalTopic = QStringLiteral("orig");
    r.originalKafkaPartition = 2;
    r.originalKafkaOffset = 41;
    QCOMPARE(r.toString(),
             QStringLiteral("SinkRecord{kafkaOffset=41, timestampType=CreateTime, "
                            "originalTopic=orig, originalKafkaPartition=2, originalKafkaOffset=41} "
                            "ConnectRecord{topic='t', kafkaPartition=2, key=7, "
                            "keySchema=Schema{INT32}, value=null, valueSchema=null, "
                            "timestamp=1700000000000, headers=ConnectHeaders(headers=)}"));
}

void tst_Records::polymorphicToString()
{
    std::unique_ptr<ConnectRecord> r = std::make_unique<SourceRecord>();
    QVERIFY(r->toString().startsWith(QStringLiteral("SourceRecord{")));
    TopicPartition tp{QStringLiteral("t"), 3};
    QCOMPARE(tp.toString(), QStringLiteral("t-3"));
}

QTEST_GUILESS_MAIN(tst_Records)
#include "tst_records.moc"
