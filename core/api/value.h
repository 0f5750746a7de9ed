// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connectdeskapi_global.h"
#include "decimal.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <utility>
#include <variant>
#include <vector>

namespace ConnectDesk::Api {

class Struct;
class Value;

/** ARRAY payload. */
using ValueList = std::vector<Value>;
/** MAP payload: ordered key/value pairs (keys may be of any type, as in Kafka Connect). */
using ValueMap = std::vector<std::pair<Value, Value>>;
/** STRUCT payload. Structs are shared like Java object references; copy with Struct::clone(). */
using StructPtr = std::shared_ptr<Struct>;

/** The in-memory form of `java.util.Date` as used by the Date, Time and Timestamp logical types:
 *  milliseconds since 1970-01-01T00:00:00Z. */
struct Instant
{
    qint64 epochMs = 0;
    friend bool operator==(const Instant &, const Instant &) = default;
};

/**
 * A Kafka Connect value: null, a primitive, a Decimal, an Instant (Date/Time/Timestamp), an array,
 * a map or a struct. The schema travels separately (as in Kafka Connect's `SchemaAndValue`);
 * schemaless data is plain maps and arrays.
 *
 * Integers keep their exact width (INT8..INT64) so converters can check them against a schema.
 * Cheap to copy for primitives and strings (QString/QByteArray are implicitly shared).
 */
class CONNECTDESK_API_EXPORT Value
{
public:
    enum class Kind {
        Null,
        Boolean,
        Int8,
        Int16,
        Int32,
        Int64,
        Float32,
        Float64,
        String,
        Bytes,
        Decimal,
        Instant,
        Array,
        Map,
        Struct
    };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool v) : m_data(v) {}
    Value(qint32 v) : m_data(v) {}
    Value(qint64 v) : m_data(v) {}
    Value(double v) : m_data(v) {}
    Value(const QString &v) : m_data(v) {}
    Value(const char *utf8) : m_data(QString::fromUtf8(utf8)) {}
    Value(const QByteArray &v) : m_data(v) {}
    Value(const Api::Decimal &v) : m_data(v) {}
    Value(Api::Instant v) : m_data(v) {}
    Value(ValueList v) : m_data(std::move(v)) {}
    Value(ValueMap v) : m_data(std::move(v)) {}
    Value(StructPtr v);

    static Value int8(qint8 v) { return fromVariant(v); }
    static Value int16(qint16 v) { return fromVariant(v); }
    static Value int32(qint32 v) { return fromVariant(v); }
    static Value int64(qint64 v) { return fromVariant(v); }
    static Value float32(float v) { return fromVariant(v); }
    static Value float64(double v) { return fromVariant(v); }

    Kind kind() const { return static_cast<Kind>(m_data.index()); }
    bool isNull() const { return kind() == Kind::Null; }
    /** True for Int8..Int64. */
    bool isInteger() const;
    /** True for Int8..Float64. */
    bool isNumber() const;

    // Typed access. Calling the wrong accessor is a programmer error (asserts in debug builds,
    // returns a default value otherwise); check kind() first.
    bool toBool() const;
    qint8 toInt8() const;
    qint16 toInt16() const;
    qint32 toInt32() const;
    qint64 toInt64() const;
    float toFloat32() const;
    double toFloat64() const;
    /** Any integer kind widened to 64 bits; 0 for other kinds. */
    qint64 integerValue() const;
    /** Any number kind as double; 0 for other kinds. */
    double numberValue() const;
    const QString &toString() const;
    const QByteArray &toBytes() const;
    const Api::Decimal &toDecimal() const;
    Api::Instant toInstant() const;
    const ValueList &toList() const;
    ValueList &toList();
    const ValueMap &toMap() const;
    ValueMap &toMap();
    const StructPtr &toStruct() const;

    /** Looks up a map entry by string key (schemaless records); null if absent or not a map. */
    Value mapValue(const QString &key) const;

    /** Deep equality; structs compare by schema and values, like Java's equals(). */
    friend CONNECTDESK_API_EXPORT bool operator==(const Value &a, const Value &b);

    /** The text `String.valueOf(value)` gives in Java: `null`, `true`, `42`, `1.5`, `[a, b]`,
     *  `{k=v}`, `Struct{f=1}`; bytes print as `[B@` plus a hash in Java — here as base64. */
    QString toJavaString() const;

    /** Kind name for error messages, mirroring the Java class: "Integer", "String", "HashMap"... */
    QString javaClassName() const;

private:
    template<typename T>
    static Value fromVariant(T v)
    {
        Value r;
        r.m_data = v;
        return r;
    }

    // Order must match Kind.
    std::variant<std::monostate,
                 bool,
                 qint8,
                 qint16,
                 qint32,
                 qint64,
                 float,
                 double,
                 QString,
                 QByteArray,
                 Api::Decimal,
                 Api::Instant,
                 ValueList,
                 ValueMap,
                 StructPtr>
        m_data;
};

} // namespace ConnectDesk::Api
