// SPDX-License-Identifier: Apache-2.0
#include "topicnamematches.h"

namespace ConnectDesk::Transforms {

namespace {
const QString PatternKey = QStringLiteral("pattern");
} // namespace

Api::ConfigDef TopicNameMatches::config() const
{
    using Def = Api::ConfigDef;
    Def def;
    def.define({.name = PatternKey,
                .type = Def::Type::String,
                .defaultValue = std::nullopt,
                .validator = Def::composite({Def::nonEmptyString(), javaRegexValidator()}),
                .importance = Def::Importance::Medium,
                .documentation = QStringLiteral("Java regular expression the whole topic name must match.")});
    return def;
}

void TopicNameMatches::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig parsed(config(), configs);
    const QString pattern = parsed.getString(PatternKey);
    JavaRegex regex(pattern);
    // The validator has already rejected a bad pattern; Kafka checks again with this message.
    if (!regex.isValid()) {
        throw Api::ConfigException(PatternKey, pattern,
                                   QStringLiteral("entry must be a Java-compatible regular expression: ")
                                       + regex.errorMessage());
    }
    m_pattern = std::move(regex);
}

bool TopicNameMatches::test(const Api::ConnectRecord &record) const
{
    return !record.topic.isNull() && m_pattern.matches(record.topic);
}

} // namespace ConnectDesk::Transforms
