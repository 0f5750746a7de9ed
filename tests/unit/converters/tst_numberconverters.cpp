// SPDX-License-Identifier: Apache-2.0
// Short/Integer/Long/Float/Double/BooleanConverter (org.apache.kafka.connect.converters.*).

#include "core/api/exceptions.h"
#include "core/api/schema.h"
#include "core/converters/numberconverters.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace ConnectDesk;
using namespace ConnectDesk::Converters;
using Api::Schema;
using Api::Value;

namespace {

const QString Topic = QStringLiteral("t");

template<typename C>
QByteArray write(const Value &value)
{
    C c;
    c.configure({}, false);
    return c.fromConnectData(Topic, {}, Schema(), value);
}

template<typename C>
Api::SchemaAndValue read(const QByteArray &bytes)
{
    C c;
    c.configure({}, true);
    return c.toConnectData(Topic, {}, bytes);
}

template<typename C>
QString writeError(const Value &value)
{
    try {
        write<C>(value);
    } catch (const Api::DataException &e) {
        return e.message() + QLatin1Char('|') + e.causeText();
    }
    return QStringLiteral("<no exception>");
}

template<typename C>
QString readError(const QByteArray &bytes)
{
    try {
        read<C>(bytes);
    } catch (const Api::DataException &e) {
        return e.message() + QLatin1Char('|') + e.causeText();
    }
    return QStringLiteral("<no exception>");
}

} // namespace

class tst_NumberConverters : public QObject
{
    Q_OBJECT

private slots:
    void shorts()
    {
        QCOMPARE(write<ShortConverter>(Value::int16(0x0102)), QByteArray("\x01\x02", 2));
        QCOMPARE(write<ShortConverter>(Value::int16(-2)), QByteArray("\xFF\xFE", 2));
        QCOMPARE(read<ShortConverter>(QByteArray("\xFF\xFE", 2)).value, Value::int16(-2));
        QCOMPARE(read<ShortConverter>(QByteArray("\x01\x02", 2)).schema, Schema::optionalInt16());
    }

    void integers()
    {
        QCOMPARE(write<IntegerConverter>(Value::int32(0x01020304)), QByteArray("\x01\x02\x03\x04"));
        const Api::SchemaAndValue sv = read<IntegerConverter>(QByteArray("\x80\x00\x00\x00", 4));
        QCOMPARE(sv.schema, Schema::optionalInt32());
        QCOMPARE(sv.value, Value::int32(std::numeric_limits<qint32>::min()));
    }

    void longs()
    {
        QCOMPARE(write<LongConverter>(Value::int64(9007199254740993)),
                 QByteArray("\x00\x20\x00\x00\x00\x00\x00\x01", 8));
        QCOMPARE(read<LongConverter>(QByteArray("\x00\x20\x00\x00\x00\x00\x00\x01", 8)).value,
                 Value::int64(9007199254740993));
        QCOMPARE(read<LongConverter>(QByteArray(8, '\0')).schema, Schema::optionalInt64());
    }

    void floatsAndDoubles()
    {
        QCOMPARE(write<FloatConverter>(Value::float32(1.0f)), QByteArray("\x3F\x80\x00\x00", 4));
        QCOMPARE(read<FloatConverter>(QByteArray("\xC0\x20\x00\x00", 4)).value,
                 Value::float32(-2.5f));
        QCOMPARE(read<FloatConverter>(QByteArray(4, '\0')).schema, Schema::optionalFloat32());
        QCOMPARE(write<DoubleConverter>(Value::float64(1.0)),
                 QByteArray("\x3F\xF0\x00\x00\x00\x00\x00\x00", 8));
        QCOMPARE(read<DoubleConverter>(QByteArray("\x40\x09\x21\xFB\x54\x44\x2D\x18", 8)).value,
                 Value::float64(3.141592653589793));
        // Double.doubleToLongBits canonicalizes NaN.
        QCOMPARE(write<DoubleConverter>(Value::float64(-std::numeric_limits<double>::quiet_NaN())),
                 QByteArray("\x7F\xF8\x00\x00\x00\x00\x00\x00", 8));
        QVERIFY(std::isnan(read<DoubleConverter>(QByteArray("\x7F\xF8\0\0\0\0\0\0", 8))
                               .value.toFloat64()));
    }

    void nulls()
    {
        QVERIFY(write<IntegerConverter>(Value()).isNull());
        const Api::SchemaAndValue sv = read<LongConverter>(QByteArray());
        QCOMPARE(sv.schema, Schema::optionalInt64());
        QVERIFY(sv.value.isNull());
        QVERIFY(write<BooleanConverter>(Value()).isNull());
        QVERIFY(read<BooleanConverter>(QByteArray()).value.isNull());
    }

    void wrongTypes()
    {
        QCOMPARE(writeError<ShortConverter>(Value::int32(1)).section(QLatin1Char('|'), 0, 0),
                 QStringLiteral("Failed to serialize to short (was class java.lang.Integer): "));
        QVERIFY(writeError<ShortConverter>(Value::int32(1))
                    .section(QLatin1Char('|'), 1)
                    .startsWith(QStringLiteral("java.lang.ClassCastException: ")));
        QCOMPARE(writeError<LongConverter>(Value(QStringLiteral("1"))).section(QLatin1Char('|'), 0, 0),
                 QStringLiteral("Failed to serialize to long (was class java.lang.String): "));
        QCOMPARE(writeError<DoubleConverter>(Value::float32(1)).section(QLatin1Char('|'), 0, 0),
                 QStringLiteral("Failed to serialize to double (was class java.lang.Float): "));
    }

    void wrongSizes()
    {
        QCOMPARE(readError<ShortConverter>("abc"),
                 QStringLiteral("Failed to deserialize short: |org.apache.kafka.common.errors."
                                "SerializationException: Size of data received by "
                                "ShortDeserializer is not 2"));
        QCOMPARE(readError<IntegerConverter>("ab"),
                 QStringLiteral("Failed to deserialize integer: |org.apache.kafka.common.errors."
                                "SerializationException: Size of data received by "
                                "IntegerDeserializer is not 4"));
        QVERIFY(readError<LongConverter>("").endsWith(
            QStringLiteral("Size of data received by LongDeserializer is not 8")));
        QVERIFY(readError<FloatConverter>("abcde").endsWith(
            QStringLiteral("Size of data received by Deserializer is not 4")));
        QVERIFY(readError<DoubleConverter>("a").startsWith(
            QStringLiteral("Failed to deserialize double: ")));
    }

    void booleans()
    {
        QCOMPARE(write<BooleanConverter>(Value(true)), QByteArray("\x01"));
        QCOMPARE(write<BooleanConverter>(Value(false)), QByteArray("\x00", 1));
        QCOMPARE(read<BooleanConverter>(QByteArray("\x01")),
                 (Api::SchemaAndValue{Schema::optionalBoolean(), Value(true)}));
        QCOMPARE(read<BooleanConverter>(QByteArray("\x00", 1)).value, Value(false));
        QCOMPARE(readError<BooleanConverter>("\xFF"),
                 QStringLiteral("Failed to deserialize boolean: |org.apache.kafka.common.errors."
                                "SerializationException: Unexpected byte received by "
                                "BooleanDeserializer: -1"));
        QVERIFY(readError<BooleanConverter>("ab").endsWith(
            QStringLiteral("Size of data received by BooleanDeserializer is not 1")));

        BooleanConverter c;
        try {
            c.fromConnectData(Topic, {}, Schema::int8(), Value(true));
            QFAIL("no exception");
        } catch (const Api::DataException &e) {
            QCOMPARE(e.message(), QStringLiteral("Invalid schema type for BooleanConverter: INT8"));
        }
        QCOMPARE(writeError<BooleanConverter>(Value::int8(1)),
                 QStringLiteral("BooleanConverter is not compatible with objects of type class "
                                "java.lang.Byte|"));
    }

    void headersAndConfig()
    {
        IntegerConverter c;
        Api::HeaderConverter &h = c;
        h.configure({{QStringLiteral("converter.type"), QStringLiteral("header")}});
        const QByteArray bytes = h.fromConnectHeader(Topic, QStringLiteral("k"), Schema(),
                                                     Value::int32(7));
        QCOMPARE(bytes, QByteArray("\x00\x00\x00\x07", 4));
        QCOMPARE(h.toConnectHeader(Topic, QStringLiteral("k"), bytes).value, Value::int32(7));
        QVERIFY_THROWS_EXCEPTION(Api::ConfigException,
                                 c.configure({{QStringLiteral("converter.type"),
                                               QStringLiteral("sideways")}}));
        QCOMPARE(NumberConverter::configDef().names(), QStringList{QStringLiteral("converter.type")});
    }
};

QTEST_GUILESS_MAIN(tst_NumberConverters)
#include "tst_numberconverters.moc"
