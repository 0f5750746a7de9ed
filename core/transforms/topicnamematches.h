// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "javaregex.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's predicate `TopicNameMatches`: true when the record has a topic and the WHOLE topic
 * matches the Java regular expression `pattern`.
 * Immutable after configure(); test() may run on any thread.
 */
class TopicNameMatches : public BuiltinPredicate
{
public:
    void configure(const Api::ConfigMap &configs) override;
    bool test(const Api::ConnectRecord &record) const override;
    Api::ConfigDef config() const override;

private:
    JavaRegex m_pattern;
};

} // namespace ConnectDesk::Transforms
