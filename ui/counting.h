// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ConnectDesk::Ui {

/** "1 connector", "4 connectors", "0 errors": the console speaks English and ships no
 *  translations, so Qt's "%n item(s)" would show up as it is written. */
inline QString countOf(qsizetype count, const char *singular, const char *plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? singular : plural));
}

} // namespace ConnectDesk::Ui
