// SPDX-License-Identifier: Apache-2.0
#include "startupprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

namespace ConnectDesk::Ui {

namespace {

class FirstPaintFilter : public QObject
{
public:
    FirstPaintFilter(QElapsedTimer sinceStart, QObject *parent)
        : QObject(parent)
        , m_sinceStart(sinceStart)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // Report after this paint has finished.
            QTimer::singleShot(0, qApp, [elapsed = m_sinceStart.elapsed()] {
                QTextStream(stdout) << "first paint: " << elapsed << " ms" << Qt::endl;
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_sinceStart;
    bool m_done = false;
};

} // namespace

void StartupProbe::install(QWidget *window, QElapsedTimer sinceStart)
{
    if (qEnvironmentVariableIntValue("CONNECTDESK_STARTUP_PROBE") != 1)
        return;
    window->installEventFilter(new FirstPaintFilter(sinceStart, window));
}

} // namespace ConnectDesk::Ui
