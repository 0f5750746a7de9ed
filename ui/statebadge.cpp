// SPDX-License-Identifier: Apache-2.0
#include "statebadge.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

namespace ConnectDesk::Ui {

QColor stateColor(const QString &state)
{
    if (state == QLatin1String("RUNNING"))
        return QColor(0x2e, 0x9e, 0x4f);
    if (state == QLatin1String("FAILED"))
        return QColor(0xd0, 0x3b, 0x3b);
    if (state == QLatin1String("PAUSED"))
        return QColor(0xe0, 0x9a, 0x1b);
    if (state == QLatin1String("STOPPED"))
        return QColor(0x6b, 0x72, 0x80);
    if (state == QLatin1String("RESTARTING"))
        return QColor(0x25, 0x7d, 0xd6);
    return QColor(0x8a, 0x8f, 0x98); // UNASSIGNED, unknown
}

void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QString text = background.text;
    background.text.clear();
    // Selection and focus only (QStyledItemDelegate::paint would put the text back).
    QStyle *style = background.widget ? background.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, background.widget);
    if (text.isEmpty())
        return;
    const QFontMetrics metrics(option.font);
    const int height = qMin(option.rect.height() - 4, metrics.height() + 4);
    const int width = metrics.horizontalAdvance(text) + 14;
    const QRect badge(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(badge, height / 2.0, height / 2.0);
    painter->fillPath(path, stateColor(text));
    painter->setPen(Qt::white);
    QFont bold = option.font;
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 0.9);
    painter->setFont(bold);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + 20);
    return size;
}

} // namespace ConnectDesk::Ui
