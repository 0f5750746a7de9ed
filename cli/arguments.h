// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QChar>
#include <QList>
#include <QMultiMap>
#include <QString>
#include <QStringList>

namespace ConnectDesk::Cli {

/** One option of the command line: `--name VALUE`, `--name=VALUE`, `-x VALUE` or a flag. */
struct OptionSpec
{
    QString name;
    QChar shortName;
    /** Empty for a flag; what the help shows for the value otherwise ("FILE"). */
    QString valueName;
    QString help;

    bool takesValue() const { return !valueName.isEmpty(); }
};

/**
 * A parsed command line, kubectl style: options may come anywhere, before or after the
 * command's words; `--` ends the options. A plain value, parsed once by CtlApp.
 */
class Arguments
{
public:
    /** Throws CliError (usage) for an unknown option or a missing value. */
    static Arguments parse(const QStringList &arguments, const QList<OptionSpec> &specs);

    /** Everything that is not an option, in order (the command's words first). */
    QStringList positionals;

    bool isSet(const QString &name) const { return m_values.contains(name); }
    /** The last value given, or defaultValue. */
    QString value(const QString &name, const QString &defaultValue = {}) const;
    /** Every value given, in order (repeatable options). */
    QStringList values(const QString &name) const;
    /** The names of every option given. */
    QStringList givenOptions() const { return m_order; }

private:
    QMultiMap<QString, QString> m_values;
    QStringList m_order;
};

} // namespace ConnectDesk::Cli
