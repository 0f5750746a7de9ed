// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "javaregex.h"

#include "core/api/transformation.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's predicate `TopicNameMatches`: true when the record has a topic and the WHOLE topic
 * matches the Java regular expression `pattern`.
 * Immutable after configure(); test() may run on any thread.
 */
class TopicNameMatches : public Api::Predicate
{
public:
    QString version() const override;
    void configure(const Api::ConfigMap &configs) override;
    bool test(const Api::ConnectRecord &record) const override;
    Api::ConfigDef config() const override;

private:
    JavaRegex m_pattern;
};

} // namespace ConnectDesk::Transforms
