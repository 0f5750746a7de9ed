// SPDX-License-Identifier: Apache-2.0
#include "jsonwriter.h"

#include "jsonnumbers.h"

#include <charconv>
#include <cmath>

namespace ConnectDesk::Converters {

namespace {

constexpr char HexDigits[] = "0123456789ABCDEF";

// Escape for ASCII characters: 0 = raw, 'u' = \u00XX, else the letter after the backslash.
struct EscapeTable
{
    char table[128] = {};
    constexpr EscapeTable()
    {
        for (int c = 0; c < 0x20; ++c)
            table[c] = 'u';
        table[int('"')] = '"';
        table[int('\\')] = '\\';
        table[int('\b')] = 'b';
        table[int('\f')] = 'f';
        table[int('\n')] = 'n';
        table[int('\r')] = 'r';
        table[int('\t')] = 't';
    }
};
constexpr EscapeTable Escapes;

// Writes the escaped, quoted text to p (room for 6 bytes per unit + 2 must exist).
char *writeQuoted(char *p, const char16_t *s, qsizetype n)
{
    *p++ = '"';
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i];
        if (c < 0x80) {
            const char e = Escapes.table[c];
            if (!e) {
                *p++ = char(c);
            } else if (e == 'u') {
                *p++ = '\\';
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = HexDigits[c >> 4];
                *p++ = HexDigits[c & 0xF];
            } else {
                *p++ = '\\';
                *p++ = e;
            }
        } else if (c < 0x800) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
                const char32_t cp = 0x10000 + ((char32_t(c) - 0xD800) << 10)
                                    + (char32_t(s[i + 1]) - 0xDC00);
                ++i;
                *p++ = char(0xF0 | (cp >> 18));
                *p++ = char(0x80 | ((cp >> 12) & 0x3F));
                *p++ = char(0x80 | ((cp >> 6) & 0x3F));
                *p++ = char(0x80 | (cp & 0x3F));
            } else {
                // A lone surrogate cannot be encoded: U+FFFD, as QString::toUtf8() does.
                *p++ = char(0xEF);
                *p++ = char(0xBF);
                *p++ = char(0xBD);
            }
        } else {
            *p++ = char(0xE0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3F));
            *p++ = char(0x80 | (c & 0x3F));
        }
    }
    *p++ = '"';
    return p;
}

} // namespace

void JsonWriter::appendQuoted(QByteArray &out, QStringView value)
{
    const qsizetype old = out.size();
    out.resize(old + value.size() * 6 + 2);
    char *end = writeQuoted(out.data() + old, reinterpret_cast<const char16_t *>(value.utf16()),
                            value.size());
    out.resize(end - out.constData());
}

JsonWriter &JsonWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(QStringView name)
{
    beforeValue();
    appendQuoted(m_out, name);
    m_out.append(':');
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    beforeValue();
    writeString(name);
    m_needComma = false;
    m_out.append(':');
    return *this;
}

JsonWriter &JsonWriter::writeNull()
{
    beforeValue();
    m_out.append("null", 4);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::writeBool(bool value)
{
    beforeValue();
    if (value)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::writeInt64(qint64 value)
{
    beforeValue();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, value);
    m_out.append(buf, r.ptr - buf);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::writeDouble(double value)
{
    beforeValue();
    char buf[JsonNumbers::MaxFormattedLength];
    const int n = JsonNumbers::formatJavaDouble(buf, value);
    // Jackson quotes non-finite numbers (QUOTE_NON_NUMERIC_NUMBERS).
    const bool quote = !std::isfinite(value);
    if (quote)
        m_out.append('"');
    m_out.append(buf, n);
    if (quote)
        m_out.append('"');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::writeFloat(float value)
{
    beforeValue();
    char buf[JsonNumbers::MaxFormattedLength];
    const int n = JsonNumbers::formatJavaFloat(buf, value);
    const bool quote = !std::isfinite(value);
    if (quote)
        m_out.append('"');
    m_out.append(buf, n);
    if (quote)
        m_out.append('"');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::writeString(QStringView value)
{
    beforeValue();
    appendQuoted(m_out, value);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::writeString(QLatin1StringView value)
{
    beforeValue();
    const qsizetype old = m_out.size();
    m_out.resize(old + value.size() * 6 + 2);
    char *p = m_out.data() + old;
    *p++ = '"';
    for (char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
            continue;
        }
        const char e = Escapes.table[c];
        if (!e) {
            *p++ = char(c);
        } else if (e == 'u') {
            *p++ = '\\';
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = HexDigits[c >> 4];
            *p++ = HexDigits[c & 0xF];
        } else {
            *p++ = '\\';
            *p++ = e;
        }
    }
    *p++ = '"';
    m_out.resize(p - m_out.constData());
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::writeUtf8String(QByteArrayView value)
{
    return writeString(QString::fromUtf8(value));
}

JsonWriter &JsonWriter::writeNumberText(QByteArrayView text)
{
    beforeValue();
    m_out.append(text);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::writeRaw(QByteArrayView json)
{
    beforeValue();
    m_out.append(json);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::writeValue(const JsonValue &value)
{
    switch (value.type()) {
    case JsonValue::Type::Null:
        return writeNull();
    case JsonValue::Type::Bool:
        return writeBool(value.toBool());
    case JsonValue::Type::Number:
        if (value.isInt64())
            return writeInt64(value.toInt64());
        if (value.isDouble())
            return writeDouble(value.toDouble());
        return writeNumberText(value.numberText());
    case JsonValue::Type::String:
        return writeString(value.toString());
    case JsonValue::Type::Array:
        beginArray();
        for (const JsonValue &element : value.toArray())
            writeValue(element);
        return endArray();
    case JsonValue::Type::Object:
        beginObject();
        for (const JsonValue::Member &member : value.toObject()) {
            key(member.first);
            writeValue(member.second);
        }
        return endObject();
    }
    return *this;
}

QByteArray JsonWriter::take()
{
    QByteArray out = std::move(m_out);
    clear();
    return out;
}

void JsonWriter::clear()
{
    m_out = QByteArray();
    m_needComma = false;
}

QByteArray JsonWriter::toJson(const JsonValue &value)
{
    JsonWriter w;
    w.writeValue(value);
    return w.take();
}

} // namespace ConnectDesk::Converters
