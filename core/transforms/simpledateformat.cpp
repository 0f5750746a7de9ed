// SPDX-License-Identifier: Apache-2.0
#include "simpledateformat.h"

#include "simpledateformat_p.h"

#include "core/api/exceptions.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <limits>

namespace ConnectDesk::Transforms {

using Internal::DatePatternElement;

namespace Internal {

const char *const LongMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
const char *const ShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// Index 0 is unused: Calendar numbers Sunday 1 .. Saturday 7.
const char *const LongWeekdays[] = {"", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char *const ShortWeekdays[] = {"", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0)))
        --q;
    return q;
}

qint64 floorMod(qint64 a, qint64 b)
{
    return a - floorDiv(a, b) * b;
}

// Day counts use March-based years, so the leap day ends each cycle.
qint64 marchDayOfYear(qint64 month, qint64 day)
{
    return (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
}

qint64 gregorianToEpochDay(qint64 y, qint64 m, qint64 d)
{
    y -= m <= 2;
    const qint64 era = floorDiv(y, 400);
    const qint64 yoe = y - era * 400;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + marchDayOfYear(m, d);
    return era * 146097 + doe - 719468;
}

qint64 julianDayCount(qint64 y, qint64 m, qint64 d)
{
    y -= m <= 2;
    const qint64 era = floorDiv(y, 4);
    const qint64 yoe = y - era * 4;
    return era * 1461 + yoe * 365 + marchDayOfYear(m, d);
}

// 1970-01-01 (Gregorian) is 1969-12-19 in the Julian calendar.
const qint64 JulianEpochShift = julianDayCount(1969, 12, 19);

qint64 julianToEpochDay(qint64 y, qint64 m, qint64 d)
{
    return julianDayCount(y, m, d) - JulianEpochShift;
}

void monthAndDayFromMarchDay(qint64 doy, int *month, int *day)
{
    const qint64 mp = (5 * doy + 2) / 153;
    *day = int(doy - (153 * mp + 2) / 5 + 1);
    *month = int(mp < 10 ? mp + 3 : mp - 9);
}

/** The calendar date of an epoch day as GregorianCalendar shows it (Julian before the cutover). */
void civilFromEpochDay(qint64 days, qint64 *year, int *month, int *day)
{
    if (days >= CutoverEpochDay) {
        const qint64 z = days + 719468;
        const qint64 era = floorDiv(z, 146097);
        const qint64 doe = z - era * 146097;
        const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        monthAndDayFromMarchDay(doe - (365 * yoe + yoe / 4 - yoe / 100), month, day);
        *year = yoe + era * 400 + (*month <= 2);
    } else {
        const qint64 z = days + JulianEpochShift;
        const qint64 era = floorDiv(z, 1461);
        const qint64 doe = z - era * 1461;
        const qint64 yoe = (doe - doe / 1460) / 365;
        monthAndDayFromMarchDay(doe - 365 * yoe, month, day);
        *year = yoe + era * 4 + (*month <= 2);
    }
}

/** Epoch day of a date with a lenient 0-based month, in the calendar GregorianCalendar uses. */
qint64 epochDayOf(qint64 year, qint64 month0, qint64 day)
{
    year += floorDiv(month0, 12);
    const qint64 month = floorMod(month0, 12) + 1;
    if (year > CutoverYear)
        return gregorianToEpochDay(year, month, day);
    if (year < CutoverYear)
        return julianToEpochDay(year, month, day);
    const qint64 gregorian = gregorianToEpochDay(year, month, day);
    return gregorian >= CutoverEpochDay ? gregorian : julianToEpochDay(year, month, day);
}

int dayOfWeek(qint64 epochDay)
{
    return int(floorMod(epochDay + 4, 7)) + 1; // 1970-01-01 was a Thursday (5)
}

qint64 dayOfWeekOnOrBefore(qint64 epochDay, qint64 weekday)
{
    return epochDay - floorMod(dayOfWeek(epochDay) - weekday, 7);
}

/** The start of week 1 of the period beginning on firstDay. */
qint64 firstWeekStart(qint64 firstDay)
{
    qint64 start = dayOfWeekOnOrBefore(firstDay + 6, FirstDayOfWeek);
    if (start - firstDay >= MinimalDaysInFirstWeek)
        start -= 7;
    return start;
}

int weekNumber(qint64 firstDay, qint64 date)
{
    return int(floorDiv(date - firstWeekStart(firstDay), 7)) + 1;
}

} // namespace Internal

namespace {

using namespace Internal;

constexpr char PatternLetters[] = "GyMdkHmsSEDFwWahKzZYuXL";

/** The calendar fields of an instant in UTC. */
struct Fields
{
    qint64 year = 0; // astronomical: 0 is 1 BC
    int month = 1;   // 1..12
    int day = 1;
    int dayOfYear = 1;
    int dayOfWeek = 1; // Sunday = 1
    int weekOfYear = 1;
    int weekOfMonth = 1;
    qint64 weekYear = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int millis = 0;
};

Fields fieldsOf(qint64 epochMs)
{
    Fields f;
    const qint64 days = floorDiv(epochMs, MsPerDay);
    const qint64 msOfDay = epochMs - days * MsPerDay;
    civilFromEpochDay(days, &f.year, &f.month, &f.day);
    const qint64 jan1 = epochDayOf(f.year, 0, 1);
    f.dayOfYear = int(days - jan1 + 1);
    f.dayOfWeek = dayOfWeek(days);
    f.weekOfMonth = weekNumber(days - (f.day - 1), days);
    f.weekOfYear = weekNumber(jan1, days);
    if (f.weekOfYear == 0) {
        f.weekOfYear = weekNumber(epochDayOf(f.year - 1, 0, 1), jan1 - 1);
    } else if (f.weekOfYear >= 52) {
        const qint64 nextJan1 = epochDayOf(f.year + 1, 0, 1);
        const qint64 nextStart = dayOfWeekOnOrBefore(nextJan1 + 6, FirstDayOfWeek);
        if (nextStart - nextJan1 >= MinimalDaysInFirstWeek && days >= nextStart - 7)
            f.weekOfYear = 1;
    }
    f.weekYear = f.year;
    if (f.month == 1 && f.weekOfYear >= 52)
        --f.weekYear;
    else if (f.month != 1 && f.weekOfYear == 1)
        ++f.weekYear;
    f.hour = int(msOfDay / 3600000);
    f.minute = int(msOfDay / 60000 % 60);
    f.second = int(msOfDay / 1000 % 60);
    f.millis = int(msOfDay % 1000);
    return f;
}

/** DecimalFormat's integer output: at least minDigits digits, only the last maxDigits kept. */
QString padded(qint64 value, int minDigits, int maxDigits = std::numeric_limits<int>::max())
{
    const bool negative = value < 0;
    QString digits = QString::number(negative ? -quint64(value) : quint64(value));
    if (digits.size() > maxDigits)
        digits = digits.right(maxDigits);
    if (digits.size() < minDigits)
        digits.prepend(QString(minDigits - digits.size(), QLatin1Char('0')));
    return negative ? QLatin1Char('-') + digits : digits;
}

} // namespace

SimpleDateFormat::SimpleDateFormat(const QString &pattern)
    : m_pattern(pattern)
{
    DatePatternElement run;
    QString literal;
    auto flushRun = [&] {
        if (run.letter == 0)
            return;
        if (run.letter == 'X' && run.count > 3)
            throw Api::IllegalArgumentException(QStringLiteral("invalid ISO 8601 format: length=%1").arg(run.count));
        m_elements.push_back(run);
        run = {};
    };
    auto addLiteral = [&](QChar c) {
        flushRun();
        if (!m_elements.empty() && m_elements.back().letter == 0)
            m_elements.back().literal += c;
        else
            m_elements.push_back({0, 0, QString(c)});
    };

    bool inQuote = false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('\'')) {
            if (i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char('\'')) {
                ++i;
                addLiteral(c);
            } else {
                flushRun();
                inQuote = !inQuote;
            }
            continue;
        }
        const ushort u = c.unicode();
        if (inQuote || !((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))) {
            addLiteral(c);
            continue;
        }
        const char letter = char(u);
        if (!std::strchr(PatternLetters, letter))
            throw Api::IllegalArgumentException(QStringLiteral("Illegal pattern character '%1'").arg(c));
        if (run.letter == letter) {
            ++run.count;
        } else {
            flushRun();
            run = {letter, 1, {}};
        }
    }
    if (inQuote)
        throw Api::IllegalArgumentException(QStringLiteral("Unterminated quote"));
    flushRun();

    // Java puts two-digit years within 80 years before and 20 after the format's creation.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    setTwoDigitYearStart(now.addYears(-80).toMSecsSinceEpoch());
}

void SimpleDateFormat::setTwoDigitYearStart(qint64 epochMs)
{
    m_centuryStartMs = epochMs;
    const Fields f = fieldsOf(epochMs);
    m_centuryStartYear = int(f.year <= 0 ? 1 - f.year : f.year);
}

QString SimpleDateFormat::format(qint64 epochMs) const
{
    const Fields f = fieldsOf(epochMs);
    const qint64 yearOfEra = f.year <= 0 ? 1 - f.year : f.year;
    QString out;
    for (const DatePatternElement &e : m_elements) {
        const int n = e.count;
        switch (e.letter) {
        case 0:
            out += e.literal;
            break;
        case 'G':
            if (n >= 4)
                out += f.year > 0 ? QStringLiteral("Anno Domini") : QStringLiteral("Before Christ");
            else
                out += f.year > 0 ? QStringLiteral("AD") : QStringLiteral("BC");
            break;
        case 'y':
            out += n == 2 ? padded(yearOfEra, 2, 2) : padded(yearOfEra, n);
            break;
        case 'Y':
            out += n == 2 ? padded(f.weekYear, 2, 2) : padded(f.weekYear, n);
            break;
        case 'M':
        case 'L':
            if (n >= 4)
                out += QLatin1String(LongMonths[f.month - 1]);
            else if (n == 3)
                out += QLatin1String(ShortMonths[f.month - 1]);
            else
                out += padded(f.month, n);
            break;
        case 'w':
            out += padded(f.weekOfYear, n);
            break;
        case 'W':
            out += padded(f.weekOfMonth, n);
            break;
        case 'D':
            out += padded(f.dayOfYear, n);
            break;
        case 'd':
            out += padded(f.day, n);
            break;
        case 'F':
            out += padded((f.day - 1) / 7 + 1, n);
            break;
        case 'E':
            out += QLatin1String(n >= 4 ? LongWeekdays[f.dayOfWeek] : ShortWeekdays[f.dayOfWeek]);
            break;
        case 'u':
            out += padded(f.dayOfWeek == 1 ? 7 : f.dayOfWeek - 1, n);
            break;
        case 'a':
            out += f.hour < 12 ? QStringLiteral("AM") : QStringLiteral("PM");
            break;
        case 'H':
            out += padded(f.hour, n);
            break;
        case 'k':
            out += padded(f.hour == 0 ? 24 : f.hour, n);
            break;
        case 'K':
            out += padded(f.hour % 12, n);
            break;
        case 'h':
            out += padded(f.hour % 12 == 0 ? 12 : f.hour % 12, n);
            break;
        case 'm':
            out += padded(f.minute, n);
            break;
        case 's':
            out += padded(f.second, n);
            break;
        case 'S':
            out += padded(f.millis, n);
            break;
        case 'z':
            out += n >= 4 ? QStringLiteral("Coordinated Universal Time") : QStringLiteral("UTC");
            break;
        case 'Z':
            out += QStringLiteral("+0000");
            break;
        case 'X':
            out += QLatin1Char('Z');
            break;
        }
    }
    return out;
}

std::optional<qint64> SimpleDateFormat::parse(const QString &text) const
{
    qsizetype index = 0;
    const auto result = parse(text, &index);
    if (index == 0) // Java's parse(String) throws ParseException when nothing was consumed
        return std::nullopt;
    return result;
}

std::optional<qint64> SimpleDateFormat::parse(const QString &text, qsizetype *index) const
{
    FieldBuilder fields;
    bool ambiguousYear = false;
    qsizetype pos = *index;
    for (size_t i = 0; i < m_elements.size(); ++i) {
        const DatePatternElement &e = m_elements[i];
        if (e.letter == 0) {
            if (!QStringView(text).mid(pos).startsWith(e.literal))
                return std::nullopt;
            pos += e.literal.size();
            continue;
        }
        // A number directly followed by another numeric field uses exactly its letter count,
        // which is what makes "yyyyMMdd" parseable.
        const bool obeyCount = i + 1 < m_elements.size() && m_elements[i + 1].letter != 0
                               && isNumericWithCount(m_elements[i + 1].letter, m_elements[i + 1].count);
        pos = parseField(text, pos, e.letter, e.count, obeyCount, m_centuryStartYear, &ambiguousYear, fields);
        if (pos < 0)
            return std::nullopt;
    }
    qint64 result = establish(fields);
    if (ambiguousYear && result < m_centuryStartMs) {
        fields.value[Year] += 100;
        fields.value[WeekYear] += 100;
        result = establish(fields);
    }
    *index = pos;
    return result;
}

} // namespace ConnectDesk::Transforms
