// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's predicate `HasHeaderKey`: true when the record has at least one header named `name`.
 * Immutable after configure(); test() may run on any thread.
 */
class HasHeaderKey : public BuiltinPredicate
{
public:
    void configure(const Api::ConfigMap &configs) override;
    bool test(const Api::ConnectRecord &record) const override;
    Api::ConfigDef config() const override;

private:
    QString m_name;
};

} // namespace ConnectDesk::Transforms
