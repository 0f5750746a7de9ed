// SPDX-License-Identifier: Apache-2.0
#include "connectordetailview.h"

#include "counting.h"
#include "clustersession.h"
#include "configdiff.h"
#include "configeditor.h"
#include "configform.h"
#include "messagebar.h"
#include "statebadge.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ConnectDesk::Ui {

namespace {

QString badgeStyle(const QString &state)
{
    return QStringLiteral("QLabel { background: %1; color: white; border-radius: 9px; padding: 2px 10px; font-weight: bold; }")
        .arg(stateColor(state).name());
}

QLabel *mutedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setStyleSheet(QStringLiteral("color: #4b5563;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ConnectorDetailView::ConnectorDetailView(ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_messageBar(new MessageBar(this))
    , m_nameLabel(new QLabel(this))
    , m_stateBadge(new QLabel(this))
    , m_typeLabel(mutedLabel(this))
    , m_classLabel(mutedLabel(this))
    , m_workerLabel(mutedLabel(this))
    , m_restartButton(new QToolButton(this))
    , m_pauseButton(new QPushButton(tr("Pause"), this))
    , m_resumeButton(new QPushButton(tr("Resume"), this))
    , m_stopButton(new QPushButton(tr("Stop"), this))
    , m_deleteButton(new QPushButton(tr("Delete…"), this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("connectorDetailView"));
    m_nameLabel->setObjectName(QStringLiteral("connectorNameLabel"));
    m_nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_nameLabel->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_nameLabel->setFont(big);
    m_stateBadge->setObjectName(QStringLiteral("connectorStateBadge"));
    m_typeLabel->setObjectName(QStringLiteral("connectorTypeLabel"));
    m_classLabel->setObjectName(QStringLiteral("connectorClassLabel"));
    m_workerLabel->setObjectName(QStringLiteral("connectorWorkerLabel"));

    m_restartButton->setObjectName(QStringLiteral("restartButton"));
    m_restartButton->setText(tr("Restart"));
    m_restartButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_restartButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_restartButton->setMinimumHeight(m_pauseButton->sizeHint().height());
    auto *restartMenu = new QMenu(m_restartButton);
    QAction *restartConnector = restartMenu->addAction(tr("Restart the connector only"));
    restartConnector->setObjectName(QStringLiteral("restartConnectorAction"));
    QAction *restartAll = restartMenu->addAction(tr("Restart the connector and all its tasks"));
    restartAll->setObjectName(QStringLiteral("restartAllAction"));
    QAction *restartFailed = restartMenu->addAction(tr("Restart only what failed (connector and tasks)"));
    restartFailed->setObjectName(QStringLiteral("restartFailedAction"));
    m_restartButton->setMenu(restartMenu);
    auto restart = [this](bool includeTasks, bool onlyFailed) {
        runAction(tr("Restart"), m_session->client()->restartConnector(m_name, includeTasks, onlyFailed),
                  tr("Restart of %1 requested.").arg(m_name));
    };
    connect(m_restartButton, &QToolButton::clicked, this, [restart] { restart(false, false); });
    connect(restartConnector, &QAction::triggered, this, [restart] { restart(false, false); });
    connect(restartAll, &QAction::triggered, this, [restart] { restart(true, false); });
    connect(restartFailed, &QAction::triggered, this, [restart] { restart(true, true); });

    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_stopButton->setToolTip(tr("Stops the connector and its tasks and keeps no task configs "
                                "(needed before its offsets can be changed). Resume starts it again."));
    connect(m_pauseButton, &QPushButton::clicked, this, [this] {
        runAction(tr("Pause"), m_session->client()->pauseConnector(m_name), tr("Pause of %1 requested.").arg(m_name));
    });
    connect(m_resumeButton, &QPushButton::clicked, this, [this] {
        runAction(tr("Resume"), m_session->client()->resumeConnector(m_name), tr("Resume of %1 requested.").arg(m_name));
    });
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        runAction(tr("Stop"), m_session->client()->stopConnector(m_name), tr("Stop of %1 requested.").arg(m_name));
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectorDetailView::confirmDelete);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_nameLabel);
    titleRow->addSpacing(8);
    titleRow->addWidget(m_stateBadge);
    titleRow->addStretch(1);
    for (QWidget *button : {static_cast<QWidget *>(m_restartButton), static_cast<QWidget *>(m_pauseButton),
                            static_cast<QWidget *>(m_resumeButton), static_cast<QWidget *>(m_stopButton),
                            static_cast<QWidget *>(m_deleteButton)})
        titleRow->addWidget(button);
    auto *infoRow = new QHBoxLayout;
    infoRow->addWidget(m_typeLabel);
    infoRow->addSpacing(16);
    infoRow->addWidget(m_classLabel);
    infoRow->addSpacing(16);
    infoRow->addWidget(m_workerLabel);
    infoRow->addStretch(1);

    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->addTab(buildStatusTab(), tr("Status"));
    m_tabs->addTab(buildConfigTab(), tr("Configuration"));
    m_tabs->addTab(buildTopicsTab(), tr("Topics"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->tabText(index) == tr("Topics") && !m_name.isEmpty())
            reloadTopics();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addLayout(titleRow);
    layout->addLayout(infoRow);
    layout->addWidget(m_tabs, 1);

    connect(m_session, &ClusterSession::connectorsChanged, this, &ConnectorDetailView::updateFromSession);
    connect(m_session, &ClusterSession::serverInfoChanged, this, &ConnectorDetailView::updateFeatures);
    updateFeatures();
}

QWidget *ConnectorDetailView::buildStatusTab()
{
    auto *page = new QWidget;
    m_connectorStateLabel = new QLabel(page);
    m_connectorStateLabel->setObjectName(QStringLiteral("connectorStateLabel"));
    m_connectorStateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectorTrace = new QPlainTextEdit(page);
    m_connectorTrace->setObjectName(QStringLiteral("connectorTrace"));
    m_connectorTrace->setReadOnly(true);
    m_connectorTrace->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_connectorTrace->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_connectorTrace->setMaximumHeight(140);
    m_connectorTrace->hide();

    m_tasksTable = new QTableWidget(0, 3, page);
    m_tasksTable->setObjectName(QStringLiteral("tasksTable"));
    m_tasksTable->setHorizontalHeaderLabels({tr("Task"), tr("State"), tr("Worker")});
    m_tasksTable->verticalHeader()->hide();
    m_tasksTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tasksTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tasksTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tasksTable->setItemDelegateForColumn(1, new StateBadgeDelegate(m_tasksTable));
    m_tasksTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tasksTable->horizontalHeader()->resizeSection(1, 140);
    m_tasksTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_tasksTable, &QTableWidget::itemSelectionChanged, this, &ConnectorDetailView::updateTrace);

    m_traceTitle = new QLabel(page);
    m_traceTitle->setObjectName(QStringLiteral("taskTraceTitle"));
    m_taskTrace = new QPlainTextEdit(page);
    m_taskTrace->setObjectName(QStringLiteral("taskTrace"));
    m_taskTrace->setReadOnly(true);
    m_taskTrace->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_taskTrace->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_taskTrace->setPlaceholderText(tr("No trace: the task has not failed."));
    m_copyTraceButton = new QPushButton(tr("Copy trace"), page);
    m_copyTraceButton->setObjectName(QStringLiteral("copyTraceButton"));
    m_restartTaskButton = new QPushButton(tr("Restart task"), page);
    m_restartTaskButton->setObjectName(QStringLiteral("restartTaskButton"));
    connect(m_copyTraceButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_taskTrace->toPlainText());
        m_messageBar->showInfo(tr("Trace copied to the clipboard."));
    });
    connect(m_restartTaskButton, &QPushButton::clicked, this, [this] {
        const QList<QTableWidgetItem *> selected = m_tasksTable->selectedItems();
        if (selected.isEmpty())
            return;
        const int task = m_tasksTable->item(selected.first()->row(), 0)->data(Qt::UserRole).toInt();
        runAction(tr("Restart of task %1").arg(task), m_session->client()->restartTask(m_name, task),
                  tr("Restart of task %1 requested.").arg(task));
    });

    auto *tasksBox = new QWidget;
    auto *tasksLayout = new QVBoxLayout(tasksBox);
    tasksLayout->setContentsMargins(0, 0, 0, 0);
    tasksLayout->addWidget(m_tasksTable);
    auto *traceBox = new QWidget;
    auto *traceButtons = new QHBoxLayout;
    traceButtons->addWidget(m_traceTitle, 1);
    traceButtons->addWidget(m_copyTraceButton);
    traceButtons->addWidget(m_restartTaskButton);
    auto *traceLayout = new QVBoxLayout(traceBox);
    traceLayout->setContentsMargins(0, 0, 0, 0);
    traceLayout->addLayout(traceButtons);
    traceLayout->addWidget(m_taskTrace, 1);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(tasksBox);
    splitter->addWidget(traceBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_connectorStateLabel);
    layout->addWidget(m_connectorTrace);
    layout->addWidget(splitter, 1);
    return page;
}

QWidget *ConnectorDetailView::buildConfigTab()
{
    auto *page = new QWidget;
    m_configEditor = new ConfigEditor(m_session, page);
    m_configEditor->setObjectName(QStringLiteral("configEditor"));
    m_pendingLabel = new QLabel(page);
    m_pendingLabel->setObjectName(QStringLiteral("pendingChangesLabel"));
    m_reviewButton = new QPushButton(tr("Review changes…"), page);
    m_reviewButton->setObjectName(QStringLiteral("reviewChangesButton"));
    m_revertButton = new QPushButton(tr("Revert"), page);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setToolTip(tr("Reload the live config from the cluster and drop the pending changes."));
    connect(m_reviewButton, &QPushButton::clicked, this, &ConnectorDetailView::reviewChanges);
    connect(m_revertButton, &QPushButton::clicked, this, &ConnectorDetailView::revertConfig);
    connect(m_configEditor, &ConfigEditor::valuesChanged, this, &ConnectorDetailView::updatePendingState);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pendingLabel, 1);
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_reviewButton);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(m_configEditor, 1);
    updatePendingState();
    return page;
}

QWidget *ConnectorDetailView::buildTopicsTab()
{
    auto *page = new QWidget;
    m_topicsNote = new QLabel(page);
    m_topicsNote->setObjectName(QStringLiteral("topicsNote"));
    m_topicsNote->setWordWrap(true);
    m_topicsList = new QListWidget(page);
    m_topicsList->setObjectName(QStringLiteral("topicsList"));
    m_refreshTopicsButton = new QPushButton(tr("Refresh"), page);
    m_refreshTopicsButton->setObjectName(QStringLiteral("refreshTopicsButton"));
    m_resetTopicsButton = new QPushButton(tr("Reset active topics"), page);
    m_resetTopicsButton->setObjectName(QStringLiteral("resetTopicsButton"));
    m_resetTopicsButton->setToolTip(tr("Forget which topics the connector has used; the list fills again as it runs."));
    connect(m_refreshTopicsButton, &QPushButton::clicked, this, &ConnectorDetailView::reloadTopics);
    connect(m_resetTopicsButton, &QPushButton::clicked, this, [this] {
        const QString name = m_name;
        m_session->client()->resetConnectorTopics(name).then(this, [this, name](const Client::RestReply &reply) {
            if (name != m_name)
                return;
            if (reply.status == 403) {
                m_messageBar->showError(tr("This cluster does not allow resetting active topics (%1). Its workers "
                                           "run with topic.tracking.enable=false or topic.tracking.allow.reset=false.")
                                            .arg(reply.error));
            } else if (!reply.ok()) {
                m_messageBar->showError(tr("Reset of active topics failed: %1").arg(reply.describe()));
            } else {
                m_messageBar->showInfo(tr("Active topics of %1 reset.").arg(name));
            }
            reloadTopics();
        });
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_topicsNote, 1);
    buttons->addWidget(m_refreshTopicsButton);
    buttons->addWidget(m_resetTopicsButton);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(m_topicsList, 1);
    return page;
}

void ConnectorDetailView::showConnector(const QString &name)
{
    const bool same = name == m_name;
    m_name = name;
    if (!same) {
        m_messageBar->hide();
        m_liveConfig.clear();
        m_connectorClass.clear();
        m_configLoaded = false;
        m_tasksTable->setRowCount(0);
        m_topicsList->clear();
    }
    m_nameLabel->setText(name);
    updateFeatures();
    updateFromSession();
    if (!same || !m_configLoaded)
        loadConfig();
    reloadTopics();
    m_session->refresh();
}

void ConnectorDetailView::insertTab(int index, QWidget *page, const QString &title)
{
    m_tabs->insertTab(index, page, title);
}

void ConnectorDetailView::updateFeatures()
{
    const Client::ClusterFeatures &features = m_session->features();
    m_stopButton->setVisible(features.stop());
    const QList<QAction *> actions = m_restartButton->menu()->actions();
    for (QAction *action : actions) {
        if (action->objectName() != QLatin1String("restartConnectorAction"))
            action->setVisible(features.restartWithTasks());
    }
}

void ConnectorDetailView::updateFromSession()
{
    if (m_name.isEmpty())
        return;
    const Client::ConnectorOverview *overview = m_session->connector(m_name);
    if (!overview) {
        m_stateBadge->setText(tr("NOT LISTED"));
        m_stateBadge->setStyleSheet(badgeStyle(QString()));
        m_connectorStateLabel->setText(tr("The cluster does not list this connector (yet)."));
        return;
    }
    applyStatus(*overview);
}

void ConnectorDetailView::applyStatus(const Client::ConnectorOverview &overview)
{
    const Client::ConnectorStatus &status = overview.status;
    const QString state = overview.hasStatus && !status.state.isEmpty() ? status.state : tr("NO STATUS");
    m_stateBadge->setText(state);
    m_stateBadge->setStyleSheet(badgeStyle(status.state));
    m_typeLabel->setText(tr("Type: %1").arg(overview.type.isEmpty() ? tr("unknown") : overview.type));
    m_classLabel->setText(tr("Class: %1").arg(overview.shortClassName()));
    m_classLabel->setToolTip(overview.connectorClass());
    m_workerLabel->setText(tr("Worker: %1").arg(status.workerId.isEmpty() ? QStringLiteral("—") : status.workerId));
    if (m_connectorClass.isEmpty())
        m_connectorClass = overview.connectorClass();

    m_pauseButton->setEnabled(status.state != QLatin1String("PAUSED"));
    m_resumeButton->setEnabled(status.state == QLatin1String("PAUSED") || status.state == QLatin1String("STOPPED")
                               || !overview.hasStatus);
    m_stopButton->setEnabled(status.state != QLatin1String("STOPPED"));

    m_connectorStateLabel->setText(
        tr("Connector: <b>%1</b> on %2 · %3 running, %4 failed of %5")
            .arg(state.toHtmlEscaped(), (status.workerId.isEmpty() ? QStringLiteral("—") : status.workerId).toHtmlEscaped())
            .arg(status.tasksInState(QStringLiteral("RUNNING")))
            .arg(status.tasksInState(QStringLiteral("FAILED")))
            .arg(countOf(status.tasks.size(), "task", "tasks")));
    if (m_connectorTrace->toPlainText() != status.trace)
        m_connectorTrace->setPlainText(status.trace);
    m_connectorTrace->setVisible(!status.trace.isEmpty());

    // Rebuild the rows in place, keeping the selected task and not touching unchanged cells.
    int selectedTask = -1;
    if (const QList<QTableWidgetItem *> selected = m_tasksTable->selectedItems(); !selected.isEmpty())
        selectedTask = m_tasksTable->item(selected.first()->row(), 0)->data(Qt::UserRole).toInt();
    m_tasksTable->setRowCount(int(status.tasks.size()));
    int selectRow = -1;
    for (int row = 0; row < status.tasks.size(); ++row) {
        const Client::TaskStatus &task = status.tasks.at(row);
        const QStringList cells{QString::number(task.id), task.state, task.workerId};
        for (int column = 0; column < cells.size(); ++column) {
            QTableWidgetItem *item = m_tasksTable->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_tasksTable->setItem(row, column, item);
            }
            if (item->text() != cells.at(column))
                item->setText(cells.at(column));
        }
        QTableWidgetItem *idItem = m_tasksTable->item(row, 0);
        idItem->setData(Qt::UserRole, task.id);
        idItem->setData(Qt::UserRole + 1, task.trace);
        if (task.id == selectedTask)
            selectRow = row;
    }
    if (selectRow < 0 && !status.tasks.isEmpty()) {
        // Nothing chosen yet: the first failed task is what people look for.
        selectRow = 0;
        for (int row = 0; row < status.tasks.size(); ++row) {
            if (status.tasks.at(row).state == QLatin1String("FAILED")) {
                selectRow = row;
                break;
            }
        }
    }
    if (selectRow >= 0 && selectRow != m_tasksTable->currentRow())
        m_tasksTable->selectRow(selectRow);
    updateTrace();
}

void ConnectorDetailView::updateTrace()
{
    const QList<QTableWidgetItem *> selected = m_tasksTable->selectedItems();
    if (selected.isEmpty()) {
        m_traceTitle->setText(m_tasksTable->rowCount() == 0 ? tr("No tasks.") : tr("Select a task to see its trace."));
        m_taskTrace->clear();
        m_restartTaskButton->setEnabled(false);
        m_copyTraceButton->setEnabled(false);
        return;
    }
    const int row = selected.first()->row();
    const QTableWidgetItem *idItem = m_tasksTable->item(row, 0);
    const QString trace = idItem->data(Qt::UserRole + 1).toString();
    m_traceTitle->setText(tr("Task %1 · %2").arg(idItem->data(Qt::UserRole).toInt()).arg(m_tasksTable->item(row, 1)->text()));
    if (m_taskTrace->toPlainText() != trace)
        m_taskTrace->setPlainText(trace); // only when it changed: keeps the user's selection
    m_restartTaskButton->setEnabled(true);
    m_copyTraceButton->setEnabled(!trace.isEmpty());
}

void ConnectorDetailView::loadConfig()
{
    const int generation = ++m_loadGeneration;
    const QString name = m_name;
    m_reviewButton->setEnabled(false);
    m_session->client()->connectorConfig(name).then(this, [this, name, generation](const Client::RestReply &reply) {
        if (generation != m_loadGeneration || name != m_name)
            return;
        if (!reply.ok()) {
            m_messageBar->showError(tr("Could not read the config of %1: %2").arg(name, reply.describe()));
            updatePendingState();
            return;
        }
        m_liveConfig = Client::stringMap(reply.object());
        m_connectorClass = m_liveConfig.value(QStringLiteral("connector.class"), m_connectorClass);
        m_configLoaded = true;
        m_configEditor->load(m_connectorClass, m_liveConfig);
        updatePendingState();
    });
}

void ConnectorDetailView::updatePendingState()
{
    if (!m_configLoaded) {
        m_pendingLabel->setText(m_name.isEmpty() ? QString() : tr("Reading the config…"));
        m_reviewButton->setEnabled(false);
        m_revertButton->setEnabled(false);
        return;
    }
    const int pending = int(diffConfigs(m_liveConfig, m_configEditor->values()).size());
    m_pendingLabel->setText(pending == 0 ? tr("No pending changes.") : countOf(pending, "pending change", "pending changes") + QLatin1Char('.'));
    m_reviewButton->setEnabled(!m_applying);
    m_revertButton->setEnabled(!m_applying);
}

void ConnectorDetailView::reviewChanges()
{
    if (!m_configLoaded || m_applying)
        return;
    if (const QString error = m_configEditor->jsonError(); !error.isEmpty()) {
        m_messageBar->showError(tr("Fix the JSON first: %1").arg(error));
        return;
    }
    const QMap<QString, QString> pending = m_configEditor->values();
    auto *dialog = new ConfigDiffDialog(m_liveConfig, pending, m_configEditor->form()->passwordKeys(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, pending, name = m_name] {
        if (name == m_name) // another connector shown meanwhile: this diff is not about it
            applyConfig(pending);
    });
    dialog->open();
}

void ConnectorDetailView::applyConfig(const QMap<QString, QString> &config)
{
    m_applying = true;
    updatePendingState();
    const QString name = m_name;
    m_session->client()->putConnectorConfig(name, Client::toJson(config)).then(this, [this, name, config](const Client::RestReply &reply) {
        m_applying = false;
        if (name != m_name)
            return;
        if (!reply.ok()) {
            // A 400 lists the validation errors; the form shows them at their keys once it re-validates.
            m_messageBar->showError(tr("The cluster did not accept the config: %1").arg(reply.describe()));
            m_configEditor->form()->revalidate();
            updatePendingState();
            return;
        }
        const QJsonObject stored = reply.object().value(QLatin1String("config")).toObject();
        m_liveConfig = stored.isEmpty() ? config : Client::stringMap(stored);
        // The cluster may add keys (name); show them unless the user typed on meanwhile.
        if (m_configEditor->values() == config)
            m_configEditor->setValues(m_liveConfig);
        m_messageBar->showInfo(tr("Config of %1 applied; the connector restarts with it.").arg(name));
        updatePendingState();
        emit configApplied(name);
        m_session->refresh();
    });
}

void ConnectorDetailView::revertConfig()
{
    m_messageBar->hide();
    loadConfig();
}

void ConnectorDetailView::reloadTopics()
{
    if (m_name.isEmpty())
        return;
    const QString name = m_name;
    m_session->client()->connectorTopics(name).then(this, [this, name](const Client::RestReply &reply) {
        if (name != m_name)
            return;
        m_topicsList->clear();
        if (reply.status == 403) {
            m_topicsNote->setText(tr("Topic tracking is disabled on this cluster (topic.tracking.enable=false): "
                                     "it does not record which topics connectors use."));
            m_resetTopicsButton->setEnabled(false);
            return;
        }
        if (!reply.ok()) {
            m_topicsNote->setText(tr("Could not read the active topics: %1").arg(reply.describe()));
            return;
        }
        m_resetTopicsButton->setEnabled(true);
        const QJsonArray topics = reply.object().value(name).toObject().value(QLatin1String("topics")).toArray();
        for (const QJsonValue &topic : topics)
            m_topicsList->addItem(topic.toString());
        m_topicsNote->setText(topics.isEmpty() ? tr("No active topics yet: the tasks have not produced or consumed a record.")
                                               : tr("Topics the tasks produced to or consumed from since the connector "
                                                    "was created or its active topics were last reset."));
    });
}

void ConnectorDetailView::runAction(const QString &what, QFuture<Client::RestReply> future, const QString &doneText)
{
    const QString name = m_name;
    future.then(this, [this, what, doneText, name](const Client::RestReply &reply) {
        if (name == m_name) {
            if (!reply.ok())
                m_messageBar->showError(tr("%1 failed: %2").arg(what, reply.describe()));
            else if (!doneText.isEmpty())
                m_messageBar->showInfo(doneText);
        }
        m_session->refresh();
    });
}

void ConnectorDetailView::confirmDelete()
{
    if (m_name.isEmpty())
        return;
    const QString name = m_name;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete connector"),
                                tr("Delete the connector %1? Its tasks stop and its config and status are removed "
                                   "from the cluster. Committed offsets stay.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, name](QAbstractButton *button) {
        if (box->standardButton(button) != QMessageBox::Yes)
            return;
        m_session->client()->deleteConnector(name).then(this, [this, name](const Client::RestReply &reply) {
            if (!reply.ok()) {
                m_messageBar->showError(tr("Delete failed: %1").arg(reply.describe()));
                return;
            }
            m_messageBar->showInfo(tr("Connector %1 deleted.").arg(name));
            emit connectorDeleted(name);
            m_session->refresh();
        });
    });
    box->open();
}

} // namespace ConnectDesk::Ui
