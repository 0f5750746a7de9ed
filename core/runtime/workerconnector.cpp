// SPDX-License-Identifier: Apache-2.0
#include "workerconnector.h"

#include "logging.h"
#include "offsetstorage.h"

#include "core/api/exceptions.h"

namespace ConnectDesk::Runtime {

WorkerConnector::WorkerConnector(QString name, QString className,
                                 std::unique_ptr<Api::Connector> connector, bool isSink, StatusStore *status, QString workerId,
                                 std::unique_ptr<OffsetReader> offsetReader)
    : m_name(std::move(name))
    , m_className(std::move(className))
    , m_connector(std::move(connector))
    , m_isSink(isSink)
    , m_status(status)
    , m_workerId(std::move(workerId))
    , m_offsetReader(std::move(offsetReader))
{
    m_connector->initialize(this);
}

WorkerConnector::~WorkerConnector()
{
    shutdown();
}

bool WorkerConnector::transitionTo(TargetState target, const Api::ConfigMap &config)
{
    try {
        if (target == TargetState::Started) {
            if (!m_started) {
                m_failed = false;
                m_connector->start(config);
                m_started = true;
            }
            report(State::Running);
        } else {
            if (m_started) {
                m_started = false;
                m_connector->stop();
            }
            report(target == TargetState::Paused ? State::Paused : State::Stopped);
        }
        return true;
    } catch (const std::exception &e) {
        qCCritical(lcRuntime).noquote() << "Connector" << m_name << "failed to" << (target == TargetState::Started ? "start" : "stop");
        fail(Api::exceptionTrace(e, QStringLiteral("%1.%2").arg(m_className,
                                                                 target == TargetState::Started ? QStringLiteral("start")
                                                                                                : QStringLiteral("stop"))));
        return false;
    }
}

std::optional<QList<Api::ConfigMap>> WorkerConnector::taskConfigs(const Api::ConfigMap &connectorConfig)
{
    const int maxTasks = std::max(1, connectorConfig.value(QStringLiteral("tasks.max"), QStringLiteral("1")).trimmed().toInt());
    try {
        QList<Api::ConfigMap> configs = m_connector->taskConfigs(maxTasks);
        const bool enforce = connectorConfig.value(QStringLiteral("tasks.max.enforce"), QStringLiteral("true"))
                                 .trimmed()
                                 .compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
        if (configs.size() > maxTasks) {
            const QString message = QStringLiteral(
                "The connector %1 has generated %2 tasks, which is greater than %3, the maximum "
                "number of tasks it is configured to create. This behaviour should be considered "
                "a bug and is disallowed. If necessary, it can be permitted by reconfiguring the "
                "connector with 'tasks.max.enforce' set to false; however, this option will be "
                "removed in a future release of Kafka Connect.")
                                        .arg(m_name)
                                        .arg(configs.size())
                                        .arg(maxTasks);
            if (enforce)
                throw Api::ConnectException(message);
            qCWarning(lcRuntime).noquote() << message;
        }
        const QString taskClass = m_connector->taskClass();
        for (Api::ConfigMap &task : configs) {
            task.insert(QStringLiteral("task.class"), taskClass);
            if (m_isSink) {
                for (const char *key : {"topics", "topics.regex"}) {
                    const QString k = QString::fromLatin1(key);
                    if (connectorConfig.contains(k))
                        task.insert(k, connectorConfig.value(k));
                }
            }
        }
        return configs;
    } catch (const std::exception &e) {
        fail(Api::exceptionTrace(e, QStringLiteral("taskConfigs")));
        return std::nullopt;
    }
}

void WorkerConnector::shutdown()
{
    if (!m_started)
        return;
    m_started = false;
    try {
        m_connector->stop();
    } catch (const std::exception &e) {
        qCWarning(lcRuntime).noquote() << "Error while shutting down connector" << m_name << Api::exceptionTrace(e);
    }
}

void WorkerConnector::requestTaskReconfiguration()
{
    QMetaObject::invokeMethod(this, [this] { Q_EMIT reconfigurationRequested(m_name); }, Qt::QueuedConnection);
}

void WorkerConnector::raiseError(const std::exception &error)
{
    const QString trace = Api::exceptionTrace(error, QStringLiteral("ConnectorContext.raiseError"));
    QMetaObject::invokeMethod(this, [this, trace] { fail(trace); }, Qt::QueuedConnection);
}

Api::OffsetStorageReader *WorkerConnector::offsetStorageReader()
{
    return m_offsetReader.get();
}

void WorkerConnector::fail(const QString &trace)
{
    m_failed = true;
    qCCritical(lcRuntime).noquote() << "Connector" << m_name << "FAILED:" << trace;
    report(State::Failed, trace);
}

void WorkerConnector::report(State state, const QString &trace)
{
    if (m_status)
        m_status->putConnector(m_name, {state, trace, m_workerId, 0});
}

} // namespace ConnectDesk::Runtime
