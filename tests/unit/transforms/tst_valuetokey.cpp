// SPDX-License-Identifier: Apache-2.0
// ValueToKey: a new key from value fields, schemaless and with schema, missing fields, null
// values and replace.null.with.default.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/valuetokey.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

Api::SinkRecord sinkRecord(const Api::Schema &valueSchema, const Api::Value &value)
{
    auto record = makeRecord(QStringLiteral("t"), {Api::Schema::string(), Api::Value(QStringLiteral("old"))},
                             {valueSchema, value}, 1000);
    record.kafkaPartition = 3;
    record.kafkaOffset = 9;
    return record;
}

Api::Schema abcSchema()
{
    return Api::SchemaBuilder::structBuilder()
        .field("a", Api::Schema::int32())
        .field("b", Api::Schema::int32())
        .field("c", Api::Schema::int32())
        .build();
}

} // namespace

class TestValueToKey : public QObject
{
    Q_OBJECT

private slots:
    void schemaless()
    {
        ValueToKey xform;
        xform.configure({{"fields", "b,a,missing"}});
        Api::ValueMap value{{Api::Value("a"), Api::Value::int32(1)},
                            {Api::Value("b"), Api::Value::int32(2)},
                            {Api::Value("c"), Api::Value::int32(3)}};
        auto record = sinkRecord(Api::Schema(), Api::Value(value));
        xform.apply(record);
        QVERIFY(record.keySchema.isNull());
        // Config order; a missing field becomes a null entry.
        const Api::ValueMap expected{{Api::Value("b"), Api::Value::int32(2)},
                                     {Api::Value("a"), Api::Value::int32(1)},
                                     {Api::Value("missing"), Api::Value()}};
        QCOMPARE(record.key, Api::Value(expected));
        QCOMPARE(record.value, Api::Value(value));
        QCOMPARE(record.kafkaPartition, std::optional<qint32>(3));
        QCOMPARE(record.timestamp, std::optional<qint64>(1000));
        QCOMPARE(record.kafkaOffset, qint64(9));
    }

    void withSchema()
    {
        ValueToKey xform;
        xform.configure({{"fields", "a,b"}});
        const auto schema = abcSchema();
        auto value = Api::Struct::create(schema);
        value->put("a", Api::Value::int32(1))
            .put("b", Api::Value::int32(2))
            .put("c", Api::Value::int32(3));
        auto record = sinkRecord(schema, Api::Value(value));
        xform.apply(record);

        const auto expectedSchema = Api::SchemaBuilder::structBuilder()
                                        .field("a", Api::Schema::int32())
                                        .field("b", Api::Schema::int32())
                                        .build();
        auto expectedKey = Api::Struct::create(expectedSchema);
        expectedKey->put("a", Api::Value::int32(1)).put("b", Api::Value::int32(2));
        QCOMPARE(record.keySchema, expectedSchema);
        QCOMPARE(record.key, Api::Value(expectedKey));
        QCOMPARE(record.valueSchema, schema);
        QVERIFY(record.value.toStruct() == value);

        // Cached per value schema.
        auto again = sinkRecord(schema, Api::Value(value));
        xform.apply(again);
        QVERIFY(again.keySchema.data() == record.keySchema.data());
    }

    void nonExistingField()
    {
        ValueToKey xform;
        xform.configure({{"fields", "not_exist"}});
        const auto schema
            = Api::SchemaBuilder::structBuilder().field("a", Api::Schema::int32()).build();
        auto value = Api::Struct::create(schema);
        value->put("a", Api::Value::int32(1));
        auto record = sinkRecord(schema, Api::Value(value));
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(record); }),
                 QStringLiteral("Field does not exist: not_exist"));
    }

    void nullValuesFail()
    {
        ValueToKey xform;
        xform.configure({{"fields", "a"}});
        auto schemaless = sinkRecord(Api::Schema(), Api::Value());
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(schemaless); }),
                 QStringLiteral("Only Map objects supported in absence of schema for "
                                "[copying fields from value to key], found: null"));
        auto withSchema = sinkRecord(abcSchema(), Api::Value());
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(withSchema); }),
                 QStringLiteral("Only Struct objects supported for "
                                "[copying fields from value to key], found: null"));
    }

    void replaceNullWithDefault_data()
    {
        QTest::addColumn<bool>("replace");
        QTest::newRow("false") << false;
        QTest::newRow("true") << true;
    }

    void replaceNullWithDefault()
    {
        QFETCH(bool, replace);
        ValueToKey xform;
        xform.configure({{"fields", "optional_with_default"},
                         {"replace.null.with.default", replace ? "true" : "false"}});
        const auto schema
            = Api::SchemaBuilder::structBuilder()
                  .field("optional_with_default", Api::SchemaBuilder::int32()
                                                      .optional()
                                                      .defaultValue(Api::Value::int32(42))
                                                      .build())
                  .build();
        auto record = sinkRecord(schema, Api::Value(Api::Struct::create(schema)));
        xform.apply(record);
        QCOMPARE(record.key.toStruct()->getWithoutDefault("optional_with_default"),
                 replace ? Api::Value::int32(42) : Api::Value());
    }

    void badConfigs()
    {
        ValueToKey xform;
        QCOMPARE(failureOf<Api::ConfigException>([&] { xform.configure({{"fields", ""}}); }),
                 QStringLiteral("Invalid value [] for configuration fields: Empty list"));
        QVERIFY_THROWS_EXCEPTION(Api::ConfigException, xform.configure({}));
        QCOMPARE(xform.config().names(), (QStringList{"fields", "replace.null.with.default"}));
    }
};

QTEST_GUILESS_MAIN(TestValueToKey)
#include "tst_valuetokey.moc"
