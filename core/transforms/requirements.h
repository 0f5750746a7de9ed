// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/records.h"

namespace ConnectDesk::Transforms {

/** Java's `getClass().getName()` of a value, as Kafka's messages print it: "java.lang.String",
 *  "java.util.HashMap", "org.apache.kafka.connect.data.Struct"; "null" for null. */
QString javaQualifiedClassName(const Api::Value &value);

// Kafka's transforms/util/Requirements: each throws DataException with Kafka's message.
/** `Only Map objects supported in absence of schema for [purpose], found: <class>`. */
const Api::ValueMap &requireMap(const Api::Value &value, const QString &purpose);
/** As requireMap, but null passes (returns nullptr). */
const Api::ValueMap *requireMapOrNull(const Api::Value &value, const QString &purpose);
/** `Only Struct objects supported for [purpose], found: <class>`. */
const Api::StructPtr &requireStruct(const Api::Value &value, const QString &purpose);
/** As requireStruct, but null passes (returns nullptr). */
const Api::StructPtr *requireStructOrNull(const Api::Value &value, const QString &purpose);
/** `Schema required for [purpose]`. */
void requireSchema(const Api::Schema &schema, const QString &purpose);
/** `Only SinkRecord supported for [purpose], found: <class>`. */
const Api::SinkRecord &requireSinkRecord(const Api::ConnectRecord &record, const QString &purpose);

} // namespace ConnectDesk::Transforms
