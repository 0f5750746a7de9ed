// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "recordside.h"
#include "schemacache.h"

#include <optional>

namespace ConnectDesk::Transforms {

/**
 * Kafka's `InsertField$Key` / `InsertField$Value`: adds fields holding the record's topic,
 * partition, offset (sink records only), timestamp and a configured static string to the key or
 * value, a Struct (with schema) or a map (schemaless). A null key or value is left alone.
 *
 * A field name ending in `!` makes the inserted schema field required, `?` (or nothing) optional.
 * Owned by one task and used on its thread only.
 */
class InsertField : public BuiltinTransformation
{
public:
    explicit InsertField(RecordSide side)
        : m_side(side)
    {}

    Api::ConfigDef config() const override;
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    void close() override;

private:
    struct InsertionSpec
    {
        QString name;
        bool optional = true;
    };
    static std::optional<InsertionSpec> parseSpec(const QString &spec);

    void applySchemaless(Api::ConnectRecord &record);
    void applyWithSchema(Api::ConnectRecord &record);
    Api::Schema makeUpdatedSchema(const Api::Schema &schema) const;

    RecordSide m_side;
    std::optional<InsertionSpec> m_topicField;
    std::optional<InsertionSpec> m_partitionField;
    std::optional<InsertionSpec> m_offsetField;
    std::optional<InsertionSpec> m_timestampField;
    std::optional<InsertionSpec> m_staticField;
    QString m_staticValue; // null QString = not configured
    bool m_replaceNullWithDefault = true;
    SchemaCache m_schemaUpdateCache;
};

} // namespace ConnectDesk::Transforms
