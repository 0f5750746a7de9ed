// SPDX-License-Identifier: Apache-2.0
#include "command.h"

namespace ConnectDesk::Cli {

QList<Command> topCommands()
{
    return {};
}

} // namespace ConnectDesk::Cli
