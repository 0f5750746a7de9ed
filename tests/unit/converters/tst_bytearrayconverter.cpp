// SPDX-License-Identifier: Apache-2.0
// ByteArrayConverter (org.apache.kafka.connect.converters.ByteArrayConverter).

#include "core/api/exceptions.h"
#include "core/api/schema.h"
#include "core/converters/bytearrayconverter.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Converters;
using Api::Schema;
using Api::Value;

class tst_ByteArrayConverter : public QObject
{
    Q_OBJECT

private slots:
    void passesBytesThrough()
    {
        ByteArrayConverter c;
        c.configure({}, false);
        const QByteArray raw("\x00\x01\xFFpayload", 10);
        QCOMPARE(c.fromConnectData(QStringLiteral("t"), {}, Schema::bytes(), Value(raw)), raw);
        QCOMPARE(c.fromConnectData(QStringLiteral("t"), {}, Schema(), Value(raw)), raw);
        const Api::SchemaAndValue sv = c.toConnectData(QStringLiteral("t"), {}, raw);
        QCOMPARE(sv.schema, Schema::optionalBytes());
        QCOMPARE(sv.value, Value(raw));
    }

    void nullsAndEmpty()
    {
        ByteArrayConverter c;
        QVERIFY(c.fromConnectData(QStringLiteral("t"), {}, Schema::optionalBytes(), Value()).isNull());
        const Api::SchemaAndValue sv = c.toConnectData(QStringLiteral("t"), {}, QByteArray());
        QCOMPARE(sv.schema, Schema::optionalBytes());
        QVERIFY(sv.value.isNull());
        const QByteArray empty = c.fromConnectData(QStringLiteral("t"), {}, Schema(),
                                                   Value(QByteArray()));
        QVERIFY(!empty.isNull());
        QVERIFY(empty.isEmpty());
    }

    void rejectsOtherTypes()
    {
        ByteArrayConverter c;
        try {
            c.fromConnectData(QStringLiteral("t"), {}, Schema::string(), Value(QByteArray("x")));
            QFAIL("no exception");
        } catch (const Api::DataException &e) {
            QCOMPARE(e.message(), QStringLiteral("Invalid schema type for ByteArrayConverter: STRING"));
        }
        try {
            c.fromConnectData(QStringLiteral("t"), {}, Schema(), Value(QStringLiteral("x")));
            QFAIL("no exception");
        } catch (const Api::DataException &e) {
            QCOMPARE(e.message(), QStringLiteral("ByteArrayConverter is not compatible with "
                                                 "objects of type class java.lang.String"));
        }
    }

    void headers()
    {
        ByteArrayConverter c;
        Api::HeaderConverter &h = c;
        h.configure({});
        QCOMPARE(h.fromConnectHeader(QStringLiteral("t"), QStringLiteral("k"), Schema(),
                                     Value(QByteArray("abc"))),
                 QByteArray("abc"));
        QCOMPARE(h.toConnectHeader(QStringLiteral("t"), QStringLiteral("k"), "abc").value,
                 Value(QByteArray("abc")));
        QCOMPARE(ByteArrayConverter::configDef().names(),
                 QStringList{QStringLiteral("converter.type")});
    }
};

QTEST_GUILESS_MAIN(tst_ByteArrayConverter)
#include "tst_bytearrayconverter.moc"
