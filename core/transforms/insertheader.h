// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "core/api/schema.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `InsertHeader`: appends the header `header` to every record, its value
 * `value.literal` parsed once with Values::parseString (so "42" is an INT8 header).
 * Thread: one instance per task, used on the task's thread only.
 */
class InsertHeader : public BuiltinTransformation
{
public:
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

private:
    QString m_header;
    Api::SchemaAndValue m_literal;
};

} // namespace ConnectDesk::Transforms
