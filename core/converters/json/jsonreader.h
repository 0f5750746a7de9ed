// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jsonvalue.h"

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace ConnectDesk::Converters {

/** Why JsonReader::parse() failed, and where. */
struct JsonParseError
{
    enum class Code {
        None,
        /** No value at all: empty or whitespace-only input (Jackson's MissingNode). */
        EmptyInput,
        UnexpectedCharacter,
        UnexpectedEnd,
        InvalidNumber,
        InvalidEscape,
        InvalidUtf8,
        ControlCharacter,
        TooDeep,
        TrailingContent,
        /** parseRawMembers(): valid so far, but the root is not an object. */
        NotAnObject
    };

    Code code = Code::None;
    QString message;
    /** Byte offset into the input; line and column are 1-based. */
    qsizetype offset = -1;
    int line = 0;
    int column = 0;

    bool isError() const { return code != Code::None; }
    /** "message (at line L, column C)". */
    QString toString() const;
};

/**
 * A strict, fast JSON (RFC 8259) parser for UTF-8 input that keeps numbers exact (see
 * JsonValue). Stateless and thread-safe.
 *
 *     JsonParseError error;
 *     if (auto doc = JsonReader::parse(bytes, &error))
 *         qint64 offset = (*doc)["offset"].toInt64();
 *
 * Options give Jackson's leniencies where a caller must accept what Kafka accepts: leading
 * zeros in numbers (Connect's JsonDeserializer enables them) and ignoring content after the
 * first value (ObjectMapper.readTree() does).
 */
class JsonReader
{
public:
    struct Options
    {
        /** Accept `007` as 7. */
        bool allowLeadingZeros = false;
        /** Stop after the first value; content after it is ignored unless it is glued to a
         *  root-level number or literal (`12x`). */
        bool allowTrailingContent = false;
        /** Nesting limit of arrays and objects (Jackson's default is 1000). */
        int maxDepth = 1000;
    };

    /** Parses a whole document; std::nullopt (and *error set) on failure. A UTF-8 BOM is
     *  skipped. */
    static std::optional<JsonValue> parse(QByteArrayView utf8, JsonParseError *error = nullptr);
    static std::optional<JsonValue> parse(QByteArrayView utf8, const Options &options,
                                          JsonParseError *error = nullptr);

    /** A member of the root object with its value as raw JSON text (a view into the input). */
    using RawMember = std::pair<QString, QByteArrayView>;

    /**
     * Splits a document whose root is an object into its members without building their values:
     * every value is validated like parse() does and returned as its raw text, so a caller can
     * parse members selectively or use their text as a cache key (JsonConverter's envelope).
     * Repeated keys keep the last value at the first position. Fails like parse(); a root that
     * is not an object gives Code::NotAnObject (without checking the rest of the input).
     */
    static std::optional<std::vector<RawMember>> parseRawMembers(QByteArrayView utf8,
                                                                 const Options &options,
                                                                 JsonParseError *error = nullptr);
    static std::optional<std::vector<RawMember>> parseRawMembers(QByteArrayView utf8,
                                                                 JsonParseError *error = nullptr);
};

} // namespace ConnectDesk::Converters
