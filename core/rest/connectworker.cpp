// SPDX-License-Identifier: Apache-2.0
#include "connectworker.h"

#include "core/config/connectorfile.h"

namespace ConnectDesk::Rest {

Util::Result<std::unique_ptr<ConnectWorker>> ConnectWorker::start(Mode mode, const QString &workerFile,
                                                                  const QStringList &connectorFiles,
                                                                  const std::function<void(const QString &)> &say)
{
    const bool standalone = mode == Mode::Standalone;
    auto config = Runtime::loadWorkerConfig(workerFile, standalone);
    if (!config)
        return config.error();
    // Every connector file is read before anything starts.
    QList<Config::ConnectorFile> connectors;
    for (const QString &file : connectorFiles) {
        auto connector = Config::loadConnectorFile(file);
        if (!connector)
            return Util::Error{connector.error().message, 3};
        connectors.append(connector.value());
    }

    std::unique_ptr<ConnectWorker> worker(new ConnectWorker);
    if (Util::Error error = worker->m_rest.start(*config))
        return error;
    for (const QUrl &url : worker->m_rest.boundUrls())
        say(QStringLiteral("REST API: %1").arg(url.toString()));
    for (const QUrl &url : worker->m_rest.adminUrls())
        say(QStringLiteral("REST admin API: %1").arg(url.toString()));

    Runtime::Connect::Options options{*config, connectors,
                                      Runtime::workerIdFor(*config, worker->m_rest.boundUrls()), say};
    auto connect = Runtime::Connect::start(std::move(options));
    if (!connect) {
        worker->m_rest.stop();
        return connect.error();
    }
    worker->m_connect = connect.takeValue();
    worker->m_rest.attach(worker->m_connect.get());
    return worker;
}

ConnectWorker::~ConnectWorker()
{
    stop();
}

void ConnectWorker::stop()
{
    m_rest.stop();
    if (m_connect)
        m_connect->stop();
}

} // namespace ConnectDesk::Rest
