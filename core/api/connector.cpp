// SPDX-License-Identifier: Apache-2.0
#include "connector.h"

namespace ConnectDesk::Api {

ConnectorContext::~ConnectorContext() = default;

QList<ConfigDef::ConfigValue> Connector::validate(const ConfigMap &props) const
{
    return config().validate(props);
}

bool Connector::alterOffsets(const ConfigMap &,
                             const QList<QPair<OffsetMap, std::optional<OffsetMap>>> &)
{
    return false;
}

} // namespace ConnectDesk::Api
