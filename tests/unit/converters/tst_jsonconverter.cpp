// SPDX-License-Identifier: Apache-2.0
// JsonConverter against Kafka's wire format (reference §7.1) and Kafka's JsonConverterTest cases.

#include "core/api/decimal.h"
#include "core/api/exceptions.h"
#include "core/api/schema.h"
#include "core/api/struct.h"
#include "core/converters/jsonconverter.h"
#include "core/converters/jsonconverter_p.h"
#include "core/converters/json/jsonreader.h"
#include "core/converters/json/jsonvalue.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>

using namespace ConnectDesk;
using namespace ConnectDesk::Converters;
using Api::Schema;
using Api::SchemaAndValue;
using Api::SchemaBuilder;
using Api::Value;

Q_DECLARE_METATYPE(ConnectDesk::Api::Schema)
Q_DECLARE_METATYPE(ConnectDesk::Api::Value)

namespace {

const QString Topic = QStringLiteral("topic");

std::unique_ptr<JsonConverter> makeConverter(const Api::ConfigMap &configs = {}, bool isKey = false)
{
    auto c = std::make_unique<JsonConverter>();
    c->configure(configs, isKey);
    return c;
}

// The message of the exception of type E the call throws, or a marker when it throws nothing.
template<typename E = Api::DataException>
QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const E &e) {
        return e.message();
    }
    return QStringLiteral("<no exception>");
}

Api::Decimal decimal(const char *text)
{
    bool ok = false;
    const Api::Decimal d = Api::Decimal::fromString(QString::fromLatin1(text), &ok);
    Q_ASSERT(ok);
    return d;
}

QByteArray decimalText(const char *text)
{
    return Internal::JsonEncoder::decimalToJavaString(decimal(text));
}

Schema orderSchema()
{
    return SchemaBuilder::structBuilder()
        .name(QStringLiteral("com.acme.Order"))
        .field(QStringLiteral("id"), Schema::int64())
        .field(QStringLiteral("note"), Schema::optionalString())
        .field(QStringLiteral("amount"), Api::Logical::decimalSchema(2))
        .field(QStringLiteral("ts"), Api::Logical::timestampSchema())
        .build();
}

// The reference example of §7.1, in Kafka's member order (Jackson writes "fields" right after
// "type", since asJsonSchema puts it there before "optional" and "name").
const QByteArray OrderJson
    = R"({"schema":{"type":"struct","fields":[)"
      R"({"type":"int64","optional":false,"field":"id"},)"
      R"({"type":"string","optional":true,"field":"note"},)"
      R"({"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal",)"
      R"("version":1,"parameters":{"scale":"2"},"field":"amount"},)"
      R"({"type":"int64","optional":false,"name":"org.apache.kafka.connect.data.Timestamp",)"
      R"("version":1,"field":"ts"}],"optional":false,"name":"com.acme.Order"},)"
      R"("payload":{"id":42,"note":null,"amount":"BNI=","ts":1729800000000}})";

} // namespace

class tst_JsonConverter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<JsonConverter> m_converter;

    QByteArray write(const Schema &schema, const Value &value)
    {
        return m_converter->fromConnectData(Topic, {}, schema, value);
    }
    SchemaAndValue read(const QByteArray &bytes)
    {
        return m_converter->toConnectData(Topic, {}, bytes);
    }
    SchemaAndValue readEnvelope(const char *schemaJson, const char *payloadJson)
    {
        return read(QByteArray("{\"schema\":") + schemaJson + ",\"payload\":" + payloadJson + "}");
    }

private slots:
    void init() { m_converter = makeConverter(); }

    // --- the reference example, byte for byte ------------------------------------------------

    void referenceExampleIsByteIdentical()
    {
        auto order = Api::Struct::create(orderSchema());
        order->put(QStringLiteral("id"), Value::int64(42))
            .put(QStringLiteral("amount"), decimal("12.34"))
            .put(QStringLiteral("ts"), Api::Instant{1729800000000});
        QCOMPARE(write(orderSchema(), Value(order)), OrderJson);

        const SchemaAndValue back = read(OrderJson);
        QCOMPARE(back.schema, orderSchema());
        QCOMPARE(back.value, Value(order));
    }

    void referenceExampleAsPrintedReads()
    {
        // The text exactly as the reference prints it (other member order, whitespace).
        const QByteArray printed = R"({"schema":{"type":"struct","optional":false,"name":"com.acme.Order","fields":[
   {"type":"int64","optional":false,"field":"id"},
   {"type":"string","optional":true,"field":"note"},
   {"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,
    "parameters":{"scale":"2"},"field":"amount"},
   {"type":"int64","optional":false,"name":"org.apache.kafka.connect.data.Timestamp","version":1,"field":"ts"}]},
 "payload":{"id":42,"note":null,"amount":"BNI=","ts":1729800000000}})";
        const SchemaAndValue sv = read(printed);
        QCOMPARE(sv.schema, orderSchema());
        const auto &s = sv.value.toStruct();
        QCOMPARE(s->get(QStringLiteral("id")), Value::int64(42));
        QVERIFY(s->get(QStringLiteral("note")).isNull());
        QCOMPARE(s->get(QStringLiteral("amount")).toDecimal(), decimal("12.34"));
        QCOMPARE(s->get(QStringLiteral("ts")).toInstant().epochMs, Q_INT64_C(1729800000000));
        // And it re-serializes in Kafka's canonical form.
        QCOMPARE(write(sv.schema, sv.value), OrderJson);
    }

    void decimalBase64Example()
    {
        // 10.2345 at scale 4 → unscaled 102345 → 01 8F C9 → "AY/J".
        QCOMPARE(write(Api::Logical::decimalSchema(4), decimal("10.2345")),
                 QByteArray(R"({"schema":{"type":"bytes","optional":false,)"
                            R"("name":"org.apache.kafka.connect.data.Decimal","version":1,)"
                            R"("parameters":{"scale":"4"}},"payload":"AY/J"})"));
    }

    // --- every schema type ------------------------------------------------------------------

    void primitivesToJson_data()
    {
        QTest::addColumn<Schema>("schema");
        QTest::addColumn<Value>("value");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("boolean") << Schema::boolean() << Value(true)
                                 << QByteArray(R"({"type":"boolean","optional":false}|true)");
        QTest::newRow("int8") << Schema::int8() << Value::int8(-12)
                              << QByteArray(R"({"type":"int8","optional":false}|-12)");
        QTest::newRow("int16") << Schema::int16() << Value::int16(12345)
                               << QByteArray(R"({"type":"int16","optional":false}|12345)");
        QTest::newRow("int32") << Schema::int32() << Value::int32(-2147483647 - 1)
                               << QByteArray(R"({"type":"int32","optional":false}|-2147483648)");
        QTest::newRow("int64") << Schema::int64() << Value::int64(9007199254740993)
                               << QByteArray(R"({"type":"int64","optional":false}|9007199254740993)");
        QTest::newRow("float") << Schema::float32() << Value::float32(12.34f)
                               << QByteArray(R"({"type":"float","optional":false}|12.34)");
        QTest::newRow("double") << Schema::float64() << Value::float64(1e10)
                                << QByteArray(R"({"type":"double","optional":false}|1.0E10)");
        QTest::newRow("double 0.1") << Schema::float64() << Value::float64(0.1)
                                    << QByteArray(R"({"type":"double","optional":false}|0.1)");
        QTest::newRow("string") << Schema::optionalString()
                                << Value(QString::fromUtf8("foo \"bar\" é"))
                                << QByteArray("{\"type\":\"string\",\"optional\":true}|"
                                              "\"foo \\\"bar\\\" \xC3\xA9\"");
        QTest::newRow("bytes") << Schema::bytes() << Value(QByteArray("test-string"))
                               << QByteArray(R"({"type":"bytes","optional":false}|"dGVzdC1zdHJpbmc=")");
        QTest::newRow("empty bytes") << Schema::bytes() << Value(QByteArray(""))
                                     << QByteArray(R"({"type":"bytes","optional":false}|"")");
    }

    void primitivesToJson()
    {
        QFETCH(Schema, schema);
        QFETCH(Value, value);
        QFETCH(QByteArray, json);
        const QList<QByteArray> parts = json.split('|');
        const QByteArray expected = "{\"schema\":" + parts[0] + ",\"payload\":" + parts[1] + "}";
        QCOMPARE(write(schema, value), expected);
        const SchemaAndValue back = read(expected);
        QCOMPARE(back.schema, schema);
        QCOMPARE(back.value, value);
    }

    void primitivesToConnect()
    {
        QCOMPARE(readEnvelope(R"({ "type": "int8" })", "12").value, Value::int8(12));
        QCOMPARE(readEnvelope(R"({ "type": "int16" })", "12").value, Value::int16(12));
        QCOMPARE(readEnvelope(R"({ "type": "int32" })", "12").value, Value::int32(12));
        QCOMPARE(readEnvelope(R"({ "type": "int64" })", "4398046511104").value,
                 Value::int64(4398046511104));
        QCOMPARE(readEnvelope(R"({ "type": "float" })", "12.34").value, Value::float32(12.34f));
        QCOMPARE(readEnvelope(R"({ "type": "double" })", "12.34").value, Value::float64(12.34));
        QCOMPARE(readEnvelope(R"({ "type": "double" })", "12").value, Value::float64(12));
        QCOMPARE(readEnvelope(R"({ "type": "string" })", R"("foo-bar-baz")").value,
                 Value(QStringLiteral("foo-bar-baz")));
        // Kafka's JsonDeserializer allows leading zeros.
        QCOMPARE(readEnvelope(R"({ "type": "int32" })", "000012345").value, Value::int32(12345));
        // Numbers are narrowed like Java casts.
        QCOMPARE(readEnvelope(R"({ "type": "int8" })", "300").value, Value::int8(44));
        QCOMPARE(readEnvelope(R"({ "type": "int32" })", "1.9").value, Value::int32(1));
        QCOMPARE(readEnvelope(R"({ "type": "int64" })", "18446744073709551617").value,
                 Value::int64(1));
        // Non-finite doubles come back from Jackson's string form.
        QVERIFY(std::isnan(readEnvelope(R"({ "type": "double" })", R"("NaN")").value.toFloat64()));
    }

    void sixtyFourBitIntegersStayExact()
    {
        const qint64 big = 9007199254740993; // 2^53 + 1: a double would give ...992
        QCOMPARE(write(Schema::int64(), Value::int64(big)),
                 QByteArray(R"({"schema":{"type":"int64","optional":false},)"
                            R"("payload":9007199254740993})"));
        QCOMPARE(readEnvelope(R"({"type":"int64"})", "9007199254740993").value.toInt64(), big);
        QCOMPARE(readEnvelope(R"({"type":"int64"})", "-9223372036854775808").value.toInt64(),
                 std::numeric_limits<qint64>::min());
        QCOMPARE(readEnvelope(R"({"type":"int64"})", "9223372036854775807").value.toInt64(),
                 std::numeric_limits<qint64>::max());

        auto plain = makeConverter({{QStringLiteral("schemas.enable"), QStringLiteral("false")}});
        const SchemaAndValue sv = plain->toConnectData(Topic, {}, "9007199254740993");
        QCOMPARE(sv.value, Value::int64(big));
        QCOMPARE(plain->fromConnectData(Topic, {}, Schema(), Value::int64(big)),
                 QByteArray("9007199254740993"));
    }

    void arrays()
    {
        const Schema schema = SchemaBuilder::array(Schema::int32()).build();
        const Value value(Api::ValueList{Value::int32(1), Value::int32(2), Value::int32(3)});
        const QByteArray json = R"({"schema":{"type":"array","items":{"type":"int32",)"
                                R"("optional":false},"optional":false},"payload":[1,2,3]})";
        QCOMPARE(write(schema, value), json);
        QCOMPARE(read(json), (SchemaAndValue{schema, value}));
        QCOMPARE(readEnvelope(R"({ "type": "array", "items": { "type" : "int32" } })", "[1, 2, 3]")
                     .value,
                 value);
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"array"})", "[]"); }),
                 QStringLiteral("Array schema did not specify the element type"));
    }

    void mapsWithStringKeys()
    {
        const Schema schema = SchemaBuilder::map(Schema::string(), Schema::int32()).build();
        const Value value(Api::ValueMap{{Value(QStringLiteral("key1")), Value::int32(12)},
                                        {Value(QStringLiteral("key2")), Value::int32(15)}});
        const QByteArray json
            = R"({"schema":{"type":"map","keys":{"type":"string","optional":false},)"
              R"("values":{"type":"int32","optional":false},"optional":false},)"
              R"("payload":{"key1":12,"key2":15}})";
        QCOMPARE(write(schema, value), json);
        QCOMPARE(read(json), (SchemaAndValue{schema, value}));
    }

    void mapsWithNonStringKeys()
    {
        const Schema schema = SchemaBuilder::map(Schema::int32(), Schema::int32()).build();
        const Value value(Api::ValueMap{{Value::int32(1), Value::int32(12)},
                                        {Value::int32(2), Value::int32(15)}});
        const QByteArray json
            = R"({"schema":{"type":"map","keys":{"type":"int32","optional":false},)"
              R"("values":{"type":"int32","optional":false},"optional":false},)"
              R"("payload":[[1,12],[2,15]]})";
        QCOMPARE(write(schema, value), json);
        QCOMPARE(read(json), (SchemaAndValue{schema, value}));

        const char *mapSchema = R"({"type":"map","keys":{"type":"int32"},"values":{"type":"int32"}})";
        QCOMPARE(errorOf([&] { readEnvelope(mapSchema, R"({"1":12})"); }),
                 QStringLiteral("Maps with non-string fields should be encoded as JSON array of "
                                "tuples, but found OBJECT"));
        QCOMPARE(errorOf([&] { readEnvelope(mapSchema, "[[1,2,3]]"); }),
                 QStringLiteral("Found invalid map entry, expected length 2 but found :3"));
        QCOMPARE(errorOf([&] { readEnvelope(mapSchema, "[1]"); }),
                 QStringLiteral("Found invalid map entry instead of array tuple: NUMBER"));
        QCOMPARE(errorOf([&] {
                     readEnvelope(R"({"type":"map","keys":{"type":"string"},"values":{"type":"int32"}})",
                                  "[]");
                 }),
                 QStringLiteral("Maps with string fields should be encoded as JSON objects, but "
                                "found ARRAY"));
    }

    void nestedStructs()
    {
        const Schema inner = SchemaBuilder::structBuilder()
                                 .field(QStringLiteral("flag"), Schema::boolean())
                                 .optional()
                                 .build();
        const Schema outer = SchemaBuilder::structBuilder()
                                 .field(QStringLiteral("inner"), inner)
                                 .field(QStringLiteral("list"),
                                        SchemaBuilder::array(Schema::string()).build())
                                 .build();
        auto in = Api::Struct::create(inner);
        in->put(QStringLiteral("flag"), Value(true));
        auto out = Api::Struct::create(outer);
        out->put(QStringLiteral("inner"), Value(in))
            .put(QStringLiteral("list"), Value(Api::ValueList{Value(QStringLiteral("a"))}));
        const QByteArray json = write(outer, Value(out));
        QCOMPARE(json,
                 QByteArray(R"({"schema":{"type":"struct","fields":[{"type":"struct","fields":[)"
                            R"({"type":"boolean","optional":false,"field":"flag"}],)"
                            R"("optional":true,"field":"inner"},{"type":"array","items":)"
                            R"({"type":"string","optional":false},"optional":false,"field":"list"}],)"
                            R"("optional":false},"payload":{"inner":{"flag":true},"list":["a"]}})"));
        QCOMPARE(read(json), (SchemaAndValue{outer, Value(out)}));
    }

    void structFromKafkaTest()
    {
        const SchemaAndValue sv = read(
            R"({ "schema": { "type": "struct", "fields": [{ "field": "field1", "type": "boolean" },)"
            R"( { "field": "field2", "type": "string" }] }, "payload": { "field1": true, "field2": "string" } })");
        const Schema expected = SchemaBuilder::structBuilder()
                                    .field(QStringLiteral("field1"), Schema::boolean())
                                    .field(QStringLiteral("field2"), Schema::string())
                                    .build();
        QCOMPARE(sv.schema, expected);
        QCOMPARE(sv.value.toStruct()->get(QStringLiteral("field2")), Value(QStringLiteral("string")));
        // A missing optional field is null.
        const SchemaAndValue partial = read(
            R"({ "schema": { "type": "struct", "fields": [{ "field":"optional", "type": "string", "optional": true },)"
            R"( {  "field": "required", "type": "string" }] }, "payload": { "required": "required" } })");
        QVERIFY(partial.value.toStruct()->get(QStringLiteral("optional")).isNull());
    }

    void schemaMetadata()
    {
        QCOMPARE(readEnvelope(R"({ "type": "boolean", "optional": true })", "null"),
                 (SchemaAndValue{Schema::optionalBoolean(), Value()}));
        QCOMPARE(readEnvelope(R"({ "type": "boolean", "default": true })", "null"),
                 (SchemaAndValue{SchemaBuilder::boolean().defaultValue(true).build(), Value(true)}));
        const Schema full = SchemaBuilder::boolean()
                                .required()
                                .name(QStringLiteral("bool"))
                                .version(2)
                                .doc(QStringLiteral("the documentation"))
                                .parameter(QStringLiteral("foo"), QStringLiteral("bar"))
                                .build();
        const QByteArray json
            = R"({ "schema": { "type": "boolean", "optional": false, "name": "bool", "version": 2,)"
              R"( "doc": "the documentation", "parameters": { "foo": "bar" }}, "payload": true })";
        QCOMPARE(read(json), (SchemaAndValue{full, Value(true)}));
        QCOMPARE(write(full, Value(true)),
                 QByteArray(R"({"schema":{"type":"boolean","optional":false,"name":"bool",)"
                            R"("version":2,"doc":"the documentation","parameters":{"foo":"bar"}},)"
                            R"("payload":true})"));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"boolean","parameters":{"a":1}})", "true"); }),
                 QStringLiteral("Schema parameters must have string values."));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"optional":true})", "true"); }),
                 QStringLiteral("Schema must contain 'type' field"));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"uint8"})", "1"); }),
                 QStringLiteral("Unknown schema type: uint8"));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"struct","fields":{}})", "{}"); }),
                 QStringLiteral("Struct schema's \"fields\" argument is not an array."));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"struct","fields":[{"type":"int8"}]})", "{}"); }),
                 QStringLiteral("Struct schema's field name not specified properly"));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"map","values":{"type":"int8"}})", "[]"); }),
                 QStringLiteral("Map schema did not specify the key type"));
    }

    void schemaDefaultsAreWritten()
    {
        const Schema schema = SchemaBuilder::int32().optional().defaultValue(Value::int32(7)).build();
        QCOMPARE(write(schema, Value::int32(1)),
                 QByteArray(R"({"schema":{"type":"int32","optional":true,"default":7},"payload":1})"));
        const Schema decimalDefault = Api::Logical::decimalBuilder(2)
                                          .defaultValue(decimal("1.00"))
                                          .build();
        QCOMPARE(write(decimalDefault, decimal("12.34")),
                 QByteArray(R"({"schema":{"type":"bytes","optional":false,)"
                            R"("name":"org.apache.kafka.connect.data.Decimal","version":1,)"
                            R"("parameters":{"scale":"2"},"default":"ZA=="},"payload":"BNI="})"));
        const SchemaAndValue back = read(write(decimalDefault, decimal("12.34")));
        QCOMPARE(back.schema, decimalDefault);
    }

    // --- null handling -----------------------------------------------------------------------

    void nullsAndDefaults()
    {
        const Schema field = SchemaBuilder::string()
                                 .optional()
                                 .defaultValue(QStringLiteral("default"))
                                 .build();
        const Schema schema = SchemaBuilder::structBuilder().field(QStringLiteral("field1"), field).build();
        auto s = Api::Struct::create(schema);
        const QByteArray withDefault
            = R"({"schema":{"type":"struct","fields":[{"type":"string","optional":true,)"
              R"("default":"default","field":"field1"}],"optional":false},)"
              R"("payload":{"field1":"default"}})";
        const QByteArray withNull
            = R"({"schema":{"type":"struct","fields":[{"type":"string","optional":true,)"
              R"("default":"default","field":"field1"}],"optional":false},)"
              R"("payload":{"field1":null}})";
        QCOMPARE(write(schema, Value(s)), withDefault);
        QCOMPARE(read(withNull).value.toStruct()->getWithoutDefault(QStringLiteral("field1")),
                 Value(QStringLiteral("default")));

        auto keep = makeConverter({{QStringLiteral("replace.null.with.default"), QStringLiteral("false")}});
        QCOMPARE(keep->fromConnectData(Topic, {}, schema, Value(s)), withNull);
        QVERIFY(keep->toConnectData(Topic, {}, withNull)
                    .value.toStruct()
                    ->getWithoutDefault(QStringLiteral("field1"))
                    .isNull());
    }

    void requiredNullIsAnError()
    {
        QCOMPARE(errorOf([&] { write(Schema::int32(), Value()); }),
                 QStringLiteral("Conversion error: null value for field that is required and has "
                                "no default value"));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"int32"})", "null"); }),
                 QStringLiteral("Invalid null value for required INT32 field"));
        QCOMPARE(write(Schema::optionalInt32(), Value()),
                 QByteArray(R"({"schema":{"type":"int32","optional":true},"payload":null})"));
    }

    void tombstones()
    {
        const QByteArray bytes = write(Schema(), Value());
        QVERIFY(bytes.isNull());
        const SchemaAndValue sv = read(QByteArray());
        QVERIFY(sv.schema.isNull());
        QVERIFY(sv.value.isNull());
        auto plain = makeConverter({{QStringLiteral("schemas.enable"), QStringLiteral("false")}});
        QVERIFY(plain->fromConnectData(Topic, {}, Schema(), Value()).isNull());
        QVERIFY(plain->toConnectData(Topic, {}, QByteArray()).value.isNull());
        // Empty (not null) bytes: a missing document, null without schemas, an error with them.
        QVERIFY(plain->toConnectData(Topic, {}, QByteArray("")).value.isNull());
        QVERIFY(errorOf([&] { read(QByteArray("")); })
                    .startsWith(QStringLiteral("JsonConverter with schemas.enable")));
    }

    // --- logical types -----------------------------------------------------------------------

    void decimalFormats()
    {
        const Schema schema = Api::Logical::decimalSchema(2);
        auto numeric = makeConverter({{QStringLiteral("decimal.format"), QStringLiteral("numeric")}});
        QCOMPARE(numeric->decimalFormat(), JsonConverter::DecimalFormat::Numeric);
        const QByteArray json = numeric->fromConnectData(Topic, {}, schema, decimal("-12.34"));
        QCOMPARE(json, QByteArray(R"({"schema":{"type":"bytes","optional":false,)"
                                  R"("name":"org.apache.kafka.connect.data.Decimal","version":1,)"
                                  R"("parameters":{"scale":"2"}},"payload":-12.34})"));
        // Either converter reads either representation.
        QCOMPARE(numeric->toConnectData(Topic, {}, json).value.toDecimal(), decimal("-12.34"));
        QCOMPARE(read(json).value.toDecimal(), decimal("-12.34"));
        QCOMPARE(numeric->toConnectData(Topic, {}, write(schema, decimal("-12.34"))).value.toDecimal(),
                 decimal("-12.34"));
        QVERIFY(write(schema, decimal("-0.01")).endsWith(R"("payload":"/w=="})"));
        QVERIFY(write(schema, decimal("0.00")).endsWith(R"("payload":"AA=="})"));
        QCOMPARE(readEnvelope(R"({"type":"bytes","name":"org.apache.kafka.connect.data.Decimal",)"
                              R"("parameters":{"scale":"2"}})",
                              "5")
                     .value.toDecimal(),
                 Api::Decimal::fromInt64(5, 0));
    }

    void numericDecimalsUseJavaToString()
    {
        QCOMPARE(decimalText("12.34"), QByteArray("12.34"));
        QCOMPARE(decimalText("0.0000001"), QByteArray("1E-7"));
        QCOMPARE(decimalText("0.000001"), QByteArray("0.000001"));
        QCOMPARE(decimalText("1E+3"), QByteArray("1E+3"));
        QCOMPARE(decimalText("-1.5E+5"), QByteArray("-1.5E+5"));
        QCOMPARE(decimalText("0.00"), QByteArray("0.00"));
        QCOMPARE(decimalText("123456789012345678901234567890.5"),
                 QByteArray("123456789012345678901234567890.5"));
    }

    void decimalErrors()
    {
        const Schema schema = Api::Logical::decimalSchema(2);
        QCOMPARE(errorOf([&] { write(schema, decimal("1.5")); }),
                 QStringLiteral("Decimal value has mismatching scale for given Decimal schema. "
                                "Schema has scale 2, value has scale 1."));
        QCOMPARE(errorOf([&] { write(schema, Value(QStringLiteral("1.5"))); }),
                 QStringLiteral("Invalid type for Decimal, expected BigDecimal but was class "
                                "java.lang.String"));
        const char *s = R"({"type":"bytes","name":"org.apache.kafka.connect.data.Decimal","parameters":{"scale":"2"}})";
        QCOMPARE(errorOf([&] { readEnvelope(s, R"("not base64!")"); }),
                 QStringLiteral("Invalid bytes for Decimal field"));
        QCOMPARE(errorOf([&] { readEnvelope(s, "true"); }),
                 QStringLiteral("Invalid type for Decimal, underlying representation should be "
                                "numeric or bytes but was BOOLEAN"));
    }

    void dateTimeTimestamp()
    {
        const qint64 day = 24 * 3600 * 1000;
        QCOMPARE(write(Api::Logical::dateSchema(), Api::Instant{19000 * day}),
                 QByteArray(R"({"schema":{"type":"int32","optional":false,)"
                            R"("name":"org.apache.kafka.connect.data.Date","version":1},"payload":19000})"));
        QVERIFY(write(Api::Logical::timeSchema(), Api::Instant{3600000})
                    .endsWith("\"payload\":3600000}"));
        QCOMPARE(read(write(Api::Logical::timeSchema(), Api::Instant{3600000})).value,
                 Value(Api::Instant{3600000}));
        QCOMPARE(read(write(Api::Logical::dateSchema(), Api::Instant{-day})).value,
                 Value(Api::Instant{-day}));
        QCOMPARE(read(write(Api::Logical::timestampSchema(), Api::Instant{-1})).value,
                 Value(Api::Instant{-1}));

        QCOMPARE(errorOf([&] { write(Api::Logical::dateSchema(), Api::Instant{day + 1}); }),
                 QStringLiteral("Kafka Connect Date type should not have any time fields set to "
                                "non-zero values."));
        QCOMPARE(errorOf([&] { write(Api::Logical::timeSchema(), Api::Instant{2 * day}); }),
                 QStringLiteral("Kafka Connect Time type should not have any date fields set to "
                                "non-zero values."));
        QCOMPARE(errorOf([&] { write(Api::Logical::timestampSchema(), Value::int64(5)); }),
                 QStringLiteral("Invalid type for Timestamp, expected Date but was class "
                                "java.lang.Long"));
        const char *date = R"({"type":"int32","name":"org.apache.kafka.connect.data.Date"})";
        QCOMPARE(errorOf([&] { readEnvelope(date, "1.5"); }),
                 QStringLiteral("Invalid type for Date, underlying representation should be "
                                "integer but was NUMBER"));
        const char *time = R"({"type":"int32","name":"org.apache.kafka.connect.data.Time"})";
        QCOMPARE(errorOf([&] { readEnvelope(time, "86400001"); }),
                 QStringLiteral("Time values must use number of milliseconds greater than 0 and "
                                "less than 86400000"));
        const char *ts = R"({"type":"int64","name":"org.apache.kafka.connect.data.Timestamp"})";
        QCOMPARE(errorOf([&] { readEnvelope(ts, R"("x")"); }),
                 QStringLiteral("Invalid type for Timestamp, underlying representation should be "
                                "integral but was STRING"));
    }

    // --- schemaless ---------------------------------------------------------------------------

    void schemalessRead()
    {
        auto plain = makeConverter({{QStringLiteral("schemas.enable"), QStringLiteral("false")}});
        const SchemaAndValue sv = plain->toConnectData(
            Topic, {},
            R"({"b":true,"i":12,"f":12.5,"s":"x","a":[1,"two",null],"m":{"k":{}},"n":null})");
        QVERIFY(sv.schema.isNull());
        const Api::ValueMap &m = sv.value.toMap();
        QCOMPARE(m.size(), size_t(7));
        QCOMPARE(sv.value.mapValue(QStringLiteral("b")), Value(true));
        QCOMPARE(sv.value.mapValue(QStringLiteral("i")), Value::int64(12));
        QCOMPARE(sv.value.mapValue(QStringLiteral("f")), Value::float64(12.5));
        QCOMPARE(sv.value.mapValue(QStringLiteral("s")), Value(QStringLiteral("x")));
        QCOMPARE(sv.value.mapValue(QStringLiteral("a")),
                 Value(Api::ValueList{Value::int64(1), Value(QStringLiteral("two")), Value()}));
        QCOMPARE(sv.value.mapValue(QStringLiteral("m")),
                 Value(Api::ValueMap{{Value(QStringLiteral("k")), Value(Api::ValueMap{})}}));
        QVERIFY(sv.value.mapValue(QStringLiteral("n")).isNull());
        QCOMPARE(plain->toConnectData(Topic, {}, "null").value, Value());
        QCOMPARE(plain->toConnectData(Topic, {}, "1e2").value, Value::float64(100));
    }

    void schemalessWrite()
    {
        auto plain = makeConverter({{QStringLiteral("schemas.enable"), QStringLiteral("false")}});
        const Value stringKeys(Api::ValueMap{{Value(QStringLiteral("a")), Value::int32(1)},
                                             {Value(QStringLiteral("b")), Value::float32(1.5f)}});
        QCOMPARE(plain->fromConnectData(Topic, {}, Schema(), stringKeys),
                 QByteArray(R"({"a":1,"b":1.5})"));
        const Value mixedKeys(Api::ValueMap{{Value(QStringLiteral("a")), Value(true)},
                                            {Value::int64(2), Value(QByteArray("\x01"))}});
        QCOMPARE(plain->fromConnectData(Topic, {}, Schema(), mixedKeys),
                 QByteArray(R"([["a",true],[2,"AQ=="]])"));
        QCOMPARE(plain->fromConnectData(Topic, {}, Schema(),
                                        Value(Api::ValueList{Value(), Value::int8(1)})),
                 QByteArray("[null,1]"));
        // With the envelope, the schema is null.
        QCOMPARE(write(Schema(), Value(QStringLiteral("x"))),
                 QByteArray(R"({"schema":null,"payload":"x"})"));
        QCOMPARE(readEnvelope("null", R"({"k":[1.5]})").value,
                 Value(Api::ValueMap{{Value(QStringLiteral("k")),
                                      Value(Api::ValueList{Value::float64(1.5)})}}));
        QCOMPARE(errorOf([&] { plain->fromConnectData(Topic, {}, Schema(), decimal("1.5")); }),
                 QStringLiteral("Java class class java.math.BigDecimal does not have "
                                "corresponding schema type."));
    }

    // --- malformed input ------------------------------------------------------------------------

    void malformedJson()
    {
        try {
            read("{\"schema\": {\"type\": \"int32\"}, \"payload\": 1");
            QFAIL("no exception");
        } catch (const Api::DataException &e) {
            QCOMPARE(e.message(), QStringLiteral("Converting byte[] to Kafka Connect data failed "
                                                 "due to serialization error: "));
            QVERIFY(e.causeText().startsWith(
                QStringLiteral("org.apache.kafka.common.errors.SerializationException: ")));
        }
        QVERIFY(errorOf([&] { read("not json"); }).startsWith(QStringLiteral("Converting byte[]")));
    }

    void envelopeIsRequired()
    {
        const QString expected = QStringLiteral(
            "JsonConverter with schemas.enable requires \"schema\" and \"payload\" fields and may "
            "not contain additional fields. If you are trying to deserialize plain JSON data, set "
            "schemas.enable=false in your converter configuration.");
        QCOMPARE(errorOf([&] { read(R"({"schema":null})"); }), expected);
        QCOMPARE(errorOf([&] { read(R"({"payload":1})"); }), expected);
        QCOMPARE(errorOf([&] { read(R"({"schema":null,"payload":1,"extra":2})"); }), expected);
        QCOMPARE(errorOf([&] { read(R"({"schema":null,"extra":2})"); }), expected);
        QCOMPARE(errorOf([&] { read("[1,2]"); }), expected);
        QCOMPARE(errorOf([&] { read("12"); }), expected);
    }

    void wrongPayloadTypes()
    {
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"int32"})", R"("12")"); }),
                 QStringLiteral("Invalid type for INT32: expected a JSON number but found STRING"));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"boolean"})", "1"); }),
                 QStringLiteral("Invalid type for BOOLEAN: expected a JSON boolean but found NUMBER"));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"bytes"})", R"("%%%")"); }),
                 QStringLiteral("Invalid bytes field"));
        QCOMPARE(errorOf([&] { readEnvelope(R"({"type":"struct","fields":[]})", "[]"); }),
                 QStringLiteral("Structs should be encoded as JSON objects, but found ARRAY"));
    }

    void wrongValueTypes()
    {
        QCOMPARE(errorOf([&] { write(Schema::int32(), Value::int64(1)); }),
                 QStringLiteral("Invalid type for INT32: class java.lang.Long"));
        QCOMPARE(errorOf([&] { write(Schema::string(), Value::int32(1)); }),
                 QStringLiteral("Invalid type for STRING: class java.lang.Integer"));
        QCOMPARE(errorOf([&] { write(Schema::bytes(), Value(QStringLiteral("x"))); }),
                 QStringLiteral("Invalid type for bytes type: class java.lang.String"));
        const Schema a = SchemaBuilder::structBuilder().field(QStringLiteral("x"), Schema::int8()).build();
        const Schema b = SchemaBuilder::structBuilder().field(QStringLiteral("y"), Schema::int8()).build();
        auto s = Api::Struct::create(a);
        s->put(QStringLiteral("x"), Value::int8(1));
        QCOMPARE(errorOf([&] { write(b, Value(s)); }), QStringLiteral("Mismatching schema."));
    }

    void trailingContentIsIgnoredLikeJackson()
    {
        QCOMPARE(read(R"({"schema":{"type":"int32"},"payload":5} trailing)").value, Value::int32(5));
    }

    // --- configuration, caches, headers ---------------------------------------------------------

    void configuration()
    {
        const Api::ConfigDef def = JsonConverter::configDef();
        QCOMPARE(def.names(),
                 (QStringList{QStringLiteral("converter.type"), QStringLiteral("schemas.enable"),
                              QStringLiteral("schemas.cache.size"), QStringLiteral("decimal.format"),
                              QStringLiteral("replace.null.with.default")}));
        QVERIFY(m_converter->schemasEnabled());
        QCOMPARE(m_converter->schemaCacheSize(), 1000);
        QVERIFY(m_converter->replaceNullWithDefault());
        QCOMPARE(m_converter->decimalFormat(), JsonConverter::DecimalFormat::Base64);

        JsonConverter c;
        QVERIFY(errorOf<Api::ConfigException>([&] {
                    c.configure({{QStringLiteral("decimal.format"), QStringLiteral("HEX")}}, false);
                }) != QStringLiteral("<no exception>"));
        // As a header converter the framework sets converter.type=header; without it, Kafka's
        // ConverterConfig rejects the config.
        QVERIFY(errorOf<Api::ConfigException>([&] {
                    static_cast<Api::HeaderConverter &>(c).configure({});
                }).contains(QStringLiteral("converter.type")));
        static_cast<Api::HeaderConverter &>(c).configure(
            {{QStringLiteral("converter.type"), QStringLiteral("header")},
             {QStringLiteral("schemas.enable"), QStringLiteral("false")}});
        QVERIFY(!c.schemasEnabled());
        QCOMPARE(c.version(), QStringLiteral("4.0.0"));
    }

    void schemaCaches()
    {
        const Schema schema = orderSchema();
        auto order = Api::Struct::create(schema);
        order->put(QStringLiteral("id"), Value::int64(1))
            .put(QStringLiteral("amount"), decimal("0.00"))
            .put(QStringLiteral("ts"), Api::Instant{0});
        const QByteArray first = write(schema, Value(order));
        QCOMPARE(write(schema, Value(order)), first);
        QCOMPARE(m_converter->fromConnectSchemaCacheSize(), 1);
        read(first);
        read(first);
        QCOMPARE(m_converter->toConnectSchemaCacheSize(), 1);

        auto uncached = makeConverter({{QStringLiteral("schemas.cache.size"), QStringLiteral("0")}});
        QCOMPARE(uncached->fromConnectData(Topic, {}, schema, Value(order)), first);
        QCOMPARE(uncached->toConnectData(Topic, {}, first).value, Value(order));
        QCOMPARE(uncached->fromConnectSchemaCacheSize(), 0);
    }

    void jsonSchemaApi()
    {
        const JsonValue json = m_converter->asJsonSchema(Schema::optionalInt64());
        QCOMPARE(json[u"type"].toString(), QStringLiteral("int64"));
        QVERIFY(json[u"optional"].toBool());
        QCOMPARE(m_converter->asConnectSchema(json), Schema::optionalInt64());
        QVERIFY(m_converter->asJsonSchema(Schema()).isNull());
        QVERIFY(m_converter->asConnectSchema(JsonValue()).isNull());
    }

    void headerConversion()
    {
        Api::HeaderConverter &h = *m_converter;
        const QByteArray bytes = h.fromConnectHeader(Topic, QStringLiteral("k"), Schema::string(),
                                                     Value(QStringLiteral("v")));
        QCOMPARE(bytes, QByteArray(R"({"schema":{"type":"string","optional":false},"payload":"v"})"));
        QCOMPARE(h.toConnectHeader(Topic, QStringLiteral("k"), bytes),
                 (SchemaAndValue{Schema::string(), Value(QStringLiteral("v"))}));
    }
};

QTEST_GUILESS_MAIN(tst_JsonConverter)
#include "tst_jsonconverter.moc"
