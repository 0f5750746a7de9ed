// SPDX-License-Identifier: Apache-2.0
#include "sandboxworker.h"

#include "core/rest/connectworker.h"

#include <QDir>
#include <QFile>
#include <QThread>

namespace ConnectDesk::Client {

namespace {

QString workerProperties(int restPort)
{
    return QStringLiteral(
               "# Written by the ConnectDesk desktop console: its Local sandbox.\n"
               "bootstrap.servers=embedded\n"
               "group.id=connectdesk-sandbox\n"
               "config.storage.topic=connect-configs\n"
               "offset.storage.topic=connect-offsets\n"
               "status.storage.topic=connect-status\n"
               "listeners=http://127.0.0.1:%1\n"
               "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
               "value.converter=org.apache.kafka.connect.storage.StringConverter\n"
               "offset.flush.interval.ms=2000\n"
               "# The development broker delays a rejoining group member by session.timeout.ms.\n"
               "consumer.session.timeout.ms=6000\n")
        .arg(restPort);
}

} // namespace

/** Lives on the sandbox thread: starts and stops the worker there. */
class SandboxWorker::Host : public QObject
{
    Q_OBJECT

public:
    std::unique_ptr<Rest::ConnectWorker> worker;

    void start(const QString &workerFile)
    {
        QString brokers;
        auto started = Rest::ConnectWorker::start(Rest::ConnectWorker::Mode::Distributed, workerFile, {},
                                                  [&brokers](const QString &line) {
                                                      const QString prefix = QStringLiteral("embedded broker: ");
                                                      if (line.startsWith(prefix))
                                                          brokers = line.mid(prefix.size()).trimmed();
                                                  });
        if (!started) {
            emit failed(started.error().message);
            return;
        }
        worker = started.takeValue();
        const QList<QUrl> urls = worker->restUrls();
        emit ready(urls.isEmpty() ? QUrl() : urls.first(), brokers);
    }

    void stop()
    {
        if (worker)
            worker->stop();
        worker.reset();
    }

signals:
    void ready(const QUrl &restUrl, const QString &bootstrapServers);
    void failed(const QString &error);
};

SandboxWorker::SandboxWorker(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
{}

SandboxWorker::~SandboxWorker()
{
    stop();
}

void SandboxWorker::start(int restPort)
{
    if (m_thread)
        return;
    QDir().mkpath(m_directory);
    const QString workerFile = QDir(m_directory).filePath(QStringLiteral("worker.properties"));
    QFile file(workerFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(workerProperties(restPort).toUtf8()) < 0) {
        emit failed(QStringLiteral("Cannot write %1: %2").arg(workerFile, file.errorString()));
        return;
    }
    file.close();

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("sandbox"));
    m_host = new Host;
    m_host->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    connect(m_host, &Host::ready, this, [this](const QUrl &url, const QString &brokers) {
        m_restUrl = url;
        m_bootstrapServers = brokers;
        emit started(url, brokers);
    });
    connect(m_host, &Host::failed, this, &SandboxWorker::failed);
    m_thread->start();
    QMetaObject::invokeMethod(m_host, [host = m_host, workerFile] { host->start(workerFile); });
}

void SandboxWorker::stop()
{
    if (!m_thread)
        return;
    // The worker must stop on its own thread; this waits for that, which is the point of stop().
    QMetaObject::invokeMethod(m_host, [host = m_host] { host->stop(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread = nullptr;
    m_host = nullptr;
    m_restUrl.clear();
    m_bootstrapServers.clear();
}

} // namespace ConnectDesk::Client

#include "sandboxworker.moc"
