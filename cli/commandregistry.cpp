// SPDX-License-Identifier: Apache-2.0
// The list of commands, the options every command takes, and the help built from them.
#include "command.h"

namespace ConnectDesk::Cli {

const QList<Command> &allCommands()
{
    static const QList<Command> commands = [] {
        QList<Command> all;
        all += clusterCommands();
        all += connectorCommands();
        all += configCommands();
        all += lifecycleCommands();
        all += offsetCommands();
        all += deadLetterCommands();
        all += topCommands();
        all += contextCommands();
        all += completionCommands();
        return all;
    }();
    return commands;
}

const QList<OptionSpec> &globalOptions()
{
    static const QList<OptionSpec> options{
        {QStringLiteral("url"), {}, QStringLiteral("URL"),
         QStringLiteral("the cluster's REST API (default: the context's, $CONNECTDESK_URL, http://localhost:8083)")},
        {QStringLiteral("context"), {}, QStringLiteral("NAME"), QStringLiteral("use this context instead of the current one")},
        {QStringLiteral("user"), {}, QStringLiteral("USER"), QStringLiteral("basic auth user ($CONNECTDESK_USER)")},
        {QStringLiteral("password"), {}, QStringLiteral("PASSWORD"),
         QStringLiteral("basic auth password; prefer $CONNECTDESK_PASSWORD, which no process listing shows")},
        {QStringLiteral("ca-cert"), {}, QStringLiteral("FILE"), QStringLiteral("PEM CA certificates to trust, besides the system's")},
        {QStringLiteral("cert"), {}, QStringLiteral("FILE"), QStringLiteral("PEM client certificate")},
        {QStringLiteral("key"), {}, QStringLiteral("FILE"), QStringLiteral("PEM client key")},
        {QStringLiteral("insecure"), {}, {}, QStringLiteral("do not verify the server's TLS certificate")},
        {QStringLiteral("bootstrap-servers"), {}, QStringLiteral("HOSTS"),
         QStringLiteral("the Kafka cluster behind the Connect cluster (for dlq)")},
        {QStringLiteral("output"), QLatin1Char('o'), QStringLiteral("FORMAT"),
         QStringLiteral("table (default), json, yaml, or name")},
        {QStringLiteral("timeout"), {}, QStringLiteral("SECONDS"), QStringLiteral("per request (default 15)")},
        {QStringLiteral("help"), QLatin1Char('h'), {}, QStringLiteral("show help")},
        {QStringLiteral("version"), {}, {}, QStringLiteral("show the version")},
    };
    return options;
}

namespace {

QString optionLines(const QList<OptionSpec> &options)
{
    QStringList left;
    for (const OptionSpec &option : options) {
        QString text = option.shortName.isNull() ? QStringLiteral("    ") : QStringLiteral("-%1, ").arg(option.shortName);
        text += QLatin1String("--") + option.name;
        if (option.takesValue())
            text += QLatin1Char(' ') + option.valueName;
        left.append(text);
    }
    qsizetype width = 0;
    for (const QString &text : std::as_const(left))
        width = qMax(width, text.size());
    QString lines;
    for (qsizetype i = 0; i < options.size(); ++i)
        lines += QStringLiteral("  %1  %2\n").arg(left.at(i).leftJustified(width), options.at(i).help);
    return lines;
}

} // namespace

QString generalHelp()
{
    QString help = QStringLiteral(
        "Usage: connectdesk-ctl [OPTIONS] COMMAND [ARGS]\n"
        "\n"
        "Manages a Kafka Connect cluster (ConnectDesk's worker or Apache Kafka Connect) over its REST API.\n"
        "\n"
        "Commands:\n");
    QStringList left;
    for (const Command &command : allCommands())
        left.append(command.words.join(QLatin1Char(' ')) + (command.usage.isEmpty() ? QString() : QLatin1Char(' ') + command.usage));
    qsizetype width = 0;
    for (const QString &text : std::as_const(left))
        width = qMax(width, qMin<qsizetype>(text.size(), 44));
    for (qsizetype i = 0; i < left.size(); ++i) {
        const QString &text = left.at(i);
        if (text.size() > width)
            help += QStringLiteral("  %1\n  %2  %3\n").arg(text, QString(width, QLatin1Char(' ')), allCommands().at(i).summary);
        else
            help += QStringLiteral("  %1  %2\n").arg(text.leftJustified(width), allCommands().at(i).summary);
    }
    help += QStringLiteral("\nOptions:\n") + optionLines(globalOptions());
    help += QStringLiteral(
        "\nExit status: 0 success; 1 the cluster refused, a connector is unknown, validation or diff\n"
        "found something; 2 bad command line or file; 3 the cluster did not answer.\n"
        "Run 'connectdesk-ctl COMMAND --help' for a command's options.\n");
    return help;
}

QString commandHelp(const Command &command)
{
    QString help = QStringLiteral("Usage: connectdesk-ctl %1 %2\n\n%3\n")
                       .arg(command.words.join(QLatin1Char(' ')), command.usage, command.summary);
    if (!command.aliases.isEmpty()) {
        QStringList aliases;
        for (const QStringList &alias : command.aliases)
            aliases.append(alias.join(QLatin1Char(' ')));
        help += QStringLiteral("Also: %1\n").arg(aliases.join(QLatin1String(", ")));
    }
    if (!command.options.isEmpty())
        help += QStringLiteral("\nOptions:\n") + optionLines(command.options);
    help += QStringLiteral("\nGlobal options (--url, --context, -o, ...): connectdesk-ctl --help\n");
    return help;
}

} // namespace ConnectDesk::Cli
