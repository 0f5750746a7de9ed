// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "states.h"

#include "core/util/result.h"

#include <QMap>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace ConnectDesk::Storage {

class KafkaBasedLog;

/** Status of one connector or task, as the status topic and REST show it. */
struct Status
{
    State state = State::Unassigned;
    QString trace;
    QString workerId;
    int generation = 0;
};

/**
 * Connector and task statuses and the topics each connector used (Kafka's StatusBackingStore).
 * In memory; with a log attached (distributed mode) every change is also written to the status
 * topic in Kafka Connect's keys and JSON (`status-connector-<c>`, `status-task-<c>-<n>`,
 * `status-topic-<t>:connector-<c>`), tombstones on removal. The generation written is one more
 * than the highest found in the topic at load, so each worker start is a new generation.
 *
 * Written by the herder and by task threads, read by anyone: every method is thread-safe.
 * statusChanged is emitted on the writing thread; connect with a queued connection to react
 * elsewhere.
 */
class StatusStore : public QObject
{
    Q_OBJECT

public:
    explicit StatusStore(QObject *parent = nullptr);
    ~StatusStore() override;

    /** Persists to the status topic from now on; reads it first (generation, topics). */
    Util::Error attachLog(std::unique_ptr<KafkaBasedLog> log);
    int generation() const { return m_generation; }
    /** Grows with every change; lets readers cache what they built from the store. */
    quint64 version() const { return m_version.load(std::memory_order_acquire); }

    void putConnector(const QString &connector, const Status &status);
    void putTask(const QString &connector, int task, const Status &status);
    /** Removes the connector and all its task statuses. */
    void remove(const QString &connector);
    void removeTasks(const QString &connector);

    std::optional<Status> connector(const QString &connector) const;
    std::optional<Status> task(const QString &connector, int task) const;
    QMap<int, Status> tasks(const QString &connector) const;
    QStringList connectors() const;

    /** Records that a task used a topic (topic tracking); written once per topic. */
    void putTopic(const QString &connector, const QString &topic, int task);
    QStringList topics(const QString &connector) const;
    void resetTopics(const QString &connector);

    static QByteArray encodeStatus(const Status &status);

Q_SIGNALS:
    /** task is -1 for the connector itself. */
    void statusChanged(const QString &connector, int task, ConnectDesk::Storage::State state);

private:
    void persist(const QList<QPair<QByteArray, std::optional<QByteArray>>> &records);
    void changed() { m_version.fetch_add(1, std::memory_order_acq_rel); }

    std::unique_ptr<KafkaBasedLog> m_log;
    int m_generation = 0;
    std::atomic<quint64> m_version{1};
    /** connector → topic → discover timestamp */
    QMap<QString, QMap<QString, qint64>> m_topics;
    mutable QMutex m_mutex;
    QMap<QString, Status> m_connectors;
    QMap<QString, QMap<int, Status>> m_tasks;
};

} // namespace ConnectDesk::Storage
