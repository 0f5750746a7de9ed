// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ConnectDesk::Cli {

/**
 * connectdesk-ctl: parses the command line, picks the cluster (flags, then the context named by
 * --context, then $CONNECTDESK_URL/$CONNECTDESK_USER/$CONNECTDESK_PASSWORD, then the current
 * context, then http://localhost:8083), runs one command and returns its exit code. Errors are
 * one line on standard error: "connectdesk-ctl: error: ...".
 * Needs a QCoreApplication (the REST client runs on its event loop). Thread: the main thread.
 */
class CtlApp
{
public:
    /** arguments without the program name. */
    static int run(const QStringList &arguments);
};

} // namespace ConnectDesk::Cli
