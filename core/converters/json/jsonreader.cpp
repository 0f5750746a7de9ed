// SPDX-License-Identifier: Apache-2.0
#include "jsonreader.h"

#include <QHash>

#include <algorithm>
#include <cstring>
#include <iterator>

namespace ConnectDesk::Converters {

QString JsonParseError::toString() const
{
    if (code == Code::None)
        return {};
    if (line <= 0)
        return message;
    return QStringLiteral("%1 (at line %2, column %3)").arg(message).arg(line).arg(column);
}

namespace {

constexpr qsizetype MaxNumberLength = 1000; // Jackson's StreamReadConstraints default

inline bool isWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QString describeChar(const char *p, const char *end)
{
    if (p >= end)
        return QStringLiteral("end-of-input");
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c >= 0x7f)
        return QStringLiteral("character with code 0x%1").arg(int(c), 2, 16, QLatin1Char('0'));
    return QStringLiteral("'%1' (code %2)").arg(QLatin1Char(char(c))).arg(int(c));
}

// Jackson keeps the first position of a repeated key and the last value.
void dropDuplicateKeys(JsonValue::Object &members)
{
    const size_t n = members.size();
    if (n < 2)
        return;
    bool duplicates = false;
    if (n <= 16) {
        for (size_t i = 1; i < n && !duplicates; ++i) {
            for (size_t j = 0; j < i; ++j) {
                if (members[i].first == members[j].first) {
                    duplicates = true;
                    break;
                }
            }
        }
    } else {
        QHash<QStringView, size_t> seen;
        seen.reserve(qsizetype(n));
        for (const auto &m : members) {
            if (seen.contains(m.first)) {
                duplicates = true;
                break;
            }
            seen.insert(m.first, 0);
        }
    }
    if (!duplicates)
        return;
    JsonValue::Object unique;
    unique.reserve(n);
    QHash<QString, size_t> position;
    for (auto &m : members) {
        auto it = position.constFind(m.first);
        if (it != position.constEnd()) {
            unique[*it].second = std::move(m.second);
        } else {
            position.insert(m.first, unique.size());
            unique.push_back(std::move(m));
        }
    }
    members = std::move(unique);
}

class Parser
{
public:
    Parser(QByteArrayView input, const JsonReader::Options &options, JsonParseError *error)
        : m_begin(input.data())
        , m_p(input.data())
        , m_end(input.data() + input.size())
        , m_options(options)
        , m_error(error)
    {}

    std::optional<JsonValue> parseDocument()
    {
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0)
            m_p += 3;
        skipWhitespace();
        if (m_p == m_end) {
            fail(JsonParseError::Code::EmptyInput,
                 QStringLiteral("No content to map due to end-of-input"));
            return std::nullopt;
        }
        JsonValue root;
        if (!parseValue(&root, 0))
            return std::nullopt;
        const char *afterValue = m_p;
        skipWhitespace();
        if (m_p != m_end) {
            const bool glued = m_p == afterValue && !root.isObject() && !root.isArray()
                               && !root.isString();
            if (!m_options.allowTrailingContent || glued) {
                fail(JsonParseError::Code::TrailingContent,
                     QStringLiteral("Unexpected %1 after the root-level value")
                         .arg(describeChar(m_p, m_end)));
                return std::nullopt;
            }
        }
        return root;
    }

private:
    bool fail(JsonParseError::Code code, const QString &message)
    {
        if (m_error && !m_error->isError()) {
            m_error->code = code;
            m_error->message = message;
            m_error->offset = m_p - m_begin;
            m_error->line = 1;
            const char *lineStart = m_begin;
            for (const char *q = m_begin; q < m_p && q < m_end; ++q) {
                if (*q == '\n') {
                    ++m_error->line;
                    lineStart = q + 1;
                }
            }
            m_error->column = int(m_p - lineStart) + 1;
        }
        return false;
    }

    bool unexpected(const char *expected)
    {
        if (m_p >= m_end) {
            return fail(JsonParseError::Code::UnexpectedEnd,
                        QStringLiteral("Unexpected end-of-input: expected %1")
                            .arg(QLatin1StringView(expected)));
        }
        return fail(JsonParseError::Code::UnexpectedCharacter,
                    QStringLiteral("Unexpected %1: expected %2")
                        .arg(describeChar(m_p, m_end), QLatin1StringView(expected)));
    }

    void skipWhitespace()
    {
        while (m_p < m_end && isWhitespace(*m_p))
            ++m_p;
    }

    // Each parse function builds into *out, or only validates when out is null.
    bool parseValue(JsonValue *out, int depth)
    {
        if (m_p >= m_end)
            return unexpected("a value");
        switch (*m_p) {
        case '{':
            return parseObject(out, depth + 1);
        case '[':
            return parseArray(out, depth + 1);
        case '"': {
            if (!out)
                return parseString(nullptr);
            QString s;
            if (!parseString(&s))
                return false;
            *out = JsonValue(std::move(s));
            return true;
        }
        case 't':
            return parseLiteral("true", 4, out, JsonValue(true));
        case 'f':
            return parseLiteral("false", 5, out, JsonValue(false));
        case 'n':
            return parseLiteral("null", 4, out, JsonValue());
        default:
            if (*m_p == '-' || isDigit(*m_p))
                return parseNumber(out);
            return unexpected("a JSON value (string, number, array, object, true, false or null)");
        }
    }

    bool parseLiteral(const char *word, qsizetype length, JsonValue *out, JsonValue value)
    {
        if (m_end - m_p < length || std::memcmp(m_p, word, size_t(length)) != 0
            || (m_end - m_p > length && isTokenChar(m_p[length]))) {
            const char *start = m_p;
            const char *q = m_p;
            while (q < m_end && isTokenChar(*q) && q - start < 256)
                ++q;
            return fail(JsonParseError::Code::UnexpectedCharacter,
                        QStringLiteral("Unrecognized token '%1': expected a JSON value")
                            .arg(QString::fromUtf8(start, q - start)));
        }
        m_p += length;
        if (out)
            *out = std::move(value);
        return true;
    }

    static bool isTokenChar(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_'
               || static_cast<unsigned char>(c) >= 0x80;
    }

    bool parseNumber(JsonValue *out)
    {
        const char *start = m_p;
        const bool negative = *m_p == '-';
        if (negative)
            ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return fail(JsonParseError::Code::InvalidNumber,
                        QStringLiteral("Invalid number: expected a digit after '-'"));
        const char *intStart = m_p;
        if (*m_p == '0' && m_p + 1 < m_end && isDigit(m_p[1]) && !m_options.allowLeadingZeros)
            return fail(JsonParseError::Code::InvalidNumber,
                        QStringLiteral("Invalid number: leading zeros are not allowed"));
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
        const char *intEnd = m_p;
        bool integral = true;
        if (m_p < m_end && *m_p == '.') {
            integral = false;
            ++m_p;
            if (m_p >= m_end || !isDigit(*m_p))
                return fail(JsonParseError::Code::InvalidNumber,
                            QStringLiteral("Invalid number: expected a digit after the decimal "
                                           "point"));
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            integral = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p >= m_end || !isDigit(*m_p))
                return fail(JsonParseError::Code::InvalidNumber,
                            QStringLiteral("Invalid number: expected a digit in the exponent"));
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p - start > MaxNumberLength)
            return fail(JsonParseError::Code::InvalidNumber,
                        QStringLiteral("Number value length (%1) exceeds the maximum allowed (%2)")
                            .arg(m_p - start)
                            .arg(MaxNumberLength));

        if (!out)
            return true;
        // Leading zeros (when allowed) are dropped, so the kept text is plain JSON.
        while (intEnd - intStart > 1 && *intStart == '0')
            ++intStart;

        if (integral && intEnd - intStart <= 18) {
            qint64 v = 0;
            for (const char *q = intStart; q < intEnd; ++q)
                v = v * 10 + (*q - '0');
            *out = JsonValue(negative ? -v : v);
            return true;
        }
        if (integral && intEnd - intStart == 19) {
            // Might still fit: accumulate as unsigned and range-check.
            quint64 v = 0;
            for (const char *q = intStart; q < intEnd; ++q)
                v = v * 10 + quint64(*q - '0');
            const quint64 limit = negative ? quint64(1) << 63 : (quint64(1) << 63) - 1;
            // 19 digits never exceed 2^64, so the unsigned accumulation is exact.
            if (v <= limit) {
                *out = JsonValue(negative ? qint64(0 - v) : qint64(v));
                return true;
            }
        }
        QByteArray text;
        text.reserve(m_p - start);
        if (negative)
            text.append('-');
        text.append(intStart, intEnd - intStart);
        text.append(intEnd, m_p - intEnd);
        *out = JsonValue::fromNumberText(text);
        return true;
    }

    // Decodes one UTF-8 sequence starting at p (first byte >= 0x80) into out; returns the
    // number of UTF-16 units written (1 or 2) or 0 when invalid.
    static int decodeUtf8(const char *&p, const char *end, char16_t *out)
    {
        const auto b0 = static_cast<unsigned char>(*p);
        int extra;
        char32_t cp;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            extra = 1;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            extra = 2;
            cp = b0 & 0x0F;
            if (b0 == 0xE0)
                lo = 0xA0;
            else if (b0 == 0xED)
                hi = 0x9F; // no encoded surrogates
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            extra = 3;
            cp = b0 & 0x07;
            if (b0 == 0xF0)
                lo = 0x90;
            else if (b0 == 0xF4)
                hi = 0x8F;
        } else {
            return 0;
        }
        if (end - p <= extra)
            return 0;
        for (int i = 1; i <= extra; ++i) {
            const auto b = static_cast<unsigned char>(p[i]);
            if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
                return 0;
            cp = (cp << 6) | (b & 0x3F);
        }
        p += extra + 1;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[0] = char16_t(0xD800 + (cp >> 10));
            out[1] = char16_t(0xDC00 + (cp & 0x3FF));
            return 2;
        }
        out[0] = char16_t(cp);
        return 1;
    }

    bool parseString(QString *out)
    {
        ++m_p; // opening quote
        const char *start = m_p;
        // Fast path: plain ASCII without escapes.
        const char *q = m_p;
        while (q < m_end) {
            const auto c = static_cast<unsigned char>(*q);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                break;
            ++q;
        }
        if (q < m_end && *q == '"') {
            if (out)
                *out = QString::fromLatin1(start, q - start);
            m_p = q + 1;
            return true;
        }
        // Find the closing quote to size the buffer: the decoded text is never longer (in
        // UTF-16 units) than its UTF-8 source.
        while (q < m_end && *q != '"')
            q += (*q == '\\' && m_end - q > 1) ? 2 : 1;
        if (q >= m_end) {
            m_p = m_end;
            return fail(JsonParseError::Code::UnexpectedEnd,
                        QStringLiteral("Unexpected end-of-input in a string value"));
        }
        const char *end = q;
        // Validating only: decode into a small scratch buffer that is overwritten as we go.
        char16_t scratch[2];
        QString decoded;
        if (out)
            decoded = QString(end - start, Qt::Uninitialized);
        auto *dst = out ? reinterpret_cast<char16_t *>(decoded.data()) : scratch;
        char16_t *const dstBegin = dst;
        const char *p = start;
        while (p < end) {
            const auto c = static_cast<unsigned char>(*p);
            if (c == '\\') {
                m_p = p;
                if (p + 1 >= end)
                    return fail(JsonParseError::Code::InvalidEscape,
                                QStringLiteral("Invalid escape at the end of a string value"));
                switch (p[1]) {
                case '"': *dst++ = u'"'; break;
                case '\\': *dst++ = u'\\'; break;
                case '/': *dst++ = u'/'; break;
                case 'b': *dst++ = u'\b'; break;
                case 'f': *dst++ = u'\f'; break;
                case 'n': *dst++ = u'\n'; break;
                case 'r': *dst++ = u'\r'; break;
                case 't': *dst++ = u'\t'; break;
                case 'u': {
                    if (end - p < 6)
                        return fail(JsonParseError::Code::InvalidEscape,
                                    QStringLiteral("Invalid \\u escape: expected 4 hex digits"));
                    int v = 0;
                    for (int i = 2; i < 6; ++i) {
                        const int h = hexValue(p[i]);
                        if (h < 0)
                            return fail(JsonParseError::Code::InvalidEscape,
                                    QStringLiteral("Invalid \\u escape: expected 4 hex digits"));
                        v = v * 16 + h;
                    }
                    *dst++ = char16_t(v);
                    p += 4;
                    break;
                }
                default:
                    return fail(JsonParseError::Code::InvalidEscape,
                                QStringLiteral("Unrecognized character escape %1")
                                    .arg(describeChar(p + 1, end)));
                }
                p += 2;
                if (!out)
                    dst = scratch;
            } else if (c < 0x20) {
                m_p = p;
                return fail(JsonParseError::Code::ControlCharacter,
                            QStringLiteral("Illegal unquoted control character (code %1) in a "
                                           "string value: it has to be escaped")
                                .arg(int(c)));
            } else if (c < 0x80) {
                if (out)
                    *dst++ = char16_t(c);
                ++p;
            } else {
                const int n = decodeUtf8(p, end, dst);
                if (n == 0) {
                    m_p = p;
                    return fail(JsonParseError::Code::InvalidUtf8,
                                QStringLiteral("Invalid UTF-8 byte 0x%1 in a string value")
                                    .arg(int(c), 2, 16, QLatin1Char('0')));
                }
                if (out)
                    dst += n;
            }
        }
        if (out) {
            decoded.truncate(dst - dstBegin);
            *out = std::move(decoded);
        }
        m_p = end + 1;
        return true;
    }

    bool parseArray(JsonValue *out, int depth)
    {
        if (depth > m_options.maxDepth)
            return fail(JsonParseError::Code::TooDeep,
                        QStringLiteral("Document nesting depth exceeds the maximum allowed (%1)")
                            .arg(m_options.maxDepth));
        ++m_p;
        // Elements collect on a stack shared by all nesting levels, so each array is allocated
        // once at its final size.
        const size_t base = m_elements.size();
        skipWhitespace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            if (out)
                *out = JsonValue(JsonValue::Array());
            return true;
        }
        for (;;) {
            skipWhitespace();
            JsonValue element;
            if (!parseValue(out ? &element : nullptr, depth)) {
                m_elements.resize(base);
                return false;
            }
            if (out)
                m_elements.push_back(std::move(element));
            skipWhitespace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            if (m_p < m_end && *m_p == ']') {
                ++m_p;
                break;
            }
            m_elements.resize(base);
            return unexpected("',' or ']' in an array");
        }
        if (out) {
            const auto first = m_elements.begin() + qsizetype(base);
            *out = JsonValue(JsonValue::Array(std::make_move_iterator(first),
                                              std::make_move_iterator(m_elements.end())));
            m_elements.resize(base);
        }
        return true;
    }

    bool parseObject(JsonValue *out, int depth)
    {
        if (depth > m_options.maxDepth)
            return fail(JsonParseError::Code::TooDeep,
                        QStringLiteral("Document nesting depth exceeds the maximum allowed (%1)")
                            .arg(m_options.maxDepth));
        ++m_p;
        const size_t base = m_members.size();
        skipWhitespace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            if (out)
                *out = JsonValue(JsonValue::Object());
            return true;
        }
        for (;;) {
            skipWhitespace();
            if (m_p >= m_end || *m_p != '"') {
                m_members.resize(base);
                return unexpected("a double-quoted field name");
            }
            QString key;
            if (!parseString(out ? &key : nullptr)) {
                m_members.resize(base);
                return false;
            }
            skipWhitespace();
            if (m_p >= m_end || *m_p != ':') {
                m_members.resize(base);
                return unexpected("':' after a field name");
            }
            ++m_p;
            skipWhitespace();
            JsonValue value;
            if (!parseValue(out ? &value : nullptr, depth)) {
                m_members.resize(base);
                return false;
            }
            if (out)
                m_members.emplace_back(std::move(key), std::move(value));
            skipWhitespace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                continue;
            }
            if (m_p < m_end && *m_p == '}') {
                ++m_p;
                break;
            }
            m_members.resize(base);
            return unexpected("',' or '}' in an object");
        }
        if (out) {
            const auto first = m_members.begin() + qsizetype(base);
            JsonValue::Object members(std::make_move_iterator(first),
                                      std::make_move_iterator(m_members.end()));
            m_members.resize(base);
            dropDuplicateKeys(members);
            *out = JsonValue(std::move(members));
        }
        return true;
    }

public:
    /** The root object's members as raw, validated JSON text (see JsonReader::parseRawMembers). */
    std::optional<std::vector<JsonReader::RawMember>> parseRawMembers()
    {
        if (m_end - m_p >= 3 && std::memcmp(m_p, "\xEF\xBB\xBF", 3) == 0)
            m_p += 3;
        skipWhitespace();
        if (m_p == m_end) {
            fail(JsonParseError::Code::EmptyInput,
                 QStringLiteral("No content to map due to end-of-input"));
            return std::nullopt;
        }
        if (*m_p != '{') {
            fail(JsonParseError::Code::NotAnObject, QStringLiteral("The root is not an object"));
            return std::nullopt;
        }
        ++m_p;
        std::vector<JsonReader::RawMember> members;
        skipWhitespace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
        } else {
            for (;;) {
                skipWhitespace();
                if (m_p >= m_end || *m_p != '"') {
                    unexpected("a double-quoted field name");
                    return std::nullopt;
                }
                QString key;
                if (!parseString(&key))
                    return std::nullopt;
                skipWhitespace();
                if (m_p >= m_end || *m_p != ':') {
                    unexpected("':' after a field name");
                    return std::nullopt;
                }
                ++m_p;
                skipWhitespace();
                const char *valueStart = m_p;
                if (!parseValue(nullptr, 1))
                    return std::nullopt;
                const QByteArrayView raw(valueStart, m_p - valueStart);
                auto existing = std::find_if(members.begin(), members.end(),
                                             [&key](const auto &m) { return m.first == key; });
                if (existing != members.end())
                    existing->second = raw;
                else
                    members.emplace_back(std::move(key), raw);
                skipWhitespace();
                if (m_p < m_end && *m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_end && *m_p == '}') {
                    ++m_p;
                    break;
                }
                unexpected("',' or '}' in an object");
                return std::nullopt;
            }
        }
        skipWhitespace();
        if (m_p != m_end && !m_options.allowTrailingContent) {
            fail(JsonParseError::Code::TrailingContent,
                 QStringLiteral("Unexpected %1 after the root-level value")
                     .arg(describeChar(m_p, m_end)));
            return std::nullopt;
        }
        return members;
    }

private:
    std::vector<JsonValue> m_elements;
    JsonValue::Object m_members;
    const char *m_begin;
    const char *m_p;
    const char *m_end;
    const JsonReader::Options &m_options;
    JsonParseError *m_error;
};

} // namespace

std::optional<std::vector<JsonReader::RawMember>> JsonReader::parseRawMembers(QByteArrayView utf8,
                                                                             JsonParseError *error)
{
    return parseRawMembers(utf8, Options(), error);
}

std::optional<std::vector<JsonReader::RawMember>>
JsonReader::parseRawMembers(QByteArrayView utf8, const Options &options, JsonParseError *error)
{
    JsonParseError localError;
    JsonParseError *target = error ? error : &localError;
    *target = JsonParseError();
    Parser parser(utf8, options, target);
    return parser.parseRawMembers();
}

std::optional<JsonValue> JsonReader::parse(QByteArrayView utf8, JsonParseError *error)
{
    return parse(utf8, Options(), error);
}

std::optional<JsonValue> JsonReader::parse(QByteArrayView utf8, const Options &options,
                                           JsonParseError *error)
{
    JsonParseError localError;
    JsonParseError *target = error ? error : &localError;
    *target = JsonParseError();
    Parser parser(utf8, options, target);
    return parser.parseDocument();
}

} // namespace ConnectDesk::Converters
