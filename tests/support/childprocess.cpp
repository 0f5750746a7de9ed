// SPDX-License-Identifier: Apache-2.0
#include "childprocess.h"

#include "testfiles.h"

#include <QDeadlineTimer>
#include <QTest>

#include <csignal>

namespace ConnectDesk::TestSupport {

ChildProcess::ChildProcess(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ChildProcess::collect);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ChildProcess::collect);
}

ChildProcess::~ChildProcess()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(30000);
    }
    collect();
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "----" << m_name << "(exit" << m_process.exitCode() << ") ----\n"
                             << transcript().right(20000);
    }
}

bool ChildProcess::start(const QString &program, const QStringList &arguments,
                         const QString &workingDirectory)
{
    if (!workingDirectory.isEmpty())
        m_process.setWorkingDirectory(workingDirectory);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(30000)) {
        qWarning().noquote() << m_name << "could not start" << program << ":"
                             << m_process.errorString();
        return false;
    }
    return true;
}

bool ChildProcess::startWorker(const QStringList &arguments, const QString &workingDirectory)
{
    return start(workerBinary(), arguments, workingDirectory);
}

void ChildProcess::collect()
{
    // QProcess reads its pipes only from the event loop: take what the child wrote meanwhile.
    if (isRunning())
        m_process.waitForReadyRead(0);
    m_stdout += m_process.readAllStandardOutput();
    m_stderr += m_process.readAllStandardError();
}

bool ChildProcess::writeToStdin(const QByteArray &data)
{
    if (m_process.write(data) != data.size())
        return false;
    return m_process.waitForBytesWritten(10000);
}

QByteArray ChildProcess::standardOutput()
{
    collect();
    return m_stdout;
}

QByteArray ChildProcess::standardError()
{
    collect();
    return m_stderr;
}

QString ChildProcess::transcript()
{
    collect();
    return QStringLiteral("stdout:\n%1\nstderr:\n%2")
        .arg(QString::fromUtf8(m_stdout), QString::fromUtf8(m_stderr));
}

QString ChildProcess::waitForLine(const QString &prefix, int timeoutMs)
{
    const QByteArray wanted = prefix.toUtf8();
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        collect();
        for (const QByteArray &line : m_stdout.split('\n')) {
            if (line.startsWith(wanted))
                return QString::fromUtf8(line.mid(wanted.size())).trimmed();
        }
        if (!isRunning() || deadline.hasExpired())
            return {};
        m_process.waitForReadyRead(100);
    }
}

QString ChildProcess::waitForBroker(int timeoutMs)
{
    return waitForLine(QStringLiteral("embedded broker: "), timeoutMs);
}

bool ChildProcess::terminate(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_process.terminate(); // SIGTERM on Unix
    if (waitForExit(timeoutMs))
        return true;
    kill();
    return false;
}

void ChildProcess::kill()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(30000);
    collect();
}

bool ChildProcess::waitForExit(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (isRunning() && !deadline.hasExpired())
        m_process.waitForFinished(200);
    collect();
    return !isRunning();
}

} // namespace ConnectDesk::TestSupport
