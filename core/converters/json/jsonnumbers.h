// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace ConnectDesk::Converters::JsonNumbers {

/** Room formatJavaDouble()/formatJavaFloat() may need. */
inline constexpr int MaxFormattedLength = 32;

/**
 * Writes a double the way Java's `Double.toString` does (JDK 19 and later, which is what
 * Jackson prints): the shortest decimal that reads back to the same double, as `1.5`, `100.0`,
 * `0.001` for magnitudes in [1e-3, 1e7) and `1.0E7`, `1.234E-5`, `4.9E-324` otherwise; `0.0`,
 * `-0.0`, `NaN`, `Infinity`, `-Infinity`. Returns the length written to out (no terminator).
 */
int formatJavaDouble(char *out, double value);
/** Java's `Float.toString`: the same rules with float precision (`1.1`, `1.0E10`). */
int formatJavaFloat(char *out, float value);
QByteArray javaDoubleString(double value);
QByteArray javaFloatString(float value);

/** True for the texts JSON allows as numbers (`-?int(.frac)?([eE][+-]?digits)?`). */
bool isValidNumberText(QByteArrayView text);
/** True when the number text has no fraction and no exponent. */
bool isIntegralText(QByteArrayView text);

/**
 * Java's `BigDecimal.longValue()` of a JSON number text: the integer part (truncated towards
 * zero), reduced to its low 64 bits two's complement (how Jackson's longValue() behaves for big
 * and fractional numbers). Expects a valid number text.
 */
qint64 truncatedInt64(QByteArrayView text);
/** The double nearest to a valid number text. */
double parseDouble(QByteArrayView text);
/** The float nearest to a valid number text (rounded once, like Java's `floatValue()`). */
float parseFloat(QByteArrayView text);

} // namespace ConnectDesk::Converters::JsonNumbers
