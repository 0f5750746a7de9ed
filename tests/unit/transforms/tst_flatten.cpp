// SPDX-License-Identifier: Apache-2.0
// Flatten$Key / Flatten$Value: Kafka's FlattenTest cases, schema'd and schemaless.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/flatten.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;
using Api::Schema;
using Api::SchemaBuilder;
using Api::Value;

namespace {

std::unique_ptr<Flatten> configured(RecordSide side, Api::ConfigMap configs = {})
{
    auto flatten = std::make_unique<Flatten>(side);
    flatten->configure(configs);
    return flatten;
}

/** A value record with a string key and a timestamp. */
Api::SourceRecord sampleRecord(const Schema &schema, const Value &value)
{
    return makeRecord<Api::SourceRecord>(QStringLiteral("topic"), {Schema::string(), Value("key")},
                                         {schema, value}, 99);
}

QString dataError(const Schema &schema, const Value &value)
{
    return failureOf<Api::DataException>([&] {
        auto record = sampleRecord(schema, value);
        configured(RecordSide::Value)->apply(record);
    });
}

Schema supportedTypesSchema()
{
    return SchemaBuilder::structBuilder()
        .field(QStringLiteral("int8"), Schema::int8())
        .field(QStringLiteral("int16"), Schema::int16())
        .field(QStringLiteral("int32"), Schema::int32())
        .field(QStringLiteral("int64"), Schema::int64())
        .field(QStringLiteral("float32"), Schema::float32())
        .field(QStringLiteral("float64"), Schema::float64())
        .field(QStringLiteral("boolean"), Schema::boolean())
        .field(QStringLiteral("string"), Schema::string())
        .field(QStringLiteral("bytes"), Schema::bytes())
        .build();
}

Api::StructPtr supportedTypesValue(const Schema &schema)
{
    auto s = Api::Struct::create(schema);
    s->put(QStringLiteral("int8"), Value::int8(8));
    s->put(QStringLiteral("int16"), Value::int16(16));
    s->put(QStringLiteral("int32"), Value::int32(32));
    s->put(QStringLiteral("int64"), Value::int64(64));
    s->put(QStringLiteral("float32"), Value::float32(32.f));
    s->put(QStringLiteral("float64"), Value::float64(64.));
    s->put(QStringLiteral("boolean"), Value(true));
    s->put(QStringLiteral("string"), Value("stringy"));
    s->put(QStringLiteral("bytes"), Value(QByteArray("bytes")));
    return s;
}

} // namespace

class TestFlatten : public QObject
{
    Q_OBJECT

private slots:
    void delimiterDefaultsToADot()
    {
        const auto *key = Flatten::configDef().key(QStringLiteral("delimiter"));
        QVERIFY(key);
        QCOMPARE(key->defaultValue->toString(), QStringLiteral("."));
    }

    void requiresAStructOrAMap()
    {
        QCOMPARE(dataError(Schema::int32(), Value::int32(42)),
                 QStringLiteral("Only Struct objects supported for [flattening], found: java.lang.Integer"));
        QCOMPARE(dataError(Schema(), Value::int32(42)),
                 QStringLiteral("Only Map objects supported in absence of schema for [flattening], found: java.lang.Integer"));
    }

    void flattensNestedStructs()
    {
        const Schema types = supportedTypesSchema();
        const Schema b = SchemaBuilder::structBuilder().field(QStringLiteral("B"), types).build();
        const Schema a = SchemaBuilder::structBuilder()
                             .name(QStringLiteral("com.acme.Outer"))
                             .version(2)
                             .field(QStringLiteral("A"), b)
                             .build();
        auto bValue = Api::Struct::create(b);
        bValue->put(QStringLiteral("B"), Value(supportedTypesValue(types)));
        auto aValue = Api::Struct::create(a);
        aValue->put(QStringLiteral("A"), Value(bValue));

        auto record = sampleRecord(a, Value(aValue));
        configured(RecordSide::Value)->apply(record);
        QCOMPARE(record.valueSchema.type(), Api::SchemaType::Struct);
        QCOMPARE(record.valueSchema.name(), QStringLiteral("com.acme.Outer"));
        QCOMPARE(record.valueSchema.version(), std::optional<int>(2));
        QCOMPARE(record.valueSchema.fields().size(), 9);
        const auto &out = *record.value.toStruct();
        QCOMPARE(out.get(QStringLiteral("A.B.int8")), Value::int8(8));
        QCOMPARE(out.get(QStringLiteral("A.B.int64")), Value::int64(64));
        QCOMPARE(out.get(QStringLiteral("A.B.float32")), Value::float32(32.f));
        QCOMPARE(out.get(QStringLiteral("A.B.boolean")), Value(true));
        QCOMPARE(out.get(QStringLiteral("A.B.string")), Value("stringy"));
        QCOMPARE(out.get(QStringLiteral("A.B.bytes")), Value(QByteArray("bytes")));
        QCOMPARE(record.key, Value("key"));
        QCOMPARE(record.timestamp, std::optional<qint64>(99));
    }

    void flattensNestedMapsWithADelimiter()
    {
        Api::ValueMap types{{Value("int8"), Value::int8(8)}, {Value("string"), Value("stringy")},
                            {Value("bytes"), Value(QByteArray("bytes"))}};
        Api::ValueMap b{{Value("B"), Value(types)}};
        Api::ValueMap a{{Value("A"), Value(b)}, {Value("top"), Value::int32(1)}};
        auto record = sampleRecord(Schema(), Value(a));
        configured(RecordSide::Value, {{QStringLiteral("delimiter"), QStringLiteral("#")}})->apply(record);
        QVERIFY(record.valueSchema.isNull());
        QCOMPARE(record.value.toMap().size(), size_t(4));
        QCOMPARE(record.value.mapValue(QStringLiteral("A#B#int8")), Value::int8(8));
        QCOMPARE(record.value.mapValue(QStringLiteral("A#B#string")), Value("stringy"));
        QCOMPARE(record.value.mapValue(QStringLiteral("top")), Value::int32(1));
    }

    void keepsOptionalityAndNullFields()
    {
        const Schema optionalStruct = SchemaBuilder::structBuilder()
                                          .optional()
                                          .field(QStringLiteral("opt_int32"), Schema::optionalInt32())
                                          .build();
        const Schema outer = SchemaBuilder::structBuilder().field(QStringLiteral("B"), optionalStruct).build();
        auto value = Api::Struct::create(outer);
        value->put(QStringLiteral("B"), Value());
        auto record = sampleRecord(outer, Value(value));
        configured(RecordSide::Value)->apply(record);
        QVERIFY(record.value.toStruct()->get(QStringLiteral("B.opt_int32")).isNull());
        QVERIFY(record.valueSchema.field(QStringLiteral("B.opt_int32")).schema().isOptional());

        // A required field under an optional struct becomes optional.
        const Schema withRequired = SchemaBuilder::structBuilder()
                                        .optional()
                                        .field(QStringLiteral("req"), Schema::int32())
                                        .build();
        const Schema outer2 = SchemaBuilder::structBuilder().field(QStringLiteral("B"), withRequired).build();
        auto value2 = Api::Struct::create(outer2);
        auto record2 = sampleRecord(outer2, Value(value2));
        configured(RecordSide::Value)->apply(record2);
        QCOMPARE(record2.valueSchema.field(QStringLiteral("B.req")).schema(), Schema::optionalInt32());

        Api::ValueMap map{{Value("B"), Value(Api::ValueMap{{Value("opt_int32"), Value()}})}};
        auto schemaless = sampleRecord(Schema(), Value(map));
        configured(RecordSide::Value)->apply(schemaless);
        QCOMPARE(schemaless.value.toMap().size(), size_t(1));
        QVERIFY(schemaless.value.mapValue(QStringLiteral("B.opt_int32")).isNull());
    }

    void propagatesParentDefaults()
    {
        SchemaBuilder builder = SchemaBuilder::structBuilder().optional();
        builder.field(QStringLiteral("req_field"), Schema::string());
        builder.field(QStringLiteral("opt_field"),
                      SchemaBuilder::string().optional().defaultValue(Value("child_default")).build());
        auto childDefault = Api::Struct::create(builder.build());
        childDefault->put(QStringLiteral("req_field"), Value("req_default"));
        builder.defaultValue(Value(childDefault));
        const Schema schema = builder.build();

        auto record = sampleRecord(schema, Value(Api::Struct::create(schema)));
        configured(RecordSide::Value)->apply(record);
        QCOMPARE(record.valueSchema.fields().size(), 2);
        QCOMPARE(record.valueSchema.field(QStringLiteral("req_field")).schema(),
                 SchemaBuilder::string().optional().defaultValue(Value("req_default")).build());
        QCOMPARE(record.valueSchema.field(QStringLiteral("opt_field")).schema(),
                 SchemaBuilder::string().optional().defaultValue(Value("child_default")).build());
    }

    void flattensTheKey()
    {
        auto record = sampleRecord(Schema(), Value());
        record.keySchema = Schema();
        record.key = Value(Api::ValueMap{{Value("A"), Value(Api::ValueMap{{Value("B"), Value::int32(12)}})}});
        configured(RecordSide::Key)->apply(record);
        QVERIFY(record.keySchema.isNull());
        QCOMPARE(record.key.mapValue(QStringLiteral("A.B")), Value::int32(12));
        QVERIFY(record.value.isNull());
    }

    void leavesArraysAlone()
    {
        const Value schemaless(Api::ValueMap{
            {Value("foo"),
             Value(Api::ValueList{Value("bar"), Value(Api::ValueMap{{Value("baz"), Value(Api::ValueMap{{Value("lfg"), Value("lfg")}})}})})}});
        auto record = sampleRecord(Schema(), schemaless);
        configured(RecordSide::Value)->apply(record);
        QCOMPARE(record.value, schemaless);

        const Schema nested = SchemaBuilder::structBuilder().field(QStringLiteral("lfg"), Schema::string()).build();
        const Schema inner = SchemaBuilder::structBuilder().field(QStringLiteral("baz"), nested).build();
        const Schema structSchema = SchemaBuilder::structBuilder()
                                        .field(QStringLiteral("foo"), SchemaBuilder::array(inner).doc(QStringLiteral("durk")).build())
                                        .build();
        auto nestedValue = Api::Struct::create(nested);
        nestedValue->put(QStringLiteral("lfg"), Value("lfg"));
        auto innerValue = Api::Struct::create(inner);
        innerValue->put(QStringLiteral("baz"), Value(nestedValue));
        auto value = Api::Struct::create(structSchema);
        value->put(QStringLiteral("foo"), Value(Api::ValueList{Value(innerValue)}));
        auto withSchema = sampleRecord(structSchema, Value(value));
        configured(RecordSide::Value)->apply(withSchema);
        QCOMPARE(withSchema.valueSchema, structSchema);
        QCOMPARE(withSchema.value, Value(value));
    }

    void passesTombstonesThrough()
    {
        const Schema schema = SchemaBuilder::structBuilder()
                                  .name(QStringLiteral("name"))
                                  .version(1)
                                  .doc(QStringLiteral("doc"))
                                  .field(QStringLiteral("magic"), Schema::optionalInt64())
                                  .build();
        for (const Schema &s : {schema, Schema()}) {
            auto record = sampleRecord(s, Value());
            QVERIFY(configured(RecordSide::Value)->apply(record));
            QVERIFY(record.value.isNull());
            QCOMPARE(record.valueSchema, s);
        }
    }

    void keepsNullFieldsInOrder()
    {
        const Api::ValueMap map{{Value("firstNull"), Value()},          {Value("firstNonNull"), Value("nonNull")},
                                {Value("secondNull"), Value()},         {Value("secondNonNull"), Value("alsoNonNull")},
                                {Value("thirdNonNull"), Value()}};
        auto record = sampleRecord(Schema(), Value(map));
        configured(RecordSide::Value)->apply(record);
        QCOMPARE(record.value, Value(map));

        SchemaBuilder builder = SchemaBuilder::structBuilder();
        for (const auto &[k, v] : map)
            builder.field(k.toString(), Schema::optionalString());
        const Schema schema = builder.build();
        auto value = Api::Struct::create(schema);
        for (const auto &[k, v] : map)
            value->put(k.toString(), v);
        auto withSchema = sampleRecord(schema, Value(value));
        configured(RecordSide::Value)->apply(withSchema);
        QCOMPARE(withSchema.value, Value(value));
    }

    void rejectsUnsupportedNesting()
    {
        const Schema withMap = SchemaBuilder::structBuilder()
                                   .field(QStringLiteral("m"), SchemaBuilder::map(Schema::string(), Schema::string()).build())
                                   .build();
        QCOMPARE(dataError(withMap, Value(Api::Struct::create(withMap))),
                 QStringLiteral("Flatten transformation does not support MAP for record with schemas (for field m)."));
        const Schema inner = SchemaBuilder::structBuilder().field(QStringLiteral("x"), Schema::int32()).build();
        auto innerValue = Api::Struct::create(inner);
        innerValue->put(QStringLiteral("x"), Value::int32(1));
        QCOMPARE(dataError(Schema(), Value(Api::ValueMap{{Value("a"), Value(innerValue)}})),
                 QStringLiteral("Flatten transformation does not support class org.apache.kafka.connect.data.Struct "
                                "for record without schemas (for field a)."));
        QCOMPARE(dataError(Schema(), Value(Api::ValueMap{{Value("a"), Value(Api::Instant{0})}})),
                 QStringLiteral("Flatten transformation was passed a value of type class java.util.Date which is not "
                                "supported by Connect's data API"));
    }
};

QTEST_GUILESS_MAIN(TestFlatten)
#include "tst_flatten.moc"
