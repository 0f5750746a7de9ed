// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"

namespace ConnectDesk::Transforms {

/** Kafka's `NonEmptyListValidator` for LIST keys: a null or empty list throws ConfigException
 *  `Invalid value [] for configuration <name>: Empty list`; described as "non-empty list". */
Api::ConfigDef::Validator nonEmptyListValidator();

} // namespace ConnectDesk::Transforms
