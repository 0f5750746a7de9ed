// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/schema.h"
#include "core/api/struct.h"

namespace ConnectDesk::Transforms {

/** Kafka's `SchemaUtil.copySchemaBasics(source, builder)`: name, version, doc and parameters. */
Api::SchemaBuilder &copySchemaBasics(const Api::Schema &source, Api::SchemaBuilder &builder);
/** A new builder of the source's type with its basics copied; an array keeps its element
 *  schema, struct fields are not copied. */
Api::SchemaBuilder copySchemaBasics(const Api::Schema &source);

/** A struct field's value under `replace.null.with.default`: true gives the schema default for
 *  a null slot (Struct::get), false the raw slot. */
Api::Value fieldValue(const Api::Struct &value, const Api::Field &field, bool replaceNullWithDefault);
Api::Value fieldValue(const Api::Struct &value, const QString &fieldName, bool replaceNullWithDefault);

} // namespace ConnectDesk::Transforms
