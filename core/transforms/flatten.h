// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "recordside.h"
#include "schemacache.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `Flatten$Key` / `Flatten$Value`: lifts the fields of nested structs (or maps, without
 * a schema) to the top level, joining the names with `delimiter`. Arrays stay as they are.
 * Owned by one task and used on its thread only.
 */
class Flatten : public BuiltinTransformation
{
public:
    explicit Flatten(RecordSide side) : m_side(side) {}

    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

    static Api::ConfigDef configDef();

private:
    QString fieldName(const QString &prefix, const QString &name) const;
    void flattenMap(const Api::ValueMap &original, const QString &prefix, Api::ValueMap &out) const;
    void buildUpdatedSchema(const Api::Schema &schema, const QString &prefix, Api::SchemaBuilder &builder,
                            bool optional, const Api::StructPtr &defaultFromParent) const;
    void flattenStruct(const Api::StructPtr &original, const QString &prefix, Api::Struct &out) const;

    RecordSide m_side;
    QString m_delimiter = QStringLiteral(".");
    SchemaCache m_schemaCache;
};

} // namespace ConnectDesk::Transforms
