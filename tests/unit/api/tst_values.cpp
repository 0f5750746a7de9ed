// SPDX-License-Identifier: Apache-2.0
#include "core/api/exceptions.h"
#include "core/api/schema.h"
#include "core/api/struct.h"
#include "core/api/values.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace ConnectDesk::Api;

namespace {

constexpr qint64 Day = 86400000;
constexpr qint64 Aug23 = 1566518400000;       // 2019-08-23T00:00:00Z
constexpr qint64 Aug23Ts = 1566570894346;     // 2019-08-23T14:34:54.346Z
constexpr qint64 TimeOfDay = 52494346;        // 14:34:54.346

template<typename F>
QString dataError(F f)
{
    try {
        f();
    } catch (const DataException &e) {
        return e.message();
    }
    return QStringLiteral("<no exception>");
}

Value list(std::initializer_list<Value> values)
{
    return Value(ValueList(values));
}

} // namespace

class tst_Values : public QObject
{
    Q_OBJECT

private slots:
    void parseNullAndEmpty();
    void parseLiterals();
    void parseIntegers_data();
    void parseIntegers();
    void parseFractions();
    void parseBigNumbersAsDecimal();
    void parseStringsThatAreNotValues_data();
    void parseStringsThatAreNotValues();
    void parseArrays();
    void parseMaps();
    void parseMixedTypesHaveNoElementSchema();
    void parseNested();
    void parseTemporal();
    void parseTemporalInCollections();
    void keepsTrailingText();
    void convertToStringFormats();
    void convertToStringTemporal();
    void convertToStringStruct();
    void roundTrips();
    void convertToBoolean();
    void convertToIntegers();
    void convertToFloats();
    void convertLogicalToNumbers();
    void convertToListAndMap();
    void convertToTemporal();
    void convertToDecimal();
    void inferSchema();
};

void tst_Values::parseNullAndEmpty()
{
    QCOMPARE(Values::parseString(QString()), SchemaAndValue());
    QCOMPARE(Values::parseString(QStringLiteral("")),
             (SchemaAndValue{Schema::string(), Value("")}));
    QCOMPARE(Values::parseString(QStringLiteral("null")), SchemaAndValue());
    QCOMPARE(Values::parseString(QStringLiteral("  null \n")), SchemaAndValue());
    QCOMPARE(Values::parseString(QStringLiteral("   ")),
             (SchemaAndValue{Schema::string(), Value("   ")}));
}

void tst_Values::parseLiterals()
{
    QCOMPARE(Values::parseString(QStringLiteral("true")),
             (SchemaAndValue{Schema::boolean(), Value(true)}));
    QCOMPARE(Values::parseString(QStringLiteral(" false\t")),
             (SchemaAndValue{Schema::boolean(), Value(false)}));
    QCOMPARE(Values::parseString(QStringLiteral("true}")),
             (SchemaAndValue{Schema::string(), Value("true}")}));
    QCOMPARE(Values::parseString(QStringLiteral("false]")),
             (SchemaAndValue{Schema::string(), Value("false]")}));
    QCOMPARE(Values::parseString(QStringLiteral("null=")),
             (SchemaAndValue{Schema::string(), Value("null=")}));
    QCOMPARE(Values::parseString(QStringLiteral("hello world")),
             (SchemaAndValue{Schema::string(), Value("hello world")}));
}

void tst_Values::parseIntegers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Schema>("schema");
    QTest::addColumn<Value>("value");
    QTest::newRow("127") << "127" << Schema::int8() << Value::int8(127);
    QTest::newRow("-128") << "-128" << Schema::int8() << Value::int8(-128);
    QTest::newRow("+5") << "+5" << Schema::int8() << Value::int8(5);
    QTest::newRow("128") << "128" << Schema::int16() << Value::int16(128);
    QTest::newRow("-32768") << "-32768" << Schema::int16() << Value::int16(-32768);
    QTest::newRow("32768") << "32768" << Schema::int32() << Value::int32(32768);
    QTest::newRow("2147483648") << "2147483648" << Schema::int64() << Value::int64(2147483648LL);
    QTest::newRow("long max") << "9223372036854775807" << Schema::int64()
                              << Value::int64(std::numeric_limits<qint64>::max());
    QTest::newRow("long min") << "-9223372036854775808" << Schema::int64()
                              << Value::int64(std::numeric_limits<qint64>::min());
    // Integral values with a fraction or exponent are integers too.
    QTest::newRow("1.0") << "1.0" << Schema::int8() << Value::int8(1);
    QTest::newRow("300.0") << "300.0" << Schema::int16() << Value::int16(300);
    QTest::newRow("66000.0") << "66000.0" << Schema::int32() << Value::int32(66000);
    QTest::newRow("1E+3") << "1E+3" << Schema::int16() << Value::int16(1000);
    QTest::newRow("0.000") << "0.000" << Schema::int8() << Value::int8(0);
    // Ten and thirteen digits are numbers, not dates or times.
    QTest::newRow("1234567890") << "1234567890" << Schema::int32() << Value::int32(1234567890);
    QTest::newRow("epoch ms") << "1700000000000" << Schema::int64()
                              << Value::int64(1700000000000LL);
}

void tst_Values::parseIntegers()
{
    QFETCH(QString, text);
    QFETCH(Schema, schema);
    QFETCH(Value, value);
    const SchemaAndValue parsed = Values::parseString(text);
    QCOMPARE(parsed.schema, schema);
    QCOMPARE(parsed.value, value);
}

void tst_Values::parseFractions()
{
    QCOMPARE(Values::parseString(QStringLiteral("1.1")),
             (SchemaAndValue{Schema::float32(), Value::float32(1.1f)}));
    QCOMPARE(Values::parseString(QStringLiteral("300.01")),
             (SchemaAndValue{Schema::float32(), Value::float32(300.01f)}));
    QCOMPARE(Values::parseString(QStringLiteral("-0.5")),
             (SchemaAndValue{Schema::float32(), Value::float32(-0.5f)}));
    QCOMPARE(Values::parseString(QStringLiteral("3.4028235E38")),
             (SchemaAndValue{Schema::float32(),
                             Value::float32(std::numeric_limits<float>::max())}));
    QCOMPARE(Values::parseString(QStringLiteral("1.7976931348623157E308")),
             (SchemaAndValue{Schema::float64(),
                             Value::float64(std::numeric_limits<double>::max())}));
    QCOMPARE(Values::parseString(QStringLiteral("-1.7976931348623157E308")).value,
             Value::float64(-std::numeric_limits<double>::max()));
}

void tst_Values::parseBigNumbersAsDecimal()
{
    const SchemaAndValue big = Values::parseString(QStringLiteral("9223372036854775808"));
    QCOMPARE(big.schema, Logical::decimalSchema(0));
    QCOMPARE(big.value, Value(Decimal::fromString(u"9223372036854775808")));
    const SchemaAndValue small = Values::parseString(QStringLiteral("-9223372036854775809"));
    QCOMPARE(small.schema, Logical::decimalSchema(0));
    QCOMPARE(small.value.toDecimal().toPlainString(), QStringLiteral("-9223372036854775809"));
    // Too large for a double too: a Decimal with the literal's scale.
    const SchemaAndValue huge = Values::parseString(QStringLiteral("1E+400"));
    QCOMPARE(huge.schema, Logical::decimalSchema(-400));
    QCOMPARE(huge.value.toDecimal().toString(), QStringLiteral("1E+400"));
}

void tst_Values::parseStringsThatAreNotValues_data()
{
    QTest::addColumn<QString>("text");
    for (const char *s : {"{foo: 3}", "{3: foo}", "[foo]", "{6:9 4:20}", "[0 1 2]", "{null: 3}",
                          "[1, null]", "[null, 1]", "[1, 2, 3,,,]", "[1, 2", "{\"a\":1",
                          ".5", "12abc", "2019-13", "abc:def", "\xef\xbf\xbf"}) {
        QTest::newRow(s) << QString::fromUtf8(s);
    }
}

void tst_Values::parseStringsThatAreNotValues()
{
    QFETCH(QString, text);
    QCOMPARE(Values::parseString(text), (SchemaAndValue{Schema::string(), Value(text)}));
}

void tst_Values::parseArrays()
{
    SchemaAndValue r = Values::parseString(QStringLiteral("[]"));
    QCOMPARE(r.schema.type(), SchemaType::Array);
    QCOMPARE(r.value, Value(ValueList{}));

    r = Values::parseString(QStringLiteral("[true, false]"));
    QCOMPARE(r.schema, SchemaBuilder::array(Schema::boolean()).build());
    QCOMPARE(r.value, list({Value(true), Value(false)}));

    // Numbers widen to the largest element type.
    r = Values::parseString(QStringLiteral("[1, 2, 32768]"));
    QCOMPARE(r.schema, SchemaBuilder::array(Schema::int32()).build());
    QCOMPARE(r.value, list({Value::int32(1), Value::int32(2), Value::int32(32768)}));
    r = Values::parseString(QStringLiteral("[1, 2.5]"));
    QCOMPARE(r.schema.valueSchema(), Schema::float32());
    QCOMPARE(r.value, list({Value::float32(1), Value::float32(2.5f)}));

    r = Values::parseString(QStringLiteral("[null]"));
    QCOMPARE(r.schema.type(), SchemaType::Array);
    QVERIFY(r.schema.valueSchema().isNull());
    QCOMPARE(r.value, list({Value()}));

    r = Values::parseString(QStringLiteral("[\"a\", \"b c\"]"));
    QCOMPARE(r.schema, SchemaBuilder::array(Schema::string()).build());
    QCOMPARE(r.value, list({Value("a"), Value("b c")}));
}

void tst_Values::parseMaps()
{
    SchemaAndValue r = Values::parseString(QStringLiteral("{}"));
    QCOMPARE(r.schema.type(), SchemaType::Map);
    QCOMPARE(r.value, Value(ValueMap{}));

    r = Values::parseString(QStringLiteral("{ \"foo\" : \"123\", \n\"bar\" : \"baz\" } "));
    QCOMPARE(r.schema, SchemaBuilder::map(Schema::string(), Schema::string()).build());
    QCOMPARE(r.value, Value(ValueMap{{Value("foo"), Value("123")}, {Value("bar"), Value("baz")}}));
    QCOMPARE(r.value.toMap().front().first, Value("foo")); // insertion order kept

    r = Values::parseString(QStringLiteral("{\"foo\":12345,\"bar\":0,\"baz\":-4321}"));
    QCOMPARE(r.schema, SchemaBuilder::map(Schema::string(), Schema::int16()).build());
    QCOMPARE(r.value.mapValue(QStringLiteral("bar")), Value::int16(0));

    r = Values::parseString(QStringLiteral("{true: false, false: true}"));
    QCOMPARE(r.schema, SchemaBuilder::map(Schema::boolean(), Schema::boolean()).build());

    r = Values::parseString(QStringLiteral("{3: null}"));
    QCOMPARE(r.schema.keySchema(), Schema::int8());
    QVERIFY(r.schema.valueSchema().isNull());
    QCOMPARE(r.value, Value(ValueMap{{Value::int8(3), Value()}}));
}

void tst_Values::parseMixedTypesHaveNoElementSchema()
{
    SchemaAndValue r = Values::parseString(QStringLiteral("[1, 2, 300, \"four\"]"));
    QCOMPARE(r.schema.type(), SchemaType::Array);
    QVERIFY(r.schema.valueSchema().isNull());
    QCOMPARE(r.value, list({Value::int8(1), Value::int8(2), Value::int16(300), Value("four")}));

    r = Values::parseString(QStringLiteral("{1:1, 2:1, 300:300, \"four\":1}"));
    QVERIFY(r.schema.keySchema().isNull());
    QVERIFY(r.schema.valueSchema().isNull());
    QCOMPARE(r.value, Value(ValueMap{{Value::int8(1), Value::int8(1)},
                                     {Value::int8(2), Value::int8(1)},
                                     {Value::int16(300), Value::int16(300)},
                                     {Value("four"), Value::int8(1)}}));

    // Keys agree (widened to INT16), values do not.
    r = Values::parseString(QStringLiteral("{1:1, 2:1, 300:300, 4:\"four\"}"));
    QCOMPARE(r.schema.keySchema(), Schema::int16());
    QVERIFY(r.schema.valueSchema().isNull());
    QCOMPARE(r.value, Value(ValueMap{{Value::int16(1), Value::int8(1)},
                                     {Value::int16(2), Value::int8(1)},
                                     {Value::int16(300), Value::int16(300)},
                                     {Value::int16(4), Value("four")}}));
}

void tst_Values::parseNested()
{
    SchemaAndValue r = Values::parseString(QStringLiteral("[[]]"));
    QCOMPARE(r.schema.valueSchema().type(), SchemaType::Array);
    r = Values::parseString(QStringLiteral("[{}]"));
    QCOMPARE(r.schema.valueSchema().type(), SchemaType::Map);
    r = Values::parseString(QStringLiteral("{\"a\":{}}"));
    QCOMPARE(r.schema.valueSchema().type(), SchemaType::Map);
    r = Values::parseString(QStringLiteral("{\"a\":[1,2]}"));
    QCOMPARE(r.schema.valueSchema().type(), SchemaType::Array);
    QCOMPARE(r.value.mapValue(QStringLiteral("a")), list({Value::int8(1), Value::int8(2)}));
}

void tst_Values::parseTemporal()
{
    QCOMPARE(Values::parseString(QStringLiteral("2019-08-23T14:34:54.346Z")),
             (SchemaAndValue{Logical::timestampSchema(), Value(Instant{Aug23Ts})}));
    QCOMPARE(Values::parseString(QStringLiteral("2019-08-23T14\\:34\\:54.346Z")),
             (SchemaAndValue{Logical::timestampSchema(), Value(Instant{Aug23Ts})}));
    QCOMPARE(Values::parseString(QStringLiteral("2019-08-23")),
             (SchemaAndValue{Logical::dateSchema(), Value(Instant{Aug23})}));
    QCOMPARE(Values::parseString(QStringLiteral("14:34:54.346Z")),
             (SchemaAndValue{Logical::timeSchema(), Value(Instant{TimeOfDay})}));
    QCOMPARE(Values::parseString(QStringLiteral("14\\:34\\:54.346Z")),
             (SchemaAndValue{Logical::timeSchema(), Value(Instant{TimeOfDay})}));
    QCOMPARE(Values::parseString(QStringLiteral("1969-12-31")).value, Value(Instant{-Day}));
}

void tst_Values::parseTemporalInCollections()
{
    SchemaAndValue r = Values::parseString(QStringLiteral("[2019-08-23]"));
    QCOMPARE(r.schema.valueSchema(), Logical::dateSchema());
    QCOMPARE(r.value, list({Value(Instant{Aug23})}));

    r = Values::parseString(QStringLiteral("[14:34:54.346Z]"));
    QCOMPARE(r.schema.valueSchema(), Logical::timeSchema());

    r = Values::parseString(QStringLiteral(
        "[2019-08-23T14:34:54.346Z,2019-01-23T15:12:34.567Z,   2019-08-23T14:34:54.346Z]"));
    QCOMPARE(r.schema.valueSchema(), Logical::timestampSchema());
    QCOMPARE(r.value, list({Value(Instant{Aug23Ts}), Value(Instant{1548256354567}),
                            Value(Instant{Aug23Ts})}));

    // Quoted or not, a time in a map is a Time.
    for (const QString &text : {QStringLiteral("{\"k1\":\"14:34:54.346Z\"}"),
                                QStringLiteral("{\"k1\":14:34:54.346Z}")}) {
        r = Values::parseString(text);
        QCOMPARE(r.schema, SchemaBuilder::map(Schema::string(), Logical::timeSchema()).build());
        QCOMPARE(r.value, Value(ValueMap{{Value("k1"), Value(Instant{TimeOfDay})}}));
    }
}

void tst_Values::keepsTrailingText()
{
    // Kafka would read these as 1, 10 and [1]; ConnectDesk keeps the whole text.
    for (const char *s : {"1,2", "10:20", "[1] x", "{\"a\":1}}", "2019-08-23 extra"}) {
        QCOMPARE(Values::parseString(QString::fromLatin1(s)),
                 (SchemaAndValue{Schema::string(), Value(s)}));
    }
    // Trailing whitespace is fine.
    QCOMPARE(Values::parseString(QStringLiteral("[1] ")).schema.type(), SchemaType::Array);
}

void tst_Values::convertToStringFormats()
{
    QVERIFY(Values::convertToString(Schema(), Value()).isNull());
    QCOMPARE(Values::convertToString(Schema::string(), Value("a \"q\"")),
             QStringLiteral("a \"q\""));
    QCOMPARE(Values::convertToString(Schema(), Value(42)), QStringLiteral("42"));
    QCOMPARE(Values::convertToString(Schema(), Value::int8(-1)), QStringLiteral("-1"));
    QCOMPARE(Values::convertToString(Schema(), Value(true)), QStringLiteral("true"));
    QCOMPARE(Values::convertToString(Schema(), Value::float32(1.5f)), QStringLiteral("1.5"));
    QCOMPARE(Values::convertToString(Schema(), Value(1e7)), QStringLiteral("1.0E7"));
    QCOMPARE(Values::convertToString(Schema(), Value(QByteArray("hi"))), QStringLiteral("aGk="));
    QCOMPARE(Values::convertToString(Schema(), Value(Decimal::fromString(u"12.34"))),
             QStringLiteral("12.34"));
    QCOMPARE(Values::convertToString(Schema(), Value(Decimal::fromString(u"1E+3"))),
             QStringLiteral("1E+3"));
    QCOMPARE(Values::convertToString(Schema(), list({Value(1), Value(2)})),
             QStringLiteral("[1,2]"));
    QCOMPARE(Values::convertToString(Schema(),
                                     list({Value("a"), Value("b\"c\\d"), Value(),
                                           Value(QByteArray("hi"))})),
             QStringLiteral("[\"a\",\"b\\\"c\\\\d\",null,\"aGk=\"]"));
    QCOMPARE(Values::convertToString(Schema(),
                                     Value(ValueMap{{Value("k"), Value(1)},
                                                    {Value(2), list({Value(true)})}})),
             QStringLiteral("{\"k\":1,2:[true]}"));
}

void tst_Values::convertToStringTemporal()
{
    QCOMPARE(Values::convertToString(Logical::timeSchema(), Value(Instant{0})),
             QStringLiteral("00:00:00.000Z"));
    QCOMPARE(Values::convertToString(Logical::timeSchema(), Value(Instant{TimeOfDay})),
             QStringLiteral("14:34:54.346Z"));
    QCOMPARE(Values::convertToString(Logical::dateSchema(), Value(Instant{Aug23})),
             QStringLiteral("2019-08-23"));
    QCOMPARE(Values::convertToString(Logical::timestampSchema(), Value(Instant{Aug23Ts})),
             QStringLiteral("2019-08-23T14:34:54.346Z"));
    // Anything below one day after the epoch prints as a time, negative values included.
    QCOMPARE(Values::convertToString(Schema(), Value(Instant{-1})),
             QStringLiteral("23:59:59.999Z"));
    QCOMPARE(Values::convertToString(Schema(), Value(Instant{-Day})),
             QStringLiteral("00:00:00.000Z"));
    QCOMPARE(Values::convertToString(Schema(), Value(Instant{Day})), QStringLiteral("1970-01-02"));
    // Not quoted inside collections.
    QCOMPARE(Values::convertToString(Schema(), list({Value(Instant{Aug23})})),
             QStringLiteral("[2019-08-23]"));
}

void tst_Values::convertToStringStruct()
{
    const Schema schema = SchemaBuilder::structBuilder()
                              .field(QStringLiteral("a"), Schema::int32())
                              .field(QStringLiteral("b"), Schema::optionalString())
                              .field(QStringLiteral("c"),
                                     SchemaBuilder::int64().defaultValue(Value(qint64(9))).build())
                              .build();
    StructPtr s = Struct::create(schema);
    s->put(QStringLiteral("a"), 1);
    QCOMPARE(Values::convertToString(schema, Value(s)),
             QStringLiteral("{\"a\":1,\"b\":null,\"c\":9}"));
    s->put(QStringLiteral("b"), Value("x\"y"));
    QCOMPARE(Values::convertToString(schema, Value(s)),
             QStringLiteral("{\"a\":1,\"b\":\"x\\\"y\",\"c\":9}"));
}

void tst_Values::roundTrips()
{
    const Value values[] = {
        list({Value("plain"), Value("with \"quotes\""), Value("back\\slash"),
              Value("delims: {}[],"), Value(" "), Value("")}),
        Value(ValueMap{{Value("k"), Value::int16(1000)}, {Value("k2"), Value::int16(-3)}}),
        list({Value(Instant{Aug23Ts}), Value(Instant{Aug23})}),
        list({list({Value::int8(1)}), list({Value::int8(2), Value::int8(3)})}),
        Value(true),
        Value::int64(std::numeric_limits<qint64>::max()),
        Value::float32(0.1f),
    };
    for (const Value &v : values) {
        const QString text = Values::convertToString(Schema(), v);
        const SchemaAndValue back = Values::parseString(text);
        QVERIFY2(back.value == v, qPrintable(text));
    }
}

void tst_Values::convertToBoolean()
{
    QCOMPARE(Values::convertToBoolean(Schema(), Value()), std::optional<bool>());
    QCOMPARE(Values::convertToBoolean(Schema(), Value(true)), std::optional(true));
    QCOMPARE(Values::convertToBoolean(Schema::string(), Value("false")), std::optional(false));
    QCOMPARE(Values::convertToBoolean(Schema::string(), Value("0")), std::optional(false));
    QCOMPARE(Values::convertToBoolean(Schema::string(), Value("1")), std::optional(true));
    QCOMPARE(Values::convertToBoolean(Schema(), Value::int16(5)), std::optional(true));
    QCOMPARE(dataError([] { Values::convertToBoolean(Schema::string(), Value("\"green\"")); }),
             QStringLiteral("Unable to convert \"green\" (class java.lang.String) to "
                            "Schema{STRING}"));
}

void tst_Values::convertToIntegers()
{
    QCOMPARE(Values::convertToByte(Schema(), Value(300)), std::optional<qint8>(44));
    QCOMPARE(Values::convertToShort(Schema(), Value(70000)), std::optional<qint16>(4464));
    QCOMPARE(Values::convertToInteger(Schema::string(), Value("12.9")), std::optional<qint32>(12));
    QCOMPARE(Values::convertToInteger(Schema::string(), Value("-12.9")),
             std::optional<qint32>(-12));
    QCOMPARE(Values::convertToLong(Schema(), Value(1e30)),
             std::optional(std::numeric_limits<qint64>::max()));
    QCOMPARE(Values::convertToLong(Schema(), Value(std::nan(""))), std::optional<qint64>(0));
    QCOMPARE(Values::convertToLong(Schema(), Value(-2.9)), std::optional<qint64>(-2));
    // BigDecimal.longValue(): the low 64 bits of the integer part.
    QCOMPARE(Values::convertToLong(Schema(), Value(Decimal::fromString(
                                                 u"-123456789012345678901234567890.5"))),
             std::optional<qint64>(4362896299872285998LL));
    QCOMPARE(Values::convertToLong(Schema(), Value(Decimal::fromString(u"1E+3"))),
             std::optional<qint64>(1000));
    QCOMPARE(Values::convertToLong(Schema(), Value()), std::optional<qint64>());
    QCOMPARE(dataError([] { Values::convertToLong(Schema::string(), Value("abc")); }),
             QStringLiteral("Unable to convert abc (class java.lang.String) to Schema{STRING}"));
    QCOMPARE(dataError([] { Values::convertToLong(Schema(), Value("abc")); }),
             QStringLiteral("Unable to convert abc (class java.lang.String) to a number"));
    QCOMPARE(dataError([] { Values::convertToInteger(Schema(), Value(true)); }),
             QStringLiteral("Unable to convert true (class java.lang.Boolean) to a number"));
}

void tst_Values::convertToFloats()
{
    QCOMPARE(Values::convertToFloat(Schema::string(), Value("1.1")), std::optional(1.1f));
    QCOMPARE(Values::convertToFloat(Schema(), Value(2)), std::optional(2.0f));
    QCOMPARE(Values::convertToDouble(Schema(), Value(Decimal::fromString(u"12.34"))),
             std::optional(12.34));
    QCOMPARE(Values::convertToDouble(Schema::string(), Value("1E+3")), std::optional(1000.0));
    QCOMPARE(Values::convertToDouble(Logical::timestampSchema(), Value(Instant{5})),
             std::optional(5.0));
}

void tst_Values::convertLogicalToNumbers()
{
    QCOMPARE(Values::convertToLong(Logical::timestampSchema(), Value(Instant{Aug23Ts})),
             std::optional(Aug23Ts));
    QCOMPARE(Values::convertToInteger(Logical::dateSchema(), Value(Instant{2 * Day})),
             std::optional<qint32>(2));
    QCOMPARE(Values::convertToInteger(Logical::timeSchema(), Value(Instant{TimeOfDay})),
             std::optional<qint32>(TimeOfDay));
    QCOMPARE(dataError([] { Values::convertToInteger(Logical::dateSchema(), Value(Instant{5})); }),
             QStringLiteral("Kafka Connect Date type should not have any time fields set to "
                            "non-zero values."));
    QVERIFY(dataError([] { Values::convertToLong(Schema(), Value(Instant{5})); })
                .endsWith(QStringLiteral("to a number")));
}

void tst_Values::convertToListAndMap()
{
    const auto l = Values::convertToList(Schema::string(), Value("[1, 2, 32768]"));
    QVERIFY(l);
    QCOMPARE(Value(*l), list({Value::int32(1), Value::int32(2), Value::int32(32768)}));
    QCOMPARE(Values::convertToList(Schema(), list({Value("x")})),
             std::optional(ValueList{Value("x")}));
    QCOMPARE(dataError([] { Values::convertToList(Schema::string(), Value("[1, 2, 3,,,]")); }),
             QStringLiteral("Unable to convert [1, 2, 3,,,] (class java.lang.String) to "
                            "Schema{ARRAY}"));
    const auto m = Values::convertToMap(Schema::string(), Value("{\"a\":1}"));
    QVERIFY(m);
    QCOMPARE(Value(*m), Value(ValueMap{{Value("a"), Value::int8(1)}}));
    QVERIFY(dataError([] { Values::convertToMap(Schema(), Value(5)); })
                .startsWith(QStringLiteral("Unable to convert 5 (class java.lang.Integer)")));
}

void tst_Values::convertToTemporal()
{
    QCOMPARE(Values::convertToDate(Schema(), Value("2019-08-23")), std::optional(Instant{Aug23}));
    QCOMPARE(Values::convertToDate(Schema(), Value(qint64(18131))), std::optional(Instant{Aug23}));
    QCOMPARE(Values::convertToDate(Logical::timestampSchema(), Value(Instant{Aug23Ts})),
             std::optional(Instant{Aug23}));
    QCOMPARE(Values::convertToTime(Logical::timestampSchema(), Value(Instant{Aug23Ts})),
             std::optional(Instant{TimeOfDay}));
    QCOMPARE(Values::convertToTime(Schema(), Value(qint64(TimeOfDay))),
             std::optional(Instant{TimeOfDay}));
    QVERIFY(dataError([] { Values::convertToTime(Schema(), Value(qint64(2 * Day))); })
                .startsWith(QStringLiteral("Time values must use number of milliseconds")));
    QCOMPARE(Values::convertToTimestamp(Logical::dateSchema(), Value(Instant{Aug23})),
             std::optional(Instant{Aug23}));
    QCOMPARE(Values::convertToTimestamp(Logical::timeSchema(), Value(Instant{TimeOfDay})),
             std::optional(Instant{TimeOfDay}));
    QCOMPARE(Values::convertToTimestamp(Schema(), Value(qint64(5))), std::optional(Instant{5}));
    QCOMPARE(Values::convertToTimestamp(Schema(), Value("2019-08-23T14:34:54.346Z")),
             std::optional(Instant{Aug23Ts}));
    QCOMPARE(Values::convertToTimestamp(Schema(), Value()), std::optional<Instant>());
}

void tst_Values::convertToDecimal()
{
    const Decimal oneDotZero = Decimal::fromString(u"1.0");
    QCOMPARE(Values::convertToDecimal(Schema(), Value::float32(1.0f), 1),
             std::optional(oneDotZero));
    QCOMPARE(Values::convertToDecimal(Schema(), Value("1.0"), 1), std::optional(oneDotZero));
    QCOMPARE(Values::convertToDecimal(Schema(), Value(oneDotZero), 1), std::optional(oneDotZero));
    QCOMPARE(Values::convertToDecimal(Schema(), Value(oneDotZero.unscaledBytes()), 1),
             std::optional(oneDotZero));
    QVERIFY(dataError([] { Values::convertToDecimal(Schema(), Value(true), 1); })
                .startsWith(QStringLiteral("Unable to convert true")));
}

void tst_Values::inferSchema()
{
    QVERIFY(Values::inferSchema(Value()).isNull());
    QCOMPARE(Values::inferSchema(Value("s")), Schema::string());
    QCOMPARE(Values::inferSchema(Value::int16(1)), Schema::int16());
    QCOMPARE(Values::inferSchema(Value(QByteArray("b"))), Schema::bytes());
    QVERIFY(Values::inferSchema(Value(Decimal())).isNull());
    QVERIFY(Values::inferSchema(Value(ValueList{})).isNull());
    QVERIFY(Values::inferSchema(list({Value(1), Value("x")})).isNull());
    QCOMPARE(Values::inferSchema(list({Value(1), Value(2)})),
             SchemaBuilder::array(Schema::int32()).build());
    QCOMPARE(Values::inferSchema(list({Value(1), Value()})),
             SchemaBuilder::array(Schema::optionalInt32()).build());
    QCOMPARE(Values::inferSchema(Value(ValueMap{{Value("k"), Value(1.5)}})),
             SchemaBuilder::map(Schema::string(), Schema::float64()).build());
    QVERIFY(Values::inferSchema(Value(ValueMap{})).isNull());
    const Schema structSchema = SchemaBuilder::structBuilder().build();
    QCOMPARE(Values::inferSchema(Value(Struct::create(structSchema))), structSchema);
}

QTEST_GUILESS_MAIN(tst_Values)
#include "tst_values.moc"
