// SPDX-License-Identifier: Apache-2.0
#include "hasheaderkey.h"

#include <algorithm>

namespace ConnectDesk::Transforms {

namespace {
const QString NameKey = QStringLiteral("name");
} // namespace

Api::ConfigDef HasHeaderKey::config() const
{
    using Def = Api::ConfigDef;
    Def def;
    def.define({.name = NameKey,
                .type = Def::Type::String,
                .defaultValue = std::nullopt,
                .validator = Def::nonEmptyString(),
                .importance = Def::Importance::Medium,
                .documentation = QStringLiteral("Header key to look for.")});
    return def;
}

void HasHeaderKey::configure(const Api::ConfigMap &configs)
{
    m_name = Api::AbstractConfig(config(), configs).getString(NameKey);
}

bool HasHeaderKey::test(const Api::ConnectRecord &record) const
{
    return std::any_of(record.headers.begin(), record.headers.end(),
                       [this](const Api::Header &header) { return header.key == m_name; });
}

} // namespace ConnectDesk::Transforms
