// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/decimal.h"

#include <QString>

#include <optional>

/**
 * The Java number conversions Cast follows: the wrapper classes' parsers (`Integer.parseInt`,
 * `Double.parseDouble`...) and the narrowing that `Number.byteValue()`, `intValue()`... apply.
 * Parsers return nullopt where Java throws NumberFormatException. Stateless and thread-safe.
 */
namespace ConnectDesk::Transforms::JavaNumbers {

/** `Long.parseLong`-style decimal integer within [min, max]: optional sign, then digits (any
 *  Unicode decimal digit, as Character.digit accepts), nothing else. */
std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max);
/** `Double.parseDouble`: surrounding whitespace and control characters are ignored; accepts
 *  "NaN", "Infinity", decimal and hexadecimal (`0x1.8p1`) forms with an optional f/F/d/D. */
std::optional<double> parseDouble(const QString &text);
/** `Float.parseFloat`: the same grammar, rounded once to float. */
std::optional<float> parseFloat(const QString &text);
/** `Boolean.parseBoolean`: "true" in any case, everything else false. */
bool parseBoolean(const QString &text);

/** `(long) d`: truncates, saturates, NaN gives 0. */
qint64 doubleToLong(double d);
/** `(int) d`. */
qint32 doubleToInt(double d);
/** `BigDecimal.longValue()`: the fraction dropped, the low 64 bits of the integer kept. */
qint64 decimalToLong(const Api::Decimal &d);
/** `BigDecimal.doubleValue()` / `floatValue()`: correctly rounded. */
double decimalToDouble(const Api::Decimal &d);
float decimalToFloat(const Api::Decimal &d);

/** Java's `String.trim()`: drops characters up to U+0020 at both ends. */
QString javaTrim(const QString &text);

} // namespace ConnectDesk::Transforms::JavaNumbers
