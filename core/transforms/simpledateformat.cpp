// SPDX-License-Identifier: Apache-2.0
#include "simpledateformat.h"

#include "core/api/exceptions.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <limits>

namespace ConnectDesk::Transforms {

using Internal::DatePatternElement;

namespace {

constexpr qint64 MsPerDay = 86400000;
// GregorianCalendar's default change-over: 1582-10-15 (Gregorian) follows 1582-10-04 (Julian).
constexpr qint64 CutoverEpochDay = -141427;
constexpr qint64 CutoverYear = 1582;
// The US week: Sunday first, week 1 is the week holding January 1st.
constexpr int FirstDayOfWeek = 1;
constexpr int MinimalDaysInFirstWeek = 1;

constexpr char PatternLetters[] = "GyMdkHmsSEDFwWahKzZYuXL";

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

// --- parsing: the fields a text sets, stamped in the order they were set (Java's CalendarBuilder)

enum Field {
    Era,
    Year,
    Month,
    WeekOfYear,
    WeekOfMonth,
    DayOfMonth,
    DayOfYear,
    DayOfWeek,
    DayOfWeekInMonth,
    AmPm,
    Hour,
    HourOfDay,
    Minute,
    Second,
    Millisecond,
    ZoneOffset,
    DstOffset,
    WeekYear,
    FieldCount
};

struct FieldBuilder
{
    std::array<int, FieldCount> stamp{};
    std::array<qint64, FieldCount> value{};
    int nextStamp = 2; // Java's MINIMUM_USER_STAMP

    void set(Field field, qint64 v)
    {
        stamp[field] = nextStamp++;
        value[field] = v;
    }
    bool isSet(Field field) const { return stamp[field] != 0; }
    qint64 get(Field field) const { return isSet(field) ? value[field] : 0; }
};

int aggregateStamp(int a, int b)
{
    return a == 0 || b == 0 ? 0 : std::max(a, b);
}

/** Calendar's day-of-week number for an ISO one (Monday 1 .. Sunday 7); others pass. */
qint64 calendarDayOfWeek(qint64 isoDay)
{
    if (isoDay < 1 || isoDay > 7)
        return isoDay;
    return isoDay == 7 ? 1 : isoDay + 1;
}

qint64 timeOfDayMs(const FieldBuilder &f)
{
    const int hourOfDayStamp = f.stamp[HourOfDay];
    const int hourStamp = aggregateStamp(f.stamp[Hour], f.stamp[AmPm]);
    int best = std::max(hourStamp, hourOfDayStamp);
    if (best == 0)
        best = std::max(f.stamp[Hour], f.stamp[AmPm]);
    qint64 time;
    if (best == hourOfDayStamp)
        time = f.get(HourOfDay);
    else
        time = f.get(Hour) + 12 * f.get(AmPm);
    return ((time * 60 + f.get(Minute)) * 60 + f.get(Second)) * 1000 + f.get(Millisecond);
}

/** The day a week-based date names (GregorianCalendar.setWeekDate). */
qint64 weekDateDay(qint64 weekYear, qint64 weekOfYear, qint64 weekday)
{
    qint64 days = weekday - FirstDayOfWeek;
    if (days < 0)
        days += 7;
    days += 7 * (weekOfYear - 1);
    return firstWeekStart(epochDayOf(weekYear, 0, 1)) + days;
}

/** The day the date fields name, resolved as GregorianCalendar does in lenient mode: the most
 *  recently set group of fields wins. */
qint64 resolveDay(const FieldBuilder &f)
{
    qint64 year = f.isSet(Year) ? f.value[Year] : 1970;
    if (f.isSet(Era) && f.value[Era] == 0)
        year = 1 - year;

    if (f.isSet(WeekYear) && f.stamp[WeekYear] > f.stamp[Year]) {
        qint64 week = f.isSet(WeekOfYear) ? f.value[WeekOfYear] : 1;
        qint64 weekday = f.isSet(DayOfWeek) ? f.value[DayOfWeek] : FirstDayOfWeek;
        if (weekday < 1 || weekday > 7) {
            // Java normalises out-of-range days into weeks, then maps them as ISO numbers.
            if (weekday >= 8) {
                --weekday;
                week += weekday / 7;
                weekday = weekday % 7 + 1;
            } else {
                while (weekday <= 0) {
                    weekday += 7;
                    --week;
                }
            }
            weekday = calendarDayOfWeek(weekday);
        }
        qint64 weekYear = f.value[WeekYear];
        if (f.isSet(Era) && f.value[Era] == 0)
            weekYear = 1 - weekYear;
        return weekDateDay(weekYear, week, weekday);
    }

    const int dowStamp = f.stamp[DayOfWeek];
    int domStamp = f.stamp[DayOfMonth];
    int womStamp = aggregateStamp(f.stamp[WeekOfMonth], dowStamp);
    int dowimStamp = aggregateStamp(f.stamp[DayOfWeekInMonth], dowStamp);
    const int doyStamp = f.stamp[DayOfYear];
    int woyStamp = aggregateStamp(f.stamp[WeekOfYear], dowStamp);
    int best = std::max({domStamp, womStamp, dowimStamp, doyStamp, woyStamp});
    if (best == 0) {
        womStamp = f.stamp[WeekOfMonth];
        dowimStamp = std::max(f.stamp[DayOfWeekInMonth], dowStamp);
        woyStamp = f.stamp[WeekOfYear];
        best = std::max({womStamp, dowimStamp, woyStamp});
        if (best == 0)
            best = domStamp = f.stamp[Month];
    }

    const qint64 weekday = dowStamp != 0 ? f.value[DayOfWeek] : FirstDayOfWeek;
    if (best == domStamp || (best == womStamp && f.stamp[WeekOfMonth] >= f.stamp[WeekOfYear])
        || (best == dowimStamp && f.stamp[DayOfWeekInMonth] >= f.stamp[WeekOfYear])) {
        const qint64 month = f.get(Month);
        const qint64 first = epochDayOf(year, month, 1);
        if (best == domStamp)
            return f.isSet(DayOfMonth) ? first + f.value[DayOfMonth] - 1 : first;
        bool weekOfMonth;
        if (womStamp == dowimStamp)
            weekOfMonth = f.stamp[WeekOfMonth] >= f.stamp[DayOfWeekInMonth];
        else
            weekOfMonth = best == womStamp;
        if (weekOfMonth) {
            qint64 start = firstWeekStart(first);
            if (dowStamp != 0)
                start = dayOfWeekOnOrBefore(start + 6, weekday);
            return start + 7 * (f.get(WeekOfMonth) - 1);
        }
        const qint64 dowim = f.isSet(DayOfWeekInMonth) ? f.value[DayOfWeekInMonth] : 1;
        if (dowim >= 0)
            return dayOfWeekOnOrBefore(first + 7 * dowim - 1, weekday);
        const qint64 monthLength = epochDayOf(year, month + 1, 1) - first;
        return dayOfWeekOnOrBefore(first + monthLength + 7 * (dowim + 1) - 1, weekday);
    }
    const qint64 jan1 = epochDayOf(year, 0, 1);
    if (best == doyStamp)
        return jan1 + f.value[DayOfYear] - 1;
    qint64 start = firstWeekStart(jan1);
    if (dowStamp != 0 && weekday != FirstDayOfWeek)
        start = dayOfWeekOnOrBefore(start + 6, weekday);
    return start + 7 * (f.get(WeekOfYear) - 1);
}

qint64 establish(const FieldBuilder &f)
{
    const qint64 time = timeOfDayMs(f);
    const qint64 day = resolveDay(f) + floorDiv(time, MsPerDay);
    return day * MsPerDay + floorMod(time, MsPerDay) - f.get(ZoneOffset) - f.get(DstOffset);
}

bool regionMatchesIgnoreCase(const QString &text, qsizetype at, QStringView word)
{
    return at >= 0 && at + word.size() <= text.size()
           && QStringView(text).mid(at, word.size()).compare(word, Qt::CaseInsensitive) == 0;
}

/** Longest case-insensitive match of one of the names at `at`; sets the field to its value. */
qsizetype matchName(const QString &text, qsizetype at, Field field,
                    std::initializer_list<std::pair<const char *, int>> names, FieldBuilder &fields)
{
    qsizetype bestLength = 0;
    int bestValue = 0;
    for (const auto &[name, value] : names) {
        const QString word = QString::fromLatin1(name);
        if (word.size() > bestLength && regionMatchesIgnoreCase(text, at, word)) {
            bestLength = word.size();
            bestValue = value;
        }
    }
    if (bestLength == 0)
        return -1;
    fields.set(field, bestValue);
    return at + bestLength;
}

qsizetype matchMonth(const QString &text, qsizetype at, FieldBuilder &fields)
{
    qsizetype bestLength = 0;
    int bestValue = 0;
    for (int m = 0; m < 12; ++m) {
        for (const char *name : {LongMonths[m], ShortMonths[m]}) {
            const QString word = QString::fromLatin1(name);
            if (word.size() > bestLength && regionMatchesIgnoreCase(text, at, word)) {
                bestLength = word.size();
                bestValue = m;
            }
        }
    }
    if (bestLength == 0)
        return -1;
    fields.set(Month, bestValue);
    return at + bestLength;
}

qsizetype matchWeekday(const QString &text, qsizetype at, FieldBuilder &fields)
{
    // Java tries the full names first, then the short ones.
    for (const char *const *names : {LongWeekdays, ShortWeekdays}) {
        qsizetype bestLength = 0;
        int bestValue = 0;
        for (int d = 1; d <= 7; ++d) {
            const QString word = QString::fromLatin1(names[d]);
            if (word.size() > bestLength && regionMatchesIgnoreCase(text, at, word)) {
                bestLength = word.size();
                bestValue = d;
            }
        }
        if (bestLength > 0) {
            fields.set(DayOfWeek, bestValue);
            return at + bestLength;
        }
    }
    return -1;
}

/** DecimalFormat.parse with integers only and no grouping: an optional '-' and digits, read
 *  up to `limit`. Returns the end index, or -1. */
qsizetype parseNumber(const QString &text, qsizetype at, qsizetype limit, qint64 *value)
{
    qsizetype i = at;
    const bool negative = i < limit && text.at(i) == QLatin1Char('-');
    if (negative)
        ++i;
    const qsizetype digitsStart = i;
    quint64 magnitude = 0;
    bool overflow = false;
    for (; i < limit && text.at(i).isDigit(); ++i) {
        const int digit = text.at(i).digitValue();
        if (magnitude > (std::numeric_limits<quint64>::max() - digit) / 10)
            overflow = true;
        else
            magnitude = magnitude * 10 + digit;
    }
    if (i == digitsStart)
        return -1;
    // DecimalFormat gives a Long when the number fits and a Double otherwise; intValue()
    // truncates the first and saturates the second.
    const quint64 longLimit = quint64(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    if (overflow || magnitude > longLimit) {
        *value = negative ? std::numeric_limits<qint32>::min() : std::numeric_limits<qint32>::max();
    } else {
        const quint64 bits = negative ? 0 - magnitude : magnitude;
        *value = qint32(quint32(bits));
    }
    return i;
}

/** "hh[[:]mm]" of a zone offset (SimpleDateFormat.subParseNumericZone). */
qsizetype parseNumericZone(const QString &text, qsizetype at, int sign, int count, bool colon, FieldBuilder &fields)
{
    qsizetype i = at;
    auto digitAt = [&](qsizetype index, int *digit) {
        if (index >= text.size())
            return false;
        const QChar c = text.at(index);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        *digit = c.unicode() - '0';
        return true;
    };
    int d = 0;
    if (!digitAt(i++, &d))
        return -1;
    int hours = d;
    if (digitAt(i, &d)) {
        hours = hours * 10 + d;
        ++i;
    } else {
        if (i >= text.size() || count > 0 || !colon)
            return -1;
    }
    if (hours > 23)
        return -1;
    int minutes = 0;
    if (count != 1) {
        if (colon) {
            if (i >= text.size() || text.at(i) != QLatin1Char(':'))
                return -1;
            ++i;
        }
        int tens = 0;
        int units = 0;
        if (!digitAt(i, &tens) || !digitAt(i + 1, &units))
            return -1;
        i += 2;
        minutes = tens * 10 + units;
        if (minutes > 59)
            return -1;
    }
    fields.set(ZoneOffset, qint64(hours * 60 + minutes) * 60000 * sign);
    fields.set(DstOffset, 0);
    return i;
}

qsizetype parseZone(const QString &text, qsizetype start, qsizetype pos, FieldBuilder &fields)
{
    const QChar c = text.at(pos);
    int sign = c == QLatin1Char('+') ? 1 : c == QLatin1Char('-') ? -1 : 0;
    if (sign != 0)
        return parseNumericZone(text, pos + 1, sign, 0, false, fields);
    if ((c == QLatin1Char('G') || c == QLatin1Char('g')) && regionMatchesIgnoreCase(text, start, u"GMT")) {
        pos = start + 3;
        if (pos < text.size()) {
            const QChar next = text.at(pos);
            sign = next == QLatin1Char('+') ? 1 : next == QLatin1Char('-') ? -1 : 0;
        }
        if (sign == 0) {
            fields.set(ZoneOffset, 0);
            fields.set(DstOffset, 0);
            return pos;
        }
        return parseNumericZone(text, pos + 1, sign, 0, true, fields);
    }
    // Zone names: only UTC's, the zone the transforms format in. Java leaves the offset
    // fields alone when the name is the formatter's own zone.
    for (QStringView name : {QStringView(u"Coordinated Universal Time"), QStringView(u"UTC")}) {
        if (regionMatchesIgnoreCase(text, pos, name))
            return pos + name.size();
    }
    return -1;
}

bool isNumericWithCount(char letter, int count)
{
    switch (letter) {
    case 'M':
    case 'L':
        return count <= 2;
    case 'y':
    case 'd':
    case 'k':
    case 'H':
    case 'm':
    case 's':
    case 'S':
    case 'D':
    case 'F':
    case 'w':
    case 'W':
    case 'h':
    case 'K':
    case 'Y':
    case 'u':
        return true;
    default:
        return false;
    }
}

/** One field of the pattern (SimpleDateFormat.subParse); the index after it, or -1. */
qsizetype parseField(const QString &text, qsizetype start, char letter, int count, bool obeyCount,
                     int centuryStartYear, bool *ambiguousYear, FieldBuilder &fields)
{
    qsizetype pos = start;
    for (;; ++pos) {
        if (pos >= text.size())
            return -1;
        if (text.at(pos) != QLatin1Char(' ') && text.at(pos) != QLatin1Char('\t'))
            break;
    }
    const qsizetype actualStart = pos;
    auto number = [&](qint64 *value) {
        if (obeyCount) {
            if (start + count > text.size())
                return qsizetype(-1);
            return parseNumber(text, pos, start + count, value);
        }
        return parseNumber(text, pos, text.size(), value);
    };

    qint64 value = 0;
    const bool numberFirst = letter == 'k' || letter == 'h' || letter == 'y' || letter == 'Y'
                             || ((letter == 'M' || letter == 'L') && count <= 2);
    if (numberFirst) {
        pos = number(&value);
        if (pos < 0)
            return -1;
    }

    switch (letter) {
    case 'G':
        return matchName(text, start, Era,
                         {{"AD", 1}, {"BC", 0}, {"Anno Domini", 1}, {"Before Christ", 0}, {"A", 1}, {"B", 0}},
                         fields);
    case 'y':
    case 'Y':
        if (count <= 2 && pos - actualStart == 2 && text.at(actualStart).isDigit()
            && text.at(actualStart + 1).isDigit()) {
            const int ambiguous = centuryStartYear % 100;
            *ambiguousYear = value == ambiguous;
            value += (centuryStartYear / 100) * 100 + (value < ambiguous ? 100 : 0);
        }
        fields.set(letter == 'y' ? Year : WeekYear, value);
        return pos;
    case 'M':
    case 'L':
        if (count <= 2) {
            fields.set(Month, value - 1);
            return pos;
        }
        return matchMonth(text, start, fields);
    case 'k':
        fields.set(HourOfDay, value == 24 ? 0 : value);
        return pos;
    case 'h':
        fields.set(Hour, value == 12 ? 0 : value);
        return pos;
    case 'E':
        return matchWeekday(text, start, fields);
    case 'a':
        return matchName(text, start, AmPm, {{"AM", 0}, {"PM", 1}, {"a", 0}, {"p", 1}}, fields);
    case 'z':
    case 'Z':
        return parseZone(text, start, pos, fields);
    case 'X': {
        const QChar c = text.at(pos);
        if (c == QLatin1Char('Z')) {
            fields.set(ZoneOffset, 0);
            fields.set(DstOffset, 0);
            return pos + 1;
        }
        if (c != QLatin1Char('+') && c != QLatin1Char('-'))
            return -1;
        return parseNumericZone(text, pos + 1, c == QLatin1Char('+') ? 1 : -1, count, count == 3, fields);
    }
    default:
        break;
    }

    pos = number(&value);
    if (pos < 0)
        return -1;
    switch (letter) {
    case 'd':
        fields.set(DayOfMonth, value);
        break;
    case 'H':
        fields.set(HourOfDay, value);
        break;
    case 'm':
        fields.set(Minute, value);
        break;
    case 's':
        fields.set(Second, value);
        break;
    case 'S':
        fields.set(Millisecond, value);
        break;
    case 'D':
        fields.set(DayOfYear, value);
        break;
    case 'F':
        fields.set(DayOfWeekInMonth, value);
        break;
    case 'w':
        fields.set(WeekOfYear, value);
        break;
    case 'W':
        fields.set(WeekOfMonth, value);
        break;
    case 'K':
        fields.set(Hour, value);
        break;
    case 'u':
        fields.set(DayOfWeek, calendarDayOfWeek(value));
        break;
    default:
        return -1;
    }
    return pos;
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
