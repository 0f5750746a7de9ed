// SPDX-License-Identifier: Apache-2.0
#include "javaregexproperty_p.h"

#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace ConnectDesk::Transforms::Internal {

namespace {

PropertyItems propertyEscape(const QString &pcreName)
{
    return {QStringLiteral("\\p{") + pcreName + QLatin1Char('}'),
            QStringLiteral("\\P{") + pcreName + QLatin1Char('}')};
}

bool isGeneralCategory(const QString &name)
{
    static const QStringList categories = {
        QStringLiteral("L"),  QStringLiteral("Lu"), QStringLiteral("Ll"), QStringLiteral("Lt"),
        QStringLiteral("LC"), QStringLiteral("Lm"), QStringLiteral("Lo"), QStringLiteral("M"),
        QStringLiteral("Mn"), QStringLiteral("Mc"), QStringLiteral("Me"), QStringLiteral("N"),
        QStringLiteral("Nd"), QStringLiteral("Nl"), QStringLiteral("No"), QStringLiteral("P"),
        QStringLiteral("Pc"), QStringLiteral("Pd"), QStringLiteral("Ps"), QStringLiteral("Pe"),
        QStringLiteral("Pi"), QStringLiteral("Pf"), QStringLiteral("Po"), QStringLiteral("S"),
        QStringLiteral("Sm"), QStringLiteral("Sc"), QStringLiteral("Sk"), QStringLiteral("So"),
        QStringLiteral("Z"),  QStringLiteral("Zs"), QStringLiteral("Zl"), QStringLiteral("Zp"),
        QStringLiteral("C"),  QStringLiteral("Cc"), QStringLiteral("Cf"), QStringLiteral("Co"),
        QStringLiteral("Cs"), QStringLiteral("Cn")};
    return categories.contains(name);
}

/** Java's `\p{Lower}`-style names: ASCII-only classes, which PCRE2's POSIX classes are too
 *  (Unicode under (*UCP), as Java's under the U flag). PCRE2's own `\p{Lower}` is Unicode. */
std::optional<PropertyItems> posixProperty(const QString &name)
{
    static const QStringList javaNames = {
        QStringLiteral("Lower"), QStringLiteral("Upper"), QStringLiteral("ASCII"),
        QStringLiteral("Alpha"), QStringLiteral("Digit"), QStringLiteral("Alnum"),
        QStringLiteral("Punct"), QStringLiteral("Graph"), QStringLiteral("Print"),
        QStringLiteral("Blank"), QStringLiteral("Cntrl"), QStringLiteral("XDigit"),
        QStringLiteral("Space")};
    if (!javaNames.contains(name))
        return std::nullopt;
    const QString posix = name.toLower();
    return PropertyItems{QStringLiteral("[:") + posix + QStringLiteral(":]"),
                         QStringLiteral("[:^") + posix + QStringLiteral(":]")};
}

/** `\p{javaLowerCase}` and friends: the java.lang.Character predicate they name. */
std::optional<PropertyItems> javaCharacterProperty(const QString &name)
{
    if (name == QLatin1String("javaLowerCase"))
        return propertyEscape(QStringLiteral("Lowercase"));
    if (name == QLatin1String("javaUpperCase"))
        return propertyEscape(QStringLiteral("Uppercase"));
    if (name == QLatin1String("javaAlphabetic"))
        return propertyEscape(QStringLiteral("Alphabetic"));
    if (name == QLatin1String("javaIdeographic"))
        return propertyEscape(QStringLiteral("Ideographic"));
    if (name == QLatin1String("javaTitleCase"))
        return propertyEscape(QStringLiteral("Lt"));
    if (name == QLatin1String("javaDigit"))
        return propertyEscape(QStringLiteral("Nd"));
    if (name == QLatin1String("javaLetter"))
        return propertyEscape(QStringLiteral("L"));
    if (name == QLatin1String("javaMirrored"))
        return propertyEscape(QStringLiteral("Bidi_Mirrored"));
    if (name == QLatin1String("javaSpaceChar"))
        return propertyEscape(QStringLiteral("Z"));
    if (name == QLatin1String("javaDefined"))
        return PropertyItems{QStringLiteral("\\P{Cn}"), QStringLiteral("\\p{Cn}")};
    if (name == QLatin1String("javaLetterOrDigit"))
        return PropertyItems{QStringLiteral("\\p{L}\\p{Nd}"), {}};
    if (name == QLatin1String("javaISOControl"))
        return PropertyItems{QStringLiteral("\\x{0}-\\x{1F}\\x{7F}-\\x{9F}"), {}};
    if (name == QLatin1String("javaWhitespace")) {
        // Character.isWhitespace: the separators except the no-break spaces, plus \t..\r and
        // the four information separators.
        return PropertyItems{QStringLiteral("\\t-\\r\\x{1C}-\\x{20}\\x{1680}\\x{2000}-\\x{2006}"
                                            "\\x{2008}-\\x{200A}\\x{2028}\\x{2029}\\x{205F}\\x{3000}"),
                             {}};
    }
    return std::nullopt;
}

/** Java's `\p{IsXxx}` binary properties (Character.UnicodeProp names, case-insensitive). */
std::optional<PropertyItems> javaUnicodeProp(const QString &name)
{
    const QString upper = name.toUpper();
    if (upper == QLatin1String("ALPHABETIC"))
        return propertyEscape(QStringLiteral("Alphabetic"));
    if (upper == QLatin1String("LETTER"))
        return propertyEscape(QStringLiteral("L"));
    if (upper == QLatin1String("IDEOGRAPHIC"))
        return propertyEscape(QStringLiteral("Ideographic"));
    if (upper == QLatin1String("LOWERCASE"))
        return propertyEscape(QStringLiteral("Lowercase"));
    if (upper == QLatin1String("UPPERCASE"))
        return propertyEscape(QStringLiteral("Uppercase"));
    if (upper == QLatin1String("TITLECASE"))
        return propertyEscape(QStringLiteral("Lt"));
    if (upper == QLatin1String("WHITE_SPACE") || upper == QLatin1String("WHITESPACE"))
        return propertyEscape(QStringLiteral("White_Space"));
    if (upper == QLatin1String("CONTROL"))
        return propertyEscape(QStringLiteral("Cc"));
    if (upper == QLatin1String("PUNCTUATION"))
        return propertyEscape(QStringLiteral("P"));
    if (upper == QLatin1String("HEX_DIGIT") || upper == QLatin1String("HEXDIGIT"))
        return propertyEscape(QStringLiteral("Hex_Digit"));
    if (upper == QLatin1String("ASSIGNED"))
        return PropertyItems{QStringLiteral("\\P{Cn}"), QStringLiteral("\\p{Cn}")};
    if (upper == QLatin1String("NONCHARACTER_CODE_POINT") || upper == QLatin1String("NONCHARACTERCODEPOINT"))
        return propertyEscape(QStringLiteral("Noncharacter_Code_Point"));
    if (upper == QLatin1String("DIGIT"))
        return propertyEscape(QStringLiteral("Nd"));
    if (upper == QLatin1String("JOIN_CONTROL") || upper == QLatin1String("JOINCONTROL"))
        return propertyEscape(QStringLiteral("Join_Control"));
    if (upper == QLatin1String("ALNUM"))
        return PropertyItems{QStringLiteral("\\p{Alphabetic}\\p{Nd}"), {}};
    if (upper == QLatin1String("BLANK"))
        return PropertyItems{QStringLiteral("\\p{Zs}\\t"), {}};
    return std::nullopt;
}

bool pcreAcceptsProperty(const QString &escape)
{
    return QRegularExpression(escape).isValid();
}

} // namespace

std::variant<PropertyItems, QString> resolveProperty(const QString &name)
{
    const QString unknown = QStringLiteral("Unknown character property name {%1}").arg(name);
    const QString unsupported = QStringLiteral("Unsupported character property name {%1}").arg(name);
    auto checked = [&](const PropertyItems &items) -> std::variant<PropertyItems, QString> {
        if (!pcreAcceptsProperty(QLatin1Char('[') + items.positive + QLatin1Char(']')))
            return unknown;
        return items;
    };
    const int eq = name.indexOf(QLatin1Char('='));
    if (eq > 0) {
        const QString key = name.left(eq).toLower();
        const QString value = name.mid(eq + 1);
        if (key == QLatin1String("sc") || key == QLatin1String("script"))
            return checked(propertyEscape(QStringLiteral("sc=") + value));
        if (key == QLatin1String("gc") || key == QLatin1String("general_category"))
            return isGeneralCategory(value) ? checked(propertyEscape(value)) : unknown;
        if (key == QLatin1String("blk") || key == QLatin1String("block"))
            return unsupported; // PCRE2 has no Unicode blocks
        return unknown;
    }
    if (name.startsWith(QLatin1String("In")))
        return unsupported; // a Unicode block
    if (name.startsWith(QLatin1String("Is"))) {
        const QString rest = name.mid(2);
        if (isGeneralCategory(rest))
            return propertyEscape(rest);
        if (auto prop = javaUnicodeProp(rest))
            return *prop;
        if (rest.isEmpty())
            return unknown;
        return checked(propertyEscape(QStringLiteral("sc=") + rest)); // a script
    }
    if (isGeneralCategory(name))
        return propertyEscape(name);
    if (auto posix = posixProperty(name))
        return *posix;
    if (auto java = javaCharacterProperty(name))
        return *java;
    if (name == QLatin1String("all"))
        return PropertyItems{QStringLiteral("\\x{0}-\\x{10FFFF}"), {}};
    if (name == QLatin1String("L1"))
        return PropertyItems{QStringLiteral("\\x{0}-\\x{FF}"), QStringLiteral("\\x{100}-\\x{10FFFF}")};
    if (name == QLatin1String("LD"))
        return PropertyItems{QStringLiteral("\\p{L}\\p{Nd}"), {}};
    if (name.startsWith(QLatin1String("java")))
        return unsupported;
    return unknown;
}

} // namespace ConnectDesk::Transforms::Internal
