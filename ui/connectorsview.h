// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace ConnectDesk::Ui {

class ClusterSession;
class ConnectorsFilter;
class ConnectorsModel;
class MessageBar;

/**
 * The connectors of the cluster: a summary line (version, workers, counts by state, last
 * refresh), the filterable table, and bulk actions on the selection (pause, resume, stop,
 * restart, delete). Double-clicking a row (or Enter) asks to open that connector.
 * Thread: GUI. Owner: the main window.
 */
class ConnectorsView : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectorsView(ClusterSession *session, QWidget *parent = nullptr);

    /** Names of the selected rows, in table order. */
    QStringList selectedConnectors() const;
    void selectConnectors(const QStringList &names);
    QTableView *table() const { return m_table; }
    ConnectorsFilter *filter() const { return m_filter; }

signals:
    void connectorActivated(const QString &name);
    void newConnectorRequested();

private:
    enum class Action { Pause, Resume, Stop, Restart, RestartAllTasks, RestartFailedTasks, Delete };
    void refreshFromSession();
    void updateSummary();
    void updateActions();
    void runBulk(Action action);

    ClusterSession *m_session;
    ConnectorsModel *m_model;
    ConnectorsFilter *m_filter;
    QTableView *m_table;
    QLineEdit *m_search;
    QComboBox *m_stateFilter;
    QComboBox *m_typeFilter;
    QLabel *m_summary;
    QLabel *m_refreshed;
    MessageBar *m_messages;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_stop;
    QToolButton *m_restart;
    QPushButton *m_delete;
};

} // namespace ConnectDesk::Ui
