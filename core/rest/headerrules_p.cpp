// SPDX-License-Identifier: Apache-2.0
#include "headerrules_p.h"

#include "responsewriter_p.h"

#include <QDateTime>

namespace ConnectDesk::Rest::Internal {

Util::Result<QList<HeaderRule>> parseHeaderRules(const QString &config)
{
    auto rules = Config::parseHttpHeaderRules(config);
    if (!rules)
        return Util::Error{rules.error().message, int(HttpErrorCode::InvalidOption)};
    return rules;
}

void applyHeaderRules(const QList<HeaderRule> &rules, HttpResponse &response)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Jetty's HeaderFilter sets its headers before the application runs, so what the response
    // has of its own (including the Content-Type of its body) wins over a `set` rule.
    const auto hasOwn = [&response](const QByteArray &name) {
        if (response.hasHeader(name))
            return true;
        return name.compare("Content-Type", Qt::CaseInsensitive) == 0
               && !response.contentType.isEmpty()
               && (!response.body.isEmpty() || response.hasHeader("Content-Length"));
    };
    for (const HeaderRule &rule : rules) {
        const QByteArray value = rule.date ? httpDate(now.addMSecs(rule.offsetMs)) : rule.value;
        if (rule.add)
            response.addHeader(rule.name, value);
        else if (!hasOwn(rule.name))
            response.setHeader(rule.name, value);
    }
}

} // namespace ConnectDesk::Rest::Internal
