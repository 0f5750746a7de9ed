// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace ConnectDesk::Util {

/**
 * Turns SIGINT/SIGTERM (or any given signals) into a Qt signal on the main thread, through a
 * self-pipe (the only thing the POSIX handler does is write one byte). One instance per process.
 */
class UnixSignals : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void received(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ConnectDesk::Util
