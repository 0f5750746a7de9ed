// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to HttpServer: serializes an HttpResponse onto a connection.

#include "httptypes.h"

#include <QByteArray>

class QDateTime;
class QTcpSocket;

namespace ConnectDesk::Rest::Internal {

/** An RFC 9110 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"). */
QByteArray httpDate(const QDateTime &time);

enum class ConnectionHeader { None, Close, KeepAlive };

/** Writes a whole response in one go. `head`: headers as for GET, no body. */
void writeResponse(QTcpSocket *socket,
                   const HttpResponse &response,
                   bool head,
                   ConnectionHeader connection);

} // namespace ConnectDesk::Rest::Internal
