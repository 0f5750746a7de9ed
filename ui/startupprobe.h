// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>

class QWidget;

namespace ConnectDesk::Ui {

/**
 * With CONNECTDESK_STARTUP_PROBE=1 in the environment: prints "first paint: N ms" (since
 * sinceStart began, in main()) when the window has painted for the first time, then quits the
 * application. For the cold-start benchmark; does nothing otherwise. Thread: GUI.
 */
class StartupProbe
{
public:
    static void install(QWidget *window, QElapsedTimer sinceStart);
};

} // namespace ConnectDesk::Ui
