// SPDX-License-Identifier: Apache-2.0
#include "dropheaders.h"

#include "nonemptylistvalidator.h"

#include "core/api/exceptions.h"

namespace ConnectDesk::Transforms {

namespace {

const QString HeadersKey = QStringLiteral("headers");

} // namespace

Api::ConfigDef DropHeaders::config() const
{
    using Def = Api::ConfigDef;
    Def def;
    def.define({.name = HeadersKey,
                .type = Def::Type::List,
                .defaultValue = std::nullopt,
                .validator = nonEmptyListValidator(),
                .importance = Def::Importance::High,
                .documentation = QStringLiteral("Keys of the headers to remove; every header with one of "
                                                "these keys goes.")});
    return def;
}

void DropHeaders::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig parsed(config(), configs);
    const QStringList headers = parsed.getList(HeadersKey);
    m_headers = NameSet(headers);
}

bool DropHeaders::apply(Api::ConnectRecord &record)
{
    Api::Headers kept;
    for (const Api::Header &header : record.headers) {
        if (!m_headers.contains(header.key))
            kept.add(header);
    }
    record.headers = std::move(kept);
    return true;
}

} // namespace ConnectDesk::Transforms
