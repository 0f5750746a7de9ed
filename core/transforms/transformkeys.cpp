// SPDX-License-Identifier: Apache-2.0
#include "transformkeys.h"

namespace ConnectDesk::Transforms {

Api::ConfigDef::Key replaceNullWithDefaultKey()
{
    return {.name = QString::fromLatin1(ReplaceNullWithDefault),
            .type = Api::ConfigDef::Type::Boolean,
            .defaultValue = true,
            .importance = Api::ConfigDef::Importance::Medium,
            .documentation = QStringLiteral("For a null struct field whose schema has a default: true reads "
                                            "the default, false keeps the null.")};
}

} // namespace ConnectDesk::Transforms
