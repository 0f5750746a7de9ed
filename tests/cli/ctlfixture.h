// SPDX-License-Identifier: Apache-2.0
#pragma once

// connectdesk-ctl as a user runs it: the real binary, as a child process, against a real
// distributed worker on the embedded broker (the Local sandbox, in the test process).
#include "tests/support/sandboxfixture.h"

#include <QByteArray>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ConnectDesk::TestSupport {

/** What one connectdesk-ctl run printed and returned. */
struct CtlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    /** stdout parsed as JSON (undefined when it is not JSON). */
    QJsonValue json() const;
    QString text() const { return QString::fromUtf8(out); }
    /** For QVERIFY2: the exit code and both streams. */
    QByteArray describe() const;
};

class CtlFixture
{
public:
    /** Starts the sandbox worker; false when it did not come up. */
    bool start() { return m_sandbox.start(); }

    QString url() const { return m_sandbox.sandbox()->restUrl().toString(); }
    QString bootstrapServers() const { return m_sandbox.sandbox()->bootstrapServers(); }
    /** The sandbox's folder (FileStream files go here). */
    QString path(const QString &name) const { return m_sandbox.path(name); }
    /** The contexts file every run uses (never the user's). */
    QString contextsFile() const { return m_sandbox.path(QStringLiteral("ctl.json")); }

    /** connectdesk-ctl --url <sandbox> arguments...; waits for it to end (60 s at most). */
    CtlRun ctl(const QStringList &arguments, const QByteArray &input = {}) const;
    /** The same without --url (contexts, the environment, the default URL). */
    CtlRun ctlBare(const QStringList &arguments, const QMap<QString, QString> &environment = {},
                   const QByteArray &input = {}) const;
    /** Writes a file into the sandbox's folder and returns its path. */
    QString writeFile(const QString &name, const QByteArray &content) const;
    /** Waits until `status NAME -o json` says state for the connector (and every task when
     *  tasksToo); false on timeout. */
    bool waitForState(const QString &connector, const QString &state, bool tasksToo = true, int timeoutMs = 30000) const;

    static QString binary();

private:
    SandboxFixture m_sandbox;
};

/**
 * Compares `-o json` output with tests/cli/golden/<name>.json after replacing what changes from
 * run to run or release to release (worker ids, ports, folders, times, stack traces, versions) with placeholders. With
 * CONNECTDESK_UPDATE_GOLDEN=1 it rewrites the file instead. Returns a failure message, or an
 * empty string when they match.
 */
QString compareGolden(const QString &name, const CtlRun &run, const CtlFixture &fixture);

} // namespace ConnectDesk::TestSupport
