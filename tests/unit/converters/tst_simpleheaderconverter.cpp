// SPDX-License-Identifier: Apache-2.0
// SimpleHeaderConverter (org.apache.kafka.connect.storage.SimpleHeaderConverter).

#include "core/api/decimal.h"
#include "core/api/schema.h"
#include "core/api/struct.h"
#include "core/converters/simpleheaderconverter.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Converters;
using Api::Schema;
using Api::Value;

class tst_SimpleHeaderConverter : public QObject
{
    Q_OBJECT

private:
    SimpleHeaderConverter m_converter;

    QByteArray write(const Schema &schema, const Value &value)
    {
        return m_converter.fromConnectHeader(QStringLiteral("topic"), QStringLiteral("h"), schema,
                                             value);
    }
    Api::SchemaAndValue read(const QByteArray &bytes)
    {
        return m_converter.toConnectHeader(QStringLiteral("topic"), QStringLiteral("h"), bytes);
    }

private slots:
    void initTestCase() { m_converter.configure({}); }

    void strings()
    {
        QCOMPARE(write(Schema::string(), Value(QString::fromUtf8("a string é"))),
                 QByteArray("a string \xC3\xA9"));
        QCOMPARE(read("a string \xC3\xA9"),
                 (Api::SchemaAndValue{Schema::string(), Value(QString::fromUtf8("a string é"))}));
    }

    void booleans()
    {
        QCOMPARE(write(Schema::boolean(), Value(true)), QByteArray("true"));
        QCOMPARE(read("true"), (Api::SchemaAndValue{Schema::boolean(), Value(true)}));
        QCOMPARE(read("false").value, Value(false));
    }

    void numbersGetTheSmallestType()
    {
        QCOMPARE(write(Schema::int32(), Value::int32(42)), QByteArray("42"));
        QCOMPARE(read("42"), (Api::SchemaAndValue{Schema::int8(), Value::int8(42)}));
        QCOMPARE(read("1000").value, Value::int16(1000));
        QCOMPARE(read("100000").value, Value::int32(100000));
        QCOMPARE(write(Schema::int64(), Value::int64(9007199254740993)),
                 QByteArray("9007199254740993"));
        QCOMPARE(read("9007199254740993").value, Value::int64(9007199254740993));
        QCOMPARE(write(Schema::float64(), Value::float64(1.5)), QByteArray("1.5"));
        QCOMPARE(read("1.5").schema.type(), Api::SchemaType::Float32);
    }

    void lists()
    {
        const Value list(Api::ValueList{Value::int32(1), Value::int32(2), Value::int32(3)});
        const QByteArray bytes = write(SchemaBuilder_array(), list);
        QCOMPARE(bytes, QByteArray("[1,2,3]"));
        const Api::SchemaAndValue sv = read(bytes);
        QCOMPARE(sv.schema.type(), Api::SchemaType::Array);
        QCOMPARE(sv.value.toList().size(), size_t(3));
        QCOMPARE(sv.value.toList().at(2).integerValue(), 3);
    }

    void maps()
    {
        const Value map(Api::ValueMap{{Value(QStringLiteral("a")), Value::int32(1)}});
        const QByteArray bytes = write(Schema(), map);
        QCOMPARE(bytes, QByteArray("{\"a\":1}"));
        const Api::SchemaAndValue sv = read(bytes);
        QCOMPARE(sv.schema.type(), Api::SchemaType::Map);
        QCOMPARE(sv.value.mapValue(QStringLiteral("a")).integerValue(), 1);
    }

    void dates()
    {
        const qint64 day = 24 * 3600 * 1000;
        const QByteArray bytes = write(Api::Logical::dateSchema(), Api::Instant{19000 * day});
        QCOMPARE(bytes, QByteArray("2022-01-08"));
        const Api::SchemaAndValue sv = read(bytes);
        QVERIFY(Api::Logical::isDate(sv.schema));
        QCOMPARE(sv.value, Value(Api::Instant{19000 * day}));
    }

    void nulls()
    {
        QVERIFY(write(Schema::optionalString(), Value()).isNull());
        const Api::SchemaAndValue sv = read(QByteArray());
        QVERIFY(sv.schema.isNull());
        QVERIFY(sv.value.isNull());
        QCOMPARE(read("").value, Value(QString()));
    }

    void bytesAreBase64()
    {
        QCOMPARE(write(Schema::bytes(), Value(QByteArray("\x01\x02"))), QByteArray("AQI="));
    }

    void noConfig()
    {
        QVERIFY(SimpleHeaderConverter::configDef().keys().isEmpty());
        QCOMPARE(m_converter.version(), QStringLiteral("4.0.0"));
    }

private:
    static Schema SchemaBuilder_array()
    {
        return Api::SchemaBuilder::array(Schema::int32()).build();
    }
};

QTEST_GUILESS_MAIN(tst_SimpleHeaderConverter)
#include "tst_simpleheaderconverter.moc"
