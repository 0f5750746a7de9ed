// SPDX-License-Identifier: Apache-2.0
#include "insertheader.h"

#include "core/api/values.h"

namespace ConnectDesk::Transforms {

namespace {
const QString HeaderKey = QStringLiteral("header");
const QString ValueLiteralKey = QStringLiteral("value.literal");
} // namespace

Api::ConfigDef InsertHeader::config() const
{
    using Def = Api::ConfigDef;
    Def def;
    def.define({.name = HeaderKey,
                .type = Def::Type::String,
                .defaultValue = std::nullopt,
                .validator = Def::nonNullString(),
                .importance = Def::Importance::High,
                .documentation = QStringLiteral("Name of the header to add.")});
    def.define({.name = ValueLiteralKey,
                .type = Def::Type::String,
                .defaultValue = std::nullopt,
                .validator = Def::nonNullString(),
                .importance = Def::Importance::High,
                .documentation = QStringLiteral("Text of the header value, added to every record; its type "
                                                "is inferred (number, boolean, date, array, map or string).")});
    return def;
}

void InsertHeader::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig parsed(config(), configs);
    m_header = parsed.getString(HeaderKey);
    m_literal = Api::Values::parseString(parsed.getString(ValueLiteralKey));
}

bool InsertHeader::apply(Api::ConnectRecord &record)
{
    record.headers.add(m_header, m_literal.schema, m_literal.value);
    return true;
}

} // namespace ConnectDesk::Transforms
