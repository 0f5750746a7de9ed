// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to the SDK implementation: shared between values.cpp and valuesparser.cpp.

#include "values.h"

namespace ConnectDesk::Api::Values::Internal {

/** `Values.convertTo`: the value converted to toSchema's type (logical types included); null
 *  for a null value and an optional toSchema. */
Value convertTo(const Schema &toSchema, const Schema &fromSchema, const Value &value);

} // namespace ConnectDesk::Api::Values::Internal
