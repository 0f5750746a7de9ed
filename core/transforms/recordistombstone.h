// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's predicate `RecordIsTombstone`: true when the record's value is null (whatever the
 * value schema says). Stateless; any thread.
 */
class RecordIsTombstone : public BuiltinPredicate
{
public:
    void configure(const Api::ConfigMap &) override {}
    bool test(const Api::ConnectRecord &record) const override { return record.value.isNull(); }
    Api::ConfigDef config() const override { return {}; }
};

} // namespace ConnectDesk::Transforms
