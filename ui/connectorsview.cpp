// SPDX-License-Identifier: Apache-2.0
#include "connectorsview.h"

#include "counting.h"
#include "clustersession.h"
#include "connectorsmodel.h"
#include "messagebar.h"
#include "statebadge.h"
#include "tablestyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace ConnectDesk::Ui {

ConnectorsView::ConnectorsView(ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ConnectorsModel(this))
    , m_filter(new ConnectorsFilter(this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_stateFilter(new QComboBox(this))
    , m_typeFilter(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_refreshed(new QLabel(this))
    , m_messages(new MessageBar(this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_resume(new QPushButton(tr("Resume"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_restart(new QToolButton(this))
    , m_delete(new QPushButton(tr("Delete"), this))
{
    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("connectorsTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ConnectorsModel::Name, Qt::AscendingOrder);
    styleReadOnlyTable(m_table, QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->setDefaultSectionSize(26);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setItemDelegateForColumn(ConnectorsModel::State, new StateBadgeDelegate(m_table));
    const int widths[] = {220, 110, 70, 220, 110, 200};
    for (int column = 0; column < int(std::size(widths)); ++column)
        m_table->setColumnWidth(column, widths[column]);

    m_search->setObjectName(QStringLiteral("connectorSearch"));
    m_search->setPlaceholderText(tr("Filter by name, class or topic"));
    m_search->setClearButtonEnabled(true);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->addItem(tr("All states"), QString());
    for (const char *state : {"RUNNING", "PAUSED", "STOPPED", "FAILED", "UNASSIGNED", "RESTARTING"})
        m_stateFilter->addItem(QString::fromLatin1(state), QString::fromLatin1(state));
    m_stateFilter->addItem(tr("With failed tasks"), ConnectorsFilter::failedTasksFilter());
    m_typeFilter->setObjectName(QStringLiteral("typeFilter"));
    m_typeFilter->addItem(tr("Sources and sinks"), QString());
    m_typeFilter->addItem(tr("Sources"), QStringLiteral("source"));
    m_typeFilter->addItem(tr("Sinks"), QStringLiteral("sink"));

    auto *newConnector = new QPushButton(tr("New connector…"), this);
    newConnector->setObjectName(QStringLiteral("newConnectorButton"));
    m_pause->setObjectName(QStringLiteral("bulkPause"));
    m_resume->setObjectName(QStringLiteral("bulkResume"));
    m_stop->setObjectName(QStringLiteral("bulkStop"));
    m_delete->setObjectName(QStringLiteral("bulkDelete"));
    m_restart->setObjectName(QStringLiteral("bulkRestart"));
    m_restart->setText(tr("Restart"));
    m_restart->setPopupMode(QToolButton::InstantPopup);
    m_restart->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *restartMenu = new QMenu(m_restart);
    restartMenu->addAction(tr("Restart connector"), this, [this] { runBulk(Action::Restart); });
    QAction *allTasks = restartMenu->addAction(tr("Restart connector and all tasks"), this,
                                               [this] { runBulk(Action::RestartAllTasks); });
    QAction *failedTasks = restartMenu->addAction(tr("Restart only failed tasks"), this,
                                                  [this] { runBulk(Action::RestartFailedTasks); });
    m_restart->setMenu(restartMenu);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_typeFilter);
    filters->addSpacing(12);
    filters->addWidget(m_pause);
    filters->addWidget(m_resume);
    filters->addWidget(m_stop);
    filters->addWidget(m_restart);
    filters->addWidget(m_delete);
    filters->addSpacing(12);
    filters->addWidget(newConnector);

    m_summary->setObjectName(QStringLiteral("clusterSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_refreshed->setObjectName(QStringLiteral("lastRefresh"));
    m_refreshed->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto *summary = new QHBoxLayout;
    summary->addWidget(m_summary, 1);
    summary->addWidget(m_refreshed);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(summary);
    layout->addWidget(m_messages);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_search, &QLineEdit::textChanged, m_filter, &ConnectorsFilter::setText);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setState(m_stateFilter->currentData().toString()); });
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setType(m_typeFilter->currentData().toString()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit connectorActivated(m_filter->index(index.row(), ConnectorsModel::Name).data().toString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConnectorsView::updateActions);
    connect(m_pause, &QPushButton::clicked, this, [this] { runBulk(Action::Pause); });
    connect(m_resume, &QPushButton::clicked, this, [this] { runBulk(Action::Resume); });
    connect(m_stop, &QPushButton::clicked, this, [this] { runBulk(Action::Stop); });
    connect(m_delete, &QPushButton::clicked, this, [this] { runBulk(Action::Delete); });
    connect(newConnector, &QPushButton::clicked, this, &ConnectorsView::newConnectorRequested);
    connect(m_session, &ClusterSession::connectorsChanged, this, &ConnectorsView::refreshFromSession);
    connect(m_session, &ClusterSession::serverInfoChanged, this, [this, allTasks, failedTasks] {
        m_stop->setVisible(m_session->features().stop());
        allTasks->setVisible(m_session->features().restartWithTasks());
        failedTasks->setVisible(m_session->features().restartWithTasks());
        updateSummary();
    });
    connect(m_session, &ClusterSession::stateChanged, this, &ConnectorsView::updateSummary);
    refreshFromSession();
    updateActions();
}

QStringList ConnectorsView::selectedConnectors() const
{
    QStringList names;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows(ConnectorsModel::Name))
        names.append(index.data().toString());
    return names;
}

void ConnectorsView::selectConnectors(const QStringList &names)
{
    QItemSelection selection;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        if (names.contains(m_filter->index(row, ConnectorsModel::Name).data().toString()))
            selection.select(m_filter->index(row, 0), m_filter->index(row, ConnectorsModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void ConnectorsView::refreshFromSession()
{
    m_model->setConnectors(m_session->connectors());
    updateSummary();
    updateActions();
}

void ConnectorsView::updateSummary()
{
    const auto &connectors = m_session->connectors();
    QMap<QString, int> byState;
    int failedTasks = 0;
    for (const Client::ConnectorOverview &connector : connectors) {
        ++byState[connector.hasStatus ? connector.status.state : QStringLiteral("UNASSIGNED")];
        failedTasks += connector.status.tasksInState(QStringLiteral("FAILED"));
    }
    QStringList parts;
    if (m_session->hasServerInfo())
        parts.append(tr("Kafka Connect %1").arg(m_session->serverInfo().version.toHtmlEscaped()));
    const int workers = int(m_session->workers().size());
    parts.append(workers == 1 ? tr("1 worker") : tr("%1 workers").arg(workers));
    QStringList states;
    for (auto it = byState.cbegin(); it != byState.cend(); ++it) {
        states.append(QStringLiteral("<span style='color:%1'>%2 %3</span>")
                          .arg(stateColor(it.key()).name())
                          .arg(it.value())
                          .arg(it.key().toLower()));
    }
    parts.append(countOf(connectors.size(), "connector", "connectors")
                 + (states.isEmpty() ? QString() : QStringLiteral(": ") + states.join(QStringLiteral(", "))));
    if (failedTasks > 0)
        parts.append(QStringLiteral("<span style='color:%1'>%2</span>")
                         .arg(stateColor(QStringLiteral("FAILED")).name(), countOf(failedTasks, "failed task", "failed tasks")));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    if (!m_session->isReachable() && !m_session->lastError().isEmpty()) {
        m_refreshed->setText(tr("unreachable — last answer %1")
                                 .arg(m_session->lastRefresh().isValid() ? m_session->lastRefresh().toString(QStringLiteral("HH:mm:ss"))
                                                                         : tr("never")));
    } else if (m_session->lastRefresh().isValid()) {
        m_refreshed->setText(tr("refreshed %1").arg(m_session->lastRefresh().toString(QStringLiteral("HH:mm:ss"))));
    }
}

void ConnectorsView::updateActions()
{
    const bool any = m_table->selectionModel()->hasSelection();
    for (QWidget *button : {static_cast<QWidget *>(m_pause), static_cast<QWidget *>(m_resume),
                            static_cast<QWidget *>(m_stop), static_cast<QWidget *>(m_restart),
                            static_cast<QWidget *>(m_delete)}) {
        button->setEnabled(any);
        button->setToolTip(any ? QString() : tr("Select one or more connectors"));
    }
}

void ConnectorsView::runBulk(Action action)
{
    const QStringList names = selectedConnectors();
    if (names.isEmpty())
        return;
    if (action == Action::Delete) {
        const QString list = names.size() <= 10 ? names.join(QStringLiteral("\n"))
                                                : names.mid(0, 10).join(QStringLiteral("\n")) + tr("\n… and %1 more").arg(names.size() - 10);
        if (QMessageBox::question(this, tr("Delete connectors"),
                                  tr("Delete %1? Their configuration and tasks are removed from the cluster; "
                                     "committed offsets stay.\n\n").arg(countOf(names.size(), "connector", "connectors")) + list,
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Yes)
            return;
    }
    Client::ClusterClient *client = m_session->client();
    auto remaining = std::make_shared<int>(int(names.size()));
    auto failures = std::make_shared<QStringList>();
    const QString verb = QStringList{tr("Paused"), tr("Resumed"), tr("Stopped"), tr("Restarted"), tr("Restarted"),
                                     tr("Restarted"), tr("Deleted")}[int(action)];
    for (const QString &name : names) {
        QFuture<Client::RestReply> call;
        switch (action) {
        case Action::Pause:
            call = client->pauseConnector(name);
            break;
        case Action::Resume:
            call = client->resumeConnector(name);
            break;
        case Action::Stop:
            call = client->stopConnector(name);
            break;
        case Action::Restart:
            call = client->restartConnector(name);
            break;
        case Action::RestartAllTasks:
            call = client->restartConnector(name, true, false);
            break;
        case Action::RestartFailedTasks:
            call = client->restartConnector(name, true, true);
            break;
        case Action::Delete:
            call = client->deleteConnector(name);
            break;
        }
        call.then(this, [this, name, remaining, failures, verb, total = names.size()](const Client::RestReply &reply) {
            if (!reply.ok())
                failures->append(QStringLiteral("%1: %2").arg(name, reply.describe()));
            if (--*remaining > 0)
                return;
            if (failures->isEmpty())
                m_messages->showInfo(tr("%1 %2.").arg(verb, countOf(total, "connector", "connectors")));
            else
                m_messages->showError(failures->join(QLatin1Char('\n')));
            m_session->refresh();
        });
    }
}

} // namespace ConnectDesk::Ui
