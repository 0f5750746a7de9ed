// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ConnectDesk::Cli {

/** connectdesk-ctl's exit codes; README and the man page list them. */
enum ExitCode : int {
    ExitOk = 0,
    /** The cluster refused the operation, a connector is unknown, validation found errors,
     *  `diff` found differences. */
    ExitFailed = 1,
    /** Bad command line, unreadable or malformed file. */
    ExitUsage = 2,
    /** No answer from the cluster (refused, timeout, TLS failure). */
    ExitUnreachable = 3,
};

/**
 * What ends a command early: one line for standard error and the exit code. Thrown by the
 * commands and the session, caught once in CtlApp::run.
 */
struct CliError
{
    QString message;
    int exitCode = ExitFailed;

    static CliError usage(const QString &message) { return {message, ExitUsage}; }
};

} // namespace ConnectDesk::Cli
