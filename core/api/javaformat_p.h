// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to the SDK implementation: text formats of the Java standard library that Kafka
// Connect's output depends on (Double.toString, Date.toString, the ISO-8601 patterns of
// Values). All of them are locale-independent; dates are UTC.

#include <QString>
#include <QStringView>

namespace ConnectDesk::Api::Internal {

/** Java's `Double.toString(double)` (JDK 19+ shortest-digits algorithm): "1.0", "0.1",
 *  "1.0E7", "1.0E-4", "NaN", "-Infinity". */
QString javaDoubleToString(double v);
/** Java's `Float.toString(float)`. */
QString javaFloatToString(float v);

/** Java's `java.util.Date.toString()` in UTC: "Thu Jan 01 00:00:00 UTC 1970". */
QString javaDateToString(qint64 epochMs);

/** Values.dateFormatFor(): `HH:mm:ss.SSS'Z'` below one day since the epoch, `yyyy-MM-dd` for
 *  whole days, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` otherwise (UTC). */
QString isoFormatForValues(qint64 epochMs);

/** Days since 1970-01-01 of a proleptic Gregorian date; month may be out of 1..12 (rolls). */
qint64 daysFromCivil(qint64 year, qint64 month, qint64 day);
/** The inverse of daysFromCivil. */
void civilFromDays(qint64 days, qint64 *year, int *month, int *day);

/** Locale-independent, correctly rounded text → double/float (C strtod semantics: overflow
 *  gives ±infinity, underflow 0). ok=false unless the whole text is a decimal number. */
double parseDouble(QStringView text, bool *ok);
float parseFloat(QStringView text, bool *ok);

} // namespace ConnectDesk::Api::Internal
