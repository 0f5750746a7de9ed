// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace ConnectDesk::Converters::Internal {

/**
 * The Java character sets StringConverter supports, looked up by Java's names and aliases
 * (case-insensitive): UTF-8, ISO-8859-1 (latin1), US-ASCII, UTF-16 (BOM-detecting, writes a
 * big-endian BOM like Java), UTF-16BE, UTF-16LE, UTF-32, UTF-32BE, UTF-32LE. Like Java,
 * encoding replaces unmappable characters with '?' and decoding malformed input with U+FFFD.
 */
class Charset
{
public:
    enum class Id { Utf8, Latin1, Ascii, Utf16, Utf16BE, Utf16LE, Utf32, Utf32BE, Utf32LE };

    static std::optional<Charset> forName(const QString &name);

    Id id() const { return m_id; }
    /** Java's canonical name ("UTF-8", "ISO-8859-1", ...). */
    QString name() const;
    QByteArray encode(QStringView text) const;
    QString decode(QByteArrayView bytes) const;

private:
    explicit Charset(Id id) : m_id(id) {}
    Id m_id;
};

} // namespace ConnectDesk::Converters::Internal
