// SPDX-License-Identifier: Apache-2.0
// Cast$Key / Cast$Value: Kafka's CastTest cases plus Java's narrowing and parsing corners.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/api/values.h"
#include "core/transforms/cast.h"
#include "transformtesting.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;
using Api::Schema;
using Api::SchemaBuilder;
using Api::Value;

Q_DECLARE_METATYPE(ConnectDesk::Api::Value)

namespace {

constexpr qint64 MsPerDay = 86400000;

std::unique_ptr<Cast> configured(RecordSide side, const QString &spec, Api::ConfigMap extra = {})
{
    auto cast = std::make_unique<Cast>(side);
    extra.insert(QStringLiteral("spec"), spec);
    cast->configure(extra);
    return cast;
}

/** A value record with a string key and a timestamp, as in Kafka's CastTest. */
Api::SourceRecord sampleRecord(const Schema &schema, const Value &value)
{
    return makeRecord<Api::SourceRecord>(QStringLiteral("topic"), {Schema::string(), Value("key")},
                                         {schema, value}, 1234);
}

/** The value of a whole-value cast of `value` (with `schema`, or schemaless) to `spec`. */
Value castValue(const QString &spec, const Schema &schema, const Value &value)
{
    auto cast = configured(RecordSide::Value, spec);
    auto record = sampleRecord(schema, value);
    cast->apply(record);
    return record.value;
}

QString configError(const QString &spec)
{
    return failureOf<Api::ConfigException>([&] { configured(RecordSide::Key, spec); });
}

QString dataError(const QString &spec, const Schema &schema, const Value &value)
{
    return failureOf<Api::DataException>([&] { castValue(spec, schema, value); });
}

} // namespace

class TestCast : public QObject
{
    Q_OBJECT

private slots:
    void rejectsBadSpecsWithKafkasMessages()
    {
        QCOMPARE(configError(QString("")), QStringLiteral("Must specify at least one field to cast."));
        QCOMPARE(configError(QStringLiteral("foo:faketype")), QStringLiteral("Invalid type found in casting spec: faketype"));
        QCOMPARE(configError(QStringLiteral("foo:array")),
                 QStringLiteral("Cast transformation does not support casting to ARRAY; supported types are "
                                "[INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]"));
        QCOMPARE(configError(QStringLiteral("array")),
                 QStringLiteral("Cast transformation does not support casting to ARRAY; supported types are "
                                "[INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]"));
        QVERIFY(configError(QStringLiteral("foo:bytes")).startsWith(QStringLiteral("Cast transformation does not support casting to BYTES")));
        QCOMPARE(configError(QStringLiteral("foo:int8:extra")),
                 QStringLiteral("Invalid value [foo:int8:extra] for configuration renames: Invalid rename mapping: foo:int8:extra"));
        QCOMPARE(configError(QStringLiteral("foo:int8,int32")),
                 QStringLiteral("Cast transformations that specify a type to cast the entire value to may only "
                                "specify a single cast in their spec"));
        QCOMPARE(configError(QStringLiteral(" foo : INT8 , Bar:String")), noFailure());
        // "foo:" loses its empty part, as with Java's split, so it names a whole-value type.
        QCOMPARE(configError(QStringLiteral("foo:")), QStringLiteral("Invalid type found in casting spec: foo"));
        QCOMPARE(configError(QStringLiteral("spec:")), QStringLiteral("Invalid type found in casting spec: spec"));
        // Validation reports the same message.
        const auto results = Cast::configDef().validate({{QStringLiteral("spec"), QStringLiteral("foo:faketype")}});
        QCOMPARE(results.first().errorMessages, QStringList{QStringLiteral("Invalid type found in casting spec: faketype")});
    }

    void nullKeysAndValuesPassThrough()
    {
        auto cast = configured(RecordSide::Value, QStringLiteral("foo:int64"));
        for (const Schema &schema : {Schema::string(), Schema()}) {
            auto record = sampleRecord(schema, Value());
            const auto before = record;
            QVERIFY(cast->apply(record));
            QCOMPARE(record.valueSchema, before.valueSchema);
            QVERIFY(record.value.isNull());
        }
        auto keyCast = configured(RecordSide::Key, QStringLiteral("foo:int64"));
        auto record = sampleRecord(Schema::string(), Value("value"));
        record.key = Value();
        QVERIFY(keyCast->apply(record));
        QVERIFY(record.key.isNull());
        QCOMPARE(record.keySchema, Schema::string());
    }

    void castsTheWholeKeyAndKeepsTheRest()
    {
        auto cast = configured(RecordSide::Key, QStringLiteral("int8"));
        auto record = sampleRecord(Schema::string(), Value("bogus"));
        record.keySchema = Schema::int32();
        record.key = Value::int32(42);
        record.headers.addString(QStringLiteral("h"), QStringLiteral("v"));
        record.sourceOffset.insert(QStringLiteral("pos"), Value::int64(7));
        QVERIFY(cast->apply(record));
        QCOMPARE(record.keySchema.type(), Api::SchemaType::Int8);
        QCOMPARE(record.key, Value::int8(42));
        QCOMPARE(record.value, Value("bogus"));
        QCOMPARE(record.valueSchema, Schema::string());
        QCOMPARE(record.topic, QStringLiteral("topic"));
        QCOMPARE(record.timestamp, std::optional<qint64>(1234));
        QCOMPARE(record.headers.size(), 1);
        QCOMPARE(record.sourceOffset.value(QStringLiteral("pos")), Value::int64(7));

        auto schemaless = sampleRecord(Schema::string(), Value("bogus"));
        schemaless.keySchema = Schema();
        schemaless.key = Value::int32(42);
        cast->apply(schemaless);
        QVERIFY(schemaless.keySchema.isNull());
        QCOMPARE(schemaless.key, Value::int8(42));
    }

    void castsTheWholeValueToEachType_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<Value>("expected");
        QTest::newRow("int8") << "int8" << Value::int8(42);
        QTest::newRow("int16") << "int16" << Value::int16(42);
        QTest::newRow("int32") << "int32" << Value::int32(42);
        QTest::newRow("int64") << "int64" << Value::int64(42);
        QTest::newRow("float32") << "float32" << Value::float32(42.f);
        QTest::newRow("float64") << "float64" << Value::float64(42.);
        QTest::newRow("boolean") << "boolean" << Value(true);
        QTest::newRow("string") << "string" << Value("42");
    }

    void castsTheWholeValueToEachType()
    {
        QFETCH(QString, spec);
        QFETCH(Value, expected);
        QCOMPARE(castValue(spec, Schema::int32(), Value::int32(42)), expected);
        QCOMPARE(castValue(spec, Schema(), Value::int32(42)), expected);
        auto cast = configured(RecordSide::Value, spec);
        auto record = sampleRecord(Schema::int32(), Value::int32(42));
        cast->apply(record);
        QCOMPARE(Schema::typeName(record.valueSchema.type()), spec);
        QCOMPARE(castValue(QStringLiteral("boolean"), Schema(), Value::int32(0)), Value(false));
    }

    void narrowsLikeJava()
    {
        QCOMPARE(castValue(QStringLiteral("int8"), Schema(), Value::int32(300)), Value::int8(44));
        QCOMPARE(castValue(QStringLiteral("int8"), Schema(), Value::int64(-129)), Value::int8(127));
        QCOMPARE(castValue(QStringLiteral("int16"), Schema(), Value::int32(70000)), Value::int16(4464));
        QCOMPARE(castValue(QStringLiteral("int32"), Schema(), Value::float64(-42.9)), Value::int32(-42));
        QCOMPARE(castValue(QStringLiteral("int32"), Schema(), Value::float64(1e20)), Value::int32(std::numeric_limits<qint32>::max()));
        QCOMPARE(castValue(QStringLiteral("int32"), Schema(), Value::float64(std::nan(""))), Value::int32(0));
        // Floating point to byte goes through int first: 300.7 → 300 → 44.
        QCOMPARE(castValue(QStringLiteral("int8"), Schema(), Value::float32(300.7f)), Value::int8(44));
        QCOMPARE(castValue(QStringLiteral("int8"), Schema(), Value::float64(1e10)), Value::int8(-1));
        QCOMPARE(castValue(QStringLiteral("int64"), Schema(), Value::float64(-1e30)), Value::int64(std::numeric_limits<qint64>::min()));
        QCOMPARE(castValue(QStringLiteral("float32"), Schema(), Value::int64(16777217)), Value::float32(16777216.f));
        QCOMPARE(castValue(QStringLiteral("boolean"), Schema(), Value::float64(0.5)), Value(false));
        QCOMPARE(castValue(QStringLiteral("boolean"), Schema(), Value::float32(-2.f)), Value(true));
        QCOMPARE(castValue(QStringLiteral("int16"), Schema(), Value(true)), Value::int16(1));
        QCOMPARE(castValue(QStringLiteral("float64"), Schema(), Value(false)), Value::float64(0.));
    }

    void parsesTextLikeJava()
    {
        QCOMPARE(castValue(QStringLiteral("int8"), Schema(), Value("-128")), Value::int8(-128));
        QCOMPARE(castValue(QStringLiteral("int32"), Schema(), Value("+42")), Value::int32(42));
        QCOMPARE(castValue(QStringLiteral("int64"), Schema(), Value("-9223372036854775808")),
                 Value::int64(std::numeric_limits<qint64>::min()));
        QCOMPARE(castValue(QStringLiteral("int32"), Schema(), Value(QString::fromUtf8("\u0664\u0662"))), Value::int32(42));
        QCOMPARE(castValue(QStringLiteral("float64"), Schema(), Value(" 1.5e3d\n")), Value::float64(1500.));
        QCOMPARE(castValue(QStringLiteral("float64"), Schema(), Value("0x1.8p1")), Value::float64(3.));
        QCOMPARE(castValue(QStringLiteral("float32"), Schema(), Value("-Infinity")),
                 Value::float32(-std::numeric_limits<float>::infinity()));
        QCOMPARE(castValue(QStringLiteral("float32"), Schema(), Value("1e50")), Value::float32(std::numeric_limits<float>::infinity()));
        QCOMPARE(castValue(QStringLiteral("float64"), Schema(), Value(".5")), Value::float64(0.5));
        QCOMPARE(castValue(QStringLiteral("boolean"), Schema(), Value("TRUE")), Value(true));
        QCOMPARE(castValue(QStringLiteral("boolean"), Schema(), Value("yes")), Value(false));

        for (const char *bad : {"128", " 1", "1.0", "", "-", "0x10", "99999999999999999999"}) {
            QCOMPARE(dataError(QStringLiteral("int8"), Schema(), Value(bad)),
                     QStringLiteral("Value (%1) was out of range for requested data type").arg(QString::fromUtf8(bad)));
        }
        for (const char *bad : {"1e", "nan", "infinity", "1.0x", "0x1.8", "--1", "."}) {
            QCOMPARE(dataError(QStringLiteral("float64"), Schema(), Value(bad)),
                     QStringLiteral("Value (%1) was out of range for requested data type").arg(QString::fromUtf8(bad)));
        }
    }

    void castsToStringAsJavaPrints()
    {
        QCOMPARE(castValue(QStringLiteral("string"), Schema(), Value::float32(1.1f)), Value("1.1"));
        QCOMPARE(castValue(QStringLiteral("string"), Schema(), Value::float64(1e7)), Value("1.0E7"));
        QCOMPARE(castValue(QStringLiteral("string"), Schema(), Value(true)), Value("true"));
        const QByteArray bytes = QByteArray::fromHex("FEDCBA9876543210");
        QCOMPARE(castValue(QStringLiteral("string"), Schema(), Value(bytes)), Value("/ty6mHZUMhA="));
        QCOMPARE(castValue(QStringLiteral("string"), Schema::bytes(), Value(bytes)), Value("/ty6mHZUMhA="));
        QCOMPARE(castValue(QStringLiteral("string"), Api::Logical::decimalSchema(0), Value(Api::Decimal::fromInt64(42))),
                 Value("42"));
        const Value timestamp(Api::Instant{MsPerDay + 1});
        QCOMPARE(castValue(QStringLiteral("string"), Api::Logical::timestampSchema(), timestamp),
                 Value(Api::Values::convertToString(Api::Logical::timestampSchema(), timestamp)));
        QCOMPARE(castValue(QStringLiteral("string"), Api::Logical::timestampSchema(), timestamp),
                 Value("1970-01-02T00:00:00.001Z"));
    }

    void rejectsUnsupportedInputs()
    {
        QCOMPARE(dataError(QStringLiteral("int8"), Schema(), Value(Api::ValueList{Value("foo")})),
                 QStringLiteral("Cast transformation does not support casting from ARRAY; supported types are "
                                "[INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES]"));
        QCOMPARE(dataError(QStringLiteral("int8"), Schema(), Value(Api::Instant{0})),
                 QStringLiteral("Cast transformation was passed a value of type class java.util.Date which is not "
                                "supported by Connect's data API"));
        QCOMPARE(dataError(QStringLiteral("int8"), Schema::bytes(), Value(QByteArray("x"))),
                 QStringLiteral("Unexpected type in Cast transformation: class [B"));
        QCOMPARE(dataError(QStringLiteral("int32"), Api::Logical::dateSchema(), Value(Api::Instant{MsPerDay + 1})),
                 QStringLiteral("Kafka Connect Date type should not have any time fields set to non-zero values."));
        QCOMPARE(dataError(QStringLiteral("foo:int8"), Schema(), Value("text")),
                 QStringLiteral("Only Map objects supported in absence of schema for [cast types], found: java.lang.String"));
        QCOMPARE(dataError(QStringLiteral("foo:int8"), Schema::int32(), Value::int32(1)),
                 QStringLiteral("Cannot list fields on non-struct type"));
    }

    void castsTheDefaultOfAWholeValue()
    {
        auto cast = configured(RecordSide::Value, QStringLiteral("int32"));
        auto record = sampleRecord(SchemaBuilder::float32().defaultValue(Value::float32(-42.125f)).build(), Value::float32(42.125f));
        cast->apply(record);
        QCOMPARE(record.valueSchema.type(), Api::SchemaType::Int32);
        QCOMPARE(record.value, Value::int32(42));
        QCOMPARE(record.valueSchema.defaultValue(), Value::int32(-42));
    }

    void castsLogicalTypesToPrimitives()
    {
        auto cast = configured(RecordSide::Value,
                               QStringLiteral("date_to_int32:int32,timestamp_to_int64:int64,time_to_int64:int64,"
                                              "decimal_to_int32:int32,timestamp_to_float64:float64,"
                                              "null_timestamp_to_int32:int32"));
        const Schema schema = SchemaBuilder::structBuilder()
                                  .field(QStringLiteral("date_to_int32"), Api::Logical::dateSchema())
                                  .field(QStringLiteral("timestamp_to_int64"), Api::Logical::timestampSchema())
                                  .field(QStringLiteral("time_to_int64"), Api::Logical::timeSchema())
                                  .field(QStringLiteral("decimal_to_int32"), Api::Logical::decimalSchema(0))
                                  .field(QStringLiteral("timestamp_to_float64"), Api::Logical::timestampSchema())
                                  .field(QStringLiteral("null_timestamp_to_int32"),
                                         Api::Logical::timestampBuilder().optional().build())
                                  .build();
        auto value = Api::Struct::create(schema);
        value->put(QStringLiteral("date_to_int32"), Value(Api::Instant{MsPerDay}));
        value->put(QStringLiteral("timestamp_to_int64"), Value(Api::Instant{0}));
        value->put(QStringLiteral("time_to_int64"), Value(Api::Instant{1}));
        value->put(QStringLiteral("decimal_to_int32"), Value(Api::Decimal::fromInt64(qint64(std::numeric_limits<qint32>::max()) + 1)));
        value->put(QStringLiteral("timestamp_to_float64"), Value(Api::Instant{std::numeric_limits<qint64>::max()}));
        auto record = sampleRecord(schema, Value(value));
        cast->apply(record);
        const auto &out = *record.value.toStruct();
        QCOMPARE(out.get(QStringLiteral("date_to_int32")), Value::int32(1));
        QCOMPARE(out.get(QStringLiteral("timestamp_to_int64")), Value::int64(0));
        QCOMPARE(out.get(QStringLiteral("time_to_int64")), Value::int64(1));
        QCOMPARE(out.get(QStringLiteral("decimal_to_int32")), Value::int32(std::numeric_limits<qint32>::min()));
        QCOMPARE(out.get(QStringLiteral("timestamp_to_float64")), Value::float64(9.223372036854776E18));
        QVERIFY(out.get(QStringLiteral("null_timestamp_to_int32")).isNull());
        QCOMPARE(out.schema().field(QStringLiteral("null_timestamp_to_int32")).schema(), Schema::optionalInt32());
        QCOMPARE(out.schema().field(QStringLiteral("date_to_int32")).schema(), Schema::int32());
    }

    void castsFieldsWithSchema()
    {
        auto cast = configured(RecordSide::Value,
                               QStringLiteral("int8:int16,int16:int32,int32:int64,int64:boolean,float32:float64,"
                                              "float64:boolean,boolean:int8,string:int32,bigdecimal:string,"
                                              "date:string,optional:int32,bytes:string"));
        const Schema schema = SchemaBuilder::structBuilder()
                                  .name(QStringLiteral("com.acme.Row"))
                                  .field(QStringLiteral("int8"), Schema::int8())
                                  .field(QStringLiteral("int16"), Schema::optionalInt16())
                                  .field(QStringLiteral("int32"), SchemaBuilder::int32().defaultValue(Value::int32(2)).build())
                                  .field(QStringLiteral("int64"), Schema::int64())
                                  .field(QStringLiteral("float32"), Schema::float32())
                                  .field(QStringLiteral("float64"), SchemaBuilder::float64().defaultValue(Value::float64(-1.125)).build())
                                  .field(QStringLiteral("boolean"), Schema::boolean())
                                  .field(QStringLiteral("string"), Schema::string())
                                  .field(QStringLiteral("bigdecimal"), Api::Logical::decimalSchema(0))
                                  .field(QStringLiteral("date"), Api::Logical::dateSchema())
                                  .field(QStringLiteral("optional"), Schema::optionalFloat32())
                                  .field(QStringLiteral("timestamp"), Api::Logical::timestampSchema())
                                  .field(QStringLiteral("bytes"), Schema::bytes())
                                  .build();
        auto value = Api::Struct::create(schema);
        value->put(QStringLiteral("int8"), Value::int8(8));
        value->put(QStringLiteral("int16"), Value::int16(16));
        value->put(QStringLiteral("int32"), Value::int32(32));
        value->put(QStringLiteral("int64"), Value::int64(64));
        value->put(QStringLiteral("float32"), Value::float32(32.f));
        value->put(QStringLiteral("float64"), Value::float64(-64.));
        value->put(QStringLiteral("boolean"), Value(true));
        value->put(QStringLiteral("string"), Value("42"));
        value->put(QStringLiteral("bigdecimal"), Value(Api::Decimal::fromInt64(42)));
        value->put(QStringLiteral("date"), Value(Api::Instant{MsPerDay}));
        value->put(QStringLiteral("timestamp"), Value(Api::Instant{0}));
        value->put(QStringLiteral("bytes"), Value(QByteArray::fromHex("FEDCBA9876543210")));
        auto record = sampleRecord(schema, Value(value));
        cast->apply(record);

        const auto &out = *record.value.toStruct();
        const Schema &outSchema = out.schema();
        QCOMPARE(outSchema, record.valueSchema);
        QCOMPARE(outSchema.name(), QStringLiteral("com.acme.Row"));
        QCOMPARE(out.get(QStringLiteral("int8")), Value::int16(8));
        QVERIFY(outSchema.field(QStringLiteral("int16")).schema().isOptional());
        QCOMPARE(out.get(QStringLiteral("int16")), Value::int32(16));
        QCOMPARE(out.get(QStringLiteral("int32")), Value::int64(32));
        QCOMPARE(outSchema.field(QStringLiteral("int32")).schema().defaultValue(), Value::int64(2));
        QCOMPARE(out.get(QStringLiteral("int64")), Value(true));
        QCOMPARE(out.get(QStringLiteral("float32")), Value::float64(32.));
        QCOMPARE(out.get(QStringLiteral("float64")), Value(true));
        QCOMPARE(outSchema.field(QStringLiteral("float64")).schema().defaultValue(), Value(true));
        QCOMPARE(out.get(QStringLiteral("boolean")), Value::int8(1));
        QCOMPARE(out.get(QStringLiteral("string")), Value::int32(42));
        QCOMPARE(out.get(QStringLiteral("bigdecimal")), Value("42"));
        QCOMPARE(out.get(QStringLiteral("date")), Value("1970-01-02"));
        QCOMPARE(out.get(QStringLiteral("timestamp")), Value(Api::Instant{0}));
        QCOMPARE(outSchema.field(QStringLiteral("timestamp")).schema(), Api::Logical::timestampSchema());
        QCOMPARE(out.get(QStringLiteral("bytes")), Value("/ty6mHZUMhA="));
        QVERIFY(out.get(QStringLiteral("optional")).isNull());
        QCOMPARE(outSchema.field(QStringLiteral("optional")).schema(), Schema::optionalInt32());
    }

    void honoursReplaceNullWithDefault()
    {
        const Schema schema = SchemaBuilder::structBuilder()
                                  .field(QStringLiteral("magic"),
                                         SchemaBuilder::int32().optional().defaultValue(Value::int32(10)).build())
                                  .build();
        for (bool replace : {true, false}) {
            auto cast = configured(RecordSide::Value, QStringLiteral("magic:string"),
                                   {{QStringLiteral("replace.null.with.default"), replace ? "true" : "false"}});
            auto value = Api::Struct::create(schema);
            value->put(QStringLiteral("magic"), Value());
            auto record = sampleRecord(schema, Value(value));
            cast->apply(record);
            QCOMPARE(record.valueSchema.field(QStringLiteral("magic")).schema().type(), Api::SchemaType::String);
            QCOMPARE(record.value.toStruct()->getWithoutDefault(QStringLiteral("magic")), replace ? Value("10") : Value());
        }
    }

    void castsFieldsSchemaless()
    {
        auto cast = configured(RecordSide::Value,
                               QStringLiteral("int8:int16,int16:int32,int32:int64,int64:boolean,float32:float64,"
                                              "float64:boolean,boolean:int8,string:int32,missing:int8"));
        Api::ValueMap map{{Value("int8"), Value::int8(8)},       {Value("int16"), Value::int16(16)},
                          {Value("int32"), Value::int32(32)},    {Value("int64"), Value::int64(64)},
                          {Value("float32"), Value::float32(32.f)}, {Value("float64"), Value::float64(-64.)},
                          {Value("boolean"), Value(true)},       {Value("string"), Value("42")},
                          {Value("other"), Value("untouched")}};
        auto record = sampleRecord(Schema(), Value(map));
        cast->apply(record);
        QVERIFY(record.valueSchema.isNull());
        const Value &out = record.value;
        QCOMPARE(out.mapValue(QStringLiteral("int8")), Value::int16(8));
        QCOMPARE(out.mapValue(QStringLiteral("int16")), Value::int32(16));
        QCOMPARE(out.mapValue(QStringLiteral("int32")), Value::int64(32));
        QCOMPARE(out.mapValue(QStringLiteral("int64")), Value(true));
        QCOMPARE(out.mapValue(QStringLiteral("float32")), Value::float64(32.));
        QCOMPARE(out.mapValue(QStringLiteral("float64")), Value(true));
        QCOMPARE(out.mapValue(QStringLiteral("boolean")), Value::int8(1));
        QCOMPARE(out.mapValue(QStringLiteral("string")), Value::int32(42));
        QCOMPARE(out.mapValue(QStringLiteral("other")), Value("untouched"));
        // Kafka's HashMap.put adds the missing field, with null.
        QCOMPARE(out.toMap().size(), map.size() + 1);
        QVERIFY(out.mapValue(QStringLiteral("missing")).isNull());
    }

    void cachesTheDerivedSchema()
    {
        auto cast = configured(RecordSide::Value, QStringLiteral("a:string"));
        const Schema schema = SchemaBuilder::structBuilder().field(QStringLiteral("a"), Schema::int32()).build();
        auto first = sampleRecord(schema, Value(Api::Struct::create(schema)->put(QStringLiteral("a"), Value::int32(1)).clone()));
        auto second = first;
        cast->apply(first);
        cast->apply(second);
        QVERIFY(first.valueSchema.data() == second.valueSchema.data());
    }
};

QTEST_GUILESS_MAIN(TestCast)
#include "tst_cast.moc"
