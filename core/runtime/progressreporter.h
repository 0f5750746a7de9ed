// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "worker.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <functional>

namespace ConnectDesk::Runtime {

/**
 * Prints, every interval, what moves through the worker: per task the records sent or put,
 * the rate since the last line, and what is committed; plus state changes as they happen.
 * Used by `./run` and `connectdesk-worker --progress`. Thread: the herder's (main) thread.
 */
class ProgressReporter : public QObject
{
    Q_OBJECT

public:
    ProgressReporter(Worker *worker, std::function<void(const QString &)> say, int intervalMs,
                     QObject *parent = nullptr);

private:
    void report();

    Worker *m_worker;
    std::function<void(const QString &)> m_say;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QMap<QString, qint64> m_lastRecords;
    qint64 m_lastMs = 0;
};

} // namespace ConnectDesk::Runtime
