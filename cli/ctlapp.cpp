// SPDX-License-Identifier: Apache-2.0
#include "ctlapp.h"

#include "command.h"
#include "connectionoptions.h"
#include "contextstore.h"
#include "ctlsession.h"

#include <QLoggingCategory>
#include <QTextStream>
#include <QUrl>

#include <memory>

namespace ConnectDesk::Cli {

namespace {

const QString defaultUrl = QStringLiteral("http://localhost:8083");

QList<OptionSpec> everyOption()
{
    QList<OptionSpec> options = globalOptions();
    QStringList names;
    for (const OptionSpec &option : options)
        names.append(option.name);
    for (const Command &command : allCommands()) {
        for (const OptionSpec &option : command.options) {
            if (!names.contains(option.name)) {
                names.append(option.name);
                options.append(option);
            }
        }
    }
    return options;
}

/** The command whose words (or an alias's) start the positionals, the longest match first. */
const Command *findCommand(const QStringList &positionals, qsizetype *wordCount)
{
    const Command *best = nullptr;
    *wordCount = 0;
    auto consider = [&](const Command &command, const QStringList &words) {
        if (words.size() > positionals.size() || words.size() <= *wordCount)
            return;
        for (qsizetype i = 0; i < words.size(); ++i) {
            if (positionals.at(i) != words.at(i))
                return;
        }
        best = &command;
        *wordCount = words.size();
    };
    for (const Command &command : allCommands()) {
        consider(command, command.words);
        for (const QStringList &alias : command.aliases)
            consider(command, alias);
    }
    return best;
}

QString unknownCommandMessage(const QStringList &positionals)
{
    QStringList candidates;
    for (const Command &command : allCommands()) {
        if (command.words.first() == positionals.first() && command.words.size() > 1)
            candidates.append(command.words.join(QLatin1Char(' ')));
    }
    if (!candidates.isEmpty())
        return QStringLiteral("unknown command '%1'; did you mean: %2").arg(positionals.join(QLatin1Char(' ')), candidates.join(QLatin1String(", ")));
    return QStringLiteral("unknown command '%1' (see connectdesk-ctl --help)").arg(positionals.first());
}

void checkOptions(const Arguments &arguments, const Command &command)
{
    for (const QString &name : arguments.givenOptions()) {
        bool known = false;
        for (const OptionSpec &option : globalOptions())
            known = known || option.name == name;
        for (const OptionSpec &option : command.options)
            known = known || option.name == name;
        if (!known)
            throw CliError::usage(QStringLiteral("%1 takes no option --%2").arg(command.words.join(QLatin1Char(' ')), name));
    }
}

/** The cluster to talk to, from flags, the chosen context and the environment. */
Client::ClusterProfile resolveProfile(const Arguments &arguments)
{
    const ContextStore store = ContextStore::load();
    Client::ClusterProfile profile;
    QString contextName = arguments.value(QStringLiteral("context"));
    if (!contextName.isEmpty() && !store.contains(contextName))
        throw CliError::usage(QStringLiteral("no context named '%1' (see connectdesk-ctl config get-contexts)").arg(contextName));
    const bool environmentUrl = qEnvironmentVariableIsSet("CONNECTDESK_URL");
    if (contextName.isEmpty() && !environmentUrl && store.contains(store.currentContext()))
        contextName = store.currentContext();
    if (!contextName.isEmpty()) {
        profile = store.context(contextName);
    } else {
        profile.restUrl = QUrl(environmentUrl ? qEnvironmentVariable("CONNECTDESK_URL") : defaultUrl);
        profile.username = qEnvironmentVariable("CONNECTDESK_USER");
    }
    if (qEnvironmentVariableIsSet("CONNECTDESK_PASSWORD"))
        profile.password = qEnvironmentVariable("CONNECTDESK_PASSWORD");

    applyConnectionOptions(arguments, profile);

    const QString scheme = profile.restUrl.scheme();
    if (!profile.restUrl.isValid() || profile.restUrl.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        throw CliError::usage(QStringLiteral("not an http(s) URL: %1").arg(profile.restUrl.toString()));
    return profile;
}

int requestTimeoutMs(const Arguments &arguments)
{
    if (!arguments.isSet(QStringLiteral("timeout")))
        return 15000;
    bool ok = false;
    const double seconds = arguments.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || seconds <= 0)
        throw CliError::usage(QStringLiteral("--timeout: expected seconds, got %1").arg(arguments.value(QStringLiteral("timeout"))));
    return int(seconds * 1000);
}

} // namespace

int CtlApp::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    // The Kafka client's own log lines (retries, "brokers are down") are for a worker's log;
    // here every failure ends in one error line. QT_LOGGING_RULES can turn them back on.
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("connectdesk.*=false"));
    try {
        const Arguments parsed = Arguments::parse(arguments, everyOption());
        if (parsed.isSet(QStringLiteral("version"))) {
            out << "connectdesk-ctl " << CONNECTDESK_VERSION << '\n';
            return ExitOk;
        }
        if (parsed.positionals.isEmpty() || parsed.positionals.first() == QLatin1String("help")) {
            const QStringList topic = parsed.positionals.mid(1);
            qsizetype words = 0;
            const Command *command = topic.isEmpty() ? nullptr : findCommand(topic, &words);
            out << (command ? commandHelp(*command) : generalHelp());
            return parsed.positionals.isEmpty() && !parsed.isSet(QStringLiteral("help")) ? ExitUsage : ExitOk;
        }
        qsizetype wordCount = 0;
        const Command *command = findCommand(parsed.positionals, &wordCount);
        if (!command)
            throw CliError::usage(unknownCommandMessage(parsed.positionals));
        if (parsed.isSet(QStringLiteral("help"))) {
            out << commandHelp(*command);
            return ExitOk;
        }
        checkOptions(parsed, *command);
        Output output(outputFormatFromString(parsed.value(QStringLiteral("output"), QStringLiteral("table"))), out, err);
        std::unique_ptr<CtlSession> session;
        Invocation invocation(parsed, parsed.positionals.mid(wordCount), output, [&]() -> CtlSession & {
            if (!session) {
                session = std::make_unique<CtlSession>(resolveProfile(parsed), requestTimeoutMs(parsed));
                if (session->profile().insecureSkipTlsVerify && session->profile().restUrl.scheme() == QLatin1String("https"))
                    output.note(QStringLiteral("connectdesk-ctl: warning: the server's TLS certificate is not verified (--insecure)"));
            }
            return *session;
        });
        const int code = command->run(invocation);
        out.flush();
        return code;
    } catch (const CliError &error) {
        out.flush();
        err << "connectdesk-ctl: error: " << error.message << '\n';
        return error.exitCode;
    }
}

} // namespace ConnectDesk::Cli
