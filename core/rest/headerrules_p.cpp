// SPDX-License-Identifier: Apache-2.0
#include "headerrules_p.h"

#include "responsewriter_p.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace ConnectDesk::Rest::Internal {

namespace {

Util::Error invalidOption(const QString &message)
{
    return Util::Error{message, int(HttpErrorCode::InvalidOption)};
}

} // namespace

Util::Result<QList<HeaderRule>> parseHeaderRules(const QString &config)
{
    QList<HeaderRule> rules;
    if (config.trimmed().isEmpty())
        return rules;
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    const QStringList actions{QStringLiteral("set"),
                              QStringLiteral("add"),
                              QStringLiteral("setDate"),
                              QStringLiteral("addDate")};
    for (const QString &entry : config.split(QLatin1Char(','))) {
        const QString item = entry.trimmed();
        const QStringList tokens = item.split(blanks);
        if (tokens.size() < 2) {
            return invalidOption(
                QStringLiteral("Invalid format of header config '%1'. Expected: "
                               "'[action] [header name]:[header value]'")
                    .arg(item));
        }
        const QString action = tokens.first();
        const auto known = std::find_if(actions.cbegin(), actions.cend(), [&](const QString &a) {
            return a.compare(action, Qt::CaseInsensitive) == 0;
        });
        if (known == actions.cend()) {
            return invalidOption(
                QStringLiteral("Invalid header config action: '%1'. Expected one "
                               "of [set, add, setDate, addDate]")
                    .arg(action));
        }
        const QString pair = item.mid(item.indexOf(blanks, action.size())).trimmed();
        QStringList parts = pair.split(QLatin1Char(':'));
        while (parts.size() > 1 && parts.last().isEmpty())
            parts.removeLast(); // Java's split drops trailing empty strings
        if (parts.size() != 2) {
            return invalidOption(
                QStringLiteral("Invalid format of header name and header value "
                               "pair '%1'. Expected: '[header name]:[header value]'")
                    .arg(pair));
        }
        const QString name = parts.at(0).trimmed();
        if (name.isEmpty() || name.contains(blanks)) {
            return invalidOption(
                QStringLiteral("Invalid header name '%1'. The '[header name]' cannot "
                               "contain whitespace")
                    .arg(name));
        }
        HeaderRule rule;
        rule.add = known->startsWith(QLatin1String("add"));
        rule.date = known->endsWith(QLatin1String("Date"));
        rule.name = name.toLatin1();
        rule.value = parts.at(1).trimmed().toUtf8();
        if (rule.date) {
            bool ok = false;
            rule.offsetMs = parts.at(1).trimmed().toLongLong(&ok);
            if (!ok) {
                return invalidOption(
                    QStringLiteral("Invalid header config '%1': a %2 value is a "
                                   "number of milliseconds")
                        .arg(item, *known));
            }
        }
        rules.append(rule);
    }
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
