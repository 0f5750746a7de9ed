// SPDX-License-Identifier: Apache-2.0
// StringConverter (org.apache.kafka.connect.storage.StringConverter).

#include "core/api/exceptions.h"
#include "core/api/schema.h"
#include "core/api/struct.h"
#include "core/converters/serializationexception.h"
#include "core/converters/stringconverter.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Converters;
using Api::Schema;
using Api::Value;

class tst_StringConverter : public QObject
{
    Q_OBJECT

private:
    static QByteArray encode(const QString &encoding, const Value &value)
    {
        StringConverter c;
        c.configure({{QStringLiteral("converter.encoding"), encoding}}, false);
        return c.fromConnectData(QStringLiteral("t"), {}, Schema(), value);
    }
    static QString decode(const QString &encoding, const QByteArray &bytes)
    {
        StringConverter c;
        c.configure({{QStringLiteral("converter.encoding"), encoding}}, false);
        return c.toConnectData(QStringLiteral("t"), {}, bytes).value.toString();
    }

private slots:
    void utf8RoundTrip()
    {
        StringConverter c;
        c.configure({}, false);
        QCOMPARE(c.encoding(), QStringLiteral("UTF-8"));
        const QString text = QString::fromUtf8("héllo €😀");
        const QByteArray bytes = c.fromConnectData(QStringLiteral("t"), {}, Schema::string(), text);
        QCOMPARE(bytes, QByteArray("h\xC3\xA9llo \xE2\x82\xAC\xF0\x9F\x98\x80"));
        const Api::SchemaAndValue sv = c.toConnectData(QStringLiteral("t"), {}, bytes);
        QCOMPARE(sv.schema, Schema::optionalString());
        QCOMPARE(sv.value, Value(text));
    }

    void nonStringsUseJavaToString()
    {
        StringConverter c;
        c.configure({}, true);
        QCOMPARE(c.fromConnectData(QStringLiteral("t"), {}, Schema(), Value::int32(42)),
                 QByteArray("42"));
        QCOMPARE(c.fromConnectData(QStringLiteral("t"), {}, Schema(), Value(true)),
                 QByteArray("true"));
        QCOMPARE(c.fromConnectData(QStringLiteral("t"), {}, Schema::float64(), Value::float64(1.5)),
                 QByteArray("1.5"));
        const Value list(Api::ValueList{Value::int32(1), Value(QStringLiteral("a"))});
        QCOMPARE(c.fromConnectData(QStringLiteral("t"), {}, Schema(), list),
                 list.toJavaString().toUtf8());
    }

    void nulls()
    {
        StringConverter c;
        c.configure({}, false);
        QVERIFY(c.fromConnectData(QStringLiteral("t"), {}, Schema::optionalString(), Value()).isNull());
        const Api::SchemaAndValue sv = c.toConnectData(QStringLiteral("t"), {}, QByteArray());
        QCOMPARE(sv.schema, Schema::optionalString());
        QVERIFY(sv.value.isNull());
        // Empty is not null.
        const QByteArray empty = c.fromConnectData(QStringLiteral("t"), {}, Schema(), QString(""));
        QVERIFY(!empty.isNull());
        QVERIFY(empty.isEmpty());
        QCOMPARE(c.toConnectData(QStringLiteral("t"), {}, QByteArray("")).value, Value(QString()));
    }

    void encodings()
    {
        const Value e(QString::fromUtf8("é€"));
        QCOMPARE(encode(QStringLiteral("ISO-8859-1"), e), QByteArray("\xE9?"));
        QCOMPARE(encode(QStringLiteral("latin1"), e), QByteArray("\xE9?"));
        QCOMPARE(encode(QStringLiteral("US-ASCII"), e), QByteArray("??"));
        QCOMPARE(encode(QStringLiteral("utf8"), e), QByteArray("\xC3\xA9\xE2\x82\xAC"));
        // Java's UTF-16 writes a big-endian byte-order mark.
        QCOMPARE(encode(QStringLiteral("UTF-16"), Value(QStringLiteral("A"))),
                 QByteArray("\xFE\xFF\x00\x41", 4));
        QCOMPARE(encode(QStringLiteral("UTF-16LE"), Value(QStringLiteral("A"))),
                 QByteArray("\x41\x00", 2));
        QCOMPARE(encode(QStringLiteral("utf-16be"), Value(QStringLiteral("A"))),
                 QByteArray("\x00\x41", 2));
        QCOMPARE(encode(QStringLiteral("UTF-32"), Value(QStringLiteral("A"))),
                 QByteArray("\x00\x00\x00\x41", 4));

        QCOMPARE(decode(QStringLiteral("ISO-8859-1"), "\xE9t\xE9"), QString::fromUtf8("été"));
        QCOMPARE(decode(QStringLiteral("US-ASCII"), "a\xE9"), QString::fromUtf8("a\uFFFD"));
        QCOMPARE(decode(QStringLiteral("UTF-16"), QByteArray("\xFF\xFE\x41\x00", 4)),
                 QStringLiteral("A"));
        QCOMPARE(decode(QStringLiteral("UTF-16"), QByteArray("\x00\x41", 2)), QStringLiteral("A"));
        QCOMPARE(decode(QStringLiteral("UTF-16LE"), QByteArray("\x3D\xD8\x00\xDE", 4)),
                 QString::fromUtf8("😀"));
        QCOMPARE(decode(QStringLiteral("UTF-32LE"), QByteArray("\x00\xF6\x01\x00", 4)),
                 QString::fromUtf8("😀"));
        QCOMPARE(decode(QStringLiteral("UTF-8"), "\xFF"), QString::fromUtf8("\uFFFD"));
    }

    void unsupportedEncoding()
    {
        StringConverter c;
        try {
            c.configure({{QStringLiteral("converter.encoding"), QStringLiteral("EBCDIC-XYZ")}},
                        false);
            QFAIL("no exception");
        } catch (const SerializationException &e) {
            QCOMPARE(e.message(), QStringLiteral("Unsupported encoding EBCDIC-XYZ"));
            QCOMPARE(e.javaClassName(),
                     QStringLiteral("org.apache.kafka.common.errors.SerializationException"));
        }
    }

    void headers()
    {
        StringConverter c;
        Api::HeaderConverter &h = c;
        h.configure({{QStringLiteral("converter.type"), QStringLiteral("header")}});
        const QByteArray bytes = h.fromConnectHeader(QStringLiteral("t"), QStringLiteral("k"),
                                                     Schema(), Value::int64(-7));
        QCOMPARE(bytes, QByteArray("-7"));
        QCOMPARE(h.toConnectHeader(QStringLiteral("t"), QStringLiteral("k"), bytes).value,
                 Value(QStringLiteral("-7")));
    }

    void configDef()
    {
        QCOMPARE(StringConverter::configDef().names(),
                 (QStringList{QStringLiteral("converter.type"), QStringLiteral("converter.encoding")}));
        QCOMPARE(StringConverter().version(), QStringLiteral("4.0.0"));
    }
};

QTEST_GUILESS_MAIN(tst_StringConverter)
#include "tst_stringconverter.moc"
