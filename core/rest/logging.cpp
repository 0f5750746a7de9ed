// SPDX-License-Identifier: Apache-2.0
#include "logging.h"

Q_LOGGING_CATEGORY(lcRest, "connectdesk.rest", QtInfoMsg)
