// SPDX-License-Identifier: Apache-2.0
#include "statusstore.h"

namespace ConnectDesk::Runtime {

void StatusStore::putConnector(const QString &connector, const Status &status)
{
    {
        QMutexLocker lock(&m_mutex);
        m_connectors.insert(connector, status);
    }
    Q_EMIT statusChanged(connector, -1, status.state);
}

void StatusStore::putTask(const QString &connector, int task, const Status &status)
{
    {
        QMutexLocker lock(&m_mutex);
        m_tasks[connector].insert(task, status);
    }
    Q_EMIT statusChanged(connector, task, status.state);
}

void StatusStore::remove(const QString &connector)
{
    QMutexLocker lock(&m_mutex);
    m_connectors.remove(connector);
    m_tasks.remove(connector);
}

void StatusStore::removeTasks(const QString &connector)
{
    QMutexLocker lock(&m_mutex);
    m_tasks.remove(connector);
}

std::optional<Status> StatusStore::connector(const QString &connector) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_connectors.constFind(connector);
    if (it == m_connectors.cend())
        return std::nullopt;
    return *it;
}

std::optional<Status> StatusStore::task(const QString &connector, int task) const
{
    QMutexLocker lock(&m_mutex);
    const auto tasks = m_tasks.value(connector);
    const auto it = tasks.constFind(task);
    if (it == tasks.cend())
        return std::nullopt;
    return *it;
}

QMap<int, Status> StatusStore::tasks(const QString &connector) const
{
    QMutexLocker lock(&m_mutex);
    return m_tasks.value(connector);
}

QStringList StatusStore::connectors() const
{
    QMutexLocker lock(&m_mutex);
    return m_connectors.keys();
}

} // namespace ConnectDesk::Runtime
