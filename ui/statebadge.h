// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace ConnectDesk::Ui {

/** The colour of a connector or task state (RUNNING green, FAILED red, PAUSED amber, ...). */
QColor stateColor(const QString &state);

/**
 * Paints a cell's text as a rounded badge in stateColor() of that text; for the state columns
 * of the connector and task tables. Thread: GUI.
 */
class StateBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace ConnectDesk::Ui
