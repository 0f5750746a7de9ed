// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/entities.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace ConnectDesk::Ui {

/**
 * The connectors of a cluster as a table: name, state, type, class, tasks, topics, worker.
 * setConnectors() merges a new listing into the rows (rows are kept, inserted and removed, so
 * the selection and scroll position survive a background refresh). Thread: GUI.
 */
class ConnectorsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, State, Type, Class, Tasks, Topics, Worker, ColumnCount };
    /** The raw value for sorting and filtering (numbers as numbers). */
    static constexpr int SortRole = Qt::UserRole + 1;
    /** Text the filter box searches: name, class, topics. */
    static constexpr int SearchRole = Qt::UserRole + 2;
    /** Failed task count (int). */
    static constexpr int FailedTasksRole = Qt::UserRole + 3;

    using QAbstractTableModel::QAbstractTableModel;

    void setConnectors(const QList<Client::ConnectorOverview> &connectors);
    const Client::ConnectorOverview &connectorAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Client::ConnectorOverview> m_rows;
};

/** Filters ConnectorsModel by text (name, class, topics), state and type. Thread: GUI. */
class ConnectorsFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    /** A state filter matching connectors with at least one FAILED task. */
    static QString failedTasksFilter() { return QStringLiteral("FAILED TASKS"); }

    explicit ConnectorsFilter(QObject *parent = nullptr);
    void setText(const QString &text);
    /** Empty = every state. */
    void setState(const QString &state);
    /** Empty = every type. */
    void setType(const QString &type);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_state;
    QString m_type;
};

} // namespace ConnectDesk::Ui
