// SPDX-License-Identifier: Apache-2.0
#include "textformat.h"

#include <QDateTime>

namespace ConnectDesk::Cli {

QString fieldLines(const QList<QPair<QString, QString>> &fields)
{
    qsizetype width = 0;
    for (const auto &field : fields)
        width = qMax(width, field.first.size() + 1);
    QString text;
    for (const auto &field : fields)
        text += (field.first + QLatin1Char(':')).leftJustified(width + 2) + field.second + QLatin1Char('\n');
    return text;
}

QString elide(const QString &text, int maxLength)
{
    QString flat = text.simplified();
    if (flat.size() <= maxLength)
        return flat;
    return flat.left(maxLength - 1) + QChar(0x2026);
}

QString firstSentence(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1String(". "));
    return end < 0 ? text : text.left(end + 1);
}

QString timestampText(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString indented(const QString &text, int spaces)
{
    const QString pad(spaces, QLatin1Char(' '));
    QString result;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i + 1 == lines.size() && lines.at(i).isEmpty())
            break;
        result += pad + lines.at(i) + QLatin1Char('\n');
    }
    return result;
}

QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace ConnectDesk::Cli
