// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace ConnectDesk::Cli {

/** "Label:  value" lines with the values aligned, for `describe` and `info`. */
QString fieldLines(const QList<QPair<QString, QString>> &fields);
/** At most maxLength characters, "…" marking the cut; newlines become spaces. */
QString elide(const QString &text, int maxLength);
/** Up to the first ". " (documentation in a table). */
QString firstSentence(const QString &text);
/** Milliseconds since the epoch as local "yyyy-MM-dd HH:mm:ss". */
QString timestampText(qint64 epochMs);
/** Every line of text prefixed with spaces (a final newline added when missing). */
QString indented(const QString &text, int spaces);
/** The first line of a stack trace ("java.lang.X: message"). */
QString firstLine(const QString &text);

} // namespace ConnectDesk::Cli
