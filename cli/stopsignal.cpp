// SPDX-License-Identifier: Apache-2.0
#include "stopsignal.h"

#include "core/util/unixsignals.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

#include <csignal>

namespace ConnectDesk::Cli {

StopSignal::StopSignal()
    : m_signals(std::make_unique<Util::UnixSignals>(std::initializer_list<int>{SIGINT, SIGTERM}))
{
    QObject::connect(m_signals.get(), &Util::UnixSignals::received, [this](int) { m_requested = true; });
}

StopSignal::~StopSignal() = default;

void StopSignal::check()
{
    QCoreApplication::processEvents();
}

void StopSignal::wait(int timeoutMs)
{
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(m_signals.get(), &Util::UnixSignals::received, &loop, &QEventLoop::quit);
    if (!m_requested)
        loop.exec();
}

} // namespace ConnectDesk::Cli
