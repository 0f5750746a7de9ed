// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "states.h"
#include "worker.h"

#include "core/api/configdef.h"
#include "core/util/result.h"

#include <QMap>
#include <QObject>

namespace ConnectDesk::Runtime {

/**
 * Standalone mode's herder (Kafka's StandaloneHerder): connector configs, task configs and
 * target states in memory; every state change happens here, on the herder's thread, and is
 * carried out by the Worker.
 *
 * Errors carry an HTTP-like code for the REST layer: 400 invalid config, 404 unknown
 * connector, 409 already exists, 500 anything else.
 */
class StandaloneHerder : public QObject
{
    Q_OBJECT

public:
    explicit StandaloneHerder(Worker *worker, QObject *parent = nullptr);
    ~StandaloneHerder() override;

    /** Validates, stores and starts a connector. With allowReplace=false an existing name is a
     *  409. created tells whether it was new. */
    Util::Error putConnectorConfig(const QString &name, const Api::ConfigMap &config,
                                   std::optional<TargetState> initialState, bool allowReplace,
                                   bool *created = nullptr);
    Util::Error deleteConnector(const QString &name);
    Util::Error pauseConnector(const QString &name);
    Util::Error resumeConnector(const QString &name);
    Util::Error stopConnector(const QString &name);
    /** Restarts the connector instance (and its tasks when includeTasks). */
    Util::Error restartConnector(const QString &name, bool includeTasks, bool onlyFailed);
    Util::Error restartTask(const QString &name, int task);

    QStringList connectors() const { return m_connectors.keys(); }
    std::optional<Api::ConfigMap> connectorConfig(const QString &name) const;
    QList<Api::ConfigMap> taskConfigs(const QString &name) const;
    std::optional<TargetState> targetState(const QString &name) const;

    /** Stops every task and connector (shutdown). */
    void stop();

private:
    struct ConnectorState
    {
        Api::ConfigMap config;
        TargetState target = TargetState::Started;
        QList<Api::ConfigMap> taskConfigs;
    };
    void startConnectorAndTasks(const QString &name);
    void updateTaskConfigs(const QString &name);
    void startTasks(const QString &name);
    Util::Error notFound(const QString &name) const;

    Worker *m_worker;
    QMap<QString, ConnectorState> m_connectors;
};

} // namespace ConnectDesk::Runtime
