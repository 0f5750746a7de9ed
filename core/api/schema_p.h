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

/** "value" or `field: "f"`, as Kafka's validateValue names the checked location. */
QString validationLocation(const QString &field);
/** ConnectSchema.validateValue with an explicit location text (recursion into arrays/maps). */
void validateValueAt(const Schema &schema, const Value &value, const QString &location);
/** `class java.lang.Integer`, `class [B`... as Java's `value.getClass()` prints. */
QString javaClassDescription(const Value &value);
/** A schema without the builder's checks, e.g. an ARRAY without element schema. */
Schema makeSchema(SchemaData data);

} // namespace Internal

} // namespace ConnectDesk::Api
