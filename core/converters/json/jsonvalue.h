// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <utility>
#include <variant>
#include <vector>

namespace ConnectDesk::Converters {

/**
 * A JSON document node that keeps numbers exact: integers that fit in 64 bits are stored as
 * qint64, larger integers and numbers with a fraction or exponent keep their source text (so a
 * Decimal or a BigInteger loses nothing), and doubles built in code stay doubles.
 *
 * Objects keep their members in document order (like Jackson's ObjectNode); JsonReader drops
 * duplicate keys the way Jackson does (the last value wins, at the first key's position).
 *
 * A value type: copies are deep, so move large documents. Not thread-safe for concurrent
 * mutation; concurrent reads are fine.
 */
class JsonValue
{
public:
    enum class Type : quint8 { Null, Bool, Number, String, Array, Object };
    using Array = std::vector<JsonValue>;
    using Member = std::pair<QString, JsonValue>;
    using Object = std::vector<Member>;

    JsonValue() = default;
    JsonValue(std::nullptr_t) {}
    JsonValue(bool v) : m_data(v) {}
    JsonValue(int v) : m_data(qint64(v)) {}
    JsonValue(qint64 v) : m_data(v) {}
    JsonValue(double v) : m_data(v) {}
    JsonValue(const QString &v) : m_data(v) {}
    JsonValue(QString &&v) : m_data(std::move(v)) {}
    JsonValue(QStringView v) : m_data(v.toString()) {}
    JsonValue(QLatin1StringView v) : m_data(QString(v)) {}
    /** UTF-8 text. */
    JsonValue(const char *utf8) : m_data(QString::fromUtf8(utf8)) {}
    JsonValue(Array v) : m_data(std::move(v)) {}
    JsonValue(Object v) : m_data(std::move(v)) {}

    /** A number from its JSON text (e.g. "12.50", "1E+3", "123456789012345678901234"); the text
     *  is written back unchanged. The caller guarantees it is a valid JSON number. */
    static JsonValue fromNumberText(const QByteArray &text);
    static JsonValue array() { return JsonValue(Array()); }
    static JsonValue object() { return JsonValue(Object()); }

    Type type() const;
    bool isNull() const { return m_data.index() == NullIndex; }
    bool isBool() const { return m_data.index() == BoolIndex; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return m_data.index() == StringIndex; }
    bool isArray() const { return m_data.index() == ArrayIndex; }
    bool isObject() const { return m_data.index() == ObjectIndex; }

    /** A number written without fraction or exponent (Jackson's isIntegralNumber()). */
    bool isIntegral() const;
    /** An integral number that fits in qint64. */
    bool isInt64() const { return m_data.index() == IntIndex; }
    /** An integral number that fits in qint32 (Jackson's isInt()). */
    bool isInt32() const;
    /** A number built from a double (not parsed). */
    bool isDouble() const { return m_data.index() == DoubleIndex; }

    bool toBool(bool defaultValue = false) const;
    /** The value when isInt64(), else defaultValue (no silent truncation). */
    qint64 toInt64(qint64 defaultValue = 0) const;
    /** Any number as the nearest double; defaultValue for non-numbers. */
    double toDouble(double defaultValue = 0) const;
    /** The string; an empty string for non-strings. */
    const QString &toString() const;
    /** The number as JSON text: the source text, the integer, or the double Java-formatted. */
    QByteArray numberText() const;

    /** Array elements or object values count; 0 for scalars. */
    qsizetype size() const;
    const Array &toArray() const;
    Array &arrayRef();
    const Object &toObject() const;
    Object &objectRef();
    /** Array element; a null value when out of range or not an array. */
    const JsonValue &at(qsizetype index) const;

    /** Object member by key; nullptr when absent or not an object. */
    const JsonValue *find(QStringView key) const;
    JsonValue *find(QStringView key);
    /** Object member by key; a null value when absent. */
    const JsonValue &operator[](QStringView key) const;
    const JsonValue &operator[](QLatin1StringView key) const;
    bool contains(QStringView key) const { return find(key) != nullptr; }

    /** Sets a member, replacing an existing one in place (turns a null value into an object). */
    JsonValue &insert(const QString &key, JsonValue value);
    /** Appends a member without checking for duplicates (fast path for builders). */
    JsonValue &append(const QString &key, JsonValue value);
    /** Appends an array element (turns a null value into an array). */
    JsonValue &append(JsonValue value);

    /** "NULL", "BOOLEAN", "NUMBER", "STRING", "ARRAY", "OBJECT" (Jackson's JsonNodeType). */
    QString typeName() const;
    static QString typeName(Type type);

    /** Structural equality; numbers compare by representation (1 != 1.0). */
    friend bool operator==(const JsonValue &a, const JsonValue &b);
    friend size_t qHash(const JsonValue &value, size_t seed);

private:
    struct NumberText
    {
        QByteArray text;
        bool integral = false;
        friend bool operator==(const NumberText &, const NumberText &) = default;
    };

    enum Index : size_t {
        NullIndex,
        BoolIndex,
        IntIndex,
        DoubleIndex,
        TextIndex,
        StringIndex,
        ArrayIndex,
        ObjectIndex
    };

    std::variant<std::monostate, bool, qint64, double, NumberText, QString, Array, Object> m_data;
};

size_t qHash(const JsonValue &value, size_t seed = 0);

} // namespace ConnectDesk::Converters
