// SPDX-License-Identifier: Apache-2.0
// The parsing half of SimpleDateFormat: Java's CalendarBuilder and GregorianCalendar's lenient
// field resolution.
#include "simpledateformat_p.h"

#include <QStringView>

#include <algorithm>
#include <initializer_list>
#include <limits>

namespace ConnectDesk::Transforms::Internal {

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

} // namespace ConnectDesk::Transforms::Internal
