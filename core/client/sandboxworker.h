// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;

namespace ConnectDesk::Client {

/**
 * The desktop console's Local sandbox: a distributed-mode worker on an embedded development
 * broker, inside the console's process, reached like any cluster over REST on a loopback port
 * (so curl and connectdesk-ctl reach it too). The broker is in memory: every start is fresh.
 *
 * start() returns at once; the worker starts on its own thread and then emits started() with
 * its REST URL and the broker's address, or failed(). Stopping (or destroying) waits for the
 * worker to shut down cleanly.
 *
 * Owner: the console (one per process). Thread: created and used on the GUI thread.
 */
class SandboxWorker : public QObject
{
    Q_OBJECT

public:
    /** directory holds the generated worker file and the demo's files. */
    explicit SandboxWorker(QString directory, QObject *parent = nullptr);
    ~SandboxWorker() override;

    /** restPort 0 picks a free port. */
    void start(int restPort = 0);
    void stop();

    bool isRunning() const { return m_restUrl.isValid(); }
    QUrl restUrl() const { return m_restUrl; }
    QString bootstrapServers() const { return m_bootstrapServers; }
    QString directory() const { return m_directory; }

signals:
    void started(const QUrl &restUrl, const QString &bootstrapServers);
    void failed(const QString &error);

private:
    class Host;
    QString m_directory;
    QThread *m_thread = nullptr;
    Host *m_host = nullptr;
    QUrl m_restUrl;
    QString m_bootstrapServers;
};

} // namespace ConnectDesk::Client
