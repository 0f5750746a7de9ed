// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "attachclusterdialog.h"
#include "clustersession.h"
#include "connectordetailview.h"
#include "connectorsview.h"
#include "deadletterview.h"
#include "loggersview.h"
#include "messagebar.h"
#include "newconnectorwizard.h"
#include "offsetsview.h"
#include "passwordvault.h"
#include "pluginsview.h"
#include "profilestore.h"

#include "core/client/demopipeline.h"
#include "core/client/sandboxworker.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace ConnectDesk::Ui {

namespace {

QWidget *placeholder(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setObjectName(QStringLiteral("placeholder"));
    return label;
}

} // namespace

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
{
    m_sandboxProfile.name = tr("Local sandbox");
    m_sandboxProfile.sandbox = true;
    m_profiles = ProfileStore::load();
    if (m_options.attach) {
        m_profiles.removeIf([&](const Client::ClusterProfile &p) { return p.name == m_options.attach->name; });
        m_profiles.prepend(*m_options.attach);
    }
    buildUi();
    if (m_options.sandbox)
        startSandbox();
    if (m_options.attach)
        showCluster(*m_options.attach);
    else if (!m_options.sandbox && !m_profiles.isEmpty())
        showCluster(m_profiles.first());
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Views first (they hold the session), then the session, then the sandbox worker.
    delete m_pages;
    m_pages = nullptr;
    delete m_session;
    m_session = nullptr;
}

void MainWindow::buildUi()
{
    resize(1280, 800);
    auto *toolbar = addToolBar(tr("Cluster"));
    toolbar->setObjectName(QStringLiteral("clusterToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr(" Cluster: "), toolbar));
    m_clusterPicker = new QComboBox(toolbar);
    m_clusterPicker->setObjectName(QStringLiteral("clusterPicker"));
    m_clusterPicker->setMinimumWidth(260);
    toolbar->addWidget(m_clusterPicker);
    toolbar->addAction(tr("Attach cluster…"), this, &MainWindow::attachCluster);
    toolbar->addAction(tr("Refresh"), this, [this] {
        if (m_session)
            m_session->refresh();
    });
    toolbar->addSeparator();
    m_connectionState = new QLabel(toolbar);
    m_connectionState->setObjectName(QStringLiteral("connectionState"));
    toolbar->addWidget(m_connectionState);

    auto *central = new QWidget(this);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->addItems({tr("Connectors"), tr("Plugins"), tr("Loggers")});
    m_navigation->setFixedWidth(150);
    m_navigation->setCurrentRow(0);
    m_messages = new MessageBar(central);
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    auto *right = new QVBoxLayout;
    right->addWidget(m_messages);
    right->addWidget(m_pages, 1);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addLayout(right, 1);
    setCentralWidget(central);
    m_pages->addWidget(placeholder(tr("Starting the Local sandbox: an embedded Kafka Connect worker on a development broker…"),
                                   m_pages));

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row == 0)
            showPage(Page::Connectors);
        else if (row == 1)
            showPage(Page::Plugins);
        else if (row == 2)
            showPage(Page::Loggers);
    });
    connect(m_clusterPicker, &QComboBox::activated, this, [this](int index) {
        const int profile = m_clusterPicker->itemData(index).toInt();
        if (profile < 0)
            showCluster(m_sandboxProfile);
        else if (profile < m_profiles.size())
            showCluster(m_profiles[profile]);
    });
    refreshClusterPicker();
    statusBar()->showMessage(tr("ConnectDesk"));
}

void MainWindow::refreshClusterPicker()
{
    const QSignalBlocker blocker(m_clusterPicker);
    m_clusterPicker->clear();
    if (m_options.sandbox)
        m_clusterPicker->addItem(tr("Local sandbox"), -1);
    for (int i = 0; i < m_profiles.size(); ++i)
        m_clusterPicker->addItem(m_profiles[i].displayName(), i);
    if (m_session) {
        const Client::ClusterProfile &shown = m_session->profile();
        for (int i = 0; i < m_clusterPicker->count(); ++i) {
            const int profile = m_clusterPicker->itemData(i).toInt();
            if ((shown.sandbox && profile < 0) || (!shown.sandbox && profile >= 0 && m_profiles[profile].name == shown.name))
                m_clusterPicker->setCurrentIndex(i);
        }
    }
}

void MainWindow::startSandbox()
{
    QString directory = m_options.sandboxDirectory;
    if (directory.isEmpty())
        directory = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("sandbox"));
    m_sandbox = new Client::SandboxWorker(directory, this);
    connect(m_sandbox, &Client::SandboxWorker::started, this, [this](const QUrl &url, const QString &brokers) {
        m_sandboxProfile.restUrl = url;
        m_sandboxProfile.bootstrapServers = brokers;
        statusBar()->showMessage(tr("Local sandbox: REST API %1, development broker %2").arg(url.toString(), brokers));
        if (!m_session || m_session->profile().sandbox)
            showCluster(m_sandboxProfile);
        if (m_options.demo) {
            m_demo = new Client::DemoPipeline(m_session->client(), QDir(m_sandbox->directory()).filePath(QStringLiteral("demo")), this);
            connect(m_demo, &Client::DemoPipeline::failed, this,
                    [this](const QString &error) { m_messages->showError(tr("The demo pipeline could not be created: %1").arg(error)); });
            connect(m_demo, &Client::DemoPipeline::installed, this, [this] {
                if (m_session)
                    m_session->refresh();
            });
            m_demo->install();
        }
        emit sandboxReady();
    });
    connect(m_sandbox, &Client::SandboxWorker::failed, this, [this](const QString &error) {
        m_messages->showError(tr("The Local sandbox did not start: %1").arg(error));
    });
    m_sandbox->start();
}

void MainWindow::showCluster(const Client::ClusterProfile &chosen)
{
    if (chosen.sandbox && !chosen.restUrl.isValid()) {
        m_messages->showInfo(tr("The Local sandbox is still starting."));
        return;
    }
    if (!chosen.hasBasicAuth() || !chosen.password.isEmpty()) {
        connectTo(chosen);
        return;
    }
    // The keychain first; ask only when it has nothing.
    PasswordVault::fetch(chosen.name).then(this, [this, chosen](const std::optional<QString> &stored) {
        Client::ClusterProfile profile = chosen;
        if (stored) {
            profile.password = *stored;
        } else {
            bool ok = false;
            profile.password = QInputDialog::getText(this, tr("Password"),
                                                     tr("Password of %1 on %2").arg(profile.username, profile.restUrl.toString()),
                                                     QLineEdit::Password, QString(), &ok);
            if (!ok)
                return;
            PasswordVault::store(profile.name, profile.password);
        }
        for (Client::ClusterProfile &known : m_profiles) {
            if (known.name == profile.name)
                known.password = profile.password;
        }
        connectTo(profile);
    });
}

void MainWindow::connectTo(const Client::ClusterProfile &profile)
{
    clearViews(); // they hold the old session
    delete m_session;
    m_session = new ClusterSession(profile, this);
    if (!profile.sandbox)
        ProfileStore::setLastUsed(profile.name);
    connect(m_session, &ClusterSession::stateChanged, this, &MainWindow::updateConnectionState);
    connect(m_session, &ClusterSession::serverInfoChanged, this, &MainWindow::updateConnectionState);
    rebuildViews();
    refreshClusterPicker();
    updateTitle();
    updateConnectionState();
    m_session->refresh();
    emit sessionChanged(m_session);
}

void MainWindow::clearViews()
{
    while (m_pages->count() > 0) {
        QWidget *page = m_pages->widget(0);
        m_pages->removeWidget(page);
        delete page;
    }
    m_connectorsView = nullptr;
    m_detailView = nullptr;
    m_offsetsView = nullptr;
    m_deadLetterView = nullptr;
    m_pluginsView = nullptr;
    m_loggersView = nullptr;
}

void MainWindow::rebuildViews()
{
    clearViews();
    m_connectorsView = new ConnectorsView(m_session, m_pages);
    m_detailView = new ConnectorDetailView(m_session, m_pages);
    m_offsetsView = new OffsetsView(m_session, m_detailView);
    m_deadLetterView = new DeadLetterView(m_session, m_detailView);
    m_detailView->insertTab(2, m_offsetsView, tr("Offsets"));
    m_detailView->insertTab(3, m_deadLetterView, tr("Dead letters"));
    m_pluginsView = new PluginsView(m_session, m_pages);
    m_loggersView = new LoggersView(m_session, m_pages);

    auto *detailPage = new QWidget(m_pages);
    auto *back = new QPushButton(tr("← Connectors"), detailPage);
    back->setObjectName(QStringLiteral("backToConnectors"));
    back->setFlat(true);
    auto *detailLayout = new QVBoxLayout(detailPage);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    auto *backRow = new QHBoxLayout;
    backRow->addWidget(back);
    backRow->addStretch(1);
    detailLayout->addLayout(backRow);
    detailLayout->addWidget(m_detailView, 1);

    m_pages->addWidget(m_connectorsView);
    m_pages->addWidget(detailPage);
    m_pages->addWidget(m_pluginsView);
    m_pages->addWidget(m_loggersView);

    connect(back, &QPushButton::clicked, this, [this] { showPage(Page::Connectors); });
    connect(m_connectorsView, &ConnectorsView::connectorActivated, this, &MainWindow::openConnector);
    connect(m_connectorsView, &ConnectorsView::newConnectorRequested, this, &MainWindow::openNewConnectorWizard);
    connect(m_detailView, &ConnectorDetailView::connectorDeleted, this, [this](const QString &name) {
        m_messages->showInfo(tr("Deleted connector %1.").arg(name));
        showPage(Page::Connectors);
    });
    m_navigation->setCurrentRow(0);
    showPage(Page::Connectors);
}

void MainWindow::showPage(Page page)
{
    if (!m_connectorsView)
        return;
    switch (page) {
    case Page::Connectors:
        m_pages->setCurrentIndex(0);
        break;
    case Page::ConnectorDetail:
        m_pages->setCurrentIndex(1);
        break;
    case Page::Plugins:
        m_pluginsView->reload();
        m_pages->setCurrentWidget(m_pluginsView);
        break;
    case Page::Loggers:
        m_loggersView->reload();
        m_pages->setCurrentWidget(m_loggersView);
        break;
    }
    const QSignalBlocker blocker(m_navigation);
    m_navigation->setCurrentRow(page == Page::Plugins ? 1 : page == Page::Loggers ? 2 : 0);
    updateTitle();
}

void MainWindow::openConnector(const QString &name)
{
    if (!m_detailView)
        return;
    m_detailView->showConnector(name);
    m_offsetsView->setConnector(name);
    m_deadLetterView->setConnector(name);
    showPage(Page::ConnectorDetail);
}

QWidget *MainWindow::openNewConnectorWizard()
{
    if (!m_session)
        return nullptr;
    auto *wizard = new NewConnectorWizard(m_session, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &NewConnectorWizard::connectorCreated, this, [this](const QString &name) {
        m_messages->showInfo(tr("Created connector %1.").arg(name));
        openConnector(name);
    });
    wizard->show();
    return wizard;
}

void MainWindow::attachCluster()
{
    AttachClusterDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Client::ClusterProfile profile = dialog.profile();
    ProfileStore::save(profile);
    if (profile.hasBasicAuth())
        PasswordVault::store(profile.name, profile.password);
    m_profiles.removeIf([&](const Client::ClusterProfile &p) { return p.name == profile.name; });
    m_profiles.append(profile);
    refreshClusterPicker();
    showCluster(profile);
}

void MainWindow::updateTitle()
{
    QString cluster = tr("no cluster");
    if (m_session)
        cluster = m_session->profile().sandbox ? tr("Local sandbox") : m_session->profile().displayName();
    QString page;
    if (m_pages && m_detailView && m_pages->currentIndex() == 1)
        page = m_detailView->connectorName() + QStringLiteral(" — ");
    setWindowTitle(QStringLiteral("%1%2 — ConnectDesk").arg(page, cluster));
}

void MainWindow::updateConnectionState()
{
    if (!m_session) {
        m_connectionState->clear();
        return;
    }
    if (!m_session->isReachable() && !m_session->lastError().isEmpty()) {
        m_connectionState->setText(QStringLiteral("<span style='color:#d03b3b'>●</span> ")
                                   + tr("unreachable: %1 (retrying)").arg(m_session->lastError().toHtmlEscaped()));
    } else if (m_session->hasServerInfo()) {
        m_connectionState->setText(QStringLiteral("<span style='color:#2e9e4f'>●</span> ")
                                   + tr("%1 · Kafka Connect %2")
                                         .arg(m_session->profile().restUrl.toString().toHtmlEscaped(),
                                              m_session->serverInfo().version.toHtmlEscaped()));
    } else {
        m_connectionState->setText(tr("connecting to %1…").arg(m_session->profile().restUrl.toString()));
    }
}

} // namespace ConnectDesk::Ui
