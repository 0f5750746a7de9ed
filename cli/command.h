// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "arguments.h"
#include "clierror.h"
#include "output.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ConnectDesk::Cli {

class CtlSession;

/**
 * One run of one command: its operands (what follows the command's words), every option,
 * where to write, and the cluster (connected on first use, so `config` and `--help` never
 * need one). Owner: CtlApp::run, for the command's duration. Thread: the main thread.
 */
class Invocation
{
public:
    Invocation(const Arguments &arguments, QStringList operands, Output &output,
               std::function<CtlSession &()> session)
        : args(arguments)
        , operands(std::move(operands))
        , out(output)
        , m_session(std::move(session))
    {
    }

    const Arguments &args;
    QStringList operands;
    Output &out;

    CtlSession &cluster() { return m_session(); }

    /** The operand at index, or a usage error naming what is missing. */
    QString operand(int index, const QString &what) const
    {
        if (index >= operands.size())
            throw CliError::usage(QStringLiteral("missing %1").arg(what));
        return operands.at(index);
    }
    /** A usage error when more than max operands were given. */
    void allowAtMost(int max) const
    {
        if (operands.size() > max)
            throw CliError::usage(QStringLiteral("unexpected argument: %1").arg(operands.at(max)));
    }

private:
    std::function<CtlSession &()> m_session;
};

/** A verb of connectdesk-ctl: its words ("offsets", "get"), help and options, and what it does.
 *  run returns the exit code, or throws CliError. */
struct Command
{
    QStringList words;
    /** Other spellings: {"get", "connector"} for {"get", "connectors"}. */
    QList<QStringList> aliases;
    QString usage;
    QString summary;
    QList<OptionSpec> options;
    std::function<int(Invocation &)> run;
};

// One function per group of commands, each in its own file.
QList<Command> clusterCommands();
QList<Command> connectorCommands();
QList<Command> lifecycleCommands();
QList<Command> configCommands();
QList<Command> offsetCommands();
QList<Command> contextCommands();
QList<Command> deadLetterCommands();
QList<Command> topCommands();
QList<Command> completionCommands();

/** Every command, in the order the help lists them. */
const QList<Command> &allCommands();
/** The options every command takes. */
const QList<OptionSpec> &globalOptions();
/** `connectdesk-ctl --help`. */
QString generalHelp();
/** `connectdesk-ctl VERB --help`. */
QString commandHelp(const Command &command);

} // namespace ConnectDesk::Cli
