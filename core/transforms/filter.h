// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `Filter`: drops every record it sees. Useful only with a predicate (and `negate`).
 * Stateless; any thread.
 */
class Filter : public BuiltinTransformation
{
public:
    void configure(const Api::ConfigMap &) override {}
    bool apply(Api::ConnectRecord &) override { return false; }
    Api::ConfigDef config() const override { return {}; }
};

} // namespace ConnectDesk::Transforms
