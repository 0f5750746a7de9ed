// SPDX-License-Identifier: Apache-2.0
#include "regexrouter.h"

namespace ConnectDesk::Transforms {

namespace {
const QString RegexKey = QStringLiteral("regex");
const QString ReplacementKey = QStringLiteral("replacement");
} // namespace

Api::ConfigDef RegexRouter::config() const
{
    using Def = Api::ConfigDef;
    Def def;
    def.define({.name = RegexKey,
                .type = Def::Type::String,
                .defaultValue = std::nullopt,
                .validator = javaRegexValidator(),
                .importance = Def::Importance::High,
                .documentation = QStringLiteral("Java regular expression the whole topic name must match.")});
    def.define({.name = ReplacementKey,
                .type = Def::Type::String,
                .defaultValue = std::nullopt,
                .importance = Def::Importance::High,
                .documentation = QStringLiteral("The new topic name; $1 or ${name} insert a captured group.")});
    return def;
}

void RegexRouter::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig parsed(config(), configs);
    m_regex = JavaRegex(parsed.getString(RegexKey)); // the validator has checked it
    m_replacement = parsed.getString(ReplacementKey);
    m_hasLast = false;
}

bool RegexRouter::apply(Api::ConnectRecord &record)
{
    // Kafka tests matches() (the whole topic) but rewrites with replaceFirst(), which searches
    // again from the start; a lazy pattern may therefore replace only a prefix, as in Kafka.
    if (!m_hasLast || record.topic != m_lastTopic || record.topic.isNull() != m_lastTopic.isNull()) {
        QString routed = m_regex.matches(record.topic) ? m_regex.replaceFirst(record.topic, m_replacement)
                                                       : record.topic; // may throw: remember nothing then
        m_lastTopic = record.topic;
        m_lastRouted = std::move(routed);
        m_hasLast = true;
    }
    record.topic = m_lastRouted;
    return true;
}

} // namespace ConnectDesk::Transforms
