// SPDX-License-Identifier: Apache-2.0
#include "arguments.h"

#include "clierror.h"

#include <algorithm>

namespace ConnectDesk::Cli {

namespace {

const OptionSpec *findLong(const QList<OptionSpec> &specs, const QString &name)
{
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec &spec) { return spec.name == name; });
    return it == specs.end() ? nullptr : &*it;
}

const OptionSpec *findShort(const QList<OptionSpec> &specs, QChar name)
{
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec &spec) { return spec.shortName == name; });
    return it == specs.end() ? nullptr : &*it;
}

} // namespace

Arguments Arguments::parse(const QStringList &arguments, const QList<OptionSpec> &specs)
{
    Arguments parsed;
    auto add = [&](const OptionSpec &spec, const QString &value) {
        // QMultiMap::values() lists the newest first; keep insertion order reversed on read.
        parsed.m_values.insert(spec.name, value);
        if (!parsed.m_order.contains(spec.name))
            parsed.m_order.append(spec.name);
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            parsed.positionals += arguments.mid(i + 1);
            break;
        }
        const OptionSpec *spec = nullptr;
        QString inlineValue;
        bool hasInlineValue = false;
        if (argument.startsWith(QLatin1String("--"))) {
            const qsizetype equals = argument.indexOf(QLatin1Char('='));
            const QString name = argument.mid(2, equals < 0 ? -1 : equals - 2);
            spec = findLong(specs, name);
            if (!spec)
                throw CliError::usage(QStringLiteral("unknown option --%1 (see connectdesk-ctl --help)").arg(name));
            if (equals >= 0) {
                inlineValue = argument.mid(equals + 1);
                hasInlineValue = true;
            }
        } else if (argument.size() >= 2 && argument.startsWith(QLatin1Char('-')) && !argument.at(1).isDigit()) {
            spec = findShort(specs, argument.at(1));
            if (!spec)
                throw CliError::usage(QStringLiteral("unknown option %1 (see connectdesk-ctl --help)").arg(argument.left(2)));
            if (argument.size() > 2) {
                inlineValue = argument.mid(argument.at(2) == QLatin1Char('=') ? 3 : 2);
                hasInlineValue = true;
            }
        } else {
            parsed.positionals.append(argument);
            continue;
        }
        if (!spec->takesValue()) {
            if (hasInlineValue)
                throw CliError::usage(QStringLiteral("option --%1 takes no value").arg(spec->name));
            add(*spec, QString());
            continue;
        }
        if (!hasInlineValue) {
            if (i + 1 >= arguments.size())
                throw CliError::usage(QStringLiteral("option --%1 needs a value (%2)").arg(spec->name, spec->valueName));
            inlineValue = arguments.at(++i);
        }
        add(*spec, inlineValue);
    }
    return parsed;
}

QString Arguments::value(const QString &name, const QString &defaultValue) const
{
    const auto it = m_values.constFind(name);
    return it == m_values.cend() ? defaultValue : it.value();
}

QStringList Arguments::values(const QString &name) const
{
    QStringList all = m_values.values(name);
    std::reverse(all.begin(), all.end());
    return all;
}

} // namespace ConnectDesk::Cli
