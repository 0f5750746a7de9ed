// SPDX-License-Identifier: Apache-2.0
// HoistField$Key / $Value: wrapping into a one-field Struct or map, nulls included.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/hoistfield.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

/** A key record whose value is a string, which hoisting the key leaves alone. */
Api::SinkRecord keyRecord(const Api::Schema &keySchema, const Api::Value &key)
{
    return makeRecord(QStringLiteral("test"), {keySchema, key},
                      {Api::Schema::string(), Api::Value(QStringLiteral("v"))});
}

} // namespace

class TestHoistField : public QObject
{
    Q_OBJECT

private slots:
    void schemaless()
    {
        HoistField xform(RecordSide::Key);
        xform.configure({{"field", "magic"}});
        auto record = keyRecord(Api::Schema(), Api::Value::int32(42));
        xform.apply(record);
        QVERIFY(record.keySchema.isNull());
        QCOMPARE(record.key,
                 Api::Value(Api::ValueMap{{Api::Value("magic"), Api::Value::int32(42)}}));
        QCOMPARE(record.value, Api::Value(QStringLiteral("v")));
        QCOMPARE(record.valueSchema, Api::Schema::string());
    }

    void withSchema()
    {
        HoistField xform(RecordSide::Key);
        xform.configure({{"field", "magic"}});
        auto record = keyRecord(Api::Schema::int32(), Api::Value::int32(42));
        xform.apply(record);
        QCOMPARE(record.keySchema.type(), Api::SchemaType::Struct);
        QCOMPARE(record.keySchema.fields().size(), 1);
        QCOMPARE(record.keySchema.field("magic").schema(), Api::Schema::int32());
        QVERIFY(record.keySchema.name().isEmpty());
        QVERIFY(!record.keySchema.isOptional());
        QCOMPARE(record.key.toStruct()->get("magic"), Api::Value::int32(42));

        auto again = keyRecord(Api::Schema::int32(), Api::Value::int32(7));
        xform.apply(again);
        QVERIFY(again.keySchema.data() == record.keySchema.data());
    }

    void nullsAreWrapped()
    {
        HoistField xform(RecordSide::Value);
        xform.configure({{"field", "wrapped"}});
        auto schemaless = keyRecord(Api::Schema(), Api::Value());
        schemaless.valueSchema = Api::Schema();
        schemaless.value = Api::Value();
        xform.apply(schemaless);
        QCOMPARE(schemaless.value,
                 Api::Value(Api::ValueMap{{Api::Value("wrapped"), Api::Value()}}));

        auto optional = keyRecord(Api::Schema(), Api::Value());
        optional.valueSchema = Api::Schema::optionalString();
        optional.value = Api::Value();
        xform.apply(optional);
        QVERIFY(optional.value.toStruct()->get("wrapped").isNull());
        QCOMPARE(optional.valueSchema.field("wrapped").schema(), Api::Schema::optionalString());

        // A null for a required schema cannot go into the struct.
        auto required = keyRecord(Api::Schema(), Api::Value());
        required.valueSchema = Api::Schema::string();
        required.value = Api::Value();
        QVERIFY_THROWS_EXCEPTION(Api::DataException, xform.apply(required));
    }

    void structsAreWrappedWhole()
    {
        HoistField xform(RecordSide::Value);
        xform.configure({{"field", "inner"}});
        const auto schema = Api::SchemaBuilder::structBuilder()
                                .name("n")
                                .field("x", Api::Schema::int64())
                                .build();
        auto inner = Api::Struct::create(schema);
        inner->put("x", Api::Value::int64(5));
        auto record = keyRecord(Api::Schema(), Api::Value());
        record.valueSchema = schema;
        record.value = Api::Value(inner);
        xform.apply(record);
        QCOMPARE(record.valueSchema.field("inner").schema(), schema);
        QCOMPARE(record.value.toStruct()->get("inner"), Api::Value(inner));
        QVERIFY(record.key.isNull());
    }

    void configDef()
    {
        HoistField xform(RecordSide::Key);
        QCOMPARE(failureOf<Api::ConfigException>([&] { xform.configure({}); }),
                 QStringLiteral("Missing required configuration \"field\" which has no default value."));
        QCOMPARE(xform.config().names(), QStringList{"field"});
        QCOMPARE(xform.config().key("field")->importance, Api::ConfigDef::Importance::Medium);
    }
};

QTEST_GUILESS_MAIN(TestHoistField)
#include "tst_hoistfield.moc"
