// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace ConnectDesk::Transforms {

namespace Internal {
/** One compiled piece of a pattern: a run of one letter, or literal text. */
struct DatePatternElement
{
    char letter = 0; // 0 for a literal
    int count = 0;
    QString literal;
};
} // namespace Internal

/**
 * Java's `java.text.SimpleDateFormat` as TimestampConverter and TimestampRouter use it: time
 * zone UTC, lenient parsing, English names (what a JVM in an English locale prints), the
 * Julian calendar before 1582-10-15 as `GregorianCalendar` does.
 *
 * Every pattern letter Java knows is accepted (G y Y M L w W D d F E u a H k K h m s S z Z X),
 * with `'text'` literals and `''` for a quote. Week fields follow the US rules (weeks start on
 * Sunday, week 1 holds January 1st). Zone names parse as `GMT`, `GMT±hh:mm`, `UTC`,
 * `Coordinated Universal Time` and numeric offsets; other zone names (`PST`, `CET`...) do not.
 *
 * Immutable after construction, so one instance may be used from any thread.
 */
class SimpleDateFormat
{
public:
    /** Compiles the pattern; throws Api::IllegalArgumentException with Java's message
     *  ("Illegal pattern character 'b'", "Unterminated quote", ...) when Java would. */
    explicit SimpleDateFormat(const QString &pattern);

    /** The pattern as given (Java's `toPattern()`). */
    const QString &pattern() const { return m_pattern; }

    /** Java's `format(new Date(epochMs))`. */
    QString format(qint64 epochMs) const;

    /** Java's `parse(String)`: the parsed instant, or nullopt where Java throws ParseException.
     *  Like Java, text after the last pattern element is ignored and fields roll over
     *  (month 13 is January of the next year). */
    std::optional<qint64> parse(const QString &text) const;
    /** Java's `parse(String, ParsePosition)`: starts at *index and, on success, leaves *index
     *  after the last character used. */
    std::optional<qint64> parse(const QString &text, qsizetype *index) const;

    /** Where two-digit years ("yy") start: Java uses 80 years before the format was created. */
    void setTwoDigitYearStart(qint64 epochMs);

private:
    QString m_pattern;
    std::vector<Internal::DatePatternElement> m_elements;
    qint64 m_centuryStartMs = 0;
    int m_centuryStartYear = 0;
};

} // namespace ConnectDesk::Transforms
