// SPDX-License-Identifier: Apache-2.0
#include "tablestyle.h"

#include <QHeaderView>
#include <QTableView>

namespace ConnectDesk::Ui {

void styleReadOnlyTable(QTableView *table, QAbstractItemView::SelectionMode mode)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(mode);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace ConnectDesk::Ui
