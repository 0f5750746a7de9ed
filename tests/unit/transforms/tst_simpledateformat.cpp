// SPDX-License-Identifier: Apache-2.0
// Java's SimpleDateFormat in UTC: the outputs below are what a JVM prints for the same pattern
// and instant.
#include "core/api/exceptions.h"
#include "core/transforms/simpledateformat.h"
#include "transformtesting.h"

#include <QDateTime>
#include <QTest>

using namespace ConnectDesk;
using ConnectDesk::Transforms::SimpleDateFormat;
using namespace ConnectDesk::Transforms::Testing;

namespace {

qint64 utc(int y, int m, int d, int h = 0, int min = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s, ms), Qt::UTC).toMSecsSinceEpoch();
}

QString format(const char *pattern, qint64 epochMs)
{
    return SimpleDateFormat(QString::fromLatin1(pattern)).format(epochMs);
}

qint64 parse(const char *pattern, const char *text)
{
    return SimpleDateFormat(QString::fromLatin1(pattern)).parse(QString::fromUtf8(text)).value_or(-999);
}

QString compileError(const char *pattern)
{
    return failureOf<Api::IllegalArgumentException>([&] { SimpleDateFormat f{QString::fromLatin1(pattern)}; });
}

} // namespace

class TestSimpleDateFormat : public QObject
{
    Q_OBJECT

private slots:
    void formatsNumericFields()
    {
        const qint64 t = 1483425001864; // 2017-01-03T06:30:01.864Z, a Tuesday
        QCOMPARE(format("yyyyMMdd", t), QStringLiteral("20170103"));
        QCOMPARE(format("yyyy-MM-dd'T'HH:mm:ss.SSSZ", t), QStringLiteral("2017-01-03T06:30:01.864+0000"));
        QCOMPARE(format("yy M d H m s S", t), QStringLiteral("17 1 3 6 30 1 864"));
        QCOMPARE(format("yyyyy SSSS", t), QStringLiteral("02017 0864"));
        QCOMPARE(format("D DDD F u", t), QStringLiteral("3 003 1 2"));
        QCOMPARE(format("k K h", utc(2017, 1, 3, 0, 5)), QStringLiteral("24 0 12"));
        QCOMPARE(format("k K h a", utc(2017, 1, 3, 13, 5)), QStringLiteral("13 1 1 PM"));
    }

    void formatsEnglishNames()
    {
        const qint64 t = 1483425001864;
        QCOMPARE(format("EEE, d MMM yyyy HH:mm:ss Z", t), QStringLiteral("Tue, 3 Jan 2017 06:30:01 +0000"));
        QCOMPARE(format("EEEE MMMM LLL G GGGG", t), QStringLiteral("Tuesday January Jan AD Anno Domini"));
        QCOMPARE(format("z zzzz X XX XXX", t), QStringLiteral("UTC Coordinated Universal Time Z Z Z"));
        QCOMPARE(format("MMM", utc(2017, 9, 1)), QStringLiteral("Sep"));
    }

    void formatsQuotedLiterals()
    {
        const qint64 t = utc(2017, 1, 3, 6);
        QCOMPARE(format("hh 'o''clock' a", t), QStringLiteral("06 o'clock AM"));
        QCOMPARE(format("''yyyy''", t), QStringLiteral("'2017'"));
        QCOMPARE(format("'Day' D 'of' yyyy", t), QStringLiteral("Day 3 of 2017"));
        QCOMPARE(format("yyyy/MM-dd_HH", t), QStringLiteral("2017/01-03_06"));
    }

    void formatsWeeksTheUsWay()
    {
        // Weeks start on Sunday and week 1 holds January 1st.
        QCOMPARE(format("YYYY-ww W", utc(2016, 12, 31)), QStringLiteral("2016-53 5"));
        QCOMPARE(format("YYYY-ww", utc(2019, 12, 31)), QStringLiteral("2020-01"));
        QCOMPARE(format("yyyy-ww", utc(2019, 12, 31)), QStringLiteral("2019-01"));
        QCOMPARE(format("YY w", utc(2017, 1, 1)), QStringLiteral("17 1"));
    }

    void formatsBeforeTheEpochAndTheJulianCalendar()
    {
        QCOMPARE(format("yyyy-MM-dd HH:mm:ss.SSS", -1), QStringLiteral("1969-12-31 23:59:59.999"));
        const qint64 gregorianStart = utc(1582, 10, 15);
        QCOMPARE(gregorianStart, Q_INT64_C(-12219292800000));
        QCOMPARE(format("yyyy-MM-dd", gregorianStart), QStringLiteral("1582-10-15"));
        // The day before is the Julian 4th of October, as in java.util.GregorianCalendar.
        QCOMPARE(format("yyyy-MM-dd EEE", gregorianStart - 86400000), QStringLiteral("1582-10-04 Thu"));
        // Gregorian 0001-01-01 is the Julian 3rd of January; three days earlier is 1 BC.
        const qint64 gregorianYearOne = Q_INT64_C(-62135596800000);
        QCOMPARE(format("G yyyy-MM-dd", gregorianYearOne), QStringLiteral("AD 0001-01-03"));
        QCOMPARE(format("G yyyy-MM-dd", gregorianYearOne - 3 * 86400000LL), QStringLiteral("BC 0001-12-31"));
    }

    void parsesNumericPatterns()
    {
        QCOMPARE(parse("yyyyMMdd", "20170103"), utc(2017, 1, 3));
        QCOMPARE(parse("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "2017-01-03T06:30:01.864+0000"), Q_INT64_C(1483425001864));
        QCOMPARE(parse("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "2017-01-03T06:30:01.864+0130"), utc(2017, 1, 3, 5, 0, 1, 864));
        QCOMPARE(parse("yyyy-MM-dd HH:mm:ss", "2017-01-03 6:30:01"), utc(2017, 1, 3, 6, 30, 1));
        QCOMPARE(parse("yyyy-DDD", "2017-032"), utc(2017, 2, 1));
        QCOMPARE(parse("HH:mm", "10:20"), utc(1970, 1, 1, 10, 20));
    }

    void parsesLeniently()
    {
        QCOMPARE(parse("yyyy-MM-dd", "2017-13-01"), utc(2018, 1, 1));
        QCOMPARE(parse("yyyy-MM-dd", "2017-02-30"), utc(2017, 3, 2));
        QCOMPARE(parse("yyyy-MM-dd", "2017-01-03 and more"), utc(2017, 1, 3)); // the rest is ignored
        QCOMPARE(parse("yyyy-MM-dd", "2017-1-3"), utc(2017, 1, 3));
        QCOMPARE(parse("yyyy-MM-dd", " 2017-01-03"), utc(2017, 1, 3)); // spaces before numbers
        QCOMPARE(parse("SSS", "1500"), utc(1970, 1, 1, 0, 0, 1, 500));
    }

    void parsesNamesAndZones()
    {
        QCOMPARE(parse("EEE, d MMM yyyy HH:mm:ss Z", "Tue, 3 Jan 2017 06:30:01 +0000"), Q_INT64_C(1483425000000) + 1000);
        QCOMPARE(parse("dd MMM yyyy", "03 january 2017"), utc(2017, 1, 3));
        QCOMPARE(parse("dd MMMM yyyy", "03 Jan 2017"), utc(2017, 1, 3));
        QCOMPARE(parse("hh:mm a", "12:30 AM"), utc(1970, 1, 1, 0, 30));
        QCOMPARE(parse("hh:mm a", "12:30 pm"), utc(1970, 1, 1, 12, 30));
        QCOMPARE(parse("yyyy-MM-dd HH:mm z", "2017-01-03 06:30 GMT+01:00"), utc(2017, 1, 3, 5, 30));
        QCOMPARE(parse("yyyy-MM-dd HH:mm z", "2017-01-03 06:30 UTC"), utc(2017, 1, 3, 6, 30));
        QCOMPARE(parse("yyyy-MM-dd HH:mm XXX", "2017-01-03 06:30 -05:30"), utc(2017, 1, 3, 12, 0));
        QCOMPARE(parse("yyyy-MM-dd HH:mm X", "2017-01-03 06:30 Z"), utc(2017, 1, 3, 6, 30));
        // A weekday alone means its first occurrence in January 1970.
        QCOMPARE(parse("EEE", "Mon"), utc(1970, 1, 5));
        QCOMPARE(parse("G yyyy-MM-dd", "BC 0001-01-01"), parse("yyyy-MM-dd", "0000-01-01"));
    }

    void parsesWeekDates()
    {
        QCOMPARE(parse("YYYY-ww", "2020-01"), utc(2019, 12, 29));
        QCOMPARE(parse("YYYY-ww u", "2020-02 1"), utc(2020, 1, 6));
        QCOMPARE(parse("yyyy-ww EEE", "2017-02 Wed"), utc(2017, 1, 11));
    }

    void rejectsTextThatDoesNotMatch()
    {
        QCOMPARE(parse("yyyy-MM-dd", "2017/01/03"), -999);
        QCOMPARE(parse("yyyy-MM-dd", ""), -999);
        QCOMPARE(parse("yyyyMMdd", "201701"), -999);
        QCOMPARE(parse("yyyyMMdd", "2017013"), utc(2017, 1, 3)); // the last field takes what is left
        QCOMPARE(parse("dd MMM yyyy", "03 Foo 2017"), -999);
        QCOMPARE(parse("HH:mm Z", "10:20 +05:30"), -999); // RFC 822 zones have no colon
    }

    void twoDigitYearsFollowTheCenturyStart()
    {
        SimpleDateFormat f(QStringLiteral("yy"));
        f.setTwoDigitYearStart(utc(1950, 6, 1));
        QCOMPARE(f.parse(QStringLiteral("49")).value_or(-1), utc(2049, 1, 1));
        QCOMPARE(f.parse(QStringLiteral("51")).value_or(-1), utc(1951, 1, 1));
        // 50 is ambiguous: January 1950 is before the start, so 2050.
        QCOMPARE(f.parse(QStringLiteral("50")).value_or(-1), utc(2050, 1, 1));
        // Three digits are taken literally.
        QCOMPARE(f.parse(QStringLiteral("123")).value_or(-1), parse("yyyy", "0123"));
    }

    void rejectsInvalidPatternsWithJavasMessages()
    {
        QCOMPARE(compileError("yyyy-bb"), QStringLiteral("Illegal pattern character 'b'"));
        QCOMPARE(compileError("yyyy 'at"), QStringLiteral("Unterminated quote"));
        QCOMPARE(compileError("XXXX"), QStringLiteral("invalid ISO 8601 format: length=4"));
        QCOMPARE(compileError("'b' yyyy"), noFailure());
        QCOMPARE(SimpleDateFormat(QStringLiteral("yyyy'T'")).pattern(), QStringLiteral("yyyy'T'"));
    }

    void roundTripsAcrossYears()
    {
        const SimpleDateFormat f(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.SSSXXX G"));
        for (qint64 t : {Q_INT64_C(0), Q_INT64_C(-1), Q_INT64_C(951782400000), Q_INT64_C(4102444799999),
                         Q_INT64_C(-12219292800001), Q_INT64_C(-62135596800000), Q_INT64_C(-80000000000000)}) {
            const QString text = f.format(t);
            QCOMPARE(f.parse(text).value_or(-1), t);
        }
    }
};

QTEST_GUILESS_MAIN(TestSimpleDateFormat)
#include "tst_simpledateformat.moc"
