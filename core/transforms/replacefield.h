// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "recordside.h"
#include "namelookup.h"
#include "schemacache.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `ReplaceField$Key` / `ReplaceField$Value`: drops fields (`exclude`, which wins over
 * `include`), keeps only some (`include`) and renames fields (`renames`, `old:new` pairs) of a
 * Struct or schemaless map. A null key or value is left alone.
 * Owned by one task and used on its thread only.
 */
class ReplaceField : public BuiltinTransformation
{
public:
    explicit ReplaceField(RecordSide side)
        : m_side(side)
    {}

    Api::ConfigDef config() const override;
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    void close() override;

    /** Kafka's `parseRenameMappings`: each entry must split on `:` into exactly two parts (Java
     *  String.split, trailing empty parts dropped); ConfigException on `renames` otherwise. */
    static NameMap parseRenameMappings(const QStringList &mappings);

private:
    bool keeps(const QString &fieldName) const;
    QString renamed(const QString &fieldName) const;
    void applySchemaless(Api::ConnectRecord &record) const;
    void applyWithSchema(Api::ConnectRecord &record);
    /** The output schema of an input schema, and where each output field comes from. */
    struct Plan
    {
        Api::Schema schema;
        QList<Api::Field> sources;
    };
    Plan makePlan(const Api::Schema &schema) const;

    RecordSide m_side;
    NameSet m_exclude;
    NameSet m_include;
    NameMap m_renames;
    bool m_replaceNullWithDefault = true;
    SchemaMap<Plan> m_plans;
};

} // namespace ConnectDesk::Transforms
