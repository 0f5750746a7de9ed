// SPDX-License-Identifier: Apache-2.0
#pragma once

// Where the GUI tests save what they show: CONNECTDESK_SCREENSHOT_DIR, else <build>/screenshots
// (the README's pictures in docs/ are copies of these).
#include "tests/support/testfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QWidget>

namespace ConnectDesk::TestSupport {

inline QString screenshotDir()
{
    const QString configured = qEnvironmentVariable("CONNECTDESK_SCREENSHOT_DIR");
    const QString dir = configured.isEmpty() ? QDir(buildDir()).filePath(QStringLiteral("screenshots")) : configured;
    QDir().mkpath(dir);
    return dir;
}

/** Lays out what is pending, then saves widget as <screenshotDir>/<name>.png. */
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    return widget->grab().save(QDir(screenshotDir()).filePath(name + QStringLiteral(".png")));
}

} // namespace ConnectDesk::TestSupport
