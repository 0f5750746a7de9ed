// SPDX-License-Identifier: Apache-2.0
#include "core/api/decimal.h"

#include <QTest>

#include <limits>

using namespace ConnectDesk::Api;

class tst_Decimal : public QObject
{
    Q_OBJECT

private slots:
    void minimalTwosComplement_data();
    void minimalTwosComplement();
    void referenceWireExamples();
    void fromUnscaledBytesNormalises();
    void fromString_data();
    void fromString();
    void rejectsBadText_data();
    void rejectsBadText();
    void beyondSixtyFourBits();
    void fromDouble_data();
    void fromDouble();
    void withScale();
    void toDouble();
    void toInt64Unscaled();
    void equalityIsScaleSensitive();
};

void tst_Decimal::minimalTwosComplement_data()
{
    QTest::addColumn<qint64>("unscaled");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("102345") << qint64(102345) << QByteArray("018fc9");
    QTest::newRow("-1") << qint64(-1) << QByteArray("ff");
    QTest::newRow("128") << qint64(128) << QByteArray("0080");
    QTest::newRow("0") << qint64(0) << QByteArray("00");
    QTest::newRow("127") << qint64(127) << QByteArray("7f");
    QTest::newRow("-128") << qint64(-128) << QByteArray("80");
    QTest::newRow("-129") << qint64(-129) << QByteArray("ff7f");
    QTest::newRow("255") << qint64(255) << QByteArray("00ff");
    QTest::newRow("256") << qint64(256) << QByteArray("0100");
    QTest::newRow("-256") << qint64(-256) << QByteArray("ff00");
    QTest::newRow("min") << std::numeric_limits<qint64>::min() << QByteArray("8000000000000000");
    QTest::newRow("max") << std::numeric_limits<qint64>::max() << QByteArray("7fffffffffffffff");
}

void tst_Decimal::minimalTwosComplement()
{
    QFETCH(qint64, unscaled);
    QFETCH(QByteArray, hex);
    const Decimal d = Decimal::fromInt64(unscaled, 0);
    QCOMPARE(d.unscaledBytes().toHex(), hex);
    // The same bytes come out of the text form.
    QCOMPARE(Decimal::fromString(QString::number(unscaled)).unscaledBytes().toHex(), hex);
    QCOMPARE(d.toPlainString(), QString::number(unscaled));
    QCOMPARE(d.isNegative(), unscaled < 0);
    QCOMPARE(d.isZero(), unscaled == 0);
}

void tst_Decimal::referenceWireExamples()
{
    bool ok = false;
    const Decimal a = Decimal::fromString(u"10.2345", &ok);
    QVERIFY(ok);
    QCOMPARE(a.scale(), 4);
    QCOMPARE(a.unscaledBytes().toBase64(), QByteArray("AY/J"));
    const Decimal b = Decimal::fromString(u"12.34", &ok);
    QVERIFY(ok);
    QCOMPARE(b.scale(), 2);
    QCOMPARE(b.unscaledBytes().toBase64(), QByteArray("BNI="));
    QCOMPARE(Decimal::fromUnscaledBytes(QByteArray::fromBase64("BNI="), 2).toPlainString(),
             QStringLiteral("12.34"));
}

void tst_Decimal::fromUnscaledBytesNormalises()
{
    // Redundant sign bytes on the wire are accepted and dropped, like new BigInteger(bytes).
    QCOMPARE(Decimal::fromUnscaledBytes(QByteArray::fromHex("000001"), 0).unscaledBytes().toHex(),
             QByteArray("01"));
    QCOMPARE(Decimal::fromUnscaledBytes(QByteArray::fromHex("ffff80"), 0).unscaledBytes().toHex(),
             QByteArray("80"));
    QCOMPARE(Decimal::fromUnscaledBytes(QByteArray::fromHex("ffff80"), 1).toPlainString(),
             QStringLiteral("-12.8"));
    QVERIFY(Decimal::fromUnscaledBytes(QByteArray(), 3).isZero());
}

void tst_Decimal::fromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("unscaled");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("javaString");
    // Expected values checked against java.math.BigDecimal.
    QTest::newRow("negative") << "-12.340" << "-12340" << 3 << "-12.340" << "-12.340";
    QTest::newRow("exp+") << "1E+3" << "1" << -3 << "1000" << "1E+3";
    QTest::newRow("exp-") << "1.5e-2" << "15" << 3 << "0.015" << "0.015";
    QTest::newRow("tiny") << "0.0000001" << "1" << 7 << "0.0000001" << "1E-7";
    QTest::newRow("small") << "0.000001" << "1" << 6 << "0.000001" << "0.000001";
    QTest::newRow("neg tiny") << "-1E-10" << "-1" << 10 << "-0.0000000001" << "-1E-10";
    QTest::newRow("12345E-10") << "12345E-10" << "12345" << 10 << "0.0000012345"
                               << "0.0000012345";
    QTest::newRow("zero neg scale") << "0E+3" << "0" << -3 << "0" << "0E+3";
    QTest::newRow("zero pos scale") << "0E-9" << "0" << 9 << "0.000000000" << "0E-9";
    QTest::newRow("1.0E7") << "1.0E7" << "10" << -6 << "10000000" << "1.0E+7";
    QTest::newRow("trailing point") << "5." << "5" << 0 << "5" << "5";
    QTest::newRow("leading point") << ".5" << "5" << 1 << "0.5" << "0.5";
    QTest::newRow("plus") << "+7.25" << "725" << 2 << "7.25" << "7.25";
    QTest::newRow("-0.5") << "-0.5" << "-5" << 1 << "-0.5" << "-0.5";
}

void tst_Decimal::fromString()
{
    QFETCH(QString, text);
    QFETCH(QString, unscaled);
    QFETCH(int, scale);
    QFETCH(QString, plain);
    QFETCH(QString, javaString);
    bool ok = false;
    const Decimal d = Decimal::fromString(text, &ok);
    QVERIFY(ok);
    QCOMPARE(d.scale(), scale);
    QCOMPARE(Decimal::fromUnscaledBytes(d.unscaledBytes(), 0).toPlainString(), unscaled);
    QCOMPARE(d.toPlainString(), plain);
    QCOMPARE(d.toString(), javaString);
    // toString() parses back to the same decimal (scale included).
    QCOMPARE(Decimal::fromString(d.toString()), d);
}

void tst_Decimal::rejectsBadText_data()
{
    QTest::addColumn<QString>("text");
    for (const char *bad : {"", "abc", "1e", "--1", "1.2.3", " 1", "1 ", "e5", ".", "+", "1e+",
                            "0x10", "1,5", "1e99999999999"}) {
        QTest::newRow(bad) << QString::fromLatin1(bad);
    }
}

void tst_Decimal::rejectsBadText()
{
    QFETCH(QString, text);
    bool ok = true;
    Decimal::fromString(text, &ok);
    QVERIFY(!ok);
}

void tst_Decimal::beyondSixtyFourBits()
{
    const QString big = QStringLiteral("123456789012345678901234567890");
    const Decimal d = Decimal::fromString(big);
    QCOMPARE(d.unscaledBytes().toHex(), QByteArray("018ee90ff6c373e0ee4e3f0ad2"));
    QCOMPARE(d.toPlainString(), big);
    qint64 dummy = 0;
    QVERIFY(!d.toInt64Unscaled(&dummy));

    const Decimal neg = Decimal::fromString(QLatin1Char('-') + big);
    QCOMPARE(neg.unscaledBytes().toHex(), QByteArray("fe7116f0093c8c1f11b1c0f52e"));
    QCOMPARE(neg.toPlainString(), QLatin1Char('-') + big);

    // 2^63 and -2^63-1 need nine bytes.
    QCOMPARE(Decimal::fromString(u"9223372036854775808").unscaledBytes().toHex(),
             QByteArray("008000000000000000"));
    QCOMPARE(Decimal::fromString(u"-9223372036854775809").unscaledBytes().toHex(),
             QByteArray("ff7fffffffffffffff"));

    // Round trip through the wire form with a scale.
    const Decimal scaled = Decimal::fromString(u"-98765432109876543210.123456789");
    const Decimal back = Decimal::fromUnscaledBytes(scaled.unscaledBytes(), scaled.scale());
    QCOMPARE(back.toPlainString(), QStringLiteral("-98765432109876543210.123456789"));
    QCOMPARE(back, scaled);
}

void tst_Decimal::fromDouble_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("scale");
    // BigDecimal.valueOf(double) in Java.
    QTest::newRow("0.1") << 0.1 << "0.1" << 1;
    QTest::newRow("100.0") << 100.0 << "100.0" << 1;
    QTest::newRow("1.5") << 1.5 << "1.5" << 1;
    QTest::newRow("1e7") << 1e7 << "1.0E+7" << -6;
    QTest::newRow("1e-4") << 1e-4 << "0.00010" << 5;
    QTest::newRow("123456789.0") << 123456789.0 << "123456789" << 0;
    QTest::newRow("2/3") << 2.0 / 3 << "0.6666666666666666" << 16;
    QTest::newRow("-0.0") << -0.0 << "0.0" << 1;
    QTest::newRow("min") << std::numeric_limits<double>::denorm_min() << "4.9E-324" << 325;
}

void tst_Decimal::fromDouble()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QFETCH(int, scale);
    const Decimal d = Decimal::fromDouble(value);
    QCOMPARE(d.toString(), text);
    QCOMPARE(d.scale(), scale);
}

void tst_Decimal::withScale()
{
    bool ok = false;
    const Decimal d = Decimal::fromString(u"1.5");
    const Decimal wider = d.withScale(3, &ok);
    QVERIFY(ok);
    QCOMPARE(wider.toPlainString(), QStringLiteral("1.500"));
    QCOMPARE(wider.unscaledBytes().toHex(), QByteArray("05dc"));
    QCOMPARE(wider.withScale(1, &ok).toPlainString(), QStringLiteral("1.5"));
    QVERIFY(ok);
    Decimal::fromString(u"1.55").withScale(1, &ok);
    QVERIFY(!ok);
    QCOMPARE(Decimal::fromString(u"-7").withScale(25, &ok).toPlainString(),
             QStringLiteral("-7.") + QString(25, QLatin1Char('0')));
    QVERIFY(ok);
    QCOMPARE(Decimal::fromString(u"1E+3").withScale(0, &ok).unscaledBytes().toHex(),
             QByteArray("03e8"));
    QCOMPARE(Decimal::fromString(u"12000000000000000000000.000000000000")
                 .withScale(-3, &ok)
                 .toString(),
             QStringLiteral("1.2000000000000000000E+22"));
    QVERIFY(ok);
}

void tst_Decimal::toDouble()
{
    QCOMPARE(Decimal::fromString(u"12.34").toDouble(), 12.34);
    QCOMPARE(Decimal::fromString(u"-1E+3").toDouble(), -1000.0);
    QCOMPARE(Decimal::fromString(u"123456789012345678901234567890").toDouble(),
             1.2345678901234568e29);
    QCOMPARE(Decimal::fromString(u"0.1").toDouble(), 0.1);
}

void tst_Decimal::toInt64Unscaled()
{
    qint64 v = 0;
    QVERIFY(Decimal::fromString(u"-12.340").toInt64Unscaled(&v));
    QCOMPARE(v, qint64(-12340));
    QVERIFY(Decimal::fromString(u"-9223372036854775808").toInt64Unscaled(&v));
    QCOMPARE(v, std::numeric_limits<qint64>::min());
    QVERIFY(!Decimal::fromString(u"9223372036854775808").toInt64Unscaled(&v));
}

void tst_Decimal::equalityIsScaleSensitive()
{
    // Like BigDecimal.equals: 1.0 and 1.00 differ.
    QVERIFY(Decimal::fromString(u"1.0") != Decimal::fromString(u"1.00"));
    QVERIFY(Decimal::fromString(u"1.0") == Decimal::fromInt64(10, 1));
    QVERIFY(Decimal() == Decimal::fromInt64(0));
}

QTEST_GUILESS_MAIN(tst_Decimal)
#include "tst_decimal.moc"
