// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "recordside.h"

#include <optional>

namespace ConnectDesk::Transforms {

/**
 * Kafka's `SetSchemaMetadata$Key` / `$Value`: sets the name and/or version of the key or value
 * schema, and rebuilds a top-level Struct against the renamed schema so value and schema agree.
 * Thread: one instance per task, used on the task's thread only.
 */
class SetSchemaMetadata : public BuiltinTransformation
{
public:
    explicit SetSchemaMetadata(RecordSide side) : m_side(side) {}

    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

    /** Kafka's `updateSchemaIn`: a Struct copied onto updatedSchema (same fields, by index;
     *  nested structs are kept as they are); anything else returned unchanged. */
    Api::Value updateSchemaIn(const Api::Value &keyOrValue, const Api::Schema &updatedSchema) const;

private:
    RecordSide m_side;
    QString m_schemaName; // null: keep the schema's
    std::optional<int> m_schemaVersion;
    bool m_replaceNullWithDefault = true;
};

} // namespace ConnectDesk::Transforms
