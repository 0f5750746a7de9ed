// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "schemacache.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `ValueToKey`: replaces the key by a Struct (with schema) or map (schemaless) holding
 * the listed fields of the value, in config order. A null value is a DataException.
 * Owned by one task and used on its thread only.
 */
class ValueToKey : public BuiltinTransformation
{
public:
    Api::ConfigDef config() const override;
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    void close() override;

private:
    Api::Schema keySchemaFor(const Api::Schema &valueSchema);

    QStringList m_fields;
    bool m_replaceNullWithDefault = true;
    SchemaCache m_keySchemaCache;
};

} // namespace ConnectDesk::Transforms
