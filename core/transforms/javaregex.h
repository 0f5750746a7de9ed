// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/api/exceptions.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace ConnectDesk::Transforms {

/** Java's `IndexOutOfBoundsException`, which `Matcher.replaceFirst` throws for a replacement
 *  naming a group the pattern does not have ("No group 3"). */
class IndexOutOfBoundsException : public Api::ConnectException
{
public:
    using ConnectException::ConnectException;
    QString javaClassName() const override;
};

/**
 * A `java.util.regex.Pattern` run on QRegularExpression (PCRE2): the pattern is translated to
 * PCRE2 syntax with Java's meaning where the dialects differ (POSIX and `java*` property
 * classes, `\uXXXX`, `\0ooo` octals, `\cX`, numbered back references, `(?U)`, `{` that is not
 * a quantifier), and Java constructs PCRE2 cannot express (class union and intersection,
 * Unicode blocks) are rejected like a syntax error rather than matched differently.
 *
 * A value type; immutable after construction, so one instance may be used from any thread.
 */
class JavaRegex
{
public:
    JavaRegex() = default;
    /** Compiles the pattern; check isValid(). */
    explicit JavaRegex(const QString &pattern);

    bool isValid() const { return m_errorMessage.isEmpty(); }
    /** Java's `PatternSyntaxException.getMessage()` for an invalid pattern: the description,
     *  " near index N", then the pattern and a caret under the index on their own lines. */
    const QString &errorMessage() const { return m_errorMessage; }
    const QString &pattern() const { return m_pattern; }

    /** Java's `Matcher.matches()`: true when the WHOLE input matches. */
    bool matches(const QString &input) const;

    /** Java's `Matcher.replaceFirst(replacement)`: the first match (searched from the start)
     *  replaced by the expanded replacement; the input unchanged when nothing matches.
     *  `$n` and `${name}` insert groups (an unmatched group inserts nothing), `\x` inserts x.
     *  Throws IllegalArgumentException or IndexOutOfBoundsException with Java's messages for
     *  a bad group reference or a trailing backslash. */
    QString replaceFirst(const QString &input, const QString &replacement) const;

private:
    QString m_pattern;
    QString m_errorMessage;
    QRegularExpression m_find;  // as written: replaceFirst searches with it
    QRegularExpression m_whole; // anchored at both ends: matches()
};

/** Kafka's `RegexValidator` ("valid regex"): ConfigException
 *  `Invalid value <v> for configuration <k>: Invalid regex: <PatternSyntaxException message>`. */
Api::ConfigDef::Validator javaRegexValidator();

} // namespace ConnectDesk::Transforms
