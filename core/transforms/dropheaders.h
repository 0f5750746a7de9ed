// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "namelookup.h"

#include "core/api/transformation.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `DropHeaders`: removes every header whose key is listed in `headers`.
 * Thread: one instance per task, used on the task's thread only.
 */
class DropHeaders : public Api::Transformation
{
public:
    QString version() const override;
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

private:
    NameSet m_headers;
};

} // namespace ConnectDesk::Transforms
