// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clusterprofile.h"

#include <QSslConfiguration>

namespace ConnectDesk::Client {

/** The TLS settings of a profile: its CA file added to the system's, its client certificate
 *  and key; no peer verification when the profile asks for it. Unreadable files are skipped (the handshake then says what is missing). */
QSslConfiguration tlsConfiguration(const ClusterProfile &profile);

} // namespace ConnectDesk::Client
