// SPDX-License-Identifier: Apache-2.0
#include "component.h"

namespace ConnectDesk::Api {

Component::~Component() = default;

} // namespace ConnectDesk::Api
