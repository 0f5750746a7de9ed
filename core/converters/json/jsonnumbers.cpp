// SPDX-License-Identifier: Apache-2.0
#include "jsonnumbers.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace ConnectDesk::Converters::JsonNumbers {

namespace {

// Digits and decimal exponent of a value: value = 0.d1d2...dn × 10^(exponent + 1), i.e.
// d1.d2...dn × 10^exponent.
struct Digits
{
    char digits[24] = {};
    int count = 0;
    int exponent = 0;
};

// Reads the output of std::to_chars(..., chars_format::scientific): "d[.ddd]e±xx".
Digits parseScientific(const char *begin, const char *end)
{
    Digits d;
    const char *p = begin;
    if (p < end && *p == '-')
        ++p;
    for (; p < end && *p != 'e'; ++p) {
        if (*p != '.')
            d.digits[d.count++] = *p;
    }
    // Trailing zeros carry no information (precision-1 output may end with one).
    while (d.count > 1 && d.digits[d.count - 1] == '0')
        --d.count;
    if (p < end && *p == 'e') {
        ++p;
        bool negative = false;
        if (*p == '+' || *p == '-')
            negative = *p++ == '-';
        int e = 0;
        for (; p < end; ++p)
            e = e * 10 + (*p - '0');
        d.exponent = negative ? -e : e;
    }
    return d;
}

template<typename T>
Digits shortestDigits(T value)
{
    char buf[MaxFormattedLength * 2];
    auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    Digits d = parseScientific(buf, r.ptr);
    if (d.count == 1) {
        // Java (JDK 19+) considers two-digit decimals when one digit suffices and picks the
        // one closest to the exact value: Double.MIN_VALUE is "4.9E-324", not "5.0E-324".
        r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific, 1);
        d = parseScientific(buf, r.ptr);
    }
    return d;
}

template<typename T>
int formatJava(char *out, T value)
{
    char *p = out;
    if (std::isnan(value)) {
        std::memcpy(out, "NaN", 3);
        return 3;
    }
    if (std::signbit(value))
        *p++ = '-';
    if (std::isinf(value)) {
        std::memcpy(p, "Infinity", 8);
        return int(p - out) + 8;
    }
    if (value == 0) {
        std::memcpy(p, "0.0", 3);
        return int(p - out) + 3;
    }
    const Digits d = shortestDigits(std::fabs(value));
    if (d.exponent >= -3 && d.exponent < 7) {
        if (d.exponent < 0) {
            *p++ = '0';
            *p++ = '.';
            for (int i = -1; i > d.exponent; --i)
                *p++ = '0';
            std::memcpy(p, d.digits, d.count);
            p += d.count;
        } else {
            const int intDigits = d.exponent + 1;
            for (int i = 0; i < intDigits; ++i)
                *p++ = i < d.count ? d.digits[i] : '0';
            *p++ = '.';
            if (d.count > intDigits) {
                std::memcpy(p, d.digits + intDigits, d.count - intDigits);
                p += d.count - intDigits;
            } else {
                *p++ = '0';
            }
        }
    } else {
        *p++ = d.digits[0];
        *p++ = '.';
        if (d.count > 1) {
            std::memcpy(p, d.digits + 1, d.count - 1);
            p += d.count - 1;
        } else {
            *p++ = '0';
        }
        *p++ = 'E';
        p = std::to_chars(p, p + 8, d.exponent).ptr;
    }
    return int(p - out);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

int formatJavaDouble(char *out, double value)
{
    return formatJava(out, value);
}

int formatJavaFloat(char *out, float value)
{
    return formatJava(out, value);
}

QByteArray javaDoubleString(double value)
{
    char buf[MaxFormattedLength];
    return QByteArray(buf, formatJavaDouble(buf, value));
}

QByteArray javaFloatString(float value)
{
    char buf[MaxFormattedLength];
    return QByteArray(buf, formatJavaFloat(buf, value));
}

bool isValidNumberText(QByteArrayView text)
{
    const char *p = text.begin();
    const char *end = text.end();
    if (p < end && *p == '-')
        ++p;
    if (p == end || !isDigit(*p))
        return false;
    if (*p == '0') {
        ++p;
    } else {
        while (p < end && isDigit(*p))
            ++p;
    }
    if (p < end && *p == '.') {
        ++p;
        if (p == end || !isDigit(*p))
            return false;
        while (p < end && isDigit(*p))
            ++p;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < end && (*p == '+' || *p == '-'))
            ++p;
        if (p == end || !isDigit(*p))
            return false;
        while (p < end && isDigit(*p))
            ++p;
    }
    return p == end;
}

bool isIntegralText(QByteArrayView text)
{
    for (char c : text) {
        if (c == '.' || c == 'e' || c == 'E')
            return false;
    }
    return true;
}

qint64 truncatedInt64(QByteArrayView text)
{
    const char *p = text.begin();
    const char *end = text.end();
    const bool negative = p < end && *p == '-';
    if (negative)
        ++p;

    // Mantissa digits (integer and fraction parts) and where the point sits.
    const char *mantissa = p;
    const char *point = nullptr;
    while (p < end && (isDigit(*p) || *p == '.')) {
        if (*p == '.')
            point = p;
        ++p;
    }
    const char *mantissaEnd = p;
    qint64 exponent = 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool negativeExponent = false;
        if (p < end && (*p == '+' || *p == '-'))
            negativeExponent = *p++ == '-';
        for (; p < end && isDigit(*p); ++p) {
            if (exponent < 1'000'000'000)
                exponent = exponent * 10 + (*p - '0');
        }
        if (negativeExponent)
            exponent = -exponent;
    }

    const qint64 pointPos = point ? point - mantissa : mantissaEnd - mantissa;
    // Number of digits before the (shifted) decimal point.
    qint64 integerDigits = pointPos + exponent;
    quint64 result = 0;
    for (const char *q = mantissa; q < mantissaEnd && integerDigits > 0; ++q) {
        if (*q == '.')
            continue;
        result = result * 10 + quint64(*q - '0');
        --integerDigits;
    }
    // Trailing zeros from a positive exponent; after 64 of them the low 64 bits are all zero
    // (10^64 is a multiple of 2^64).
    for (qint64 i = 0; i < integerDigits; ++i) {
        if (i >= 64)
            return 0;
        result *= 10;
    }
    if (negative)
        result = ~result + 1;
    return qint64(result);
}

namespace {

// Value of an out-of-range number text as Java reads it: ±Infinity on overflow, ±0 on
// underflow. (from_chars reports both the same way and leaves the value alone; strtod would do
// it but depends on the C locale, which QCoreApplication sets from the environment.)
template<typename T>
T outOfRange(QByteArrayView text)
{
    const bool negative = text.startsWith('-');
    // Decimal magnitude: digits before the point (ignoring leading zeros), or minus the
    // zeros after it, plus the exponent.
    qint64 magnitude = 0;
    bool seenNonZero = false;
    bool afterPoint = false;
    qsizetype i = negative ? 1 : 0;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        const char c = text[i];
        if (c == '.') {
            afterPoint = true;
        } else if (!seenNonZero && c == '0') {
            if (afterPoint)
                --magnitude;
        } else {
            seenNonZero = true;
            if (!afterPoint)
                ++magnitude;
        }
    }
    if (i < text.size()) {
        const QByteArrayView exponentText = text.sliced(i + 1);
        bool negativeExponent = exponentText.startsWith('-');
        qint64 exponent = 0;
        for (char c : exponentText) {
            if (isDigit(c) && exponent < 1'000'000'000)
                exponent = exponent * 10 + (c - '0');
        }
        magnitude += negativeExponent ? -exponent : exponent;
    }
    const T result = magnitude > 0 ? std::numeric_limits<T>::infinity() : T(0);
    return negative ? -result : result;
}

} // namespace

double parseDouble(QByteArrayView text)
{
    double value = 0;
    auto r = std::from_chars(text.begin(), text.end(), value, std::chars_format::general);
    if (r.ec == std::errc::result_out_of_range)
        return outOfRange<double>(text);
    return value;
}

float parseFloat(QByteArrayView text)
{
    float value = 0;
    auto r = std::from_chars(text.begin(), text.end(), value, std::chars_format::general);
    if (r.ec == std::errc::result_out_of_range)
        return outOfRange<float>(text);
    return value;
}

} // namespace ConnectDesk::Converters::JsonNumbers
