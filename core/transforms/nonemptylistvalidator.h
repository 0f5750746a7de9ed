// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"

namespace ConnectDesk::Transforms {

/** Kafka's transforms/util/NonEmptyListValidator ("non-empty list"): a null or empty LIST fails
 *  with `Invalid value [] for configuration <k>: Empty list`. */
Api::ConfigDef::Validator nonEmptyListValidator();

} // namespace ConnectDesk::Transforms
