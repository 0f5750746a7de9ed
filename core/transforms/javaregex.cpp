// SPDX-License-Identifier: Apache-2.0
#include "javaregex.h"
#include "javaregexproperty_p.h"

#include <climits>
#include <optional>
#include <variant>

using ConnectDesk::Transforms::Internal::PropertyItems;
using ConnectDesk::Transforms::Internal::resolveProperty;

namespace ConnectDesk::Transforms {

QString IndexOutOfBoundsException::javaClassName() const
{
    return QStringLiteral("java.lang.IndexOutOfBoundsException");
}

namespace {

struct SyntaxError
{
    QString description;
    int index = -1;
};

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isJavaWhitespace(QChar c)
{
    // What Pattern skips in COMMENTS mode (ASCII.isSpace).
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\x0B' || c == u'\f' || c == u'\r';
}

bool isLineTerminator(QChar c)
{
    return c == u'\n' || c == u'\r' || c == u'\x85' || c == u'\x2028' || c == u'\x2029';
}

QString hexEscape(char32_t codePoint)
{
    return QStringLiteral("\\x{%1}").arg(uint(codePoint), 0, 16);
}

/**
 * One pass over a Java pattern, writing the PCRE2 equivalent and, for each code unit written,
 * the index in the Java pattern it came from (to report PCRE2's errors at Java's index).
 */
class Translator
{
public:
    Translator(const QString &pattern, int totalGroups) : p(pattern), m_totalGroups(totalGroups) {}

    std::optional<SyntaxError> run()
    {
        m_extended.append(false);
        while (i < p.size()) {
            if (auto error = step())
                return error;
        }
        return std::nullopt;
    }

    QString prefix;           // start-of-pattern verbs, e.g. (*UCP)
    QString out;              // the translated pattern
    QList<int> sourceIndex;   // out[k] came from p[sourceIndex[k]]
    int groups = 0;           // capturing groups seen
    bool openQuote = false;   // ended inside \Q without \E

private:
    const QString &p;
    int i = 0;
    int m_totalGroups;
    bool m_lastAtom = false;  // a quantifier may follow
    QList<bool> m_extended;   // COMMENTS mode per open group
    QStringList m_names;      // named groups seen

    void put(const QString &text, int from)
    {
        out += text;
        for (qsizetype k = 0; k < text.size(); ++k)
            sourceIndex.append(from);
    }
    void emitSource(int from, int to) // copies p[from, to)
    {
        for (int k = from; k < to; ++k) {
            out += p.at(k);
            sourceIndex.append(k);
        }
    }
    bool extended() const { return m_extended.last(); }
    SyntaxError error(const QString &description, int index) const { return {description, index}; }

    std::optional<SyntaxError> step()
    {
        const QChar c = p.at(i);
        if (extended() && isJavaWhitespace(c)) {
            ++i; // PCRE2 would skip it too; dropping it keeps comments simple
            return std::nullopt;
        }
        if (extended() && c == u'#') {
            while (i < p.size() && !isLineTerminator(p.at(i)))
                ++i;
            return std::nullopt;
        }
        switch (c.unicode()) {
        case u'\\':
            return escape(false);
        case u'[':
            return characterClass();
        case u'(':
            return groupOpen();
        case u')':
            if (m_extended.size() > 1)
                m_extended.removeLast();
            emitSource(i, i + 1);
            ++i;
            m_lastAtom = true;
            return std::nullopt;
        case u'|':
            emitSource(i, i + 1);
            ++i;
            m_lastAtom = false;
            return std::nullopt;
        case u'*':
        case u'+':
        case u'?':
        case u'{':
            return quantifier();
        default:
            emitSource(i, i + 1);
            ++i;
            m_lastAtom = true;
            return std::nullopt;
        }
    }

    std::optional<SyntaxError> quantifier()
    {
        const int start = i;
        const QChar c = p.at(i);
        if (!m_lastAtom && c != u'{')
            return error(QStringLiteral("Dangling meta character '%1'").arg(c), i);
        ++i;
        if (c == u'{') {
            // Java accepts only {n}, {n,} and {n,m} here; PCRE2 would read anything else as text.
            if (i >= p.size() || !isAsciiDigit(p.at(i)))
                return error(QStringLiteral("Illegal repetition"), i);
            qint64 min = 0;
            while (i < p.size() && isAsciiDigit(p.at(i)))
                min = qMin<qint64>(min * 10 + p.at(i++).digitValue(), INT_MAX);
            qint64 max = min;
            if (i < p.size() && p.at(i) == u',') {
                ++i;
                max = -1;
                if (i < p.size() && isAsciiDigit(p.at(i))) {
                    max = 0;
                    while (i < p.size() && isAsciiDigit(p.at(i)))
                        max = qMin<qint64>(max * 10 + p.at(i++).digitValue(), INT_MAX);
                }
            }
            if (i >= p.size() || p.at(i) != u'}')
                return error(QStringLiteral("Unclosed counted closure"), i);
            ++i;
            if (max >= 0 && max < min)
                return error(QStringLiteral("Illegal repetition range"), i - 1);
            // Java takes a count with nothing (or a quantifier) before it and matches oddly;
            // PCRE2 refuses it, so we report it the way Java reports * there.
            if (!m_lastAtom)
                return error(QStringLiteral("Dangling meta character '{'"), start);
        }
        if (i < p.size() && (p.at(i) == u'?' || p.at(i) == u'+'))
            ++i; // lazy or possessive
        emitSource(start, i);
        m_lastAtom = false;
        return std::nullopt;
    }

    std::optional<SyntaxError> groupOpen()
    {
        const int start = i;
        m_lastAtom = false;
        if (i + 1 >= p.size() || p.at(i + 1) != u'?') {
            ++groups;
            m_extended.append(extended());
            emitSource(i, i + 1);
            ++i;
            return std::nullopt;
        }
        const QChar kind = i + 2 < p.size() ? p.at(i + 2) : QChar();
        if (kind == u'<' && i + 3 < p.size() && p.at(i + 3) != u'=' && p.at(i + 3) != u'!') {
            // Java's group names are a Latin letter then letters and digits (PCRE2 allows '_').
            int k = i + 3;
            if (!isAsciiLetter(p.at(k)))
                return error(QStringLiteral("capturing group name does not start with a Latin letter"), k);
            while (k < p.size() && (isAsciiLetter(p.at(k)) || isAsciiDigit(p.at(k))))
                ++k;
            if (k >= p.size() || p.at(k) != u'>')
                return error(QStringLiteral("named capturing group is missing trailing '>'"), k);
            ++groups;
            m_names.append(p.mid(i + 3, k - i - 3));
        }
        // Java knows (?: (?= (?! (?> (?<= (?<! (?<name> and inline flags; PCRE2's other group
        // kinds ((?| (?# (?R) (?P...) are errors in Java, and stay errors here.
        if (kind != u':' && kind != u'=' && kind != u'!' && kind != u'>' && kind != u'<')
            return inlineFlags();
        m_extended.append(extended());
        i += 2;
        emitSource(start, i);
        return std::nullopt;
    }

    /** (?idmsuxU-idmsuxU) and (?idmsuxU-idmsuxU:X). */
    std::optional<SyntaxError> inlineFlags()
    {
        const int start = i;
        int k = i + 2;
        QString kept;
        bool negative = false;
        bool extended = this->extended();
        for (; k < p.size(); ++k) {
            const QChar f = p.at(k);
            if (f == u')' || f == u':')
                break;
            if (f == u'-') {
                negative = true;
                kept += f;
                continue;
            }
            switch (f.unicode()) {
            case u'i':
            case u'm':
            case u's':
                kept += f;
                break;
            case u'x':
                kept += f;
                extended = !negative;
                break;
            case u'd': // UNIX_LINES: PCRE2's default newline is \n already
            case u'u': // UNICODE_CASE: PCRE2 folds case by Unicode already
            case u'c': // CANON_EQ: not supported by Java's inline form either way; ignored
                break;
            case u'U':
                // UNICODE_CHARACTER_CLASS has no inline switch in PCRE2, only (*UCP) up front.
                if (negative)
                    break;
                if (start != 0 || !prefix.isEmpty())
                    return error(QStringLiteral("Inline flag U is supported only at the start of the pattern"), k);
                prefix = QStringLiteral("(*UCP)");
                break;
            default:
                return error(QStringLiteral("Unknown inline modifier"), k);
            }
        }
        if (k >= p.size())
            return error(QStringLiteral("Unknown inline modifier"), k);
        if (kept.endsWith(QLatin1Char('-')))
            kept.chop(1);
        const bool scoped = p.at(k) == u':';
        if (scoped) {
            m_extended.append(extended);
            put(QStringLiteral("(?") + kept + QLatin1Char(':'), start);
        } else {
            m_extended.last() = extended;
            if (!kept.isEmpty())
                put(QStringLiteral("(?") + kept + QLatin1Char(')'), start);
        }
        i = k + 1;
        return std::nullopt;
    }

    std::optional<SyntaxError> characterClass()
    {
        emitSource(i, i + 1);
        ++i;
        if (i < p.size() && p.at(i) == u'^') {
            emitSource(i, i + 1);
            ++i;
        }
        if (i < p.size() && p.at(i) == u']') { // a leading ] is a literal in both dialects
            emitSource(i, i + 1);
            ++i;
        }
        while (i < p.size()) {
            const QChar c = p.at(i);
            if (extended() && isJavaWhitespace(c)) {
                ++i; // Java's COMMENTS mode reaches into classes; PCRE2's (?x) does not
                continue;
            }
            if (extended() && c == u'#') {
                while (i < p.size() && !isLineTerminator(p.at(i)))
                    ++i;
                continue;
            }
            if (c == u'\\') {
                if (auto e = escape(true))
                    return e;
                continue;
            }
            if (c == u'[' || (c == u'&' && i + 1 < p.size() && p.at(i + 1) == u'&'))
                return error(QStringLiteral("Character class union and intersection are not supported"), i);
            emitSource(i, i + 1);
            ++i;
            if (c == u']') {
                m_lastAtom = true;
                return std::nullopt;
            }
        }
        m_lastAtom = true;
        return std::nullopt; // unclosed: PCRE2 reports it
    }

    std::optional<SyntaxError> escape(bool inClass)
    {
        const int start = i;
        m_lastAtom = true;
        if (i + 1 >= p.size()) {
            emitSource(i, i + 1);
            ++i;
            return std::nullopt; // trailing backslash: PCRE2 reports it
        }
        const QChar c = p.at(i + 1);
        switch (c.unicode()) {
        case u'Q': {
            const int end = p.indexOf(QLatin1String("\\E"), i + 2);
            i = end < 0 ? int(p.size()) : end + 2;
            emitSource(start, i);
            openQuote = end < 0;
            return std::nullopt;
        }
        case u'p':
        case u'P':
            return property(inClass, c == u'P');
        case u'u':
            return unicodeEscape();
        case u'0':
            return octalEscape();
        case u'c': {
            if (i + 2 >= p.size())
                return error(QStringLiteral("Illegal control escape sequence"), i + 1);
            // Java flips bit 6 of the next character as it is (\ca is '!'); PCRE2 upper-cases it.
            put(hexEscape(p.at(i + 2).unicode() ^ 64), start);
            i += 3;
            return std::nullopt;
        }
        case u'x': {
            // Java wants exactly two hex digits or {h...h}; PCRE2 takes fewer ("\x4" is \x04).
            int k = i + 2;
            if (k < p.size() && p.at(k) == u'{') {
                ++k;
                while (k < p.size() && isHexDigit(p.at(k)))
                    ++k;
                if (k == i + 3)
                    return error(QStringLiteral("Illegal hexadecimal escape sequence"), i + 2);
                if (k >= p.size() || p.at(k) != u'}')
                    return error(QStringLiteral("Unclosed hexadecimal escape sequence"), k);
                ++k;
            } else {
                for (; k < i + 4; ++k) {
                    if (k >= p.size() || !isHexDigit(p.at(k)))
                        return error(QStringLiteral("Illegal hexadecimal escape sequence"), k);
                }
            }
            emitSource(start, k);
            i = k;
            return std::nullopt;
        }
        case u'k': {
            // Java resolves \k<name> against the groups defined before it.
            int k = i + 2;
            if (k >= p.size() || p.at(k) != u'<')
                return error(QStringLiteral("\\k is not followed by '<' for named capturing group"), k);
            const int close = p.indexOf(QLatin1Char('>'), k);
            if (close < 0)
                return error(QStringLiteral("named capturing group is missing trailing '>'"), int(p.size()));
            const QString name = p.mid(k + 1, close - k - 1);
            if (!m_names.contains(name))
                return error(QStringLiteral("named capturing group <%1> does not exist").arg(name), close);
            emitSource(start, close + 1);
            i = close + 1;
            return std::nullopt;
        }
        case u'N': // \N{name}: PCRE2 has no character names
            return error(QStringLiteral("Illegal/unsupported escape sequence"), i + 1);
        case u'b':
            if (i + 2 < p.size() && p.at(i + 2) == u'{')
                return error(QStringLiteral("Illegal/unsupported escape sequence"), i + 2); // \b{g}
            break;
        default:
            break;
        }
        if (!inClass && c >= u'1' && c <= u'9')
            return backReference();
        // Letters Java does not know are errors there, while PCRE2 has more of them (\K, \g, \o...).
        static const QString javaLetters = QStringLiteral("tnrfaexdDhHsSvVwWbBAGZzRXkNE");
        if (isAsciiLetter(c) && !javaLetters.contains(c))
            return error(QStringLiteral("Illegal/unsupported escape sequence"), i + 1);
        int end = i + 2;
        if (c.isHighSurrogate() && end < p.size() && p.at(end).isLowSurrogate())
            ++end;
        emitSource(i, end);
        i = end;
        return std::nullopt;
    }

    std::optional<SyntaxError> property(bool inClass, bool negated)
    {
        const int start = i;
        int k = i + 2;
        QString name;
        if (k < p.size() && p.at(k) == u'{') {
            const int close = p.indexOf(QLatin1Char('}'), k);
            if (close < 0)
                return error(QStringLiteral("Unclosed character family"), int(p.size()));
            name = p.mid(k + 1, close - k - 1);
            if (name.isEmpty())
                return error(QStringLiteral("Empty character family"), close);
            k = close + 1;
        } else if (k < p.size()) {
            name = p.at(k);
            ++k;
        } else {
            return error(QStringLiteral("Unknown character property name {%1}").arg(QChar(0)), k);
        }
        const auto resolved = resolveProperty(name);
        if (const auto *message = std::get_if<QString>(&resolved))
            return error(*message, k - 1);
        const auto &items = std::get<PropertyItems>(resolved);
        if (!inClass) {
            put((negated ? QStringLiteral("[^") : QStringLiteral("[")) + items.positive + QLatin1Char(']'), start);
        } else if (!negated) {
            put(items.positive, start);
        } else if (!items.negative.isEmpty()) {
            put(items.negative, start);
        } else {
            return error(QStringLiteral("Negated character property {%1} is not supported inside a class").arg(name),
                         k - 1);
        }
        i = k;
        return std::nullopt;
    }

    std::optional<SyntaxError> unicodeEscape()
    {
        const int start = i;
        int bad = -1; // Java reports the first character that is not a hex digit
        auto hex4 = [&](int at) -> std::optional<char16_t> {
            for (int k = at; k < at + 4; ++k) {
                if (k >= p.size() || !isHexDigit(p.at(k))) {
                    bad = k;
                    return std::nullopt;
                }
            }
            return char16_t(p.mid(at, 4).toUInt(nullptr, 16));
        };
        const auto unit = hex4(i + 2);
        if (!unit)
            return error(QStringLiteral("Illegal Unicode escape sequence"), bad);
        i += 6;
        char32_t codePoint = *unit;
        // Java joins an escaped surrogate pair into one code point; PCRE2 refuses surrogates.
        if (QChar::isHighSurrogate(*unit) && i + 1 < p.size() && p.at(i) == u'\\' && p.at(i + 1) == u'u') {
            const auto low = hex4(i + 2);
            if (low && QChar::isLowSurrogate(*low)) {
                codePoint = QChar::surrogateToUcs4(*unit, *low);
                i += 6;
            }
        }
        put(hexEscape(codePoint), start);
        return std::nullopt;
    }

    /** Java's \0n, \0nn, \0mnn (m <= 3); PCRE2 reads at most two digits after \0. */
    std::optional<SyntaxError> octalEscape()
    {
        const int start = i;
        auto octal = [&](int at, QChar max) { return at < p.size() && p.at(at) >= u'0' && p.at(at) <= max; };
        int k = i + 2;
        if (!octal(k, u'7'))
            return error(QStringLiteral("Illegal octal escape sequence"), k);
        int value = p.at(k++).digitValue();
        if (octal(k, u'7')) {
            const bool three = value <= 3 && octal(k + 1, u'7');
            value = value * 8 + p.at(k++).digitValue();
            if (three)
                value = value * 8 + p.at(k++).digitValue();
        }
        put(hexEscape(char32_t(value)), start);
        i = k;
        return std::nullopt;
    }

    /** Java reads the first digit as a group number, then more digits while the number stays
     *  within the groups opened so far; a group that never exists makes the reference fail. */
    std::optional<SyntaxError> backReference()
    {
        const int start = i;
        int k = i + 1;
        int ref = p.at(k++).digitValue();
        while (k < p.size() && isAsciiDigit(p.at(k))) {
            const int longer = ref * 10 + p.at(k).digitValue();
            if (longer > groups)
                break;
            ref = longer;
            ++k;
        }
        put(ref <= m_totalGroups ? QStringLiteral("\\g{%1}").arg(ref) : QStringLiteral("(?!)"), start);
        i = k;
        return std::nullopt;
    }
};

/** Java's description for the PCRE2 errors whose meaning is the same in both dialects. */
QString javaDescription(const QString &pcreError, const QString &pattern, int &index)
{
    if (pcreError == QLatin1String("missing closing parenthesis"))
        return QStringLiteral("Unclosed group");
    if (pcreError == QLatin1String("missing terminating ] for character class")) {
        index = int(pattern.size()) - 1;
        return QStringLiteral("Unclosed character class");
    }
    if (pcreError == QLatin1String("unmatched closing parenthesis")) {
        index = qMax(0, index - 1);
        return QStringLiteral("Unmatched closing ')'");
    }
    if (pcreError == QLatin1String("\\ at end of pattern")) {
        index = int(pattern.size());
        return QStringLiteral("Unexpected internal error");
    }
    if (pcreError == QLatin1String("range out of order in character class"))
        return QStringLiteral("Illegal character range");
    if (pcreError == QLatin1String("unrecognized character follows \\"))
        return QStringLiteral("Illegal/unsupported escape sequence");
    if (pcreError == QLatin1String("quantifier does not follow a repeatable item") && index >= 0
        && index < pattern.size() && QStringLiteral("*+?{").contains(pattern.at(index)))
        return QStringLiteral("Dangling meta character '%1'").arg(pattern.at(index));
    return pcreError;
}

QString syntaxMessage(const QString &description, int index, const QString &pattern)
{
    // PatternSyntaxException.getMessage(), with Java's line separator on Linux.
    QString message = description;
    if (index >= 0)
        message += QStringLiteral(" near index ") + QString::number(index);
    message += QLatin1Char('\n') + pattern;
    if (index >= 0 && index < pattern.size())
        message += QLatin1Char('\n') + QString(index, QLatin1Char(' ')) + QLatin1Char('^');
    return message;
}

} // namespace

JavaRegex::JavaRegex(const QString &pattern)
    : m_pattern(pattern)
{
    // First pass counts the groups, so the second can tell a back reference to a later group
    // from one to a group that never exists.
    Translator counting(pattern, 0);
    if (const auto error = counting.run()) {
        m_errorMessage = syntaxMessage(error->description, error->index, pattern);
        return;
    }
    Translator translator(pattern, counting.groups);
    translator.run();
    QString body = translator.out;
    if (translator.openQuote)
        body += QStringLiteral("\\E"); // Java's \Q runs to the end; keep our suffix out of it
    m_find = QRegularExpression(translator.prefix + body);
    if (!m_find.isValid()) {
        int index = int(m_find.patternErrorOffset()) - int(translator.prefix.size());
        if (index >= 0 && index < translator.sourceIndex.size())
            index = translator.sourceIndex.at(index);
        else if (index >= translator.sourceIndex.size())
            index = int(pattern.size());
        const QString description = javaDescription(m_find.errorString(), pattern, index);
        m_errorMessage = syntaxMessage(description, index, pattern);
        return;
    }
    // COMMENTS-mode comments are gone already, so nothing can swallow the closing part.
    m_whole = QRegularExpression(translator.prefix + QStringLiteral("\\A(?:") + body + QStringLiteral(")\\z"));
    Q_ASSERT(m_whole.isValid());
}

bool JavaRegex::matches(const QString &input) const
{
    return isValid() && m_whole.match(input).hasMatch();
}

QString JavaRegex::replaceFirst(const QString &input, const QString &replacement) const
{
    if (!isValid())
        return input;
    const QRegularExpressionMatch match = m_find.match(input);
    if (!match.hasMatch())
        return input;
    const int groupCount = m_find.captureCount();
    QString expanded;
    auto appendGroup = [&](int group) {
        if (match.capturedStart(group) >= 0)
            expanded += match.captured(group);
    };
    for (qsizetype k = 0; k < replacement.size();) {
        const QChar c = replacement.at(k);
        if (c == u'\\') {
            ++k;
            if (k == replacement.size())
                throw Api::IllegalArgumentException(QStringLiteral("character to be escaped is missing"));
            expanded += replacement.at(k++);
        } else if (c == u'$') {
            ++k;
            if (k == replacement.size())
                throw Api::IllegalArgumentException(
                    QStringLiteral("Illegal group reference: group index is missing"));
            if (replacement.at(k) == u'{') {
                ++k;
                QString name;
                while (k < replacement.size() && (isAsciiLetter(replacement.at(k)) || isAsciiDigit(replacement.at(k))))
                    name += replacement.at(k++);
                if (name.isEmpty())
                    throw Api::IllegalArgumentException(QStringLiteral("named capturing group has 0 length name"));
                if (k == replacement.size() || replacement.at(k) != u'}')
                    throw Api::IllegalArgumentException(
                        QStringLiteral("named capturing group is missing trailing '}'"));
                ++k;
                if (isAsciiDigit(name.at(0)))
                    throw Api::IllegalArgumentException(
                        QStringLiteral("capturing group name {%1} starts with digit character").arg(name));
                const int group = int(m_find.namedCaptureGroups().indexOf(name));
                if (group <= 0)
                    throw Api::IllegalArgumentException(QStringLiteral("No group with name {%1}").arg(name));
                appendGroup(group);
            } else {
                if (!isAsciiDigit(replacement.at(k)))
                    throw Api::IllegalArgumentException(QStringLiteral("Illegal group reference"));
                // The first digit is always a group; more digits while the number is a group.
                int group = replacement.at(k++).digitValue();
                while (k < replacement.size() && isAsciiDigit(replacement.at(k))) {
                    const int longer = group * 10 + replacement.at(k).digitValue();
                    if (longer > groupCount)
                        break;
                    group = longer;
                    ++k;
                }
                if (group > groupCount)
                    throw IndexOutOfBoundsException(QStringLiteral("No group ") + QString::number(group));
                appendGroup(group);
            }
        } else {
            expanded += c;
            ++k;
        }
    }
    return input.left(match.capturedStart()) + expanded + input.mid(match.capturedEnd());
}

Api::ConfigDef::Validator javaRegexValidator()
{
    return Api::ConfigDef::lambda(
        [](const QString &name, const QVariant &value) {
            const QString pattern = value.toString();
            if (value.isNull() || pattern.isNull())
                throw Api::ConfigException(name, QStringLiteral("null"), QStringLiteral("Invalid regex: null"));
            const JavaRegex regex(pattern);
            if (!regex.isValid())
                throw Api::ConfigException(name, pattern, QStringLiteral("Invalid regex: ") + regex.errorMessage());
        },
        QStringLiteral("valid regex"));
}

} // namespace ConnectDesk::Transforms
