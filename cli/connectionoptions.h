// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "arguments.h"
#include "core/client/clusterprofile.h"

namespace ConnectDesk::Cli {

/**
 * Puts the connection options given on the command line (--url, --user, --password, --ca-cert,
 * --cert, --key, --insecure, --bootstrap-servers) over a profile: what `config set-context`
 * stores and what every other command connects with. Throws CliError (usage) for a URL that
 * is not http(s).
 */
void applyConnectionOptions(const Arguments &arguments, Client::ClusterProfile &profile);

} // namespace ConnectDesk::Cli
