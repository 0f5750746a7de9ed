// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ConnectDesk::Config {

/** One rule of `response.http.headers.config`: `[set|add|setDate|addDate] Name: value`. */
struct HttpHeaderRule
{
    bool add = false;
    bool date = false;
    QByteArray name;
    QByteArray value;
    /** For setDate/addDate: milliseconds from the moment of the response. */
    qint64 offsetMs = 0;
};

/**
 * Parses `response.http.headers.config` (Kafka's RestServerConfig validation, Jetty's
 * HeaderFilter format): rules separated by commas outside double quotes. Errors carry Kafka's
 * messages (code ErrorCode::InvalidConfig). Used by the worker config's validator and by the
 * REST server, so both accept exactly the same text.
 */
Util::Result<QList<HttpHeaderRule>> parseHttpHeaderRules(const QString &config);

} // namespace ConnectDesk::Config
