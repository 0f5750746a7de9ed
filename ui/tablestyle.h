// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractItemView>

class QTableView;

namespace ConnectDesk::Ui {

/** The console's read-only tables: whole rows selected (with the given mode), no editing,
 *  alternating rows, no word wrap, no row numbers, the last column stretched. */
void styleReadOnlyTable(QTableView *table,
                        QAbstractItemView::SelectionMode mode = QAbstractItemView::SingleSelection);

} // namespace ConnectDesk::Ui
