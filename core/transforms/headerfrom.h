// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "recordside.h"
#include "schemacache.h"

#include <QStringList>

namespace ConnectDesk::Transforms {

/**
 * Kafka's `HeaderFrom$Key` / `$Value`: copies or moves fields of the key or value into headers,
 * `fields[i]` into a header named `headers[i]` (with the field's schema when there is one).
 * Thread: one instance per task, used on the task's thread only (it owns a schema cache).
 */
class HeaderFrom : public BuiltinTransformation
{
public:
    explicit HeaderFrom(RecordSide side) : m_side(side) {}

    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

private:
    enum class Operation { Move, Copy };

    void applySchemaless(Api::ConnectRecord &record, const Api::Value &value);
    void applyWithSchema(Api::ConnectRecord &record, const Api::Value &value, const Api::Schema &schema);
    Api::Schema moveSchema(const Api::Schema &schema);
    QString purpose() const;

    RecordSide m_side;
    QStringList m_fields;
    QStringList m_headers;
    Operation m_operation = Operation::Copy;
    bool m_replaceNullWithDefault = true;
    SchemaCache m_moveSchemaCache;
};

} // namespace ConnectDesk::Transforms
