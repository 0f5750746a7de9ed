// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "namelookup.h"
#include "recordside.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `MaskField$Key` / `MaskField$Value`: replaces the listed fields of a Struct or
 * schemaless map by their type's empty value (false, 0, "", the epoch, an empty list or map),
 * or by `replacement` converted to the field's numeric or string type. Null fields stay null;
 * the schema is unchanged. A null key or value is a DataException.
 * Owned by one task and used on its thread only.
 */
class MaskField : public BuiltinTransformation
{
public:
    explicit MaskField(RecordSide side)
        : m_side(side)
    {}

    Api::ConfigDef config() const override;
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;

private:
    Api::Value masked(const Api::Value &value) const;

    RecordSide m_side;
    QStringList m_maskedFields; // distinct, in config order
    NameSet m_maskedSet;
    QString m_replacement; // null QString = mask with the empty value
    bool m_replaceNullWithDefault = true;
};

} // namespace ConnectDesk::Transforms
