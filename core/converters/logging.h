// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

namespace ConnectDesk::Converters {

/** `connectdesk.converters`, Info by default. */
Q_DECLARE_LOGGING_CATEGORY(lcConverters)

} // namespace ConnectDesk::Converters
