// SPDX-License-Identifier: Apache-2.0
// A connector's life through the console's own widgets, offscreen, on a real embedded worker:
// created with the NewConnectorWizard (FileStreamSink), watched RUNNING in ConnectorDetailView,
// its config changed through the generated form and reviewed as a diff before Apply, paused and
// resumed with the buttons, a bad value shown inline; and the ConfigEditor's form/JSON round
// trip. Saves screenshots to CONNECTDESK_SCREENSHOT_DIR (default <build>/screenshots).
#include "tests/support/sandboxfixture.h"
#include "tests/gui/screenshots.h"

#include "ui/clustersession.h"
#include "ui/configdiff.h"
#include "ui/configeditor.h"
#include "ui/configform.h"
#include "ui/connectordetailview.h"
#include "ui/messagebar.h"
#include "ui/newconnectorwizard.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace ConnectDesk;
using namespace ConnectDesk::TestSupport;

namespace {

constexpr int TimeoutMs = 30000;
const QString sinkClass = QStringLiteral("org.apache.kafka.connect.file.FileStreamSinkConnector");
const QString connectorName = QStringLiteral("workflow-sink");


/** Types a value into a form field the way the user's edit ends up: line edit or combo box. */
void setField(QWidget *editor, const QString &value)
{
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(value);
    else if (auto *combo = qobject_cast<QComboBox *>(editor); combo && combo->isEditable())
        combo->setEditText(value);
    else if (combo)
        combo->setCurrentIndex(combo->findText(value));
}

QString fieldText(QWidget *editor)
{
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        return edit->text();
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentText();
    return {};
}

QWidget *field(QWidget *form, const QString &key)
{
    return form->findChild<QWidget *>(QStringLiteral("cfg:") + key);
}

} // namespace

class tst_ConnectorWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void diffMasksSecrets();
    void configEditorRoundTrip();
    void createThroughWizard();
    void createDuplicateStaysOpen();
    void detailShowsRunning();
    void changeConfigThroughForm();
    void pauseAndResume();
    void invalidValueShowsInlineError();
    void cleanupTestCase();

private:
    void screenshot(QWidget *widget, const QString &name);

    SandboxFixture m_fixture;
    std::unique_ptr<Ui::ClusterSession> m_session;
    std::unique_ptr<Ui::ConnectorDetailView> m_view;
    QString m_firstFile;
    QString m_secondFile;
};

void tst_ConnectorWorkflow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_fixture.start());
    m_session = std::make_unique<Ui::ClusterSession>(m_fixture.profile());
    m_session->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->hasServerInfo(), TimeoutMs);
    m_firstFile = m_fixture.path(QStringLiteral("sink-first.txt"));
    m_secondFile = m_fixture.path(QStringLiteral("sink-second.txt"));
}

void tst_ConnectorWorkflow::diffMasksSecrets()
{
    const QMap<QString, QString> before{{QStringLiteral("a"), QStringLiteral("1")},
                                        {QStringLiteral("db.password"), QStringLiteral("old-secret")},
                                        {QStringLiteral("token"), QStringLiteral("t1")},
                                        {QStringLiteral("gone"), QStringLiteral("x")}};
    const QMap<QString, QString> after{{QStringLiteral("a"), QStringLiteral("2")},
                                       {QStringLiteral("db.password"), QStringLiteral("new-secret")},
                                       {QStringLiteral("token"), QStringLiteral("t2")},
                                       {QStringLiteral("new"), QStringLiteral("y")}};
    const QList<Ui::ConfigChange> changes = Ui::diffConfigs(before, after, {QStringLiteral("token")});
    QCOMPARE(changes.size(), 5);
    QCOMPARE(changes.at(0).key, QStringLiteral("a"));
    QCOMPARE(changes.at(0).kind, Ui::ConfigChange::Kind::Changed);
    QCOMPARE(changes.at(0).newValue, QStringLiteral("2"));
    QCOMPARE(changes.at(1).key, QStringLiteral("db.password"));
    QVERIFY(changes.at(1).masked);
    QVERIFY(!changes.at(1).oldValue.contains(QLatin1String("secret")));
    QVERIFY(!changes.at(1).newValue.contains(QLatin1String("secret")));
    QCOMPARE(changes.at(2).kind, Ui::ConfigChange::Kind::Removed);
    QCOMPARE(changes.at(3).kind, Ui::ConfigChange::Kind::Added);
    QCOMPARE(changes.at(4).key, QStringLiteral("token"));
    QVERIFY(changes.at(4).masked);
    QVERIFY(Ui::diffConfigs(before, before).isEmpty());
}

void tst_ConnectorWorkflow::configEditorRoundTrip()
{
    const QMap<QString, QString> config{{QStringLiteral("name"), QStringLiteral("round-trip")},
                                        {QStringLiteral("connector.class"), sinkClass},
                                        {QStringLiteral("topics"), QStringLiteral("a,b")},
                                        {QStringLiteral("file"), m_firstFile},
                                        {QStringLiteral("tasks.max"), QStringLiteral("2")},
                                        {QStringLiteral("errors.log.enable"), QStringLiteral("true")},
                                        {QStringLiteral("custom.empty"), QString()},
                                        {QStringLiteral("custom.password"), QStringLiteral("s3cret")},
                                        {QStringLiteral("custom.unicode"), QStringLiteral("ä \"quoted\" → ✓")}};
    Ui::ConfigEditor editor(m_session.get());
    editor.resize(900, 700);
    editor.show();
    editor.load(sinkClass, config);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.form()->isValidating() && field(editor.form(), QStringLiteral("topics")), TimeoutMs);
    QCOMPARE(editor.values(), config);

    // Passwords are masked, booleans are choices, keys the class does not define still show.
    auto *password = qobject_cast<QLineEdit *>(field(editor.form(), QStringLiteral("custom.password")));
    QVERIFY(password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(qobject_cast<QComboBox *>(field(editor.form(), QStringLiteral("errors.log.enable"))));
    QCOMPARE(fieldText(field(editor.form(), QStringLiteral("custom.unicode"))), config.value(QStringLiteral("custom.unicode")));

    QVERIFY(editor.showForm(false));
    QMap<QString, QString> fromJson;
    QString error;
    QVERIFY2(Ui::ConfigEditor::parseJsonText(editor.jsonEdit()->toPlainText(), &fromJson, &error), qPrintable(error));
    QCOMPARE(fromJson, config);
    QCOMPARE(editor.values(), config);
    QVERIFY(editor.showForm(true));
    QCOMPARE(editor.values(), config);

    // An edit in the JSON reaches the form.
    editor.showForm(false);
    QString text = editor.jsonEdit()->toPlainText();
    text.replace(QStringLiteral("\"a,b\""), QStringLiteral("\"c\""));
    editor.jsonEdit()->setPlainText(text);
    QVERIFY(editor.showForm(true));
    QCOMPARE(fieldText(field(editor.form(), QStringLiteral("topics"))), QStringLiteral("c"));

    // JSON that does not parse keeps the user there, with the line and column.
    editor.showForm(false);
    editor.jsonEdit()->setPlainText(QStringLiteral("{\n  \"topics\": \"c\",\n  \"file\": \n}"));
    QVERIFY(!editor.showForm(true));
    QVERIFY(editor.isJsonShown());
    QVERIFY2(editor.jsonError().contains(QLatin1String("line 4")), qPrintable(editor.jsonError()));
    auto *errorLabel = editor.findChild<QLabel *>(QStringLiteral("configJsonError"));
    QVERIFY(errorLabel && errorLabel->isVisible());
    screenshot(&editor, QStringLiteral("config-editor-json-error"));
}

void tst_ConnectorWorkflow::createThroughWizard()
{
    Ui::NewConnectorWizard wizard(m_session.get());
    QSignalSpy created(&wizard, &Ui::NewConnectorWizard::connectorCreated);
    wizard.show();
    QPushButton *next = wizard.findChild<QPushButton *>(QStringLiteral("nextButton"));
    QPushButton *finish = wizard.findChild<QPushButton *>(QStringLiteral("finishButton"));
    QVERIFY(next && finish);

    // Page 1: the plugins, filtered to sinks, then searched.
    auto *list = wizard.findChild<QTreeWidget *>(QStringLiteral("pluginList"));
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() >= 2, TimeoutMs);
    QVERIFY(!next->isEnabled());
    auto *typeFilter = wizard.findChild<QComboBox *>(QStringLiteral("pluginTypeFilter"));
    typeFilter->setCurrentIndex(typeFilter->findData(QStringLiteral("sink")));
    QTreeWidgetItem *sink = nullptr;
    for (int index = 0; index < list->topLevelItemCount(); ++index) {
        QTreeWidgetItem *item = list->topLevelItem(index);
        QCOMPARE(item->isHidden(), item->text(1) != QLatin1String("sink"));
        if (item->text(0) == sinkClass)
            sink = item;
    }
    QVERIFY(sink);
    wizard.findChild<QLineEdit *>(QStringLiteral("pluginSearch"))->setText(QStringLiteral("filestreamsink"));
    QVERIFY(!sink->isHidden());
    list->setCurrentItem(sink);
    QVERIFY(next->isEnabled());
    screenshot(&wizard, QStringLiteral("wizard-1-plugin"));
    next->click();
    QCOMPARE(wizard.currentId(), int(Ui::NewConnectorWizard::ConfigPageId));

    // Page 2: the generated form; a sink without topics does not validate.
    Ui::ConfigForm *form = wizard.configForm();
    QTRY_VERIFY_WITH_TIMEOUT(field(form, QStringLiteral("topics")) && !form->isValidating(), TimeoutMs);
    QVERIFY(form->errorCount() > 0);
    QVERIFY(!next->isEnabled());
    QCOMPARE(form->values().value(QStringLiteral("connector.class")), sinkClass);
    wizard.findChild<QLineEdit *>(QStringLiteral("connectorName"))->setText(connectorName);
    QCOMPARE(form->values().value(QStringLiteral("name")), connectorName);
    setField(field(form, QStringLiteral("topics")), QStringLiteral("some-topic"));
    setField(field(form, QStringLiteral("file")), m_firstFile);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), TimeoutMs);
    QCOMPARE(form->errorCount(), 0);
    // Defaults are never filled in: only what was set.
    const QMap<QString, QString> expected{{QStringLiteral("name"), connectorName},
                                          {QStringLiteral("connector.class"), sinkClass},
                                          {QStringLiteral("topics"), QStringLiteral("some-topic")},
                                          {QStringLiteral("file"), m_firstFile}};
    QCOMPARE(form->values(), expected);
    screenshot(&wizard, QStringLiteral("wizard-2-config"));
    next->click();
    QCOMPARE(wizard.currentId(), int(Ui::NewConnectorWizard::ReviewPageId));

    // Page 3: the request as JSON; this cluster (4.0) offers an initial state.
    auto *json = wizard.findChild<QPlainTextEdit *>(QStringLiteral("reviewJson"));
    const QJsonObject request = QJsonDocument::fromJson(json->toPlainText().toUtf8()).object();
    QCOMPARE(request.value(QLatin1String("name")).toString(), connectorName);
    QCOMPARE(Client::stringMap(request.value(QLatin1String("config")).toObject()), expected);
    auto *state = wizard.findChild<QComboBox *>(QStringLiteral("initialStateBox"));
    QVERIFY(state && state->isVisible());
    QCOMPARE(request.value(QLatin1String("initial_state")).toString(), QStringLiteral("RUNNING"));
    screenshot(&wizard, QStringLiteral("wizard-3-review"));
    QVERIFY(finish->isVisible() && finish->isEnabled());
    finish->click();
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, TimeoutMs);
    QCOMPARE(created.first().first().toString(), connectorName);
    QVERIFY(!wizard.isVisible());
}

void tst_ConnectorWorkflow::createDuplicateStaysOpen()
{
    // The cluster refuses a second connector of the same name: the wizard stays with its message.
    Ui::NewConnectorWizard wizard(m_session.get());
    QSignalSpy created(&wizard, &Ui::NewConnectorWizard::connectorCreated);
    wizard.show();
    auto *list = wizard.findChild<QTreeWidget *>(QStringLiteral("pluginList"));
    QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() >= 2, TimeoutMs);
    const QList<QTreeWidgetItem *> items = list->findItems(sinkClass, Qt::MatchExactly, 0);
    QCOMPARE(items.size(), 1);
    list->setCurrentItem(items.first());
    QPushButton *next = wizard.findChild<QPushButton *>(QStringLiteral("nextButton"));
    next->click();
    Ui::ConfigForm *form = wizard.configForm();
    QTRY_VERIFY_WITH_TIMEOUT(field(form, QStringLiteral("topics")) && !form->isValidating(), TimeoutMs);
    wizard.findChild<QLineEdit *>(QStringLiteral("connectorName"))->setText(connectorName);
    setField(field(form, QStringLiteral("topics")), QStringLiteral("some-topic"));
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), TimeoutMs);
    next->click();
    QCOMPARE(wizard.currentId(), int(Ui::NewConnectorWizard::ReviewPageId));
    wizard.findChild<QPushButton *>(QStringLiteral("finishButton"))->click();
    auto *error = wizard.findChild<QLabel *>(QStringLiteral("createError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), TimeoutMs);
    QVERIFY2(error->text().contains(QLatin1String("already exists")), qPrintable(error->text()));
    QVERIFY(wizard.isVisible());
    QCOMPARE(wizard.currentId(), int(Ui::NewConnectorWizard::ReviewPageId));
    QCOMPARE(created.count(), 0);
    screenshot(&wizard, QStringLiteral("wizard-4-create-error"));
}

void tst_ConnectorWorkflow::detailShowsRunning()
{
    m_view = std::make_unique<Ui::ConnectorDetailView>(m_session.get());
    m_view->resize(1100, 760);
    m_view->show();
    m_view->showConnector(connectorName);
    QCOMPARE(m_view->connectorName(), connectorName);
    auto *badge = m_view->findChild<QLabel *>(QStringLiteral("connectorStateBadge"));
    QVERIFY(badge);
    QTRY_COMPARE_WITH_TIMEOUT(badge->text(), QStringLiteral("RUNNING"), TimeoutMs);
    auto *tasks = m_view->findChild<QTableWidget *>(QStringLiteral("tasksTable"));
    QTRY_VERIFY_WITH_TIMEOUT(tasks->rowCount() == 1 && tasks->item(0, 1)->text() == QLatin1String("RUNNING"), TimeoutMs);
    QVERIFY(!tasks->item(0, 2)->text().isEmpty()); // worker id
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("connectorClassLabel"))->text().contains(QLatin1String("FileStreamSinkConnector")));
    screenshot(m_view.get(), QStringLiteral("detail-status"));
}

void tst_ConnectorWorkflow::changeConfigThroughForm()
{
    QVERIFY(m_view);
    auto *tabs = m_view->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    tabs->setCurrentIndex(1);
    Ui::ConfigForm *form = m_view->configEditor()->form();
    QTRY_VERIFY_WITH_TIMEOUT(field(form, QStringLiteral("file")) && fieldText(field(form, QStringLiteral("file"))) == m_firstFile
                                 && !form->isValidating(),
                             TimeoutMs);
    QCOMPARE(form->errorCount(), 0);
    auto *pending = m_view->findChild<QLabel *>(QStringLiteral("pendingChangesLabel"));
    QVERIFY(pending->text().startsWith(QLatin1String("No pending")));

    setField(field(form, QStringLiteral("file")), m_secondFile);
    QTRY_VERIFY_WITH_TIMEOUT(pending->text().startsWith(QLatin1String("1 pending")), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isValidating(), TimeoutMs);
    screenshot(m_view.get(), QStringLiteral("detail-config"));

    QSignalSpy applied(m_view.get(), &Ui::ConnectorDetailView::configApplied);
    m_view->findChild<QPushButton *>(QStringLiteral("reviewChangesButton"))->click();
    Ui::ConfigDiffDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_view->findChild<Ui::ConfigDiffDialog *>()) && dialog->isVisible(), TimeoutMs);
    QCOMPARE(dialog->changes().size(), 1);
    const Ui::ConfigChange change = dialog->changes().first();
    QCOMPARE(change.kind, Ui::ConfigChange::Kind::Changed);
    QCOMPARE(change.key, QStringLiteral("file"));
    QCOMPARE(change.oldValue, m_firstFile);
    QCOMPARE(change.newValue, m_secondFile);
    QCOMPARE(dialog->table()->rowCount(), 1);
    screenshot(dialog, QStringLiteral("diff-dialog"));
    dialog->findChild<QPushButton *>(QStringLiteral("applyButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, TimeoutMs);
    QVERIFY2(!m_view->messageBar()->isError(), qPrintable(m_view->messageBar()->text()));

    QFuture<Client::RestReply> live = m_session->client()->connectorConfig(connectorName);
    QTRY_VERIFY_WITH_TIMEOUT(live.isFinished(), TimeoutMs);
    QVERIFY(live.result().ok());
    QCOMPARE(Client::stringMap(live.result().object()).value(QStringLiteral("file")), m_secondFile);
    QCOMPARE(m_view->liveConfig().value(QStringLiteral("file")), m_secondFile);
    QTRY_VERIFY_WITH_TIMEOUT(pending->text().startsWith(QLatin1String("No pending")), TimeoutMs);
}

void tst_ConnectorWorkflow::pauseAndResume()
{
    QVERIFY(m_view);
    auto *badge = m_view->findChild<QLabel *>(QStringLiteral("connectorStateBadge"));
    auto *pause = m_view->findChild<QPushButton *>(QStringLiteral("pauseButton"));
    auto *resume = m_view->findChild<QPushButton *>(QStringLiteral("resumeButton"));
    QTRY_COMPARE_WITH_TIMEOUT(badge->text(), QStringLiteral("RUNNING"), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(pause->isEnabled(), TimeoutMs);
    pause->click();
    QTRY_COMPARE_WITH_TIMEOUT(badge->text(), QStringLiteral("PAUSED"), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(resume->isEnabled(), TimeoutMs);
    resume->click();
    QTRY_COMPARE_WITH_TIMEOUT(badge->text(), QStringLiteral("RUNNING"), TimeoutMs);
    QVERIFY2(!m_view->messageBar()->isError(), qPrintable(m_view->messageBar()->text()));
}

void tst_ConnectorWorkflow::invalidValueShowsInlineError()
{
    QVERIFY(m_view);
    m_view->findChild<QTabWidget *>(QStringLiteral("detailTabs"))->setCurrentIndex(1);
    Ui::ConfigForm *form = m_view->configEditor()->form();
    QTRY_VERIFY_WITH_TIMEOUT(field(form, QStringLiteral("tasks.max")) && !form->isValidating(), TimeoutMs);
    QPointer<QLineEdit> tasksMax = qobject_cast<QLineEdit *>(field(form, QStringLiteral("tasks.max")));
    QVERIFY(tasksMax);
    // Typed for real, with the focus in the field.
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    tasksMax->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(tasksMax->hasFocus(), TimeoutMs);
    tasksMax->clear();
    QTest::keyClicks(tasksMax, QStringLiteral("abc"));
    tasksMax->setCursorPosition(1);
    auto *error = form->findChild<QLabel *>(QStringLiteral("error:tasks.max"));
    QVERIFY(error);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && !error->text().isEmpty(), TimeoutMs);
    QVERIFY(form->errorCount() > 0);
    QVERIFY(!form->errors(QStringLiteral("tasks.max")).isEmpty());
    // Re-validation updates the row in place: the field typed in is the same widget, with its
    // value, focus and cursor.
    QVERIFY(tasksMax);
    QCOMPARE(field(form, QStringLiteral("tasks.max")), tasksMax.data());
    QCOMPARE(tasksMax->text(), QStringLiteral("abc"));
    QVERIFY(tasksMax->hasFocus());
    QCOMPARE(tasksMax->cursorPosition(), 1);
    screenshot(m_view.get(), QStringLiteral("detail-config-error"));

    // "Only errors" shows the rows with errors and nothing else.
    form->setFilter(Ui::ConfigForm::Filter::OnlyErrors);
    QVERIFY(form->findChild<QWidget *>(QStringLiteral("row:tasks.max"))->isVisible());
    QVERIFY(!form->findChild<QWidget *>(QStringLiteral("row:topics"))->isVisible());
    form->setFilter(Ui::ConfigForm::Filter::OnlySet);
    QVERIFY(form->findChild<QWidget *>(QStringLiteral("row:topics"))->isVisible());
    QVERIFY(!form->findChild<QWidget *>(QStringLiteral("row:topics.regex"))->isVisible());
    form->setFilter(Ui::ConfigForm::Filter::All, QStringLiteral("regex"));
    QVERIFY(form->findChild<QWidget *>(QStringLiteral("row:topics.regex"))->isVisible());
    QVERIFY(!form->findChild<QWidget *>(QStringLiteral("row:file"))->isVisible());
    form->setFilter(Ui::ConfigForm::Filter::All);

    // A key that brings new definitions: the transform's own keys appear.
    setField(field(form, QStringLiteral("transforms")), QStringLiteral("route"));
    QTRY_VERIFY_WITH_TIMEOUT(field(form, QStringLiteral("transforms.route.type")), TimeoutMs);
    QVERIFY(qobject_cast<QComboBox *>(field(form, QStringLiteral("transforms.route.type")))); // installed SMTs offered

    // Revert drops the pending changes.
    m_view->findChild<QPushButton *>(QStringLiteral("revertButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(form->values() == m_view->liveConfig() && !form->isValidating(), TimeoutMs);
    QCOMPARE(form->errorCount(), 0);
}

void tst_ConnectorWorkflow::cleanupTestCase()
{
    m_view.reset();
    m_session.reset();
}

void tst_ConnectorWorkflow::screenshot(QWidget *widget, const QString &name)
{
    QVERIFY2(saveScreenshot(widget, name), qPrintable(name));
}

QTEST_MAIN(tst_ConnectorWorkflow)
#include "tst_connectorworkflow.moc"
