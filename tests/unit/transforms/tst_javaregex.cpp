// SPDX-License-Identifier: Apache-2.0
// JavaRegex: Java's Pattern syntax and Matcher.matches()/replaceFirst() on PCRE2. The expected
// texts were produced by java.util.regex on OpenJDK 17.
#include "core/api/exceptions.h"
#include "core/transforms/javaregex.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

class TestJavaRegex : public QObject
{
    Q_OBJECT

private slots:
    void matchesWholeInput_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("matches");
        QTest::newRow("literal") << "foo" << "foo" << true;
        QTest::newRow("prefix only") << "foo" << "foox" << false;
        QTest::newRow("suffix only") << "foo" << "xfoo" << false;
        QTest::newRow("alternation backtracks to the end") << "a|ab" << "ab" << true;
        QTest::newRow("prefix pattern") << "my-prefix-.*" << "my-prefix-foo" << true;
        QTest::newRow("prefix pattern elsewhere") << "my-prefix-.*" << "x-my-prefix-foo" << false;
        QTest::newRow("possessive") << "a{2,}+" << "aaaa" << true;
        QTest::newRow("atomic group") << "(?>a+)b" << "aab" << true;
        QTest::newRow("inline flag") << "(?i)abc" << "ABC" << true;
        QTest::newRow("scoped flag") << "(?i:a)b" << "AB" << false;
        QTest::newRow("flag to group end") << "a(?i)b" << "aB" << true;
        QTest::newRow("comments mode") << "(?x) a b # comment" << "ab" << true;
        QTest::newRow("comments mode in a class") << "(?x)[a b]" << " " << false;
        QTest::newRow("quote to the end") << "\\Qa.b" << "a.b" << true;
        QTest::newRow("quote then quantifier") << "a\\Q.b\\E+" << "a.bb" << true;
        QTest::newRow("escaped braces") << "\\$\\{x\\}" << "${x}" << true;
        QTest::newRow("leading ] in class") << "[]a]+" << "]a" << true;
        QTest::newRow("java Lower is ASCII") << "\\p{Lower}+" << QString::fromUtf8("ab\xc3\xa9") << false;
        QTest::newRow("javaLowerCase is Unicode") << "\\p{javaLowerCase}+" << QString::fromUtf8("ab\xc3\xa9") << true;
        QTest::newRow("Punct and Alnum") << "\\p{Punct}\\p{Alnum}" << "!a" << true;
        QTest::newRow("negated Lower") << "\\P{Lower}" << "a" << false;
        QTest::newRow("Lower in class") << "[\\p{Lower}\\d]+" << "a1b" << true;
        QTest::newRow("negated Lower in class") << "[\\P{Lower}]" << "A" << true;
        QTest::newRow("IsLatin script") << "\\p{IsLatin}+" << "abc" << true;
        QTest::newRow("IsAlphabetic") << "\\p{IsAlphabetic}+" << "abc" << true;
        QTest::newRow("categories") << "\\p{L}\\pL\\p{IsLu}" << "abC" << true;
        QTest::newRow("sc= and gc=") << "\\p{sc=Latin}\\p{gc=Lu}" << "aB" << true;
        QTest::newRow("javaWhitespace") << "\\p{javaWhitespace}" << " " << true;
        QTest::newRow("no-break space is not javaWhitespace") << "\\p{javaWhitespace}" << QString(QChar(0xA0)) << false;
        QTest::newRow("(?U) makes \\w Unicode") << "(?U)\\w+" << QString::fromUtf8("\xc3\xa9") << true;
        QTest::newRow("\\w is ASCII") << "\\w+" << QString::fromUtf8("\xc3\xa9") << false;
        QTest::newRow("\\u escape") << "\\u0041" << "A" << true;
        QTest::newRow("surrogate pair escape") << "\\uD83D\\uDE00" << QString::fromUtf8("\xf0\x9f\x98\x80") << true;
        QTest::newRow("three-digit octal") << "\\0101" << "A" << true;
        QTest::newRow("control escape flips bit 6") << "\\ca" << "!" << true;
        QTest::newRow("hex escapes") << "\\x41\\x{42}" << "AB" << true;
        QTest::newRow("back reference") << "(a)\\1" << "aa" << true;
        QTest::newRow("\\11 is group 1 then '1'") << "(a)\\11" << "aa1" << true;
        QTest::newRow("\\11 with eleven groups")
            << "((((((((((((a))))))))))))\\11" << "aa" << true;
        QTest::newRow("reference to a missing group never matches") << "(a)\\2" << "a" << false;
        QTest::newRow("forward reference never set") << "\\1(a)" << "a" << false;
        QTest::newRow("named reference") << "(?<x>a)\\k<x>" << "aa" << true;
    }

    void matchesWholeInput()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, input);
        QFETCH(bool, matches);
        const JavaRegex regex(pattern);
        QVERIFY2(regex.isValid(), qPrintable(regex.errorMessage()));
        QCOMPARE(regex.matches(input), matches);
    }

    void replaceFirstExpandsLikeJava_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("expected");
        QTest::newRow("static") << "foo" << "foo" << "bar" << "bar";
        QTest::newRow("identity") << "(.*)" << "orig" << "$1" << "orig";
        QTest::newRow("prefix") << "(.*)" << "orig" << "prefix-$1" << "prefix-orig";
        QTest::newRow("slice") << "(.*)-(\\d\\d\\d\\d\\d\\d\\d\\d)" << "index-20160117" << "$1" << "index";
        QTest::newRow("whole match group 0") << ".*" << "a-b.c_d" << "pre_$0" << "pre_a-b.c_d";
        QTest::newRow("first match, not the whole one") << "a|ab" << "ab" << "X" << "Xb";
        QTest::newRow("lazy first match is empty") << "a*?" << "aaa" << "X" << "Xaaa";
        QTest::newRow("unmatched group inserts nothing") << "(a)?b" << "b" << "[$1]" << "[]";
        QTest::newRow("named group") << "(?<word>[a-z]+)-(\\d+)" << "abc-42" << "${word}_$2" << "abc_42";
        QTest::newRow("$12 with one group") << "(a)" << "a" << "$12" << "a2";
        QTest::newRow("$12 with twelve groups")
            << "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)" << "abcdefghijkl" << "$12-$1x$13" << "l-axa3";
        QTest::newRow("escapes") << "(a)" << "a" << "\\$1\\\\" << "$1\\";
        QTest::newRow("no match") << "b" << "a" << "X" << "a";
    }

    void replaceFirstExpandsLikeJava()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, input);
        QFETCH(QString, replacement);
        QFETCH(QString, expected);
        const JavaRegex regex(pattern);
        QVERIFY2(regex.isValid(), qPrintable(regex.errorMessage()));
        QCOMPARE(regex.replaceFirst(input, replacement), expected);
    }

    void badReplacementFailsLikeJava_data()
    {
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("javaClass");
        QTest::addColumn<QString>("message");
        const QString iae = QStringLiteral("java.lang.IllegalArgumentException");
        QTest::newRow("missing group") << "$5" << "java.lang.IndexOutOfBoundsException" << "No group 5";
        QTest::newRow("trailing $") << "$" << iae << "Illegal group reference: group index is missing";
        QTest::newRow("$ then letter") << "$x" << iae << "Illegal group reference";
        QTest::newRow("empty name") << "${}" << iae << "named capturing group has 0 length name";
        QTest::newRow("unclosed name") << "${a" << iae << "named capturing group is missing trailing '}'";
        QTest::newRow("unknown name") << "${nope}" << iae << "No group with name {nope}";
        QTest::newRow("name starts with digit") << "${1a}" << iae
                                                << "capturing group name {1a} starts with digit character";
        QTest::newRow("trailing backslash") << "x\\" << iae << "character to be escaped is missing";
    }

    void badReplacementFailsLikeJava()
    {
        QFETCH(QString, replacement);
        QFETCH(QString, javaClass);
        QFETCH(QString, message);
        const JavaRegex regex(QStringLiteral("(a)"));
        QCOMPARE(anyFailureOf([&] { regex.replaceFirst(QStringLiteral("a"), replacement); }),
                 javaClass + QStringLiteral(": ") + message);
        // Nothing to replace, nothing expanded: Java only fails once a match is found.
        QCOMPARE(regex.replaceFirst(QStringLiteral("b"), replacement), QStringLiteral("b"));
    }

    void syntaxErrorsReadLikeJava_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("message");
        QTest::newRow("[") << "[" << "Unclosed character class near index 0\n[\n^";
        QTest::newRow("[a") << "[a" << "Unclosed character class near index 1\n[a\n ^";
        QTest::newRow("(") << "(" << "Unclosed group near index 1\n(";
        QTest::newRow("*") << "*" << "Dangling meta character '*' near index 0\n*\n^";
        QTest::newRow("a**") << "a**" << "Dangling meta character '*' near index 2\na**\n  ^";
        QTest::newRow("${topic}") << "${topic}" << "Illegal repetition near index 2\n${topic}\n  ^";
        QTest::newRow("{foo}") << "{foo}" << "Illegal repetition near index 1\n{foo}\n ^";
        QTest::newRow("a{") << "a{" << "Illegal repetition near index 2\na{";
        QTest::newRow("a{2") << "a{2" << "Unclosed counted closure near index 3\na{2";
        QTest::newRow("a{2,1}") << "a{2,1}" << "Illegal repetition range near index 5\na{2,1}\n     ^";
        QTest::newRow("a)") << "a)" << "Unmatched closing ')' near index 0\na)\n^";
        QTest::newRow("(a))") << "(a))" << "Unmatched closing ')' near index 2\n(a))\n  ^";
        QTest::newRow("\\") << "\\" << "Unexpected internal error near index 1\n\\";
        QTest::newRow("[z-a]") << "[z-a]" << "Illegal character range near index 3\n[z-a]\n   ^";
        QTest::newRow("\\y") << "\\y" << "Illegal/unsupported escape sequence near index 1\n\\y\n ^";
        QTest::newRow("\\p{Foo}") << "\\p{Foo}" << "Unknown character property name {Foo} near index 6\n\\p{Foo}\n      ^";
        QTest::newRow("\\p{lower}") << "\\p{lower}"
                                    << "Unknown character property name {lower} near index 8\n\\p{lower}\n        ^";
        QTest::newRow("\\p{IsFoo}") << "\\p{IsFoo}"
                                    << "Unknown character property name {IsFoo} near index 8\n\\p{IsFoo}\n        ^";
        QTest::newRow("\\p{}") << "\\p{}" << "Empty character family near index 3\n\\p{}\n   ^";
        QTest::newRow("\\p{Lower") << "\\p{Lower" << "Unclosed character family near index 8\n\\p{Lower";
        QTest::newRow("(?<a_b>x)") << "(?<a_b>x)"
                                   << "named capturing group is missing trailing '>' near index 4\n(?<a_b>x)\n    ^";
        QTest::newRow("(?<1a>x)") << "(?<1a>x)"
                                  << "capturing group name does not start with a Latin letter near index 3\n"
                                     "(?<1a>x)\n   ^";
        QTest::newRow("(?#c)a") << "(?#c)a" << "Unknown inline modifier near index 2\n(?#c)a\n  ^";
        QTest::newRow("(?P<n>a)") << "(?P<n>a)" << "Unknown inline modifier near index 2\n(?P<n>a)\n  ^";
        QTest::newRow("\\u00") << "\\u00" << "Illegal Unicode escape sequence near index 4\n\\u00";
        QTest::newRow("\\0x") << "\\0x" << "Illegal octal escape sequence near index 2\n\\0x\n  ^";
        QTest::newRow("\\c") << "\\c" << "Illegal control escape sequence near index 1\n\\c\n ^";
        QTest::newRow("\\x4z") << "\\x4z" << "Illegal hexadecimal escape sequence near index 3\n\\x4z\n   ^";
        QTest::newRow("\\k<x>") << "\\k<x>" << "named capturing group <x> does not exist near index 4\n\\k<x>\n    ^";
        QTest::newRow("\\k<x> before x") << "\\k<x>(?<x>a)"
                                         << "named capturing group <x> does not exist near index 4\n"
                                            "\\k<x>(?<x>a)\n    ^";
    }

    void syntaxErrorsReadLikeJava()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, message);
        const JavaRegex regex(pattern);
        QVERIFY(!regex.isValid());
        QCOMPARE(regex.errorMessage(), message);
        QVERIFY(!regex.matches(pattern));
    }

    void javaConstructsPcreCannotExpressAreRejected_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("description");
        QTest::newRow("class union") << "[a[b]]" << "Character class union and intersection are not supported";
        QTest::newRow("POSIX bracket (a union in Java)")
            << "[[:alpha:]]" << "Character class union and intersection are not supported";
        QTest::newRow("class intersection")
            << "[a-z&&[^aeiou]]" << "Character class union and intersection are not supported";
        QTest::newRow("Unicode block") << "\\p{InGreek}" << "Unsupported character property name {InGreek}";
        QTest::newRow("late U flag") << "a(?U)b" << "Inline flag U is supported only at the start of the pattern";
        QTest::newRow("named character") << "\\N{LATIN SMALL LETTER A}" << "Illegal/unsupported escape sequence";
        QTest::newRow("grapheme boundary") << "\\b{g}" << "Illegal/unsupported escape sequence";
        QTest::newRow("count with nothing to repeat") << "{2}" << "Dangling meta character '{'";
        QTest::newRow("variable-length lookbehind") << "(?<=a+)b" << "lookbehind assertion is not fixed length";
    }

    void javaConstructsPcreCannotExpressAreRejected()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, description);
        const JavaRegex regex(pattern);
        QVERIFY(!regex.isValid());
        QVERIFY2(regex.errorMessage().startsWith(description + QStringLiteral(" near index ")),
                 qPrintable(regex.errorMessage()));
    }

    void pcreOnlySyntaxIsRejectedAsInJava()
    {
        // PCRE2 would accept these; Java does not, and neither do we.
        for (const char *pattern : {"\\K", "\\g1", "(?|a)", "(?'n'a)", "(*UTF)a", "a{,3}", "(?R)"})
            QVERIFY2(!JavaRegex(QString::fromLatin1(pattern)).isValid(), pattern);
    }

    void validatorUsesKafkasMessage()
    {
        const auto validator = javaRegexValidator();
        QCOMPARE(validator.description, QStringLiteral("valid regex"));
        validator.ensureValid(QStringLiteral("regex"), QStringLiteral("(.*)"));
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { validator.ensureValid(QStringLiteral("regex"), QStringLiteral("[")); }),
                 QStringLiteral("Invalid value [ for configuration regex: Invalid regex: "
                                "Unclosed character class near index 0\n[\n^"));
    }
};

QTEST_GUILESS_MAIN(TestJavaRegex)
#include "tst_javaregex.moc"
