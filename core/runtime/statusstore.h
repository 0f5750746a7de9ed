// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "states.h"

#include "core/storage/statusstore.h"

namespace ConnectDesk::Runtime {

using Storage::Status;
using Storage::StatusStore;

} // namespace ConnectDesk::Runtime
