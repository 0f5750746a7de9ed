// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to HttpServer: the `response.http.headers.config` rules.

#include "httptypes.h"

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ConnectDesk::Rest::Internal {

struct HeaderRule
{
    bool add = false;
    bool date = false;
    QByteArray name;
    QByteArray value;
    qint64 offsetMs = 0;
};

/** Kafka's RestServerConfig.validateHttpResponseHeaderConfig, then Jetty's HeaderFilter. */
Util::Result<QList<HeaderRule>> parseHeaderRules(const QString &config);

/** Applies the rules to a finished response (`*Date` values are counted from now). */
void applyHeaderRules(const QList<HeaderRule> &rules, HttpResponse &response);

} // namespace ConnectDesk::Rest::Internal
