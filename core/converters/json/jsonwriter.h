// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jsonvalue.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace ConnectDesk::Converters {

/**
 * Streams compact UTF-8 JSON exactly as Jackson writes it: no whitespace, strings escaped with
 * `\"`, `\\`, `\b \f \n \r \t` and `\u00XX` (upper-case hex) for other control characters,
 * everything else raw UTF-8; doubles and floats as Java prints them (JsonNumbers), NaN and
 * infinities as the strings "NaN", "Infinity", "-Infinity".
 *
 *     JsonWriter w;
 *     w.beginObject().key(u"id").writeInt64(42).key(u"tags").beginArray().endArray().endObject();
 *     QByteArray bytes = w.take(); // {"id":42,"tags":[]}
 *
 * Commas and colons are inserted automatically; the caller keeps begin/end calls balanced and
 * calls key() before each member value. One writer per thread.
 */
class JsonWriter
{
public:
    JsonWriter() = default;
    explicit JsonWriter(qsizetype reserve) { m_out.reserve(reserve); }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(QStringView name);
    JsonWriter &key(QLatin1StringView name);

    JsonWriter &writeNull();
    JsonWriter &writeBool(bool value);
    JsonWriter &writeInt64(qint64 value);
    JsonWriter &writeDouble(double value);
    JsonWriter &writeFloat(float value);
    JsonWriter &writeString(QStringView value);
    JsonWriter &writeString(QLatin1StringView value);
    /** A string given as UTF-8 (escaped like any string). */
    JsonWriter &writeUtf8String(QByteArrayView value);
    /** A number given as valid JSON number text, written unchanged. */
    JsonWriter &writeNumberText(QByteArrayView text);
    /** Already-serialized JSON, written unchanged (e.g. a cached sub-document). */
    JsonWriter &writeRaw(QByteArrayView json);
    JsonWriter &writeValue(const JsonValue &value);

    const QByteArray &data() const { return m_out; }
    /** The output so far; the writer is reset. */
    QByteArray take();
    void clear();

    /** Compact JSON of a value. */
    static QByteArray toJson(const JsonValue &value);
    /** Appends value as a quoted, escaped JSON string. */
    static void appendQuoted(QByteArray &out, QStringView value);

private:
    void beforeValue()
    {
        if (m_needComma)
            m_out.append(',');
        m_needComma = false;
    }

    QByteArray m_out;
    // True after a complete value: the next value or key gets a comma. key() leaves it false so
    // the member's value follows the colon directly.
    bool m_needComma = false;
};

} // namespace ConnectDesk::Converters
