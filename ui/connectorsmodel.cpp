// SPDX-License-Identifier: Apache-2.0
#include "connectorsmodel.h"

namespace ConnectDesk::Ui {

namespace {

QString tasksText(const Client::ConnectorOverview &connector)
{
    const int total = int(connector.status.tasks.size());
    const int running = connector.status.tasksInState(QStringLiteral("RUNNING"));
    const int failed = connector.status.tasksInState(QStringLiteral("FAILED"));
    QString text = QStringLiteral("%1/%2").arg(running).arg(total);
    if (failed > 0)
        text += QStringLiteral(" · %1 failed").arg(failed);
    return text;
}

bool sameRow(const Client::ConnectorOverview &a, const Client::ConnectorOverview &b)
{
    if (a.status.state != b.status.state || a.type != b.type || a.config != b.config
        || a.status.workerId != b.status.workerId || a.status.tasks.size() != b.status.tasks.size())
        return false;
    for (qsizetype i = 0; i < a.status.tasks.size(); ++i) {
        if (a.status.tasks[i].state != b.status.tasks[i].state || a.status.tasks[i].workerId != b.status.tasks[i].workerId)
            return false;
    }
    return true;
}

} // namespace

void ConnectorsModel::setConnectors(const QList<Client::ConnectorOverview> &connectors)
{
    // Both lists are sorted by name: walk them together.
    int row = 0;
    qsizetype next = 0;
    while (row < m_rows.size() || next < connectors.size()) {
        if (next == connectors.size() || (row < m_rows.size() && m_rows[row].name < connectors[next].name)) {
            int last = row;
            while (last + 1 < m_rows.size() && (next == connectors.size() || m_rows[last + 1].name < connectors[next].name))
                ++last;
            beginRemoveRows({}, row, last);
            m_rows.remove(row, last - row + 1);
            endRemoveRows();
        } else if (row == m_rows.size() || connectors[next].name < m_rows[row].name) {
            qsizetype end = next;
            while (end < connectors.size() && (row == m_rows.size() || connectors[end].name < m_rows[row].name))
                ++end;
            beginInsertRows({}, row, row + int(end - next) - 1);
            for (qsizetype i = next; i < end; ++i)
                m_rows.insert(row + int(i - next), connectors[i]);
            endInsertRows();
            row += int(end - next);
            next = end;
        } else {
            if (!sameRow(m_rows[row], connectors[next])) {
                m_rows[row] = connectors[next];
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            ++row;
            ++next;
        }
    }
}

int ConnectorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectorsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectorsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Client::ConnectorOverview &connector = m_rows[index.row()];
    if (role == SearchRole) {
        return QStringList{connector.name, connector.connectorClass(), connector.configuredTopics().join(QLatin1Char(' '))}
            .join(QLatin1Char(' '));
    }
    if (role == FailedTasksRole)
        return connector.status.tasksInState(QStringLiteral("FAILED"));
    if (role == SortRole && index.column() == Tasks)
        return connector.status.tasksInState(QStringLiteral("RUNNING")) * 100000 - connector.status.tasksInState(QStringLiteral("FAILED"));
    if (role == Qt::ToolTipRole) {
        if (index.column() == State && !connector.status.trace.isEmpty())
            return connector.status.trace.section(QLatin1Char('\n'), 0, 0);
        if (index.column() == Class)
            return connector.connectorClass();
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case Name:
        return connector.name;
    case State:
        return connector.hasStatus ? connector.status.state : QStringLiteral("UNASSIGNED");
    case Type:
        return connector.type;
    case Class:
        return connector.shortClassName();
    case Tasks:
        return tasksText(connector);
    case Topics:
        return connector.configuredTopics().join(QStringLiteral(", "));
    case Worker:
        return connector.status.workerId;
    default:
        return {};
    }
}

QVariant ConnectorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case Type:
        return tr("Type");
    case Class:
        return tr("Class");
    case Tasks:
        return tr("Tasks running");
    case Topics:
        return tr("Topics");
    case Worker:
        return tr("Worker");
    default:
        return {};
    }
}

ConnectorsFilter::ConnectorsFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ConnectorsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ConnectorsFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void ConnectorsFilter::setState(const QString &state)
{
    m_state = state;
    invalidateRowsFilter();
}

void ConnectorsFilter::setType(const QString &type)
{
    m_type = type;
    invalidateRowsFilter();
}

bool ConnectorsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_state.isEmpty()) {
        if (m_state == failedTasksFilter()) {
            if (model->index(sourceRow, 0, sourceParent).data(ConnectorsModel::FailedTasksRole).toInt() == 0)
                return false;
        } else if (model->index(sourceRow, ConnectorsModel::State, sourceParent).data().toString() != m_state) {
            return false;
        }
    }
    if (!m_type.isEmpty() && model->index(sourceRow, ConnectorsModel::Type, sourceParent).data().toString() != m_type)
        return false;
    if (m_text.isEmpty())
        return true;
    return model->index(sourceRow, 0, sourceParent)
        .data(ConnectorsModel::SearchRole)
        .toString()
        .contains(m_text, Qt::CaseInsensitive);
}

} // namespace ConnectDesk::Ui
