// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "recordside.h"
#include "singlefieldpath.h"

#include <optional>

namespace ConnectDesk::Transforms {

/**
 * Kafka's `ExtractField$Key` / `ExtractField$Value`: replaces the key or value by one of its
 * fields, found by `field` read as a path under `field.syntax.version` (V2 reaches into nested
 * structs and maps). With a schema the result takes the field's schema, even for a null value;
 * a path the schema lacks is an IllegalArgumentException. Schemaless, a missing field gives null.
 * Owned by one task and used on its thread only.
 */
class ExtractField : public BuiltinTransformation
{
public:
    explicit ExtractField(RecordSide side)
        : m_side(side)
    {}

    Api::ConfigDef config() const override;
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;

private:
    RecordSide m_side;
    std::optional<SingleFieldPath> m_fieldPath;
    QString m_originalPath;
    bool m_replaceNullWithDefault = true;
};

} // namespace ConnectDesk::Transforms
