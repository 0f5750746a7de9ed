// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace ConnectDesk::TestSupport {

/**
 * A child process for tests (the worker, the development broker): collects stdout and stderr,
 * waits for lines, and never outlives its owner — the destructor kills a process still running
 * and, when the current test failed, prints what the child wrote so failures can be read.
 *
 * Waiting functions spin the event loop (QTest::qWait) and take generous timeouts; tests must
 * never assert on how long something took.
 *
 * Thread: the test's main thread.
 */
class ChildProcess : public QObject
{
    Q_OBJECT

public:
    explicit ChildProcess(QString name, QObject *parent = nullptr);
    ~ChildProcess() override;

    /** Starts program with arguments in workingDirectory; false (with a warning) when it could
     *  not be started. */
    bool start(const QString &program, const QStringList &arguments,
               const QString &workingDirectory = {});
    /** `connectdesk-worker <arguments>` from the build tree. */
    bool startWorker(const QStringList &arguments, const QString &workingDirectory = {});

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }

    /** Feeds the child's standard input. */
    bool writeToStdin(const QByteArray &data);
    /** Everything written so far (stdout and stderr separately). */
    QByteArray standardOutput();
    QByteArray standardError();
    /** Both, for failure messages. */
    QString transcript();

    /** Waits until a stdout line starts with prefix; returns the rest of that line, or a null
     *  string on timeout or when the process ended first. */
    QString waitForLine(const QString &prefix, int timeoutMs);
    /** Waits for "embedded broker: HOST:PORT" and returns HOST:PORT (null on failure). */
    QString waitForBroker(int timeoutMs = 60000);

    /** SIGTERM, then waits for the exit; false when it did not exit in time (then killed). */
    bool terminate(int timeoutMs = 60000);
    /** SIGKILL and wait. */
    void kill();
    /** Waits for the process to end by itself. */
    bool waitForExit(int timeoutMs);

    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }

private:
    void collect();

    QString m_name;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace ConnectDesk::TestSupport
