// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to the SDK implementation: the shared, immutable state behind Schema and the mutable
// state of SchemaBuilder. Plugins never include this header.

#include "schema.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace ConnectDesk::Api {

/** The state of one schema (Java `ConnectSchema`'s fields). Immutable once wrapped in a Schema;
 *  SchemaBuilder mutates its own private copy. */
struct SchemaData
{
    SchemaType type = SchemaType::Struct;
    bool optional = false;
    Value defaultValue;
    QString name;
    std::optional<int> version;
    QString doc;
    QMap<QString, QString> parameters;
    QList<Field> fields;  // STRUCT
    Schema keySchema;     // MAP
    Schema valueSchema;   // ARRAY, MAP

    // SchemaBuilder bookkeeping: which properties were set explicitly (Kafka refuses to change
    // them once set). Not part of equality.
    bool optionalSet = false;
    bool defaultSet = false;
    bool nameSet = false;
    bool versionSet = false;
    bool docSet = false;
};

namespace Internal {

/**
 * Where validateValue is looking, as Kafka's messages name it: "value", `field: "f"`, or
 * "element of array …" / "key of map …" / "value of map …" around an outer location. The text
 * is built only when an error is reported: validation of good values (every Struct::put) must
 * not format strings.
 */
struct ValidationLocation
{
    /** Top level: the field name, or nullptr for "value". */
    const QString *field = nullptr;
    /** Nested: a prefix such as "element of array " before the outer location. */
    const char *prefix = nullptr;
    const ValidationLocation *outer = nullptr;
    QString text() const;
};
/** ConnectSchema.validateValue at a location (recursion into arrays/maps). */
void validateValueAt(const Schema &schema, const Value &value, const ValidationLocation &location);
/** `class java.lang.Integer`, `class [B`... as Java's `value.getClass()` prints. */
QString javaClassDescription(const Value &value);
/** A schema without the builder's checks, e.g. an ARRAY without element schema. */
Schema makeSchema(SchemaData data);

} // namespace Internal

} // namespace ConnectDesk::Api
