// SPDX-License-Identifier: Apache-2.0
#include "command.h"

namespace ConnectDesk::Cli {

QList<Command> deadLetterCommands()
{
    return {};
}

} // namespace ConnectDesk::Cli
