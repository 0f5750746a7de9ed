// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to JavaRegex: what Java's `\p{name}` classes are in PCRE2 syntax.

#include <QString>

#include <variant>

namespace ConnectDesk::Transforms::Internal {

/** A Java property class as PCRE2 class items: `positive` goes inside `[...]`; `negative` is
 *  its complement as items, empty when PCRE2 cannot write it inside a class. */
struct PropertyItems
{
    QString positive;
    QString negative;
};

/** The PCRE2 items for the name inside a Java `\p{...}` (`Lower`, `javaLowerCase`, `IsLatin`,
 *  `sc=Greek`, `Lu`...), resolved as java.util.regex.Pattern does; or Java's error description
 *  when the name is unknown, or ours when PCRE2 cannot express it (Unicode blocks). */
std::variant<PropertyItems, QString> resolveProperty(const QString &name);

} // namespace ConnectDesk::Transforms::Internal
