// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to HttpServer: the TLS setup of the https listeners.

#include "core/util/result.h"

#include <QSslConfiguration>

namespace ConnectDesk::Rest {

struct HttpsOptions;

namespace Internal {

/** Loads the key material (PKCS#12 or PEM) and checks the protocol and client-auth settings;
 *  error code HttpErrorCode::Tls. Messages never contain passwords. */
Util::Result<QSslConfiguration> tlsConfiguration(const HttpsOptions &options);

} // namespace Internal

} // namespace ConnectDesk::Rest
