// SPDX-License-Identifier: Apache-2.0
// The desktop console end to end, offscreen: the main window on its Local sandbox (a real
// embedded worker with the demo pipeline), the connectors table with filters and bulk actions,
// and a second worker attached over REST with basic auth. Saves a screenshot of each main view
// to CONNECTDESK_SCREENSHOT_DIR (default: <build>/screenshots).
#include "tests/gui/screenshots.h"
#include "tests/support/childprocess.h"
#include "tests/support/testfiles.h"

#include "core/client/demopipeline.h"
#include "core/client/sandboxworker.h"
#include "core/rest/basicauth.h"
#include "ui/clustersession.h"
#include "ui/connectorsmodel.h"
#include "ui/connectordetailview.h"
#include "ui/connectorsview.h"
#include "ui/deadletterview.h"
#include "ui/loggersview.h"
#include "ui/mainwindow.h"
#include "ui/offsetsview.h"
#include "ui/pluginsview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTableView>
#include <QWizard>
#include <QtTest>

using namespace ConnectDesk;
using namespace ConnectDesk::TestSupport;

namespace {

constexpr int LongTimeoutMs = 60000;

bool allRunning(const Ui::ClusterSession *session, const QStringList &names)
{
    for (const QString &name : names) {
        const Client::ConnectorOverview *connector = session->connector(name);
        if (!connector || connector->status.state != QLatin1String("RUNNING") || connector->status.tasks.isEmpty()
            || connector->status.tasksInState(QStringLiteral("RUNNING")) != connector->status.tasks.size())
            return false;
    }
    return true;
}

QString stateOf(const Ui::ClusterSession *session, const QString &name)
{
    const Client::ConnectorOverview *connector = session->connector(name);
    return connector ? connector->status.state : QString();
}

} // namespace

class tst_Desktop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sandboxShowsTheDemoPipeline();
    void filterNarrowsTheTable();
    void bulkPauseAndResume();
    void deadLetterQueueShowsTheBadOrders();
    void offsetsStopEditResetResume();
    void newConnectorWizardOpens();
    void pluginsAndLoggers();
    void attachWorkerWithBasicAuth();
    void cleanupTestCase();

private:
    void screenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Ui::MainWindow> m_window;
};

void tst_Desktop::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    Ui::MainWindow::Options options;
    options.sandboxDirectory = m_dir.filePath(QStringLiteral("sandbox"));
    m_window = std::make_unique<Ui::MainWindow>(options);
    m_window->resize(1280, 800);
    m_window->show();
}

void tst_Desktop::screenshot(QWidget *widget, const QString &name)
{
    QVERIFY2(saveScreenshot(widget, name), qPrintable(name));
}

void tst_Desktop::sandboxShowsTheDemoPipeline()
{
    QSignalSpy ready(m_window.get(), &Ui::MainWindow::sandboxReady);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session() && m_window->session()->profile().sandbox, LongTimeoutMs);
    Ui::ClusterSession *session = m_window->session();
    QTRY_VERIFY_WITH_TIMEOUT(allRunning(session, Client::DemoPipeline::connectorNames()), LongTimeoutMs);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("ConnectDesk")));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Local sandbox")));

    QTableView *table = m_window->connectorsView()->table();
    QTRY_COMPARE(table->model()->rowCount(), 4);
    QCOMPARE(table->model()->index(0, Ui::ConnectorsModel::Name).data().toString(), QStringLiteral("demo-lines-sink"));
    auto *summary = m_window->findChild<QLabel *>(QStringLiteral("clusterSummary"));
    QVERIFY(summary);
    QTRY_VERIFY2(summary->text().contains(QStringLiteral("4 connectors")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QStringLiteral("Kafka Connect 4.0.0")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QStringLiteral("1 worker")), qPrintable(summary->text()));
    auto *refreshed = m_window->findChild<QLabel *>(QStringLiteral("lastRefresh"));
    QVERIFY(refreshed->text().startsWith(QStringLiteral("refreshed ")));
    screenshot(m_window.get(), QStringLiteral("connectors"));
}

void tst_Desktop::filterNarrowsTheTable()
{
    QTableView *table = m_window->connectorsView()->table();
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("connectorSearch"));
    auto *type = m_window->findChild<QComboBox *>(QStringLiteral("typeFilter"));
    QVERIFY(search && type);
    QTest::keyClicks(search, QStringLiteral("orders"));
    QCOMPARE(table->model()->rowCount(), 2);
    type->setCurrentIndex(type->findData(QStringLiteral("sink")));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("demo-orders-sink"));
    // The class and topics are searched too.
    search->setText(QStringLiteral("demo-lines"));
    type->setCurrentIndex(0);
    QCOMPARE(table->model()->rowCount(), 2);
    search->setText(QStringLiteral("FileStreamSource"));
    QCOMPARE(table->model()->rowCount(), 2);
    search->clear();
    QCOMPARE(table->model()->rowCount(), 4);
}

void tst_Desktop::bulkPauseAndResume()
{
    Ui::ClusterSession *session = m_window->session();
    Ui::ConnectorsView *view = m_window->connectorsView();
    const QStringList names{QStringLiteral("demo-lines-sink"), QStringLiteral("demo-lines-source")};
    view->selectConnectors(names);
    QCOMPARE(view->selectedConnectors(), names);
    auto *pause = m_window->findChild<QPushButton *>(QStringLiteral("bulkPause"));
    QVERIFY(pause && pause->isEnabled());
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(session, names[0]) == QLatin1String("PAUSED")
                                 && stateOf(session, names[1]) == QLatin1String("PAUSED"),
                             LongTimeoutMs);
    // The background refresh kept the selection.
    QCOMPARE(view->selectedConnectors(), names);
    auto *stateFilter = m_window->findChild<QComboBox *>(QStringLiteral("stateFilter"));
    stateFilter->setCurrentIndex(stateFilter->findData(QStringLiteral("PAUSED")));
    QCOMPARE(view->table()->model()->rowCount(), 2);
    screenshot(m_window.get(), QStringLiteral("connectors-paused"));
    stateFilter->setCurrentIndex(0);

    view->selectConnectors(names);
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("bulkResume")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(allRunning(session, names), LongTimeoutMs);
}

void tst_Desktop::deadLetterQueueShowsTheBadOrders()
{
    m_window->openConnector(QStringLiteral("demo-orders-sink"));
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("demo-orders-sink — Local sandbox")));
    QTabWidget *tabs = m_window->detailView()->tabs();
    Ui::DeadLetterView *dlq = m_window->deadLetterView();
    tabs->setCurrentWidget(dlq);
    QCOMPARE(dlq->topic(), Client::DemoPipeline::deadLetterTopic());
    // The demo's input has malformed orders at 4 and 13 from the start (every ninth).
    QTRY_VERIFY2_WITH_TIMEOUT(dlq->state() == Ui::DeadLetterView::State::Loaded && dlq->records().size() >= 2,
                              qPrintable(dlq->statusText()), LongTimeoutMs);
    for (const Client::TopicRecord &record : dlq->records()) {
        const Client::DeadLetterContext context = Client::DeadLetterContext::fromRecord(record);
        QVERIFY(context.present);
        QCOMPARE(context.topic, QStringLiteral("demo-orders"));
        QCOMPARE(context.connector, QStringLiteral("demo-orders-sink"));
        QCOMPARE(context.stage, QStringLiteral("VALUE_CONVERTER"));
        QCOMPARE(context.exceptionClass, QStringLiteral("org.apache.kafka.connect.errors.DataException"));
        QVERIFY2(record.value.startsWith("{\"order_id\": "), record.value.constData());
    }
    QCOMPARE(dlq->visibleRecordCount(), dlq->records().size());
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dead-letters")));

    const QString exported = m_dir.filePath(QStringLiteral("dlq.json"));
    QString error;
    QVERIFY2(Ui::DeadLetterView::exportRecords(dlq->records(), exported, &error), qPrintable(error));
    const QJsonArray parsed = QJsonDocument::fromJson(readFile(exported)).array();
    QCOMPARE(parsed.size(), dlq->records().size());
    QCOMPARE(parsed[0].toObject().value(QStringLiteral("error")).toObject().value(QStringLiteral("stage")).toString(),
             QStringLiteral("VALUE_CONVERTER"));

    tabs->setCurrentIndex(0);
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("connector-status")));
    tabs->setCurrentIndex(1);
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("connector-config")));
}

void tst_Desktop::offsetsStopEditResetResume()
{
    const QString name = QStringLiteral("demo-lines-source");
    Ui::ClusterSession *session = m_window->session();
    m_window->openConnector(name);
    Ui::OffsetsView *offsets = m_window->offsetsView();
    m_window->detailView()->tabs()->setCurrentWidget(offsets);
    QTRY_VERIFY_WITH_TIMEOUT(!offsets->currentOffsets().isEmpty(), LongTimeoutMs);
    const QJsonObject partition = offsets->currentOffsets().first().toObject().value(QStringLiteral("partition")).toObject();
    QVERIFY(partition.value(QStringLiteral("filename")).toString().endsWith(QStringLiteral("lines.txt")));
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("offsets")));

    offsets->stopConnector();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(session, name), QStringLiteral("STOPPED"), LongTimeoutMs);
    QSignalSpy altered(offsets, &Ui::OffsetsView::offsetsAltered);
    offsets->alterOffsets(QJsonArray{QJsonObject{{QStringLiteral("partition"), partition},
                                                 {QStringLiteral("offset"), QJsonObject{{QStringLiteral("position"), 0}}}}});
    QTRY_COMPARE_WITH_TIMEOUT(altered.size(), 1, LongTimeoutMs);
    QVERIFY2(altered.first().first().toBool(), qPrintable(altered.first().last().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(offsets->currentOffsets().first().toObject().value(QStringLiteral("offset")).toObject()
                                     .value(QStringLiteral("position")).toInt(-1) == 0,
                             LongTimeoutMs);
    QSignalSpy reset(offsets, &Ui::OffsetsView::offsetsReset);
    offsets->resetOffsets();
    QTRY_COMPARE_WITH_TIMEOUT(reset.size(), 1, LongTimeoutMs);
    QVERIFY2(reset.first().first().toBool(), qPrintable(reset.first().last().toString()));
    offsets->resumeConnector();
    QTRY_VERIFY_WITH_TIMEOUT(allRunning(session, {name}), LongTimeoutMs);
}

void tst_Desktop::newConnectorWizardOpens()
{
    m_window->showPage(Ui::MainWindow::Page::Connectors);
    QWidget *wizard = m_window->openNewConnectorWizard();
    QVERIFY(wizard);
    wizard->resize(900, 640);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->findChildren<QWidget *>().size() > 5, LongTimeoutMs);
    QTest::qWait(500); // the plugin list arrives asynchronously; only for the picture
    QVERIFY(saveScreenshot(wizard, QStringLiteral("new-connector")));
    wizard->close();
}

void tst_Desktop::pluginsAndLoggers()
{
    m_window->showPage(Ui::MainWindow::Page::Plugins);
    Ui::PluginsView *plugins = m_window->pluginsView();
    auto hasPlugin = [plugins](const QString &className) {
        for (const Client::PluginInfo &plugin : plugins->plugins()) {
            if (plugin.className == className)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasPlugin(QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceConnector"))
                                 && hasPlugin(QStringLiteral("org.apache.kafka.connect.transforms.RegexRouter")),
                             LongTimeoutMs);
    QSignalSpy definitions(plugins, &Ui::PluginsView::definitionsLoaded);
    plugins->selectPlugin(QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceConnector"));
    QTRY_COMPARE_WITH_TIMEOUT(definitions.size(), 1, LongTimeoutMs);
    QVERIFY(plugins->definitionTable()->rowCount() >= 3);
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("plugins")));

    m_window->showPage(Ui::MainWindow::Page::Loggers);
    Ui::LoggersView *loggers = m_window->loggersView();
    QTRY_VERIFY_WITH_TIMEOUT(!loggers->loggers().isEmpty(), LongTimeoutMs);
    QSignalSpy changed(loggers, &Ui::LoggersView::levelChanged);
    loggers->setLevel(QStringLiteral("connectdesk.transforms"), QStringLiteral("DEBUG"));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, LongTimeoutMs);
    QVERIFY(changed.first().last().toBool());
    auto levelOf = [loggers](const QString &name) {
        for (const Client::LoggerLevel &logger : loggers->loggers()) {
            if (logger.logger == name)
                return logger.level;
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(levelOf(QStringLiteral("connectdesk.transforms")), QStringLiteral("DEBUG"), LongTimeoutMs);
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("loggers")));
    loggers->setLevel(QStringLiteral("connectdesk.transforms"), QStringLiteral("INFO"));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, LongTimeoutMs);
    m_window->showPage(Ui::MainWindow::Page::Connectors);
}

void tst_Desktop::attachWorkerWithBasicAuth()
{
    // A second worker in its own process, with basic auth on its REST API.
    const QString usersFile = m_dir.filePath(QStringLiteral("users"));
    QVERIFY(writeFile(usersFile, (QStringLiteral("alice:") + Rest::BasicAuth::hashPassword(QStringLiteral("s3cret"), 1000)
                                  + QLatin1Char('\n')).toUtf8()));
    QMap<QString, QString> properties = workerProperties(m_dir.filePath(QStringLiteral("remote")));
    properties.remove(QStringLiteral("offset.storage.file.filename"));
    properties.insert(QStringLiteral("group.id"), QStringLiteral("remote"));
    properties.insert(QStringLiteral("config.storage.topic"), QStringLiteral("remote-configs"));
    properties.insert(QStringLiteral("offset.storage.topic"), QStringLiteral("remote-offsets"));
    properties.insert(QStringLiteral("status.storage.topic"), QStringLiteral("remote-status"));
    properties.insert(QStringLiteral("rest.basic.auth.users.file"), usersFile);
    QDir().mkpath(m_dir.filePath(QStringLiteral("remote")));
    const QString workerFile = m_dir.filePath(QStringLiteral("remote/worker.properties"));
    QVERIFY(writeProperties(workerFile, properties));
    ChildProcess worker(QStringLiteral("remote worker"));
    QVERIFY(worker.startWorker({QStringLiteral("distributed"), workerFile}));
    const QString url = worker.waitForLine(QStringLiteral("REST API: "), LongTimeoutMs);
    QVERIFY2(!url.isEmpty(), qPrintable(worker.transcript()));

    Client::ClusterProfile profile;
    profile.name = QStringLiteral("remote");
    profile.restUrl = QUrl(url);
    profile.username = QStringLiteral("alice");
    profile.password = QStringLiteral("wrong");
    m_window->showCluster(profile);
    Ui::ClusterSession *session = m_window->session();
    QCOMPARE(session->profile().name, QStringLiteral("remote"));
    // A wrong password is a clear state, not a frozen window.
    QTRY_VERIFY_WITH_TIMEOUT(session->lastError().startsWith(QStringLiteral("401")), LongTimeoutMs);
    auto *state = m_window->findChild<QLabel *>(QStringLiteral("connectionState"));
    QVERIFY2(state->text().contains(QStringLiteral("unreachable")), qPrintable(state->text()));

    profile.password = QStringLiteral("s3cret");
    m_window->showCluster(profile);
    session = m_window->session();
    QTRY_VERIFY_WITH_TIMEOUT(session->hasServerInfo() && session->isReachable(), LongTimeoutMs);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("remote")));
    QVERIFY(!m_window->windowTitle().contains(QStringLiteral("Local sandbox")));
    QCOMPARE(m_window->connectorsView()->table()->model()->rowCount(), 0);

    // A connector created on that cluster shows up at the next background refresh.
    const QString input = m_dir.filePath(QStringLiteral("remote/in.txt"));
    QVERIFY(writeFile(input, "a\nb\n"));
    QJsonObject config{{QStringLiteral("connector.class"), QStringLiteral("FileStreamSource")},
                       {QStringLiteral("file"), input},
                       {QStringLiteral("topic"), QStringLiteral("remote-lines")}};
    QSignalSpy created(session, &Ui::ClusterSession::connectorsChanged);
    bool answered = false;
    session->client()->createConnector(QStringLiteral("remote-source"), config).then(session, [&](const Client::RestReply &reply) {
        answered = true;
        QVERIFY2(reply.status == 201, qPrintable(reply.describe()));
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, LongTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(allRunning(session, {QStringLiteral("remote-source")}), LongTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectorsView()->table()->model()->rowCount(), 1, LongTimeoutMs);
    screenshot(m_window.get(), QStringLiteral("remote-cluster"));

    // Back to the sandbox: still there, still running.
    QCOMPARE(m_window->findChild<QComboBox *>(QStringLiteral("clusterPicker"))->itemText(0), QStringLiteral("Local sandbox"));
    Client::ClusterProfile sandbox = session->profile();
    sandbox.sandbox = true;
    sandbox.restUrl = m_window->sandbox()->restUrl();
    sandbox.username.clear();
    m_window->showCluster(sandbox);
    QTRY_VERIFY_WITH_TIMEOUT(allRunning(m_window->session(), Client::DemoPipeline::connectorNames()), LongTimeoutMs);
    QVERIFY(worker.terminate(30000));
}

void tst_Desktop::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(tst_Desktop)
#include "tst_desktop.moc"
