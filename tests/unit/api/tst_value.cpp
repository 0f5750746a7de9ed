// SPDX-License-Identifier: Apache-2.0
#include "core/api/schema.h"
#include "core/api/struct.h"
#include "core/api/value.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace ConnectDesk::Api;

class tst_Value : public QObject
{
    Q_OBJECT

private slots:
    void kinds();
    void javaStringPrimitives_data();
    void javaStringPrimitives();
    void javaStringFloats_data();
    void javaStringFloats();
    void javaStringComposites();
    void javaClassNames();
    void deepEquality();
    void floatEqualityFollowsJava();
    void mapValue();
    void numericWidening();
};

void tst_Value::kinds()
{
    QCOMPARE(Value().kind(), Value::Kind::Null);
    QCOMPARE(Value(nullptr).kind(), Value::Kind::Null);
    QCOMPARE(Value(true).kind(), Value::Kind::Boolean);
    QCOMPARE(Value(42).kind(), Value::Kind::Int32);
    QCOMPARE(Value(qint64(42)).kind(), Value::Kind::Int64);
    QCOMPARE(Value::int8(1).kind(), Value::Kind::Int8);
    QCOMPARE(Value::int16(1).kind(), Value::Kind::Int16);
    QCOMPARE(Value::float32(1).kind(), Value::Kind::Float32);
    QCOMPARE(Value(1.5).kind(), Value::Kind::Float64);
    QCOMPARE(Value("x").kind(), Value::Kind::String);
    QCOMPARE(Value(QByteArray("x")).kind(), Value::Kind::Bytes);
    QCOMPARE(Value(Decimal::fromInt64(1)).kind(), Value::Kind::Decimal);
    QCOMPARE(Value(Instant{5}).kind(), Value::Kind::Instant);
    QCOMPARE(Value(ValueList{}).kind(), Value::Kind::Array);
    QCOMPARE(Value(ValueMap{}).kind(), Value::Kind::Map);
    QCOMPARE(Value(StructPtr()).kind(), Value::Kind::Null); // a null struct pointer is null
    QVERIFY(Value::int16(3).isInteger());
    QVERIFY(!Value::float32(3).isInteger());
    QVERIFY(Value::float32(3).isNumber());
    QVERIFY(!Value(Decimal()).isNumber());
}

void tst_Value::javaStringPrimitives_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("null") << Value() << "null";
    QTest::newRow("true") << Value(true) << "true";
    QTest::newRow("false") << Value(false) << "false";
    QTest::newRow("int") << Value(42) << "42";
    QTest::newRow("byte") << Value::int8(-5) << "-5";
    QTest::newRow("long") << Value(std::numeric_limits<qint64>::min()) << "-9223372036854775808";
    QTest::newRow("string") << Value("a \"b\"") << "a \"b\"";
    QTest::newRow("bytes") << Value(QByteArray("hello")) << "aGVsbG8=";
    QTest::newRow("decimal") << Value(Decimal::fromString(u"12.34")) << "12.34";
    QTest::newRow("decimal exp") << Value(Decimal::fromString(u"1E+3")) << "1E+3";
    QTest::newRow("epoch") << Value(Instant{0}) << "Thu Jan 01 00:00:00 UTC 1970";
    QTest::newRow("date") << Value(Instant{1729800000000}) << "Thu Oct 24 20:00:00 UTC 2024";
}

void tst_Value::javaStringPrimitives()
{
    QFETCH(Value, value);
    QFETCH(QString, text);
    QCOMPARE(value.toJavaString(), text);
}

void tst_Value::javaStringFloats_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("text");
    // Double.toString / Float.toString (checked against a JVM).
    QTest::newRow("1.5") << Value(1.5) << "1.5";
    QTest::newRow("1.0") << Value(1.0) << "1.0";
    QTest::newRow("0.1") << Value(0.1) << "0.1";
    QTest::newRow("1e7") << Value(1e7) << "1.0E7";
    QTest::newRow("9999999.0") << Value(9999999.0) << "9999999.0";
    QTest::newRow("1e-4") << Value(1e-4) << "1.0E-4";
    QTest::newRow("0.001") << Value(0.001) << "0.001";
    QTest::newRow("123456789.0") << Value(123456789.0) << "1.23456789E8";
    QTest::newRow("1234.5678") << Value(1234.5678) << "1234.5678";
    QTest::newRow("2/3") << Value(2.0 / 3) << "0.6666666666666666";
    QTest::newRow("1e21") << Value(1e21) << "1.0E21";
    QTest::newRow("-0.0") << Value(-0.0) << "-0.0";
    QTest::newRow("-2.5") << Value(-2.5) << "-2.5";
    QTest::newRow("double min") << Value(std::numeric_limits<double>::denorm_min()) << "4.9E-324";
    QTest::newRow("NaN") << Value(std::nan("")) << "NaN";
    QTest::newRow("-inf") << Value(-std::numeric_limits<double>::infinity()) << "-Infinity";
    QTest::newRow("f 1.0") << Value::float32(1.0f) << "1.0";
    QTest::newRow("f 0.1") << Value::float32(0.1f) << "0.1";
    QTest::newRow("f 1.1") << Value::float32(1.1f) << "1.1";
    QTest::newRow("f 1e7") << Value::float32(1e7f) << "1.0E7";
    QTest::newRow("f 2^24") << Value::float32(16777216.0f) << "1.6777216E7";
    QTest::newRow("f 300.01") << Value::float32(300.01f) << "300.01";
    QTest::newRow("f 66000.0008") << Value::float32(66000.0008f) << "66000.0";
    QTest::newRow("f max") << Value::float32(std::numeric_limits<float>::max()) << "3.4028235E38";
    QTest::newRow("f min") << Value::float32(std::numeric_limits<float>::denorm_min()) << "1.4E-45";
}

void tst_Value::javaStringFloats()
{
    QFETCH(Value, value);
    QFETCH(QString, text);
    QCOMPARE(value.toJavaString(), text);
}

void tst_Value::javaStringComposites()
{
    const Value list(ValueList{Value("a"), Value(1), Value(), Value(ValueList{Value(2.0)})});
    QCOMPARE(list.toJavaString(), QStringLiteral("[a, 1, null, [2.0]]"));
    const Value map(ValueMap{{Value("k"), Value("v")}, {Value("k2"), Value(ValueMap{})}});
    QCOMPARE(map.toJavaString(), QStringLiteral("{k=v, k2={}}"));

    const Schema schema = SchemaBuilder::structBuilder()
                              .field(QStringLiteral("a"), Schema::int32())
                              .field(QStringLiteral("b"), Schema::optionalString())
                              .build();
    StructPtr s = Struct::create(schema);
    s->put(QStringLiteral("a"), 1);
    QCOMPARE(Value(s).toJavaString(), QStringLiteral("Struct{a=1}"));
    QCOMPARE(Value(ValueList{Value(s)}).toJavaString(), QStringLiteral("[Struct{a=1}]"));
}

void tst_Value::javaClassNames()
{
    QCOMPARE(Value().javaClassName(), QStringLiteral("null"));
    QCOMPARE(Value(true).javaClassName(), QStringLiteral("Boolean"));
    QCOMPARE(Value::int8(1).javaClassName(), QStringLiteral("Byte"));
    QCOMPARE(Value::int16(1).javaClassName(), QStringLiteral("Short"));
    QCOMPARE(Value(1).javaClassName(), QStringLiteral("Integer"));
    QCOMPARE(Value(qint64(1)).javaClassName(), QStringLiteral("Long"));
    QCOMPARE(Value::float32(1).javaClassName(), QStringLiteral("Float"));
    QCOMPARE(Value(1.0).javaClassName(), QStringLiteral("Double"));
    QCOMPARE(Value("s").javaClassName(), QStringLiteral("String"));
    QCOMPARE(Value(QByteArray()).javaClassName(), QStringLiteral("byte[]"));
    QCOMPARE(Value(Decimal()).javaClassName(), QStringLiteral("BigDecimal"));
    QCOMPARE(Value(Instant{}).javaClassName(), QStringLiteral("Date"));
    QCOMPARE(Value(ValueList{}).javaClassName(), QStringLiteral("ArrayList"));
    QCOMPARE(Value(ValueMap{}).javaClassName(), QStringLiteral("HashMap"));
    const Schema schema = SchemaBuilder::structBuilder().build();
    QCOMPARE(Value(Struct::create(schema)).javaClassName(), QStringLiteral("Struct"));
}

void tst_Value::deepEquality()
{
    QCOMPARE(Value(1), Value(1));
    QVERIFY(Value(1) != Value(qint64(1))); // Integer vs Long, as in Java
    QVERIFY(Value(1) != Value::int16(1));
    QVERIFY(Value("a") != Value(QByteArray("a")));
    QCOMPARE(Value(ValueList{Value(1), Value("x")}), Value(ValueList{Value(1), Value("x")}));
    QVERIFY(Value(ValueList{Value(1)}) != Value(ValueList{Value(2)}));
    // Map equality ignores entry order, as Java's Map.equals.
    const Value m1(ValueMap{{Value("a"), Value(1)}, {Value("b"), Value(2)}});
    const Value m2(ValueMap{{Value("b"), Value(2)}, {Value("a"), Value(1)}});
    const Value m3(ValueMap{{Value("b"), Value(3)}, {Value("a"), Value(1)}});
    QCOMPARE(m1, m2);
    QVERIFY(m1 != m3);

    const Schema schema = SchemaBuilder::structBuilder()
                              .field(QStringLiteral("a"), Schema::int32())
                              .build();
    StructPtr s1 = Struct::create(schema);
    StructPtr s2 = Struct::create(schema);
    s1->put(QStringLiteral("a"), 1);
    s2->put(QStringLiteral("a"), 1);
    QCOMPARE(Value(s1), Value(s2)); // different objects, same content
    s2->put(QStringLiteral("a"), 2);
    QVERIFY(Value(s1) != Value(s2));
    QCOMPARE(Value(Decimal::fromString(u"1.50")), Value(Decimal::fromInt64(150, 2)));
    QCOMPARE(Value(Instant{7}), Value(Instant{7}));
}

void tst_Value::floatEqualityFollowsJava()
{
    QCOMPARE(Value(std::nan("")), Value(std::nan("")));
    QVERIFY(Value(0.0) != Value(-0.0));
    QCOMPARE(Value::float32(1.5f), Value::float32(1.5f));
    QVERIFY(Value::float32(1.5f) != Value(1.5));
}

void tst_Value::mapValue()
{
    const Value map(ValueMap{{Value(1), Value("int key")}, {Value("k"), Value(5)}});
    QCOMPARE(map.mapValue(QStringLiteral("k")), Value(5));
    QVERIFY(map.mapValue(QStringLiteral("missing")).isNull());
    QVERIFY(Value(5).mapValue(QStringLiteral("k")).isNull());
}

void tst_Value::numericWidening()
{
    QCOMPARE(Value::int8(-3).integerValue(), qint64(-3));
    QCOMPARE(Value::int16(300).integerValue(), qint64(300));
    QCOMPARE(Value(qint64(1) << 40).integerValue(), qint64(1) << 40);
    QCOMPARE(Value("7").integerValue(), qint64(0));
    QCOMPARE(Value::float32(0.5f).numberValue(), 0.5);
    QCOMPARE(Value(7).numberValue(), 7.0);
}

QTEST_GUILESS_MAIN(tst_Value)
#include "tst_value.moc"
