// SPDX-License-Identifier: Apache-2.0
#include "httpheaderrules.h"

#include "errc.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace ConnectDesk::Config {

namespace {

Util::Error invalid(const QString &message)
{
    return Util::Error{message, int(ErrorCode::InvalidConfig)};
}

// Splits on commas outside double quotes and removes the quotes (Jetty's csvSplit, which
// Kafka uses for response.http.headers.config).
QStringList csvSplit(const QString &text)
{
    QStringList items;
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (c == QLatin1Char(',') && !quoted)
            items.append(std::exchange(current, QString()).trimmed());
        else
            current.append(c);
    }
    items.append(current.trimmed());
    items.removeAll(QString());
    return items;
}

Util::Result<HttpHeaderRule> parseRule(const QString &rule)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    static const QStringList actions = {QStringLiteral("set"), QStringLiteral("add"),
                                        QStringLiteral("setDate"), QStringLiteral("addDate")};
    const QString trimmed = rule.trimmed();
    const qsizetype split = trimmed.indexOf(whitespace);
    if (split < 0)
        return invalid(QStringLiteral("Invalid format of header config '%1'. Expected: "
                                      "'[action] [header name]:[header value]'").arg(rule));
    const QString action = trimmed.left(split);
    const auto known = std::find_if(actions.cbegin(), actions.cend(), [&](const QString &candidate) {
        return candidate.compare(action, Qt::CaseInsensitive) == 0;
    });
    if (known == actions.cend())
        return invalid(QStringLiteral("Invalid header config action: '%1'. Expected one of [%2]")
                           .arg(action, actions.join(QLatin1String(", "))));
    const QString header = trimmed.mid(split).trimmed();
    QStringList parts = header.split(QLatin1Char(':'));
    while (!parts.isEmpty() && parts.constLast().isEmpty()) // Java's split drops trailing ""s
        parts.removeLast();
    if (parts.size() != 2)
        return invalid(QStringLiteral("Invalid format of header name and header value pair '%1'. "
                                      "Expected: '[header name]:[header value]'").arg(header));
    const QString name = parts.at(0).trimmed();
    if (name.isEmpty() || name.contains(whitespace))
        return invalid(QStringLiteral("Invalid header name '%1'. The '[header name]' cannot contain whitespace")
                           .arg(name));
    HttpHeaderRule result;
    result.add = known->startsWith(QLatin1String("add"));
    result.date = known->endsWith(QLatin1String("Date"));
    result.name = name.toLatin1();
    result.value = parts.at(1).trimmed().toUtf8();
    if (result.date) {
        bool ok = false;
        result.offsetMs = parts.at(1).trimmed().toLongLong(&ok);
        if (!ok)
            return invalid(QStringLiteral("Invalid header config '%1': a %2 value is a number of milliseconds")
                               .arg(trimmed, *known));
    }
    return result;
}

} // namespace

Util::Result<QList<HttpHeaderRule>> parseHttpHeaderRules(const QString &config)
{
    QList<HttpHeaderRule> rules;
    if (config.trimmed().isEmpty())
        return rules;
    for (const QString &text : csvSplit(config)) {
        auto rule = parseRule(text);
        if (!rule)
            return rule.error();
        rules.append(*rule);
    }
    return rules;
}

} // namespace ConnectDesk::Config
