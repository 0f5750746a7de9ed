// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "states.h"
#include "statusstore.h"

#include "core/api/connector.h"

#include <QObject>

#include <functional>
#include <memory>

namespace ConnectDesk::Runtime {

class OffsetReader;

/**
 * One connector instance and its context (Kafka's WorkerConnector): start/stop by target state,
 * task config generation, and the connector's requests (reconfigure, raiseError) handed to the
 * herder. Thread: the herder's; requestTaskReconfiguration()/raiseError() may come from any
 * thread and are queued.
 */
class WorkerConnector : public QObject, private Api::SourceConnectorContext
{
    Q_OBJECT

public:
    WorkerConnector(QString name, QString className, std::unique_ptr<Api::Connector> connector, bool isSink,
                    StatusStore *status, QString workerId, std::unique_ptr<OffsetReader> offsetReader);
    ~WorkerConnector() override;

    const QString &name() const { return m_name; }
    bool isSink() const { return m_isSink; }
    Api::Connector *connector() const { return m_connector.get(); }
    bool isFailed() const { return m_failed; }

    /** Moves to the target state: start() for STARTED, stop() for PAUSED/STOPPED. A failure
     *  reports FAILED with its trace and returns false. */
    bool transitionTo(TargetState target, const Api::ConfigMap &config);
    /** Task configs with `task.class` (and sinks' `topics`/`topics.regex`) added. */
    std::optional<QList<Api::ConfigMap>> taskConfigs(const Api::ConfigMap &connectorConfig);
    /** Final stop (delete, restart, shutdown). */
    void shutdown();

Q_SIGNALS:
    void reconfigurationRequested(const QString &connector);

private:
    void requestTaskReconfiguration() override;
    void raiseError(const std::exception &error) override;
    Api::OffsetStorageReader *offsetStorageReader() override;
    void fail(const QString &trace);
    void report(State state, const QString &trace = {});

    QString m_name;
    QString m_className;
    std::unique_ptr<Api::Connector> m_connector;
    bool m_isSink = false;
    StatusStore *m_status = nullptr;
    QString m_workerId;
    std::unique_ptr<OffsetReader> m_offsetReader;
    bool m_started = false;
    bool m_failed = false;
};

} // namespace ConnectDesk::Runtime
