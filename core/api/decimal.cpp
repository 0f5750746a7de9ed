// SPDX-License-Identifier: Apache-2.0
#include "decimal.h"

#include "javaformat_p.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace ConnectDesk::Api {

namespace {

// Unsigned magnitude in base 2^32, least significant limb first; no trailing zero limbs.
using Magnitude = std::vector<quint32>;

void trim(Magnitude &m)
{
    while (!m.empty() && m.back() == 0)
        m.pop_back();
}

void mulAdd(Magnitude &m, quint32 factor, quint32 addend)
{
    quint64 carry = addend;
    for (quint32 &limb : m) {
        const quint64 t = quint64(limb) * factor + carry;
        limb = quint32(t);
        carry = t >> 32;
    }
    if (carry)
        m.push_back(quint32(carry));
}

/** Divides in place, returns the remainder. */
quint32 divSmall(Magnitude &m, quint32 divisor)
{
    quint64 rem = 0;
    for (auto it = m.rbegin(); it != m.rend(); ++it) {
        const quint64 cur = (rem << 32) | *it;
        *it = quint32(cur / divisor);
        rem = cur % divisor;
    }
    trim(m);
    return quint32(rem);
}

/** Big-endian two's-complement bytes → sign and magnitude. */
Magnitude toMagnitude(const QByteArray &bytes, bool *negative)
{
    *negative = !bytes.isEmpty() && (quint8(bytes.at(0)) & 0x80);
    std::vector<quint8> be(bytes.begin(), bytes.end());
    if (*negative) {
        // Magnitude = two's complement of the value.
        for (quint8 &b : be)
            b = quint8(~b);
        for (auto it = be.rbegin(); it != be.rend(); ++it) {
            if (++*it != 0)
                break;
        }
    }
    Magnitude m((be.size() + 3) / 4, 0);
    for (size_t i = 0; i < be.size(); ++i) {
        const size_t bytePos = be.size() - 1 - i; // 0 = least significant
        m[bytePos / 4] |= quint32(be[i]) << (8 * (bytePos % 4));
    }
    trim(m);
    return m;
}

/** Drops redundant sign bytes, as BigInteger.toByteArray() never has them. */
QByteArray normalized(QByteArray bytes)
{
    if (bytes.isEmpty())
        return QByteArray(1, '\0');
    int start = 0;
    while (start + 1 < bytes.size()) {
        const quint8 b = quint8(bytes.at(start));
        const quint8 next = quint8(bytes.at(start + 1));
        if ((b == 0x00 && !(next & 0x80)) || (b == 0xFF && (next & 0x80)))
            ++start;
        else
            break;
    }
    return start ? bytes.mid(start) : bytes;
}

QByteArray fromMagnitude(const Magnitude &m, bool negative)
{
    QByteArray be;
    for (auto it = m.rbegin(); it != m.rend(); ++it) {
        for (int shift = 24; shift >= 0; shift -= 8)
            be.append(char(quint8(*it >> shift)));
    }
    while (be.size() > 1 && be.at(0) == '\0')
        be.remove(0, 1);
    if (be.isEmpty() || (be.size() == 1 && be.at(0) == '\0'))
        return QByteArray(1, '\0');
    if (negative) {
        for (char &c : be)
            c = char(~quint8(c));
        for (qsizetype i = be.size() - 1; i >= 0; --i) {
            be[i] = char(quint8(be.at(i)) + 1);
            if (be.at(i) != '\0')
                break;
        }
        if (!(quint8(be.at(0)) & 0x80))
            be.prepend(char(0xFF));
    } else if (quint8(be.at(0)) & 0x80) {
        be.prepend('\0');
    }
    return normalized(be);
}

QString magnitudeDigits(Magnitude m)
{
    if (m.empty())
        return QStringLiteral("0");
    QString out;
    while (!m.empty()) {
        quint32 chunk = divSmall(m, 1000000000u);
        for (int i = 0; i < 9; ++i) {
            out.append(QLatin1Char(char('0' + chunk % 10)));
            chunk /= 10;
            if (m.empty() && chunk == 0)
                break;
        }
    }
    std::reverse(out.begin(), out.end());
    return out;
}

void multiplyByPowerOfTen(Magnitude &m, qint64 power)
{
    while (power >= 9) {
        mulAdd(m, 1000000000u, 0);
        power -= 9;
    }
    quint32 f = 1;
    while (power-- > 0)
        f *= 10;
    if (f > 1)
        mulAdd(m, f, 0);
    trim(m);
}

} // namespace

Decimal Decimal::fromUnscaledBytes(const QByteArray &unscaled, int scale)
{
    Decimal d;
    d.m_unscaled = normalized(unscaled);
    d.m_scale = scale;
    return d;
}

Decimal Decimal::fromInt64(qint64 unscaled, int scale)
{
    QByteArray be(8, '\0');
    const quint64 u = quint64(unscaled);
    for (int i = 0; i < 8; ++i)
        be[i] = char(quint8(u >> (56 - 8 * i)));
    return fromUnscaledBytes(be, scale);
}

Decimal Decimal::fromString(QStringView text, bool *ok)
{
    if (ok)
        *ok = false;
    const qsizetype n = text.size();
    qsizetype i = 0;
    bool negative = false;
    if (i < n && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-'))) {
        negative = text[i] == QLatin1Char('-');
        ++i;
    }
    Magnitude m;
    qint64 digits = 0;
    qint64 fraction = 0;
    bool inFraction = false;
    for (; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c >= u'0' && c <= u'9') {
            mulAdd(m, 10, quint32(c - u'0'));
            ++digits;
            if (inFraction)
                ++fraction;
        } else if (c == u'.' && !inFraction) {
            inFraction = true;
        } else {
            break;
        }
    }
    if (digits == 0)
        return {};
    qint64 exponent = 0;
    if (i < n && (text[i] == QLatin1Char('e') || text[i] == QLatin1Char('E'))) {
        ++i;
        bool expNegative = false;
        if (i < n && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-'))) {
            expNegative = text[i] == QLatin1Char('-');
            ++i;
        }
        qsizetype expDigits = 0;
        for (; i < n && text[i] >= QLatin1Char('0') && text[i] <= QLatin1Char('9'); ++i) {
            exponent = exponent * 10 + (text[i].unicode() - u'0');
            ++expDigits;
            if (exponent > std::numeric_limits<int>::max())
                return {};
        }
        if (expDigits == 0)
            return {};
        if (expNegative)
            exponent = -exponent;
    }
    if (i != n)
        return {};
    const qint64 scale = fraction - exponent;
    if (scale > std::numeric_limits<int>::max() || scale < std::numeric_limits<int>::min())
        return {};
    trim(m);
    Decimal d;
    d.m_unscaled = fromMagnitude(m, negative);
    d.m_scale = int(scale);
    if (ok)
        *ok = true;
    return d;
}

Decimal Decimal::fromDouble(double v)
{
    if (!std::isfinite(v))
        return {};
    return fromString(Internal::javaDoubleToString(v));
}

bool Decimal::isZero() const
{
    return m_unscaled.size() == 1 && m_unscaled.at(0) == '\0';
}

bool Decimal::isNegative() const
{
    return quint8(m_unscaled.at(0)) & 0x80;
}

Decimal Decimal::withScale(int newScale, bool *ok) const
{
    if (ok)
        *ok = true;
    if (newScale == m_scale)
        return *this;
    bool negative = false;
    Magnitude m = toMagnitude(m_unscaled, &negative);
    if (newScale > m_scale) {
        multiplyByPowerOfTen(m, qint64(newScale) - m_scale);
    } else {
        qint64 drop = qint64(m_scale) - newScale;
        Magnitude q = m;
        while (drop > 0 && !q.empty()) {
            quint32 step = 1;
            for (qint64 k = 0; k < std::min<qint64>(drop, 9); ++k)
                step *= 10;
            if (divSmall(q, step) != 0) {
                if (ok)
                    *ok = false;
                return *this;
            }
            drop -= drop >= 9 ? 9 : drop;
        }
        m = q;
    }
    Decimal d;
    d.m_unscaled = fromMagnitude(m, negative);
    d.m_scale = newScale;
    return d;
}

QString Decimal::toPlainString() const
{
    bool negative = false;
    QString digits = magnitudeDigits(toMagnitude(m_unscaled, &negative));
    const QString sign = negative ? QStringLiteral("-") : QString();
    if (m_scale <= 0) {
        if (digits == QLatin1String("0"))
            return digits;
        return sign + digits + QString(-qint64(m_scale), QLatin1Char('0'));
    }
    if (digits.size() <= m_scale)
        digits = QString(m_scale - digits.size() + 1, QLatin1Char('0')) + digits;
    return sign + digits.left(digits.size() - m_scale) + QLatin1Char('.')
           + digits.right(m_scale);
}

QString Decimal::toString() const
{
    bool negative = false;
    const QString digits = magnitudeDigits(toMagnitude(m_unscaled, &negative));
    const qint64 adjusted = -qint64(m_scale) + (digits.size() - 1);
    if (m_scale == 0 || (m_scale > 0 && adjusted >= -6))
        return toPlainString();
    QString out = negative ? QStringLiteral("-") : QString();
    out += digits.at(0);
    if (digits.size() > 1)
        out += QLatin1Char('.') + digits.mid(1);
    if (adjusted != 0) {
        out += QLatin1Char('E');
        if (adjusted > 0)
            out += QLatin1Char('+');
        out += QString::number(adjusted);
    }
    return out;
}

double Decimal::toDouble() const
{
    return Internal::parseDouble(toString(), nullptr);
}

bool Decimal::toInt64Unscaled(qint64 *out) const
{
    if (m_unscaled.size() > 8)
        return false;
    quint64 v = isNegative() ? ~quint64(0) : 0;
    for (char c : m_unscaled)
        v = (v << 8) | quint8(c);
    if (out)
        *out = qint64(v);
    return true;
}

} // namespace ConnectDesk::Api
