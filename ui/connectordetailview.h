// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/entities.h"
#include "core/client/restreply.h"

#include <QFuture>
#include <QMap>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QToolButton;

namespace ConnectDesk::Ui {

class ClusterSession;
class ConfigEditor;
class MessageBar;

/**
 * One connector: a header with its state, type, class and worker, the actions (restart, pause,
 * resume, stop, delete), and tabs for its status and task traces, its configuration (generated
 * form or JSON, reviewed as a diff against the live config before it is applied) and the topics
 * it used. Other views add tabs with insertTab().
 *
 * Status follows the session's background listing (connectorsChanged); the config and topics
 * are read when the connector is shown and after changes. Results and REST errors of actions go
 * to a message bar at the top, never a modal box.
 *
 * Thread: GUI; it never waits. Owner: the main window; the session must outlive it.
 */
class ConnectorDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectorDetailView(ClusterSession *session, QWidget *parent = nullptr);

    void showConnector(const QString &name);
    QString connectorName() const { return m_name; }
    void insertTab(int index, QWidget *page, const QString &title);

    /** The config as it is on the cluster (last read). */
    QMap<QString, QString> liveConfig() const { return m_liveConfig; }
    ConfigEditor *configEditor() const { return m_configEditor; }
    MessageBar *messageBar() const { return m_messageBar; }
    QTabWidget *tabs() const { return m_tabs; }

public slots:
    /** Opens the diff of the pending config against the live one; Apply writes it. */
    void reviewChanges();
    /** Reloads the live config into the editor, dropping pending changes. */
    void revertConfig();
    void reloadTopics();

signals:
    void connectorDeleted(const QString &name);
    /** The config was written (Apply succeeded). */
    void configApplied(const QString &name);

private:
    QWidget *buildStatusTab();
    QWidget *buildConfigTab();
    QWidget *buildTopicsTab();
    void updateFromSession();
    void updateFeatures();
    void applyStatus(const Client::ConnectorOverview &overview);
    void updateTrace();
    void updatePendingState();
    void loadConfig();
    void applyConfig(const QMap<QString, QString> &config);
    /** Runs an action; its error (or success text) goes to the message bar, then a refresh. */
    void runAction(const QString &what, QFuture<Client::RestReply> future, const QString &doneText = {});
    void confirmDelete();

    ClusterSession *m_session;
    QString m_name;
    QMap<QString, QString> m_liveConfig;
    QString m_connectorClass;
    bool m_configLoaded = false;
    bool m_applying = false;
    int m_loadGeneration = 0;

    MessageBar *m_messageBar;
    QLabel *m_nameLabel;
    QLabel *m_stateBadge;
    QLabel *m_typeLabel;
    QLabel *m_classLabel;
    QLabel *m_workerLabel;
    QToolButton *m_restartButton;
    QPushButton *m_pauseButton;
    QPushButton *m_resumeButton;
    QPushButton *m_stopButton;
    QPushButton *m_deleteButton;
    QTabWidget *m_tabs;

    QLabel *m_connectorStateLabel;
    QPlainTextEdit *m_connectorTrace;
    QTableWidget *m_tasksTable;
    QLabel *m_traceTitle;
    QPlainTextEdit *m_taskTrace;
    QPushButton *m_copyTraceButton;
    QPushButton *m_restartTaskButton;

    ConfigEditor *m_configEditor;
    QLabel *m_pendingLabel;
    QPushButton *m_reviewButton;
    QPushButton *m_revertButton;

    QListWidget *m_topicsList;
    QLabel *m_topicsNote;
    QPushButton *m_resetTopicsButton;
    QPushButton *m_refreshTopicsButton;
};

} // namespace ConnectDesk::Ui
