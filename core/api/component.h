// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "configdef.h"
#include "connectdeskapi_global.h"

#include <QString>

namespace ConnectDesk::Api {

/**
 * Base of every object a plugin creates (connectors, tasks, converters, transformations,
 * predicates). The runtime creates them through a PluginFactory by class name and downcasts.
 */
class CONNECTDESK_API_EXPORT Component
{
public:
    virtual ~Component();
    /** Shown in `GET /connector-plugins`; empty = "undefined" (omitted). */
    virtual QString version() const { return {}; }
};

} // namespace ConnectDesk::Api
