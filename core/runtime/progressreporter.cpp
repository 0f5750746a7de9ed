// SPDX-License-Identifier: Apache-2.0
#include "progressreporter.h"

#include <QLocale>

namespace ConnectDesk::Runtime {

ProgressReporter::ProgressReporter(Worker *worker, std::function<void(const QString &)> say,
                                   int intervalMs, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_say(std::move(say))
{
    connect(m_worker->status(), &StatusStore::statusChanged, this,
            [this](const QString &connector, int task, State state) {
                const QString what = task < 0 ? QStringLiteral("connector %1").arg(connector)
                                              : QStringLiteral("task %1-%2").arg(connector).arg(task);
                QString line = QStringLiteral("%1 is %2").arg(what, stateName(state));
                if (state == State::Failed) {
                    const auto status = task < 0 ? m_worker->status()->connector(connector)
                                                 : m_worker->status()->task(connector, task);
                    if (status)
                        line += QStringLiteral(": ") + status->trace.section(QLatin1Char('\n'), 0, 0);
                }
                m_say(line);
            },
            Qt::QueuedConnection);
    connect(&m_timer, &QTimer::timeout, this, &ProgressReporter::report);
    m_clock.start();
    m_timer.start(intervalMs);
}

void ProgressReporter::report()
{
    const qint64 now = m_clock.elapsed();
    const double seconds = std::max<qint64>(now - m_lastMs, 1) / 1000.0;
    m_lastMs = now;
    QStringList parts;
    const QLocale locale(QLocale::English);
    for (const TaskProgress &p : m_worker->progress()) {
        const QString id = p.id.connector + QLatin1Char('-') + QString::number(p.id.task);
        const qint64 delta = p.records - m_lastRecords.value(id, 0);
        m_lastRecords.insert(id, p.records);
        parts.append(QStringLiteral("%1 %2 %3 (%4/s), committed %5")
                         .arg(id, p.sink ? QStringLiteral("put") : QStringLiteral("sent"),
                              locale.toString(p.records), locale.toString(qint64(delta / seconds)),
                              locale.toString(p.committed)));
    }
    if (!parts.isEmpty())
        m_say(parts.join(QStringLiteral(" | ")));
}

} // namespace ConnectDesk::Runtime
