// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "recordside.h"
#include "schemacache.h"

#include <QList>
#include <QPair>

#include <optional>

namespace ConnectDesk::Transforms {

/**
 * Kafka's `Cast$Key` / `Cast$Value`: casts the whole key/value, or top-level fields of it, to
 * another primitive type with Java's conversions (narrowing casts, `Integer.parseInt`...).
 * Owned by one task and used on its thread only.
 */
class Cast : public BuiltinTransformation
{
public:
    explicit Cast(RecordSide side) : m_side(side) {}

    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

    /** Kafka's `CONFIG_DEF`. */
    static Api::ConfigDef configDef();

private:
    Api::Schema updatedSchema(const Api::Schema &valueSchema);

    RecordSide m_side;
    QList<QPair<QString, Api::SchemaType>> m_casts; // spec order, one entry per field
    std::optional<Api::SchemaType> m_wholeValueCastType;
    bool m_replaceNullWithDefault = true;
    SchemaCache m_schemaCache;
};

} // namespace ConnectDesk::Transforms
