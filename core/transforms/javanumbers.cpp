// SPDX-License-Identifier: Apache-2.0
#include "javanumbers.h"

#include <QByteArray>

#include <clocale>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <locale.h>

namespace ConnectDesk::Transforms::JavaNumbers {

namespace {

// strtod follows the process locale, and Qt applications adopt the user's: parse in "C".
locale_t cLocale()
{
    static const locale_t locale = newlocale(LC_ALL_MASK, "C", nullptr);
    return locale;
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isHexDigit(QChar c)
{
    return isAsciiDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
           || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

/** Checks Java's floating-point grammar; on success returns the text strtod should read
 *  ("nan", "inf" or the number without its type suffix). */
std::optional<QByteArray> floatingText(const QString &input)
{
    const QString text = javaTrim(input);
    qsizetype i = 0;
    QByteArray sign;
    if (i < text.size() && (text.at(i) == QLatin1Char('+') || text.at(i) == QLatin1Char('-')))
        sign = QByteArray(1, char(text.at(i++).unicode()));
    const QStringView rest = QStringView(text).mid(i);
    if (rest == u"NaN")
        return QByteArray("nan");
    if (rest == u"Infinity")
        return sign + "inf";

    const qsizetype start = i;
    const bool hex = rest.startsWith(u"0x", Qt::CaseInsensitive);
    auto isMantissaDigit = [hex](QChar c) { return hex ? isHexDigit(c) : isAsciiDigit(c); };
    if (hex)
        i += 2;
    qsizetype digits = 0;
    while (i < text.size() && isMantissaDigit(text.at(i)))
        ++i, ++digits;
    if (i < text.size() && text.at(i) == QLatin1Char('.')) {
        ++i;
        while (i < text.size() && isMantissaDigit(text.at(i)))
            ++i, ++digits;
    }
    if (digits == 0)
        return std::nullopt;
    const QString exponentMarks = hex ? QStringLiteral("pP") : QStringLiteral("eE");
    const bool hasExponent = i < text.size() && exponentMarks.contains(text.at(i));
    if (hex && !hasExponent)
        return std::nullopt; // Java requires the binary exponent of a hex literal
    if (hasExponent) {
        ++i;
        if (i < text.size() && (text.at(i) == QLatin1Char('+') || text.at(i) == QLatin1Char('-')))
            ++i;
        qsizetype exponentDigits = 0;
        while (i < text.size() && isAsciiDigit(text.at(i)))
            ++i, ++exponentDigits;
        if (exponentDigits == 0)
            return std::nullopt;
    }
    const qsizetype numberEnd = i;
    if (i < text.size() && QStringLiteral("fFdD").contains(text.at(i)))
        ++i;
    if (i != text.size())
        return std::nullopt;
    return sign + text.mid(start, numberEnd - start).toLatin1();
}

} // namespace

std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max)
{
    if (text.isEmpty())
        return std::nullopt;
    qsizetype i = 0;
    bool negative = false;
    if (text.at(0) == QLatin1Char('-') || text.at(0) == QLatin1Char('+')) {
        negative = text.at(0) == QLatin1Char('-');
        if (text.size() == 1)
            return std::nullopt;
        ++i;
    }
    // Accumulate negatively, as Java does, so that the minimum fits.
    const qint64 limit = negative ? min : -max;
    const qint64 multiplyLimit = limit / 10;
    qint64 result = 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const int digit = c.isDigit() ? c.digitValue() : -1;
        if (digit < 0 || digit > 9 || result < multiplyLimit)
            return std::nullopt;
        result *= 10;
        if (result < limit + digit)
            return std::nullopt;
        result -= digit;
    }
    return negative ? result : -result;
}

std::optional<double> parseDouble(const QString &text)
{
    const auto ascii = floatingText(text);
    if (!ascii)
        return std::nullopt;
    return strtod_l(ascii->constData(), nullptr, cLocale());
}

std::optional<float> parseFloat(const QString &text)
{
    const auto ascii = floatingText(text);
    if (!ascii)
        return std::nullopt;
    return strtof_l(ascii->constData(), nullptr, cLocale());
}

bool parseBoolean(const QString &text)
{
    return text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

qint64 doubleToLong(double d)
{
    if (std::isnan(d))
        return 0;
    if (d >= 9223372036854775808.0)
        return std::numeric_limits<qint64>::max();
    if (d <= -9223372036854775808.0)
        return std::numeric_limits<qint64>::min();
    return qint64(d);
}

qint32 doubleToInt(double d)
{
    if (std::isnan(d))
        return 0;
    if (d >= 2147483647.0)
        return std::numeric_limits<qint32>::max();
    if (d <= -2147483648.0)
        return std::numeric_limits<qint32>::min();
    return qint32(d);
}

qint64 decimalToLong(const Api::Decimal &d)
{
    const QString plain = d.toPlainString();
    quint64 bits = 0; // arithmetic modulo 2^64 keeps exactly the low 64 bits
    bool negative = false;
    for (QChar c : plain) {
        if (c == QLatin1Char('-'))
            negative = true;
        else if (c == QLatin1Char('.'))
            break;
        else
            bits = bits * 10 + quint64(c.unicode() - '0');
    }
    return qint64(negative ? 0 - bits : bits);
}

double decimalToDouble(const Api::Decimal &d)
{
    return strtod_l(d.toString().toLatin1().constData(), nullptr, cLocale());
}

float decimalToFloat(const Api::Decimal &d)
{
    return strtof_l(d.toString().toLatin1().constData(), nullptr, cLocale());
}

QString javaTrim(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && text.at(begin).unicode() <= ' ')
        ++begin;
    while (end > begin && text.at(end - 1).unicode() <= ' ')
        --end;
    return text.mid(begin, end - begin);
}

} // namespace ConnectDesk::Transforms::JavaNumbers
