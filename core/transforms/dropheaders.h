// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "namelookup.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `DropHeaders`: removes every header whose key is listed in `headers`.
 * Thread: one instance per task, used on the task's thread only.
 */
class DropHeaders : public BuiltinTransformation
{
public:
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

private:
    NameSet m_headers;
};

} // namespace ConnectDesk::Transforms
