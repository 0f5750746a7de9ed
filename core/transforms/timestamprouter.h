// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "simpledateformat.h"

#include <optional>

namespace ConnectDesk::Transforms {

/**
 * Kafka's `TimestampRouter`: renames the topic from a template of `${topic}` and
 * `${timestamp}`, the record timestamp formatted with a SimpleDateFormat pattern in UTC.
 * Owned by one task and used on its thread only.
 */
class TimestampRouter : public BuiltinTransformation
{
public:
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

    static Api::ConfigDef configDef();

private:
    QString m_topicFormat;
    std::optional<SimpleDateFormat> m_timestampFormat;
};

} // namespace ConnectDesk::Transforms
