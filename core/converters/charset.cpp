// SPDX-License-Identifier: Apache-2.0
#include "charset_p.h"

#include <QStringList>

namespace ConnectDesk::Converters::Internal {

namespace {

struct Alias
{
    const char *name;
    Charset::Id id;
};

// Java's canonical names and the aliases its standard charsets register.
constexpr Alias Aliases[] = {
    {"utf-8", Charset::Id::Utf8},
    {"utf8", Charset::Id::Utf8},
    {"unicode-1-1-utf-8", Charset::Id::Utf8},
    {"iso-8859-1", Charset::Id::Latin1},
    {"iso8859-1", Charset::Id::Latin1},
    {"iso8859_1", Charset::Id::Latin1},
    {"iso_8859_1", Charset::Id::Latin1},
    {"iso_8859-1", Charset::Id::Latin1},
    {"iso_8859-1:1987", Charset::Id::Latin1},
    {"iso-ir-100", Charset::Id::Latin1},
    {"8859_1", Charset::Id::Latin1},
    {"latin1", Charset::Id::Latin1},
    {"l1", Charset::Id::Latin1},
    {"ibm819", Charset::Id::Latin1},
    {"ibm-819", Charset::Id::Latin1},
    {"cp819", Charset::Id::Latin1},
    {"819", Charset::Id::Latin1},
    {"csisolatin1", Charset::Id::Latin1},
    {"us-ascii", Charset::Id::Ascii},
    {"ascii", Charset::Id::Ascii},
    {"us", Charset::Id::Ascii},
    {"ascii7", Charset::Id::Ascii},
    {"iso646-us", Charset::Id::Ascii},
    {"iso_646.irv:1991", Charset::Id::Ascii},
    {"iso_646.irv:1983", Charset::Id::Ascii},
    {"iso-ir-6", Charset::Id::Ascii},
    {"ansi_x3.4-1968", Charset::Id::Ascii},
    {"ansi_x3.4-1986", Charset::Id::Ascii},
    {"646", Charset::Id::Ascii},
    {"cp367", Charset::Id::Ascii},
    {"ibm367", Charset::Id::Ascii},
    {"csascii", Charset::Id::Ascii},
    {"default", Charset::Id::Ascii},
    {"utf-16", Charset::Id::Utf16},
    {"utf_16", Charset::Id::Utf16},
    {"utf16", Charset::Id::Utf16},
    {"unicode", Charset::Id::Utf16},
    {"utf-16be", Charset::Id::Utf16BE},
    {"utf_16be", Charset::Id::Utf16BE},
    {"x-utf-16be", Charset::Id::Utf16BE},
    {"iso-10646-ucs-2", Charset::Id::Utf16BE},
    {"unicodebigunmarked", Charset::Id::Utf16BE},
    {"utf-16le", Charset::Id::Utf16LE},
    {"utf_16le", Charset::Id::Utf16LE},
    {"x-utf-16le", Charset::Id::Utf16LE},
    {"unicodelittleunmarked", Charset::Id::Utf16LE},
    {"utf-32", Charset::Id::Utf32},
    {"utf_32", Charset::Id::Utf32},
    {"utf32", Charset::Id::Utf32},
    {"utf-32be", Charset::Id::Utf32BE},
    {"utf_32be", Charset::Id::Utf32BE},
    {"x-utf-32be", Charset::Id::Utf32BE},
    {"utf-32le", Charset::Id::Utf32LE},
    {"utf_32le", Charset::Id::Utf32LE},
    {"x-utf-32le", Charset::Id::Utf32LE},
};

constexpr char16_t Replacement = 0xFFFD;

// Calls f(codePoint) for each code point; unpaired surrogates are reported as -1.
template<typename F>
void forEachCodePoint(QStringView text, F f)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
            const char16_t low = text[i + 1].unicode();
            if (low >= 0xDC00 && low <= 0xDFFF) {
                f(char32_t(0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00)));
                ++i;
                continue;
            }
        }
        if (c >= 0xD800 && c <= 0xDFFF)
            f(char32_t(-1));
        else
            f(char32_t(c));
    }
}

QByteArray encodeLimited(QStringView text, char32_t max)
{
    QByteArray out;
    out.reserve(text.size());
    forEachCodePoint(text, [&](char32_t cp) { out.append(cp <= max ? char(cp) : '?'); });
    return out;
}

QByteArray encodeUtf8(QStringView text)
{
    bool surrogates = false;
    for (QChar c : text) {
        if (c.isSurrogate()) {
            surrogates = true;
            break;
        }
    }
    if (!surrogates)
        return text.toUtf8();
    // Java encodes an unpaired surrogate as '?', Qt as U+FFFD: go code point by code point.
    QByteArray out;
    out.reserve(text.size() * 3);
    forEachCodePoint(text, [&](char32_t cp) {
        if (cp == char32_t(-1)) {
            out.append('?');
        } else {
            const QString s = QString::fromUcs4(&cp, 1);
            out.append(s.toUtf8());
        }
    });
    return out;
}

QByteArray encodeUtf16(QStringView text, bool bigEndian, bool bom)
{
    QByteArray out;
    if (text.isEmpty())
        return out;
    out.reserve(text.size() * 2 + 2);
    auto put = [&](char16_t u) {
        if (bigEndian) {
            out.append(char(u >> 8));
            out.append(char(u & 0xFF));
        } else {
            out.append(char(u & 0xFF));
            out.append(char(u >> 8));
        }
    };
    if (bom)
        put(0xFEFF);
    forEachCodePoint(text, [&](char32_t cp) {
        if (cp == char32_t(-1)) {
            put(u'?');
        } else if (cp >= 0x10000) {
            put(char16_t(0xD800 + ((cp - 0x10000) >> 10)));
            put(char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            put(char16_t(cp));
        }
    });
    return out;
}

QByteArray encodeUtf32(QStringView text, bool bigEndian)
{
    QByteArray out;
    out.reserve(text.size() * 4);
    forEachCodePoint(text, [&](char32_t cp) {
        if (cp == char32_t(-1))
            cp = U'?';
        for (int i = 0; i < 4; ++i) {
            const int shift = bigEndian ? 24 - 8 * i : 8 * i;
            out.append(char((cp >> shift) & 0xFF));
        }
    });
    return out;
}

QString decodeAscii(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *p = out.data();
    for (char c : bytes)
        *p++ = static_cast<unsigned char>(c) < 0x80 ? QChar(char16_t(c)) : QChar(Replacement);
    return out;
}

QString decodeUtf16(QByteArrayView bytes, bool bigEndian, bool detectBom)
{
    qsizetype i = 0;
    if (detectBom && bytes.size() >= 2) {
        const auto b0 = static_cast<unsigned char>(bytes[0]);
        const auto b1 = static_cast<unsigned char>(bytes[1]);
        if (b0 == 0xFE && b1 == 0xFF) {
            bigEndian = true;
            i = 2;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            bigEndian = false;
            i = 2;
        }
    }
    QString out;
    out.reserve(bytes.size() / 2 + 1);
    auto unit = [&](qsizetype at) {
        const auto a = static_cast<unsigned char>(bytes[at]);
        const auto b = static_cast<unsigned char>(bytes[at + 1]);
        return bigEndian ? char16_t((a << 8) | b) : char16_t((b << 8) | a);
    };
    while (i + 1 < bytes.size()) {
        const char16_t u = unit(i);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 1 < bytes.size()) {
                const char16_t low = unit(i);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    out.append(QChar(u));
                    out.append(QChar(low));
                    i += 2;
                    continue;
                }
            }
            out.append(QChar(Replacement));
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            out.append(QChar(Replacement));
        } else {
            out.append(QChar(u));
        }
    }
    if (i < bytes.size())
        out.append(QChar(Replacement)); // odd trailing byte
    return out;
}

QString decodeUtf32(QByteArrayView bytes, bool bigEndian, bool detectBom)
{
    qsizetype i = 0;
    auto word = [&](qsizetype at) {
        char32_t v = 0;
        for (int k = 0; k < 4; ++k) {
            const auto b = char32_t(static_cast<unsigned char>(bytes[at + k]));
            v |= bigEndian ? b << (24 - 8 * k) : b << (8 * k);
        }
        return v;
    };
    if (detectBom) {
        // 00 00 FE FF: big-endian, FF FE 00 00: little-endian; no BOM: big-endian.
        const QByteArrayView head = bytes.first(qMin<qsizetype>(4, bytes.size()));
        bigEndian = head != QByteArrayView("\xFF\xFE\x00\x00", 4);
        if (head == QByteArrayView("\x00\x00\xFE\xFF", 4) || !bigEndian)
            i = 4;
    }
    QString out;
    out.reserve(bytes.size() / 4 + 1);
    for (; i + 3 < bytes.size(); i += 4) {
        const char32_t cp = word(i);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            out.append(QChar(Replacement));
        else
            out.append(QString::fromUcs4(&cp, 1));
    }
    if (i < bytes.size())
        out.append(QChar(Replacement));
    return out;
}

} // namespace

std::optional<Charset> Charset::forName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    for (const Alias &alias : Aliases) {
        if (lower == QLatin1StringView(alias.name))
            return Charset(alias.id);
    }
    return std::nullopt;
}

QString Charset::name() const
{
    switch (m_id) {
    case Id::Utf8:
        return QStringLiteral("UTF-8");
    case Id::Latin1:
        return QStringLiteral("ISO-8859-1");
    case Id::Ascii:
        return QStringLiteral("US-ASCII");
    case Id::Utf16:
        return QStringLiteral("UTF-16");
    case Id::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Id::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Id::Utf32:
        return QStringLiteral("UTF-32");
    case Id::Utf32BE:
        return QStringLiteral("UTF-32BE");
    case Id::Utf32LE:
        return QStringLiteral("UTF-32LE");
    }
    return {};
}

QByteArray Charset::encode(QStringView text) const
{
    switch (m_id) {
    case Id::Utf8:
        return encodeUtf8(text);
    case Id::Latin1:
        return encodeLimited(text, 0xFF);
    case Id::Ascii:
        return encodeLimited(text, 0x7F);
    case Id::Utf16:
        return encodeUtf16(text, true, true);
    case Id::Utf16BE:
        return encodeUtf16(text, true, false);
    case Id::Utf16LE:
        return encodeUtf16(text, false, false);
    case Id::Utf32:
    case Id::Utf32BE:
        return encodeUtf32(text, true);
    case Id::Utf32LE:
        return encodeUtf32(text, false);
    }
    return {};
}

QString Charset::decode(QByteArrayView bytes) const
{
    switch (m_id) {
    case Id::Utf8:
        return QString::fromUtf8(bytes);
    case Id::Latin1:
        return QString::fromLatin1(bytes);
    case Id::Ascii:
        return decodeAscii(bytes);
    case Id::Utf16:
        return decodeUtf16(bytes, true, true);
    case Id::Utf16BE:
        return decodeUtf16(bytes, true, false);
    case Id::Utf16LE:
        return decodeUtf16(bytes, false, false);
    case Id::Utf32:
        return decodeUtf32(bytes, true, true);
    case Id::Utf32BE:
        return decodeUtf32(bytes, true, false);
    case Id::Utf32LE:
        return decodeUtf32(bytes, false, false);
    }
    return {};
}

} // namespace ConnectDesk::Converters::Internal
