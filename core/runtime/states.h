// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/states.h"

namespace ConnectDesk::Runtime {

using Storage::State;
using Storage::TargetState;
using Storage::stateFromName;
using Storage::stateName;
using Storage::targetStateFromName;
using Storage::targetStateName;

} // namespace ConnectDesk::Runtime
