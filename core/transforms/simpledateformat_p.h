// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to SimpleDateFormat: the calendar arithmetic of java.util.GregorianCalendar (UTC,
// US weeks, Julian dates before the 1582 cutover) shared by its formatting and parsing halves.

#include <QString>

#include <array>

namespace ConnectDesk::Transforms::Internal {

inline constexpr qint64 MsPerDay = 86400000;
// GregorianCalendar's default change-over: 1582-10-15 (Gregorian) follows 1582-10-04 (Julian).
inline constexpr qint64 CutoverEpochDay = -141427;
inline constexpr qint64 CutoverYear = 1582;
// The US week: Sunday first, week 1 is the week holding January 1st.
inline constexpr int FirstDayOfWeek = 1;
inline constexpr int MinimalDaysInFirstWeek = 1;

extern const char *const LongMonths[12];
extern const char *const ShortMonths[12];
/** Index 0 is unused: Calendar numbers Sunday 1 .. Saturday 7. */
extern const char *const LongWeekdays[8];
extern const char *const ShortWeekdays[8];

qint64 floorDiv(qint64 a, qint64 b);
qint64 floorMod(qint64 a, qint64 b);
/** Epoch day of a date with a lenient 0-based month, in the calendar GregorianCalendar uses. */
qint64 epochDayOf(qint64 year, qint64 month0, qint64 day);
/** 1 = Sunday .. 7 = Saturday. */
int dayOfWeek(qint64 epochDay);
qint64 dayOfWeekOnOrBefore(qint64 epochDay, qint64 weekday);
/** The start of week 1 of the period (year or month) beginning on firstDay. */
qint64 firstWeekStart(qint64 firstDay);

/** Java's calendar fields, as a parse sets them. */
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

/** The fields a text sets, stamped in the order they were set (Java's CalendarBuilder). */
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

/** The instant the fields name, resolved like a lenient GregorianCalendar in UTC. */
qint64 establish(const FieldBuilder &fields);
/** Whether a field of this letter and count, following a number, makes that number stop at its
 *  own letter count ("yyyyMMdd"). */
bool isNumericWithCount(char letter, int count);
/** One pattern field (SimpleDateFormat.subParse): the index after it, or -1. */
qsizetype parseField(const QString &text, qsizetype start, char letter, int count, bool obeyCount,
                     int centuryStartYear, bool *ambiguousYear, FieldBuilder &fields);

} // namespace ConnectDesk::Transforms::Internal
