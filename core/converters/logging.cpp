// SPDX-License-Identifier: Apache-2.0
#include "logging.h"

namespace ConnectDesk::Converters {

Q_LOGGING_CATEGORY(lcConverters, "connectdesk.converters", QtInfoMsg)

} // namespace ConnectDesk::Converters
