// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/transformation.h"

#include <QSet>

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
    QSet<QString> m_headers;
};

} // namespace ConnectDesk::Transforms
