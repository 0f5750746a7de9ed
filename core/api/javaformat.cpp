// SPDX-License-Identifier: Apache-2.0
#include "javaformat_p.h"

#include <QByteArray>

#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <locale.h>
#include <system_error>

namespace ConnectDesk::Api::Internal {

namespace {

constexpr qint64 MillisPerDay = 24LL * 60 * 60 * 1000;

// The C locale, so that number parsing never depends on the process locale (Qt sets it from
// the environment at start-up).
locale_t cLocale()
{
    static const locale_t loc = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    return loc;
}

double parseBack(const char *text, double)
{
    return strtod_l(text, nullptr, cLocale());
}

float parseBack(const char *text, float)
{
    return strtof_l(text, nullptr, cLocale());
}

/** Shortest digits and decimal exponent of a finite, positive value, as Java 19+ picks them:
 *  the shortest decimal that rounds back, except that a one-digit result may be replaced by a
 *  closer two-digit one (Java prints Double.MIN_VALUE as 4.9E-324, not 5.0E-324). */
template<typename T>
void shortestDigits(T v, QByteArray *digits, int *exponent)
{
    auto split = [](const char *begin, const char *end, QByteArray *out, int *exp) {
        out->clear();
        const char *p = begin;
        for (; p != end && *p != 'e'; ++p) {
            if (*p != '.')
                out->append(*p);
        }
        // to_chars does not NUL-terminate: parse the exponent within [p, end) only.
        *exp = 0;
        if (p != end) {
            const char *q = p + 1;
            if (q != end && *q == '+')
                ++q;
            std::from_chars(q, end, *exp);
        }
    };

    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    split(buf, res.ptr, digits, exponent);

    if (digits->size() == 1) {
        char buf2[64];
        auto res2 = std::to_chars(buf2, buf2 + sizeof buf2, v, std::chars_format::scientific, 1);
        *res2.ptr = '\0';
        if (parseBack(buf2, T()) == v) {
            QByteArray d2;
            int e2 = 0;
            split(buf2, res2.ptr, &d2, &e2);
            if (d2.size() == 2 && d2.at(1) != '0') {
                *digits = d2;
                *exponent = e2;
            }
        }
    }
    while (digits->size() > 1 && digits->endsWith('0'))
        digits->chop(1);
}

template<typename T>
QString javaFloatingToString(T v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    if (v == 0)
        return std::signbit(v) ? QStringLiteral("-0.0") : QStringLiteral("0.0");

    QByteArray digits;
    int exp = 0;
    shortestDigits(std::fabs(v), &digits, &exp);

    QByteArray out;
    if (std::signbit(v))
        out.append('-');
    if (exp >= -3 && exp < 7) {
        if (exp >= 0) {
            const int intLen = exp + 1;
            QByteArray intPart = digits.left(intLen);
            while (intPart.size() < intLen)
                intPart.append('0');
            QByteArray frac = digits.mid(intLen);
            out += intPart + '.' + (frac.isEmpty() ? QByteArray("0") : frac);
        } else {
            out += "0." + QByteArray(-exp - 1, '0') + digits;
        }
    } else {
        out += digits.left(1) + '.' + (digits.size() > 1 ? digits.mid(1) : QByteArray("0"));
        out += 'E' + QByteArray::number(exp);
    }
    return QString::fromLatin1(out);
}

QString pad(qint64 v, int width)
{
    return QString::number(v).rightJustified(width, QLatin1Char('0'));
}

struct Civil
{
    qint64 year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int millis;
    qint64 days;
};

Civil civil(qint64 epochMs)
{
    Civil c{};
    qint64 days = epochMs / MillisPerDay;
    qint64 rem = epochMs % MillisPerDay;
    if (rem < 0) {
        rem += MillisPerDay;
        --days;
    }
    c.days = days;
    civilFromDays(days, &c.year, &c.month, &c.day);
    c.hour = int(rem / 3600000);
    c.minute = int(rem / 60000 % 60);
    c.second = int(rem / 1000 % 60);
    c.millis = int(rem % 1000);
    return c;
}

QString yearText(qint64 year)
{
    // SimpleDateFormat's yyyy: at least four digits.
    return year < 0 ? QLatin1Char('-') + pad(-year, 4) : pad(year, 4);
}

template<typename T>
T parseNumber(QStringView text, bool *ok)
{
    bool valid = !text.isEmpty();
    QByteArray latin;
    latin.reserve(text.size());
    int i = 0;
    const int n = int(text.size());
    auto digitsAt = [&](int &pos) {
        int start = pos;
        while (pos < n && text[pos].isDigit() && text[pos].unicode() < 128)
            ++pos;
        return pos - start;
    };
    if (i < n && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-')))
        ++i;
    int intDigits = digitsAt(i);
    int fracDigits = 0;
    if (i < n && text[i] == QLatin1Char('.')) {
        ++i;
        fracDigits = digitsAt(i);
    }
    if (intDigits + fracDigits == 0)
        valid = false;
    if (valid && i < n && (text[i] == QLatin1Char('e') || text[i] == QLatin1Char('E'))) {
        ++i;
        if (i < n && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-')))
            ++i;
        if (digitsAt(i) == 0)
            valid = false;
    }
    if (i != n)
        valid = false;
    if (ok)
        *ok = valid;
    if (!valid)
        return T(0);
    latin = text.toLatin1();
    return parseBack(latin.constData(), T());
}

} // namespace

QString javaDoubleToString(double v)
{
    return javaFloatingToString(v);
}

QString javaFloatToString(float v)
{
    return javaFloatingToString(v);
}

qint64 daysFromCivil(qint64 year, qint64 month, qint64 day)
{
    // Normalise the month first (lenient, like java.util.Calendar), then H. Hinnant's algorithm.
    qint64 m0 = month - 1;
    year += (m0 >= 0 ? m0 / 12 : -((11 - m0) / 12));
    m0 -= 12 * (m0 >= 0 ? m0 / 12 : -((11 - m0) / 12));
    const qint64 m = m0 + 1;
    const qint64 y = m <= 2 ? year - 1 : year;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + (day - 1);
}

void civilFromDays(qint64 days, qint64 *year, int *month, int *day)
{
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 d = doy - (153 * mp + 2) / 5 + 1;
    const qint64 m = mp < 10 ? mp + 3 : mp - 9;
    *year = yoe + era * 400 + (m <= 2 ? 1 : 0);
    *month = int(m);
    *day = int(d);
}

QString javaDateToString(qint64 epochMs)
{
    static const char *const weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const Civil c = civil(epochMs);
    const int weekday = int(((c.days % 7) + 7) % 7); // 1970-01-01 was a Thursday
    return QStringLiteral("%1 %2 %3 %4:%5:%6 UTC %7")
        .arg(QLatin1String(weekdays[weekday]), QLatin1String(months[c.month - 1]),
             pad(c.day, 2), pad(c.hour, 2), pad(c.minute, 2), pad(c.second, 2),
             yearText(c.year));
}

QString isoFormatForValues(qint64 epochMs)
{
    const Civil c = civil(epochMs);
    const QString time = QStringLiteral("%1:%2:%3.%4Z")
                             .arg(pad(c.hour, 2), pad(c.minute, 2), pad(c.second, 2),
                                  pad(c.millis, 3));
    const QString date = QStringLiteral("%1-%2-%3")
                             .arg(yearText(c.year), pad(c.month, 2), pad(c.day, 2));
    if (epochMs < MillisPerDay)
        return time;
    if (epochMs % MillisPerDay == 0)
        return date;
    return date + QLatin1Char('T') + time;
}

double parseDouble(QStringView text, bool *ok)
{
    return parseNumber<double>(text, ok);
}

float parseFloat(QStringView text, bool *ok)
{
    return parseNumber<float>(text, ok);
}

} // namespace ConnectDesk::Api::Internal
