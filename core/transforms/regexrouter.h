// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "javaregex.h"

namespace ConnectDesk::Transforms {

/**
 * Kafka's `RegexRouter`: when the whole topic matches `regex`, the topic becomes
 * `replaceFirst(replacement)` (Java's `$1` / `${name}` syntax); other topics stay.
 * Thread: one instance per task, used on the task's thread only.
 */
class RegexRouter : public BuiltinTransformation
{
public:
    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

private:
    JavaRegex m_regex;
    QString m_replacement;
    // The last topic routed and its result: a task sees few topics, and matching costs about a
    // microsecond where comparing a topic name costs nanoseconds.
    bool m_hasLast = false;
    QString m_lastTopic;
    QString m_lastRouted;
};

} // namespace ConnectDesk::Transforms
