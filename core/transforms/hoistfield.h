// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "recordside.h"
#include "schemacache.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `HoistField$Key` / `HoistField$Value`: wraps the whole key or value, null included,
 * in a Struct with one field `field` of the original schema, or in a one-entry map when
 * schemaless.
 * Owned by one task and used on its thread only.
 */
class HoistField : public BuiltinTransformation
{
public:
    explicit HoistField(RecordSide side)
        : m_side(side)
    {}

    Api::ConfigDef config() const override;
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    void close() override;

private:
    RecordSide m_side;
    QString m_fieldName;
    SchemaCache m_schemaUpdateCache;
};

} // namespace ConnectDesk::Transforms
