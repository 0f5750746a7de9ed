// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to HttpServer: the `response.http.headers.config` rules.

#include "httptypes.h"

#include "core/config/httpheaderrules.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ConnectDesk::Rest::Internal {

using HeaderRule = Config::HttpHeaderRule;

/** Config::parseHttpHeaderRules with the HTTP seam's error code (HttpErrorCode::InvalidOption). */
Util::Result<QList<HeaderRule>> parseHeaderRules(const QString &config);

/** Applies the rules to a finished response (`*Date` values are counted from now). */
void applyHeaderRules(const QList<HeaderRule> &rules, HttpResponse &response);

} // namespace ConnectDesk::Rest::Internal
