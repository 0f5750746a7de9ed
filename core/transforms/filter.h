// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/transformation.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `Filter`: drops every record it sees. Useful only with a predicate (and `negate`).
 * Stateless; any thread.
 */
class Filter : public Api::Transformation
{
public:
    QString version() const override;
    void configure(const Api::ConfigMap &) override {}
    bool apply(Api::ConnectRecord &) override { return false; }
    Api::ConfigDef config() const override { return {}; }
};

} // namespace ConnectDesk::Transforms
