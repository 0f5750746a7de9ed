// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connectdeskapi_global.h"
#include "decimal.h"
#include "schema.h"
#include "value.h"

#include <QString>

#include <optional>

/**
 * Kafka Connect's `org.apache.kafka.connect.data.Values`: converts Connect values between types,
 * formats them as text and parses text back with schema inference. SimpleHeaderConverter is
 * built on convertToString() and parseString().
 *
 * The schema arguments describe the value being converted and may be null (schemaless); they
 * matter for logical types (a Date, Time or Timestamp Instant converts to a number only when
 * its schema says which). Conversions throw DataException when the value cannot be converted
 * and return std::nullopt for a null value. Stateless and thread-safe.
 */
namespace ConnectDesk::Api::Values {

/** `Values.convertToString`: numbers and booleans as Java prints them, strings raw, bytes as
 *  base64, arrays `[a,b]`, maps `{k:v}`, structs `{"f":v}`; strings and bytes nested in
 *  arrays, maps or structs are double-quoted with `\` and `"` escaped; Instants (Date, Time,
 *  Timestamp) as `HH:mm:ss.SSS'Z'` below one day after the epoch, `yyyy-MM-dd` for whole days,
 *  `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` otherwise, in UTC. A null value gives a null QString. */
CONNECTDESK_API_EXPORT QString convertToString(const Schema &schema, const Value &value);

/**
 * `Values.parseString`: parses text written by convertToString(), inferring the schema:
 * `true`/`false` → BOOLEAN; integral numbers → the smallest of INT8, INT16, INT32, INT64 (larger
 * → Decimal with scale 0); other numbers → FLOAT32 if finite as a float, else FLOAT64, else
 * Decimal; `[...]` → ARRAY and `{...}` → MAP (element schemas merged as Kafka does; the null
 * schema when elements disagree); ISO-8601 date, time and timestamp → the Date, Time and
 * Timestamp logical types (UTC); anything else → STRING with the original text. `null` and a null
 * QString give the null schema and value; an empty string gives an empty STRING.
 *
 * Differences from Kafka, so that no text is lost: text with more after a complete number,
 * date, array or map at top level ("1,2", "10:20", "[1] x") stays a STRING, and quoted strings
 * nested in arrays and maps are unescaped (`\"` → `"`, `\\` → `\`).
 */
CONNECTDESK_API_EXPORT SchemaAndValue parseString(const QString &text);

/** `Values.inferSchema`: the schema of a schemaless value; the null schema when none can be
 *  inferred (null, Decimal, Instant, empty or mixed arrays and maps). */
CONNECTDESK_API_EXPORT Schema inferSchema(const Value &value);

/** `Values.convertToBoolean`: booleans, "true"/"false" text, or any number (0 = false). */
CONNECTDESK_API_EXPORT std::optional<bool> convertToBoolean(const Schema &schema,
                                                            const Value &value);
/** `Values.convertToByte` (numbers narrowed like Java casts, text parsed as a decimal). */
CONNECTDESK_API_EXPORT std::optional<qint8> convertToByte(const Schema &schema, const Value &value);
/** `Values.convertToShort`. */
CONNECTDESK_API_EXPORT std::optional<qint16> convertToShort(const Schema &schema,
                                                            const Value &value);
/** `Values.convertToInteger`. */
CONNECTDESK_API_EXPORT std::optional<qint32> convertToInteger(const Schema &schema,
                                                              const Value &value);
/** `Values.convertToLong`. */
CONNECTDESK_API_EXPORT std::optional<qint64> convertToLong(const Schema &schema,
                                                           const Value &value);
/** `Values.convertToFloat`. */
CONNECTDESK_API_EXPORT std::optional<float> convertToFloat(const Schema &schema,
                                                           const Value &value);
/** `Values.convertToDouble`. */
CONNECTDESK_API_EXPORT std::optional<double> convertToDouble(const Schema &schema,
                                                             const Value &value);
/** `Values.convertToList`: an ARRAY value, or text parsed as one. */
CONNECTDESK_API_EXPORT std::optional<ValueList> convertToList(const Schema &schema,
                                                              const Value &value);
/** `Values.convertToMap`: a MAP value, or text parsed as one. */
CONNECTDESK_API_EXPORT std::optional<ValueMap> convertToMap(const Schema &schema,
                                                            const Value &value);
/** `Values.convertToDecimal`: Decimals as they are, unscaled bytes at `scale`, numbers via
 *  their double value, text parsed. */
CONNECTDESK_API_EXPORT std::optional<Decimal> convertToDecimal(const Schema &schema,
                                                               const Value &value, int scale);
/** `Values.convertToDate`: an Instant at midnight UTC (from a Date, a Timestamp, a number of
 *  days or text). */
CONNECTDESK_API_EXPORT std::optional<Instant> convertToDate(const Schema &schema,
                                                            const Value &value);
/** `Values.convertToTime`: an Instant within 1970-01-01 (from a Time, a Timestamp, a number of
 *  milliseconds or text). */
CONNECTDESK_API_EXPORT std::optional<Instant> convertToTime(const Schema &schema,
                                                            const Value &value);
/** `Values.convertToTimestamp`: an Instant (from a Date, Time, Timestamp, epoch milliseconds or
 *  text). */
CONNECTDESK_API_EXPORT std::optional<Instant> convertToTimestamp(const Schema &schema,
                                                                 const Value &value);

} // namespace ConnectDesk::Api::Values
