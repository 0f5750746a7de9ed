// SPDX-License-Identifier: Apache-2.0
#include "nonemptylistvalidator.h"

#include "core/api/exceptions.h"

namespace ConnectDesk::Transforms {

Api::ConfigDef::Validator nonEmptyListValidator()
{
    return Api::ConfigDef::lambda(
        [](const QString &name, const QVariant &value) {
            if (!value.isValid() || value.isNull() || value.toStringList().isEmpty())
                throw Api::ConfigException(name, Api::ConfigDef::valueToString(value),
                                           QStringLiteral("Empty list"));
        },
        QStringLiteral("non-empty list"));
}

} // namespace ConnectDesk::Transforms
