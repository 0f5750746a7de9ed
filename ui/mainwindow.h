// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/clusterprofile.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace ConnectDesk::Client {
class DemoPipeline;
class SandboxWorker;
} // namespace ConnectDesk::Client

namespace ConnectDesk::Ui {

class ClusterSession;
class ConnectorDetailView;
class ConnectorsView;
class DeadLetterView;
class LoggersView;
class MessageBar;
class OffsetsView;
class PluginsView;

/**
 * The desktop console's window: a cluster picker (the Local sandbox and attached clusters), a
 * navigation list (Connectors, Plugins, Loggers) and the page of the chosen view. One
 * ClusterSession at a time; switching clusters builds the views anew for the new session.
 * Owns the Local sandbox (embedded worker + demo) when it is enabled.
 * Thread: GUI. Owner: main().
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        /** Start and show the Local sandbox (embedded worker on the development broker). */
        bool sandbox = true;
        /** With the sandbox: create the demo pipeline. */
        bool demo = true;
        /** Where the sandbox keeps its files; empty = the app data location. */
        QString sandboxDirectory;
        /** Attach this cluster at start and show it (connectdesk --url). */
        std::optional<Client::ClusterProfile> attach;
    };

    explicit MainWindow(Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    ClusterSession *session() const { return m_session; }
    ConnectorsView *connectorsView() const { return m_connectorsView; }
    ConnectorDetailView *detailView() const { return m_detailView; }
    OffsetsView *offsetsView() const { return m_offsetsView; }
    DeadLetterView *deadLetterView() const { return m_deadLetterView; }
    PluginsView *pluginsView() const { return m_pluginsView; }
    LoggersView *loggersView() const { return m_loggersView; }
    Client::SandboxWorker *sandbox() const { return m_sandbox; }

    enum class Page { Connectors, ConnectorDetail, Plugins, Loggers };
    void showPage(Page page);
    void openConnector(const QString &name);
    /** Shows a cluster: the sandbox (profile.sandbox) or an attached one. */
    void showCluster(const Client::ClusterProfile &profile);
    /** Opens the new connector wizard (modeless); returns it. */
    QWidget *openNewConnectorWizard();

signals:
    /** The session of the shown cluster changed (tests wait on it). */
    void sessionChanged(ConnectDesk::Ui::ClusterSession *session);
    void sandboxReady();

private:
    void buildUi();
    void startSandbox();
    void clearViews();
    void rebuildViews();
    void refreshClusterPicker();
    void updateTitle();
    void updateConnectionState();
    void attachCluster();
    void connectTo(const Client::ClusterProfile &profile);

    Options m_options;
    QList<Client::ClusterProfile> m_profiles;
    Client::ClusterProfile m_sandboxProfile;
    Client::SandboxWorker *m_sandbox = nullptr;
    Client::DemoPipeline *m_demo = nullptr;
    ClusterSession *m_session = nullptr;

    QComboBox *m_clusterPicker = nullptr;
    QLabel *m_connectionState = nullptr;
    MessageBar *m_messages = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    ConnectorsView *m_connectorsView = nullptr;
    ConnectorDetailView *m_detailView = nullptr;
    OffsetsView *m_offsetsView = nullptr;
    DeadLetterView *m_deadLetterView = nullptr;
    PluginsView *m_pluginsView = nullptr;
    LoggersView *m_loggersView = nullptr;
};

} // namespace ConnectDesk::Ui
