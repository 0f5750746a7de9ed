// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "states.h"

#include <QMap>
#include <QMutex>
#include <QObject>
#include <QString>

#include <optional>

namespace ConnectDesk::Runtime {

/** Status of one connector or task, as the status topic and REST show it. */
struct Status
{
    State state = State::Unassigned;
    QString trace;
    QString workerId;
    int generation = 0;
};

/**
 * Connector and task statuses (in memory; standalone mode). Written by the herder and by task
 * threads, read by anyone: every method is thread-safe. statusChanged is emitted on the writing
 * thread; connect with a queued connection to react elsewhere.
 */
class StatusStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void putConnector(const QString &connector, const Status &status);
    void putTask(const QString &connector, int task, const Status &status);
    /** Removes the connector and all its task statuses. */
    void remove(const QString &connector);
    void removeTasks(const QString &connector);

    std::optional<Status> connector(const QString &connector) const;
    std::optional<Status> task(const QString &connector, int task) const;
    QMap<int, Status> tasks(const QString &connector) const;
    QStringList connectors() const;

Q_SIGNALS:
    /** task is -1 for the connector itself. */
    void statusChanged(const QString &connector, int task, ConnectDesk::Runtime::State state);

private:
    mutable QMutex m_mutex;
    QMap<QString, Status> m_connectors;
    QMap<QString, QMap<int, Status>> m_tasks;
};

} // namespace ConnectDesk::Runtime
