// SPDX-License-Identifier: Apache-2.0
// Values::parseString: a tokenizer and recursive parser following Kafka's Values.Parser and
// Values.ValueParser, so that text is typed the way a Kafka Connect worker types it.
#include "values.h"

#include "exceptions.h"
#include "javaformat_p.h"
#include "schema_p.h"
#include "values_p.h"

#include <cmath>
#include <optional>

namespace ConnectDesk::Api::Values {

namespace {

const QLatin1String Quote("\"");
const QLatin1String Comma(",");
const QLatin1String EntryDelimiter(":");
const QLatin1String ArrayBegin("[");
const QLatin1String ArrayEnd("]");
const QLatin1String MapBegin("{");
const QLatin1String MapEnd("}");

/** Java's String.trim(): strips characters up to U+0020. */
QString javaTrim(const QString &s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && s.at(begin).unicode() <= 0x20)
        ++begin;
    while (end > begin && s.at(end - 1).unicode() <= 0x20)
        --end;
    return s.mid(begin, end - begin);
}

bool isBlank(const QString &s)
{
    return javaTrim(s).isEmpty();
}

/** Splits text into delimiter tokens ({ } [ ] : , ") and the runs between them; a backslash
 *  escapes the next delimiter. Supports look-ahead (one buffered token) and rewinding. */
class Tokenizer
{
public:
    explicit Tokenizer(const QString &original) : m_original(original) {}

    const QString &original() const { return m_original; }
    qsizetype position() const { return m_pos; }
    qsizetype mark() const { return m_pos - (m_next ? m_next->size() : 0); }

    void rewindTo(qsizetype position)
    {
        m_pos = position;
        m_next.reset();
        m_previous.reset();
    }

    bool hasNext() const { return m_next || canConsumeNextToken(); }

    QString next()
    {
        if (m_next) {
            m_previous = *m_next;
            m_next.reset();
        } else {
            m_previous = consumeNextToken();
        }
        return *m_previous;
    }

    /** The text of the next n tokens, or nothing (and no change) when fewer remain. */
    std::optional<QString> next(int n)
    {
        const qsizetype start = mark();
        for (int i = 0; i < n; ++i) {
            if (!hasNext()) {
                rewindTo(start);
                return std::nullopt;
            }
            next();
        }
        return m_original.mid(start, position() - start);
    }

    std::optional<QString> previous() const { return m_previous; }

    /** Consumes the next token if it is `expected`, ignoring surrounding whitespace and
     *  whitespace-only tokens unless `exact`. */
    bool canConsume(QLatin1String expected, bool exact = false)
    {
        if (!m_next) {
            if (!hasNext())
                return false;
            m_next = consumeNextToken();
        }
        if (exact) {
            if (*m_next == expected) {
                m_next.reset();
                return true;
            }
            return false;
        }
        while (isBlank(*m_next) && canConsumeNextToken())
            m_next = consumeNextToken();
        if (javaTrim(*m_next) == expected) {
            m_next.reset();
            return true;
        }
        return false;
    }

private:
    bool canConsumeNextToken() const { return m_pos < m_original.size(); }

    QString consumeNextToken()
    {
        bool escaped = false;
        const qsizetype start = m_pos;
        for (; m_pos < m_original.size(); ++m_pos) {
            const QChar c = m_original.at(m_pos);
            switch (c.unicode()) {
            case u'\\':
                escaped = !escaped;
                break;
            case u':':
            case u',':
            case u'{':
            case u'}':
            case u'[':
            case u']':
            case u'"':
                if (!escaped) {
                    if (start < m_pos)
                        return m_original.mid(start, m_pos - start);
                    ++m_pos;
                    return m_original.mid(start, 1);
                }
                escaped = false;
                break;
            default:
                escaped = false;
                break;
            }
        }
        return m_original.mid(start, m_pos - start);
    }

    QString m_original;
    qsizetype m_pos = 0;
    std::optional<QString> m_next;
    std::optional<QString> m_previous;
};

using Parsed = std::optional<SchemaAndValue>; // nothing = Java's null SchemaAndValue

// --- Temporal literals (SimpleDateFormat patterns of Values, read as UTC) ---------------------

bool digitsAt(QStringView s, qsizetype pos, int count, qint64 *out)
{
    qint64 v = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = s.at(pos + i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    *out = v;
    return true;
}

/** "yyyy-MM-dd" → days since the epoch (out-of-range months and days roll over, as Java's
 *  lenient SimpleDateFormat does). */
bool parseDate(QStringView s, qint64 *days)
{
    qint64 y = 0, m = 0, d = 0;
    if (s.size() != 10 || s.at(4) != QLatin1Char('-') || s.at(7) != QLatin1Char('-')
        || !digitsAt(s, 0, 4, &y) || !digitsAt(s, 5, 2, &m) || !digitsAt(s, 8, 2, &d)) {
        return false;
    }
    *days = Api::Internal::daysFromCivil(y, m, d);
    return true;
}

/** "HH:mm:ss.SSS'Z'" → milliseconds of the day. */
bool parseTime(QStringView s, qint64 *ms)
{
    qint64 h = 0, mi = 0, sec = 0, milli = 0;
    if (s.size() != 13 || s.at(2) != QLatin1Char(':') || s.at(5) != QLatin1Char(':')
        || s.at(8) != QLatin1Char('.') || s.at(12) != QLatin1Char('Z')
        || !digitsAt(s, 0, 2, &h) || !digitsAt(s, 3, 2, &mi) || !digitsAt(s, 6, 2, &sec)
        || !digitsAt(s, 9, 3, &milli)) {
        return false;
    }
    *ms = ((h * 60 + mi) * 60 + sec) * 1000 + milli;
    return true;
}

Parsed parseAsTemporal(QString token)
{
    constexpr qint64 MillisPerDay = 24LL * 60 * 60 * 1000;
    token.replace(QLatin1String("\\:"), QLatin1String(":"));
    qint64 days = 0;
    qint64 ms = 0;
    if (token.size() == 13 && parseTime(token, &ms))
        return SchemaAndValue{Logical::timeSchema(), Value(Instant{ms})};
    if (token.size() == 24 && token.at(10) == QLatin1Char('T')
        && parseDate(QStringView(token).left(10), &days)
        && parseTime(QStringView(token).mid(11), &ms)) {
        return SchemaAndValue{Logical::timestampSchema(), Value(Instant{days * MillisPerDay + ms})};
    }
    if (token.size() == 10 && parseDate(token, &days))
        return SchemaAndValue{Logical::dateSchema(), Value(Instant{days * MillisPerDay})};
    return std::nullopt;
}

// --- Numbers ----------------------------------------------------------------------------------

/** The integer value of an integral decimal that fits in 64 bits. */
std::optional<qint64> exactInteger(const Decimal &d)
{
    if (d.isZero())
        return 0;
    const QString unscaled = Decimal::fromUnscaledBytes(d.unscaledBytes(), 0).toPlainString();
    const qint64 precision = unscaled.size() - (d.isNegative() ? 1 : 0);
    const qint64 adjusted = precision - 1 - d.scale();
    if (adjusted < 0 || adjusted >= 19)
        return std::nullopt; // a non-zero fraction below 1, or beyond ±9.2e18
    bool ok = false;
    const Decimal integral = d.withScale(0, &ok);
    qint64 v = 0;
    if (!ok || !integral.toInt64Unscaled(&v))
        return std::nullopt;
    return v;
}

Parsed parseAsNumber(const QString &token)
{
    bool ok = false;
    const Decimal decimal = Decimal::fromString(token, &ok);
    if (!ok)
        return std::nullopt;
    if (const auto integral = exactInteger(decimal)) {
        const qint64 v = *integral;
        if (v == qint8(v))
            return SchemaAndValue{Schema::int8(), Value::int8(qint8(v))};
        if (v == qint16(v))
            return SchemaAndValue{Schema::int16(), Value::int16(qint16(v))};
        if (v == qint32(v))
            return SchemaAndValue{Schema::int32(), Value::int32(qint32(v))};
        return SchemaAndValue{Schema::int64(), Value::int64(v)};
    }
    const float f = Api::Internal::parseFloat(token, nullptr);
    if (!std::isinf(f) && decimal.scale() != 0)
        return SchemaAndValue{Schema::float32(), Value::float32(f)};
    const double d = Api::Internal::parseDouble(token, nullptr);
    if (!std::isinf(d) && decimal.scale() != 0)
        return SchemaAndValue{Schema::float64(), Value::float64(d)};
    return SchemaAndValue{Logical::decimalSchema(decimal.scale()), Value(decimal)};
}

// --- Schema merging for array elements and map entries ----------------------------------------

bool isNumeric(SchemaType t)
{
    return t == SchemaType::Int8 || t == SchemaType::Int16 || t == SchemaType::Int32
           || t == SchemaType::Int64 || t == SchemaType::Float32 || t == SchemaType::Float64;
}

/** Values.mergeSchemas: numbers widen (INT8 < INT16 < INT32 < INT64 < FLOAT32 < FLOAT64);
 *  other differing types have no common schema. */
Schema mergeSchemas(const Schema &previous, const Schema &latest)
{
    const SchemaType a = previous.type();
    const SchemaType b = latest.type();
    if (a != b) {
        if (isNumeric(a) && isNumeric(b))
            return int(b) > int(a) ? latest : previous;
        return {};
    }
    if (previous.isOptional() == latest.isOptional())
        return previous.isOptional() ? previous : latest;
    return previous == latest ? previous : Schema();
}

class SchemaMerger
{
public:
    void merge(const Parsed &latest)
    {
        if (!latest || latest->schema.isNull() || !m_compatible)
            return;
        if (m_common.isNull()) {
            m_common = latest->schema;
        } else {
            m_common = mergeSchemas(m_common, latest->schema);
            m_compatible = !m_common.isNull();
        }
    }
    bool hasCommonSchema() const { return !m_common.isNull(); }
    const Schema &schema() const { return m_common; }

private:
    Schema m_common;
    bool m_compatible = true;
};

Schema collectionSchema(SchemaType type, const Schema &keySchema, const Schema &valueSchema)
{
    SchemaData data;
    data.type = type;
    data.keySchema = keySchema;
    data.valueSchema = valueSchema;
    return Api::Internal::makeSchema(std::move(data));
}

// --- The parser -------------------------------------------------------------------------------

class ValueParser
{
public:
    explicit ValueParser(const QString &text) : m_parser(text) {}

    Tokenizer &tokenizer() { return m_parser; }

    Parsed parse(bool embedded)
    {
        if (!m_parser.hasNext())
            return std::nullopt;
        if (embedded && m_parser.canConsume(Quote))
            return parseQuotedString();
        if (canParseSingleTokenLiteral(embedded, QLatin1String("null")))
            return std::nullopt;
        if (canParseSingleTokenLiteral(embedded, QLatin1String("true")))
            return SchemaAndValue{Schema::boolean(), Value(true)};
        if (canParseSingleTokenLiteral(embedded, QLatin1String("false")))
            return SchemaAndValue{Schema::boolean(), Value(false)};

        const qsizetype start = m_parser.mark();
        try {
            if (m_parser.canConsume(ArrayBegin))
                return parseArray();
            if (m_parser.canConsume(MapBegin))
                return parseMap();
        } catch (const DataException &) {
            // Not a well-formed array or map: read it as a string (or fail if embedded).
            m_parser.rewindTo(start);
        }
        const QString token = m_parser.next();
        if (isBlank(token))
            return SchemaAndValue{Schema::string(), Value(token)};
        return parseNextToken(embedded, javaTrim(token));
    }

private:
    bool canParseSingleTokenLiteral(bool embedded, QLatin1String literal)
    {
        const qsizetype start = m_parser.mark();
        // At top level the literal must be the whole text ("true}" is a string).
        if (m_parser.canConsume(literal) && (embedded || !m_parser.hasNext()))
            return true;
        m_parser.rewindTo(start);
        return false;
    }

    Parsed parseNextToken(bool embedded, const QString &token)
    {
        const QChar first = token.at(0);
        const bool firstIsDigit = first.isDigit();
        if (firstIsDigit) {
            // Times and timestamps span five tokens, their colons being delimiters.
            const qsizetype position = m_parser.mark();
            if (const auto remainder = m_parser.next(4)) {
                if (Parsed temporal = parseAsTemporal(token + *remainder))
                    return temporal;
            }
            m_parser.rewindTo(position);
            if (Parsed temporal = parseAsTemporal(token))
                return temporal;
        }
        if (firstIsDigit || first == QLatin1Char('+') || first == QLatin1Char('-')) {
            if (Parsed number = parseAsNumber(token))
                return number;
        }
        if (embedded)
            throw DataException(QStringLiteral("Failed to parse embedded value"));
        return SchemaAndValue{Schema::string(), Value(m_parser.original())};
    }

    Parsed parseQuotedString()
    {
        // Exact matching keeps whitespace-only runs inside the quotes (Kafka drops them).
        QString content;
        while (m_parser.hasNext()) {
            if (m_parser.canConsume(Quote, true))
                break;
            content += m_parser.next();
        }
        if (Parsed temporal = parseAsTemporal(content))
            return temporal;
        return SchemaAndValue{Schema::string(), Value(unescape(content))};
    }

    static QString unescape(const QString &content)
    {
        QString out;
        out.reserve(content.size());
        for (qsizetype i = 0; i < content.size(); ++i) {
            const QChar c = content.at(i);
            if (c == QLatin1Char('\\') && i + 1 < content.size()
                && (content.at(i + 1) == QLatin1Char('\\')
                    || content.at(i + 1) == QLatin1Char('"'))) {
                out += content.at(++i);
            } else {
                out += c;
            }
        }
        return out;
    }

    [[noreturn]] void missingTerminator(const char *what, const char *terminator)
    {
        if (m_parser.previous() == QString(Comma)) {
            throw DataException(QStringLiteral("%1 is missing element after ',': %2")
                                    .arg(QLatin1String(what), m_parser.original()));
        }
        throw DataException(QStringLiteral("%1 is missing terminating '%2': %3")
                                .arg(QLatin1String(what), QLatin1String(terminator),
                                     m_parser.original()));
    }

    Parsed parseArray()
    {
        ValueList result;
        SchemaMerger elementSchema;
        while (m_parser.hasNext()) {
            if (m_parser.canConsume(ArrayEnd)) {
                if (!elementSchema.hasCommonSchema()) {
                    // Only nulls, or elements without a common type.
                    return SchemaAndValue{collectionSchema(SchemaType::Array, {}, {}),
                                          Value(std::move(result))};
                }
                const Schema schema = elementSchema.schema();
                ValueList aligned;
                aligned.reserve(result.size());
                for (const Value &v : result)
                    aligned.push_back(Internal::convertTo(schema, {}, v));
                return SchemaAndValue{SchemaBuilder::array(schema).build(),
                                      Value(std::move(aligned))};
            }
            if (m_parser.canConsume(Comma)) {
                throw DataException(QStringLiteral("Unable to parse an empty array element: ")
                                    + m_parser.original());
            }
            const Parsed element = parse(true);
            elementSchema.merge(element);
            result.push_back(element ? element->value : Value());

            const qsizetype current = m_parser.mark();
            if (m_parser.canConsume(ArrayEnd))
                m_parser.rewindTo(current);
            else if (!m_parser.canConsume(Comma))
                throw DataException(QStringLiteral("Array elements missing ',' delimiter"));
        }
        missingTerminator("Array", "]");
    }

    Parsed parseMap()
    {
        ValueMap result;
        SchemaMerger keySchema;
        SchemaMerger valueSchema;
        while (m_parser.hasNext()) {
            if (m_parser.canConsume(MapEnd)) {
                if (keySchema.hasCommonSchema() && valueSchema.hasCommonSchema()) {
                    ValueMap aligned;
                    for (const auto &[k, v] : result) {
                        aligned.emplace_back(Internal::convertTo(keySchema.schema(), {}, k),
                                             Internal::convertTo(valueSchema.schema(), {}, v));
                    }
                    return SchemaAndValue{
                        SchemaBuilder::map(keySchema.schema(), valueSchema.schema()).build(),
                        Value(std::move(aligned))};
                }
                if (keySchema.hasCommonSchema()) {
                    ValueMap aligned;
                    for (const auto &[k, v] : result)
                        aligned.emplace_back(Internal::convertTo(keySchema.schema(), {}, k), v);
                    return SchemaAndValue{
                        collectionSchema(SchemaType::Map, keySchema.schema(), {}),
                        Value(std::move(aligned))};
                }
                return SchemaAndValue{collectionSchema(SchemaType::Map, {}, {}),
                                      Value(std::move(result))};
            }
            if (m_parser.canConsume(Comma)) {
                throw DataException(
                    QStringLiteral("Unable to parse a map entry with no key or value: ")
                    + m_parser.original());
            }
            const Parsed key = parse(true);
            if (!key || key->value.isNull()) {
                throw DataException(QStringLiteral("Map entry may not have a null key: ")
                                    + m_parser.original());
            }
            if (!m_parser.canConsume(EntryDelimiter)) {
                throw DataException(QStringLiteral("Map entry is missing ':' at %1 in %2")
                                        .arg(QString::number(m_parser.position()),
                                             m_parser.original()));
            }
            const Parsed value = parse(true);
            put(result, key->value, value ? value->value : Value());
            m_parser.canConsume(Comma);
            keySchema.merge(key);
            valueSchema.merge(value);
        }
        missingTerminator("Map", "}");
    }

    /** LinkedHashMap.put: a repeated key keeps its place and takes the new value. */
    static void put(ValueMap &map, const Value &key, const Value &value)
    {
        for (auto &entry : map) {
            if (entry.first == key) {
                entry.second = value;
                return;
            }
        }
        map.emplace_back(key, value);
    }

    Tokenizer m_parser;
};

} // namespace

SchemaAndValue parseString(const QString &text)
{
    if (text.isNull())
        return {};
    if (text.isEmpty())
        return {Schema::string(), Value(text)};
    ValueParser parser(text);
    const Parsed result = parser.parse(false);
    // Kafka ignores whatever follows a complete value at top level ("1,2" → 1); keep such text
    // as the string it is instead of losing the rest.
    Tokenizer &rest = parser.tokenizer();
    while (rest.hasNext()) {
        if (!isBlank(rest.next()))
            return {Schema::string(), Value(text)};
    }
    return result.value_or(SchemaAndValue{});
}

} // namespace ConnectDesk::Api::Values
