// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connectdeskapi_global.h"

#include <QByteArray>
#include <QString>

namespace ConnectDesk::Api {

/**
 * An arbitrary-precision decimal, the in-memory form of Kafka Connect's Decimal logical type
 * (Java `BigDecimal`): an unscaled integer and a scale, value = unscaled × 10^-scale.
 *
 * The unscaled integer is kept as big-endian two's-complement bytes of minimal length, exactly
 * what Java's `BigInteger.toByteArray()` produces and what the Decimal logical type puts on the
 * wire.
 */
class CONNECTDESK_API_EXPORT Decimal
{
public:
    Decimal() = default;
    /** From the wire form: two's-complement big-endian unscaled bytes and a scale. */
    static Decimal fromUnscaledBytes(const QByteArray &unscaled, int scale);
    static Decimal fromInt64(qint64 unscaled, int scale = 0);
    /** Parses plain or scientific decimal text ("-12.340", "1E+3"); ok=false on bad input. */
    static Decimal fromString(QStringView text, bool *ok = nullptr);
    /** From a double, using the shortest text that round-trips (like `BigDecimal.valueOf`:
     *  0.1 → 0.1 scale 1, 100.0 → 100.0 scale 1). NaN and infinities give zero. */
    static Decimal fromDouble(double v);

    /** Minimal two's-complement big-endian bytes of the unscaled value (zero → one 0x00 byte). */
    QByteArray unscaledBytes() const { return m_unscaled; }
    int scale() const { return m_scale; }
    bool isZero() const;
    bool isNegative() const;

    /** Same value with another scale; ok=false when digits would be lost (scale reduction). */
    Decimal withScale(int newScale, bool *ok = nullptr) const;

    /** Plain decimal text as Java's `BigDecimal.toPlainString()`: "12.34", "-0.5", "100". */
    QString toPlainString() const;
    /** Java's `BigDecimal.toString()`: plain text, or scientific notation when the scale is
     *  negative or the value is tiny ("1E+3", "1.5E-8"); what `String.valueOf` shows. */
    QString toString() const;
    double toDouble() const;
    /** The unscaled value if it fits in 64 bits. */
    bool toInt64Unscaled(qint64 *out) const;

    friend bool operator==(const Decimal &a, const Decimal &b)
    {
        return a.m_scale == b.m_scale && a.m_unscaled == b.m_unscaled;
    }

private:
    QByteArray m_unscaled = QByteArray(1, '\0');
    int m_scale = 0;
};

} // namespace ConnectDesk::Api
