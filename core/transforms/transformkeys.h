// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"

namespace ConnectDesk::Transforms {

/** `replace.null.with.default` (BOOLEAN, default true), as the transforms that read struct
 *  fields declare it. */
Api::ConfigDef::Key replaceNullWithDefaultKey();
inline constexpr char ReplaceNullWithDefault[] = "replace.null.with.default";

} // namespace ConnectDesk::Transforms
