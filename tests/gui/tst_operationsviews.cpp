// SPDX-License-Identifier: Apache-2.0
// The console's operations views, offscreen, against a real embedded worker: OffsetsView (a
// FileStreamSource's filename → position, stopped, edited through its dialog, reset and resumed
// with the view's buttons), DeadLetterView (a sink whose bad JSON lines land in its DLQ: decoded
// headers, grouping by exception and stage, export; a DLQ not created yet; the other explained
// states), PluginsView and LoggersView. Saves screenshots to CONNECTDESK_SCREENSHOT_DIR.
#include "tests/support/sandboxfixture.h"
#include "tests/gui/screenshots.h"
#include "tests/support/testfiles.h"

#include "core/client/clusterclient.h"
#include "ui/clustersession.h"
#include "ui/deadletterview.h"
#include "ui/loggersview.h"
#include "ui/offsetsview.h"
#include "ui/pluginsview.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
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

constexpr int TimeoutMs = 60000;

const QString SourceName = QStringLiteral("ops-source");
const QString FeedName = QStringLiteral("ops-feed");
const QString SinkName = QStringLiteral("ops-sink");
const QString QuietSinkName = QStringLiteral("ops-quiet-sink");
const QString DlqTopic = QStringLiteral("ops-dlq");
const QString QuietDlqTopic = QStringLiteral("ops-quiet-dlq");

// The sink reads JSON and keeps the field "id" (ExtractField). Two lines are not JSON (the
// converter fails), two are JSON but not objects (the transform fails): four dead letters.
const QStringList FeedLines{
    QStringLiteral("{\"id\":1,\"item\":\"keyboard\"}"),
    QStringLiteral("{\"id\": 2, \"item\": "),
    QStringLiteral("42"),
    QStringLiteral("{\"id\":3,\"item\":\"mouse\"}"),
    QStringLiteral("not json at all"),
    QStringLiteral("[1,2]"),
    QStringLiteral("{\"id\":4,\"item\":\"laptop\"}"),
};

QString stateOf(const Ui::ClusterSession *session, const QString &name)
{
    const Client::ConnectorOverview *connector = session->connector(name);
    return connector ? connector->status.state : QString();
}

bool tasksRunning(const Ui::ClusterSession *session, const QString &name)
{
    const Client::ConnectorOverview *connector = session->connector(name);
    return connector && connector->status.state == QLatin1String("RUNNING") && !connector->status.tasks.isEmpty()
           && connector->status.tasksInState(QStringLiteral("RUNNING")) == connector->status.tasks.size();
}

QJsonValue sourcePosition(const QJsonArray &offsets)
{
    if (offsets.isEmpty())
        return QJsonValue::Undefined;
    return offsets.first().toObject().value(QStringLiteral("offset")).toObject().value(QStringLiteral("position"));
}

QStringList headerLabels(const QTableWidget *table)
{
    QStringList labels;
    for (int column = 0; column < table->columnCount(); ++column)
        labels.append(table->horizontalHeaderItem(column)->text());
    return labels;
}

QTreeWidgetItem *childNamed(QTreeWidgetItem *parent, const QString &text)
{
    for (int i = 0; i < parent->childCount(); ++i) {
        if (parent->child(i)->text(0) == text)
            return parent->child(i);
    }
    return nullptr;
}

QTreeWidgetItem *topLevelNamed(QTreeWidget *tree, const QString &text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == text)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class tst_OperationsViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void offsetsShowSourcePositions();
    void offsetsStopEditResetResume();
    void offsetsShowSinkConsumerGroup();
    void deadLetterQueueNotCreatedYet();
    void deadLetterQueueExplainsWhatItCannotRead();
    void deadLetterQueueShowsTheBadRecords();
    void pluginsListsConnectorsAndTransforms();
    void loggersChangeALevel();

private:
    void create(const QString &name, const QMap<QString, QString> &config, const QString &initialState = {});

    SandboxFixture m_fixture;
    std::unique_ptr<Ui::ClusterSession> m_session;
    std::unique_ptr<Client::ClusterClient> m_client;
    QString m_sourceFile;
    qint64 m_sourceSize = 0;
};

void tst_OperationsViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_fixture.start());
    m_session = std::make_unique<Ui::ClusterSession>(m_fixture.profile());
    m_session->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->hasServerInfo(), TimeoutMs);
    m_client = std::make_unique<Client::ClusterClient>(m_fixture.profile());

    m_sourceFile = m_fixture.path(QStringLiteral("source.txt"));
    const QByteArray lines = "alpha\nbeta\ngamma\ndelta\n";
    QVERIFY(writeFile(m_sourceFile, lines));
    m_sourceSize = lines.size();
    create(SourceName, fileSourceConfig(SourceName, m_sourceFile, QStringLiteral("ops-lines")));

    const QString feedFile = m_fixture.path(QStringLiteral("feed.txt"));
    QVERIFY(writeFile(feedFile, FeedLines.join(QLatin1Char('\n')).toUtf8() + '\n'));
    QMap<QString, QString> feed = fileSourceConfig(FeedName, feedFile, QStringLiteral("ops-orders"));
    feed.insert(QStringLiteral("value.converter"), QStringLiteral("org.apache.kafka.connect.storage.StringConverter"));
    create(FeedName, feed);

    QMap<QString, QString> sink = fileSinkConfig(SinkName, m_fixture.path(QStringLiteral("sink.txt")),
                                                 QStringLiteral("ops-orders"));
    sink.insert(QStringLiteral("value.converter"), QStringLiteral("org.apache.kafka.connect.json.JsonConverter"));
    sink.insert(QStringLiteral("value.converter.schemas.enable"), QStringLiteral("false"));
    sink.insert(QStringLiteral("transforms"), QStringLiteral("id"));
    sink.insert(QStringLiteral("transforms.id.type"), QStringLiteral("org.apache.kafka.connect.transforms.ExtractField$Value"));
    sink.insert(QStringLiteral("transforms.id.field"), QStringLiteral("id"));
    sink.insert(QStringLiteral("errors.tolerance"), QStringLiteral("all"));
    sink.insert(QStringLiteral("errors.deadletterqueue.topic.name"), DlqTopic);
    sink.insert(QStringLiteral("errors.deadletterqueue.topic.replication.factor"), QStringLiteral("1"));
    sink.insert(QStringLiteral("errors.deadletterqueue.context.headers.enable"), QStringLiteral("true"));
    create(SinkName, sink);

    // Created STOPPED, so no task ever starts: a task creates its DLQ topic when it starts.
    QMap<QString, QString> quiet = fileSinkConfig(QuietSinkName, m_fixture.path(QStringLiteral("quiet.txt")),
                                                  QStringLiteral("ops-quiet"));
    quiet.insert(QStringLiteral("errors.tolerance"), QStringLiteral("all"));
    quiet.insert(QStringLiteral("errors.deadletterqueue.topic.name"), QuietDlqTopic);
    quiet.insert(QStringLiteral("errors.deadletterqueue.topic.replication.factor"), QStringLiteral("1"));
    create(QuietSinkName, quiet, QStringLiteral("STOPPED"));

    QTRY_VERIFY_WITH_TIMEOUT(tasksRunning(m_session.get(), SourceName) && tasksRunning(m_session.get(), SinkName)
                                 && stateOf(m_session.get(), QuietSinkName) == QLatin1String("STOPPED"),
                             TimeoutMs);
}

void tst_OperationsViews::create(const QString &name, const QMap<QString, QString> &config, const QString &initialState)
{
    Client::RestReply reply;
    bool done = false;
    m_client->createConnector(name, Client::toJson(config), initialState).then(this, [&](const Client::RestReply &answer) {
        reply = answer;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, TimeoutMs);
    QVERIFY2(reply.ok(), qPrintable(reply.describe()));
}

void tst_OperationsViews::offsetsShowSourcePositions()
{
    Ui::OffsetsView view(m_session.get());
    view.resize(960, 520);
    view.show();
    view.setConnector(SourceName);
    // The task commits its position every few seconds; the view follows the session's refreshes.
    QTRY_COMPARE_WITH_TIMEOUT(sourcePosition(view.currentOffsets()).toInteger(-1), m_sourceSize, TimeoutMs);
    const QJsonObject partition = view.currentOffsets().first().toObject().value(QStringLiteral("partition")).toObject();
    QCOMPARE(partition.value(QStringLiteral("filename")).toString(), m_sourceFile);

    auto *table = view.findChild<QTableWidget *>(QStringLiteral("offsetsTable"));
    QVERIFY(table);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, TimeoutMs);
    QCOMPARE(headerLabels(table), (QStringList{QStringLiteral("filename"), QStringLiteral("position")}));
    QCOMPARE(table->item(0, 0)->text(), m_sourceFile);
    QCOMPARE(table->item(0, 1)->text(), QString::number(m_sourceSize));

    // Running: the banner says why edit and reset wait for a stop.
    auto *banner = view.findChild<QLabel *>(QStringLiteral("offsetsBanner"));
    QVERIFY(banner->text().contains(QLatin1String("RUNNING")));
    QVERIFY(banner->text().contains(QLatin1String("STOPPED")));
    auto *edit = view.findChild<QPushButton *>(QStringLiteral("editButton"));
    auto *reset = view.findChild<QPushButton *>(QStringLiteral("resetButton"));
    QVERIFY(view.findChild<QPushButton *>(QStringLiteral("stopButton"))->isEnabled());
    QVERIFY(!edit->isEnabled());
    QVERIFY(!reset->isEnabled());
    QVERIFY(edit->toolTip().contains(QLatin1String("STOPPED")));
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-offsets-running")));
}

void tst_OperationsViews::offsetsStopEditResetResume()
{
    Ui::OffsetsView view(m_session.get());
    view.resize(960, 520);
    view.show();
    view.setConnector(SourceName);
    QTRY_COMPARE_WITH_TIMEOUT(sourcePosition(view.currentOffsets()).toInteger(-1), m_sourceSize, TimeoutMs);
    auto *stop = view.findChild<QPushButton *>(QStringLiteral("stopButton"));
    auto *edit = view.findChild<QPushButton *>(QStringLiteral("editButton"));
    auto *reset = view.findChild<QPushButton *>(QStringLiteral("resetButton"));
    auto *resume = view.findChild<QPushButton *>(QStringLiteral("resumeButton"));

    // Stop through the button; edit and reset open up once the listing shows STOPPED.
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(m_session.get(), SourceName), QStringLiteral("STOPPED"), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(edit->isEnabled() && reset->isEnabled() && resume->isEnabled(), TimeoutMs);
    QVERIFY(!stop->isEnabled());
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("offsetsBanner"))->text().contains(QLatin1String("STOPPED")));
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-offsets-stopped")));

    // The editor opens pre-filled with the offsets shown.
    QTest::mouseClick(edit, Qt::LeftButton);
    QPointer<Ui::OffsetsEditDialog> dialog = view.findChild<Ui::OffsetsEditDialog *>(QStringLiteral("offsetsEditor"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QJsonArray prefilled = QJsonDocument::fromJson(dialog->text().toUtf8()).array();
    QCOMPARE(prefilled, view.currentOffsets());

    // Text that is not JSON is refused in the dialog, which stays open.
    QSignalSpy altered(&view, &Ui::OffsetsView::offsetsAltered);
    dialog->setText(QStringLiteral("[{\"partition\": "));
    dialog->submit();
    QVERIFY(!dialog->error().isEmpty());
    QVERIFY(dialog->isVisible());
    QCOMPARE(altered.size(), 0);

    // The cluster refuses a nested offset value (400): the dialog shows the message and stays.
    QJsonObject bad{{QStringLiteral("partition"), prefilled.first().toObject().value(QStringLiteral("partition"))},
                    {QStringLiteral("offset"),
                     QJsonObject{{QStringLiteral("position"), QJsonObject{{QStringLiteral("nested"), 1}}}}}};
    dialog->setText(QString::fromUtf8(QJsonDocument(QJsonArray{bad}).toJson()));
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(altered.size(), 1, TimeoutMs);
    QVERIFY(!altered.first().first().toBool());
    QVERIFY(dialog);
    QVERIFY(!dialog->error().isEmpty());
    QVERIFY(!view.message().isEmpty());

    // Position 0 through the dialog's OK: the dialog closes and GET offsets shows it.
    QJsonObject rewind = prefilled.first().toObject();
    rewind.insert(QStringLiteral("offset"), QJsonObject{{QStringLiteral("position"), 0}});
    dialog->setText(QString::fromUtf8(QJsonDocument(QJsonArray{rewind}).toJson()));
    QVERIFY(saveScreenshot(dialog, QStringLiteral("ops-offsets-editor")));
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(altered.size(), 2, TimeoutMs);
    QVERIFY2(altered.last().first().toBool(), qPrintable(altered.last().last().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(sourcePosition(view.currentOffsets()).toInteger(-1), qint64(0), TimeoutMs);
    QVERIFY(view.message().contains(QLatin1String("altered")));
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("offsetsTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->item(0, 1)->text(), QStringLiteral("0"), TimeoutMs);

    // Reset, confirmed in the box: the source's partition disappears from GET offsets.
    QSignalSpy reset_(&view, &Ui::OffsetsView::offsetsReset);
    QTest::mouseClick(reset, Qt::LeftButton);
    auto *confirmation = view.findChild<QMessageBox *>(QStringLiteral("resetConfirmation"));
    QVERIFY(confirmation);
    QVERIFY(saveScreenshot(confirmation, QStringLiteral("ops-offsets-reset-confirmation")));
    confirmation->button(QMessageBox::Yes)->click();
    QTRY_COMPARE_WITH_TIMEOUT(reset_.size(), 1, TimeoutMs);
    QVERIFY2(reset_.first().first().toBool(), qPrintable(reset_.first().last().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(view.currentOffsets().isEmpty(), TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, TimeoutMs);
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-offsets-reset")));

    // Resume: the task reads the file from the start again and commits its end.
    QTest::mouseClick(resume, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(tasksRunning(m_session.get(), SourceName), TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(sourcePosition(view.currentOffsets()).toInteger(-1), m_sourceSize, TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!edit->isEnabled() && stop->isEnabled(), TimeoutMs);
}

void tst_OperationsViews::offsetsShowSinkConsumerGroup()
{
    Ui::OffsetsView view(m_session.get());
    view.resize(960, 520);
    view.show();
    view.setConnector(SinkName);
    // Every line of the feed is consumed (the failed ones too: they went to the DLQ), so the
    // group's committed positions add up to the number of lines.
    auto committed = [&view] {
        qint64 sum = 0;
        for (const QJsonValue &entry : view.currentOffsets()) {
            const QJsonObject object = entry.toObject();
            if (object.value(QStringLiteral("partition")).toObject().value(QStringLiteral("kafka_topic")).toString()
                == QLatin1String("ops-orders"))
                sum += object.value(QStringLiteral("offset")).toObject().value(QStringLiteral("kafka_offset")).toInteger();
        }
        return sum;
    };
    QTRY_COMPARE_WITH_TIMEOUT(committed(), qint64(FeedLines.size()), TimeoutMs);
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("offsetsTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), int(view.currentOffsets().size()), TimeoutMs);
    QCOMPARE(headerLabels(table), (QStringList{QStringLiteral("Topic"), QStringLiteral("Partition"), QStringLiteral("Offset")}));
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("ops-orders"));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("offsetsBanner"))->text().contains(QLatin1String("connect-ops-sink")));
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-offsets-sink")));
}

void tst_OperationsViews::deadLetterQueueNotCreatedYet()
{
    Ui::DeadLetterView view(m_session.get());
    view.resize(1100, 640);
    view.show();
    view.setConnector(QuietSinkName);
    QCOMPARE(view.topic(), QuietDlqTopic);
    QTRY_VERIFY2_WITH_TIMEOUT(view.state() == Ui::DeadLetterView::State::TopicMissing, qPrintable(view.statusText()),
                              TimeoutMs);
    QVERIFY(view.statusText().contains(QLatin1String("does not exist yet")));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("dlqExplanation"))->isVisible());
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-dlq-not-created")));
}

void tst_OperationsViews::deadLetterQueueExplainsWhatItCannotRead()
{
    Ui::DeadLetterView view(m_session.get());
    view.resize(1100, 640);
    view.show();
    view.setConnector(SourceName);
    QCOMPARE(view.state(), Ui::DeadLetterView::State::NotSink);
    QVERIFY(view.statusText().contains(QLatin1String("sink")));

    // A profile without bootstrap servers cannot read topics: said so, nothing is attempted.
    Client::ClusterProfile restOnly = m_fixture.profile();
    restOnly.bootstrapServers.clear();
    Ui::ClusterSession session(restOnly);
    session.refresh();
    Ui::DeadLetterView restView(&session);
    restView.resize(1100, 640);
    restView.show();
    restView.setConnector(SinkName);
    QCOMPARE(restView.state(), Ui::DeadLetterView::State::NotListed);
    // The listing arrives later; the view re-checks by itself.
    QTRY_COMPARE_WITH_TIMEOUT(restView.state(), Ui::DeadLetterView::State::NoBootstrapServers, TimeoutMs);
    QVERIFY(restView.statusText().contains(QLatin1String("bootstrap servers")));
    QVERIFY(restView.statusText().contains(DlqTopic));
    QVERIFY(saveScreenshot(&restView, QStringLiteral("ops-dlq-no-bootstrap")));

    // A sink without a DLQ: the keys to set are named.
    Client::RestReply reply;
    bool done = false;
    QMap<QString, QString> plain = fileSinkConfig(QStringLiteral("ops-plain-sink"), m_fixture.path(QStringLiteral("plain.txt")),
                                                  QStringLiteral("ops-quiet"));
    m_client->createConnector(QStringLiteral("ops-plain-sink"), Client::toJson(plain), QStringLiteral("STOPPED"))
        .then(this, [&](const Client::RestReply &answer) {
            reply = answer;
            done = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(done, TimeoutMs);
    QVERIFY2(reply.ok(), qPrintable(reply.describe()));
    view.setConnector(QStringLiteral("ops-plain-sink"));
    QTRY_COMPARE_WITH_TIMEOUT(view.state(), Ui::DeadLetterView::State::NoDeadLetterQueue, TimeoutMs);
    QVERIFY(view.statusText().contains(QLatin1String("errors.deadletterqueue.topic.name")));
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-dlq-not-configured")));
}

void tst_OperationsViews::deadLetterQueueShowsTheBadRecords()
{
    Ui::DeadLetterView view(m_session.get());
    view.resize(1200, 760);
    view.show();
    view.setConnector(SinkName);
    QCOMPARE(view.topic(), DlqTopic);
    // The sink's first group join takes a few seconds; read again until all four failed lines are in.
    auto readAll = [&view] {
        if (view.state() == Ui::DeadLetterView::State::Loading)
            return false;
        if (view.state() == Ui::DeadLetterView::State::Loaded && view.records().size() >= 4)
            return true;
        view.refresh();
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(readAll(), qPrintable(view.statusText()), TimeoutMs);
    QCOMPARE(view.records().size(), 4);
    QVERIFY2(view.statusText().contains(QLatin1String("4 of 4")), qPrintable(view.statusText()));

    // Every header decoded: where the record came from, which stage failed, and why. The order
    // across the input topic's partitions is the sink's, so records are matched by value.
    const QMap<QString, QString> expectedStages{{FeedLines[1], QStringLiteral("VALUE_CONVERTER")},
                                                {FeedLines[2], QStringLiteral("TRANSFORMATION")},
                                                {FeedLines[4], QStringLiteral("VALUE_CONVERTER")},
                                                {FeedLines[5], QStringLiteral("TRANSFORMATION")}};
    QStringList values;
    QList<Client::DeadLetterContext> contexts;
    for (const Client::TopicRecord &record : view.records()) {
        const Client::DeadLetterContext context = Client::DeadLetterContext::fromRecord(record);
        const QString value = QString::fromUtf8(record.value);
        values.append(value);
        contexts.append(context);
        QVERIFY(context.present);
        QVERIFY2(expectedStages.contains(value), qPrintable(value));
        QCOMPARE(context.stage, expectedStages.value(value));
        QCOMPARE(context.topic, QStringLiteral("ops-orders"));
        QVERIFY(context.partition >= 0 && context.offset >= 0);
        QCOMPARE(context.connector, SinkName);
        QCOMPARE(context.exceptionClass, QStringLiteral("org.apache.kafka.connect.errors.DataException"));
        QVERIFY(!context.stackTrace.isEmpty());
    }
    QStringList sortedValues = values;
    sortedValues.sort();
    QCOMPARE(sortedValues, QStringList(expectedStages.keys()));

    // The groups: All 4; DataException 4, split by stage 2 and 2.
    auto *groups = view.findChild<QTreeWidget *>(QStringLiteral("dlqGroups"));
    QVERIFY(groups);
    QCOMPARE(groups->topLevelItemCount(), 2);
    QTreeWidgetItem *all = topLevelNamed(groups, QStringLiteral("All"));
    QVERIFY(all);
    QCOMPARE(all->text(1), QStringLiteral("4"));
    QTreeWidgetItem *dataException = topLevelNamed(groups, QStringLiteral("DataException"));
    QVERIFY(dataException);
    QCOMPARE(dataException->text(1), QStringLiteral("4"));
    QCOMPARE(dataException->toolTip(0), QStringLiteral("org.apache.kafka.connect.errors.DataException"));
    QCOMPARE(dataException->childCount(), 2);
    QCOMPARE(childNamed(dataException, QStringLiteral("VALUE_CONVERTER"))->text(1), QStringLiteral("2"));
    QCOMPARE(childNamed(dataException, QStringLiteral("TRANSFORMATION"))->text(1), QStringLiteral("2"));

    // The table, the first record's details.
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("dlqTable"));
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(view.visibleRecordCount(), 4);
    const QString firstOriginal = QStringLiteral("ops-orders-%1@%2").arg(contexts[0].partition).arg(contexts[0].offset);
    QCOMPARE(table->item(0, 2)->text(), firstOriginal);
    QCOMPARE(table->item(0, 3)->text(), contexts[0].stage);
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("DataException"));
    QVERIFY(!table->item(0, 5)->text().isEmpty());
    QCOMPARE(view.findChild<QPlainTextEdit *>(QStringLiteral("dlqValue"))->toPlainText(), values[0]);
    auto *trace = view.findChild<QPlainTextEdit *>(QStringLiteral("dlqStackTrace"));
    QVERIFY(trace->isReadOnly());
    QVERIFY(trace->toPlainText().contains(QLatin1String("DataException")));
    auto *headers = view.findChild<QTableWidget *>(QStringLiteral("dlqHeaders"));
    QStringList headerNames;
    for (int row = 0; row < headers->rowCount(); ++row)
        headerNames.append(headers->item(row, 0)->text());
    for (const char *name : {"topic", "partition", "offset", "connector.name", "task.id", "stage", "class.name",
                             "exception.class.name", "exception.message", "exception.stacktrace"})
        QVERIFY2(headerNames.contains(QStringLiteral("__connect.errors.") + QLatin1String(name)), name);
    const QString summary = view.findChild<QLabel *>(QStringLiteral("dlqSummary"))->text();
    QVERIFY(summary.contains(QLatin1String("org.apache.kafka.connect.errors.DataException")));
    QVERIFY(summary.contains(firstOriginal));
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-dlq-records")));

    // The second record, with its headers.
    table->selectRow(1);
    QCOMPARE(view.findChild<QPlainTextEdit *>(QStringLiteral("dlqValue"))->toPlainText(), values[1]);
    auto *tabs = view.findChild<QTabWidget *>();
    tabs->setCurrentIndex(2);
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-dlq-headers")));
    tabs->setCurrentIndex(3);
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-dlq-stacktrace")));
    tabs->setCurrentIndex(0);

    // Copy puts the value as shown on the clipboard.
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), values[1]);

    // A group filters the table.
    view.setGroupFilter(QStringLiteral("org.apache.kafka.connect.errors.DataException"), QStringLiteral("TRANSFORMATION"));
    QCOMPARE(view.visibleRecordCount(), 2);
    table->selectAll();
    QList<Client::TopicRecord> selected = view.selectedRecords();
    QCOMPARE(selected.size(), 2);
    QStringList selectedValues{QString::fromUtf8(selected[0].value), QString::fromUtf8(selected[1].value)};
    selectedValues.sort();
    QCOMPARE(selectedValues, (QStringList{FeedLines[2], FeedLines[5]}));
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-dlq-filtered")));
    view.setGroupFilter({});
    QCOMPARE(view.visibleRecordCount(), 4);

    // Export: without a dialog, then through "Export selected…" and its file dialog.
    const QString path = m_fixture.path(QStringLiteral("dlq-export.json"));
    QString error;
    QVERIFY2(Ui::DeadLetterView::exportRecords(view.records(), path, &error), qPrintable(error));
    QJsonArray parsed = QJsonDocument::fromJson(readFile(path)).array();
    QCOMPARE(parsed.size(), 4);
    for (int i = 0; i < parsed.size(); ++i) {
        const QJsonObject record = parsed[i].toObject();
        QCOMPARE(record.value(QStringLiteral("value")).toString(), values[i]);
        QCOMPARE(record.value(QStringLiteral("topic")).toString(), DlqTopic);
        const QJsonObject errorJson = record.value(QStringLiteral("error")).toObject();
        QCOMPARE(errorJson.value(QStringLiteral("stage")).toString(), expectedStages.value(values[i]));
        QCOMPARE(errorJson.value(QStringLiteral("exception_class")).toString(),
                 QStringLiteral("org.apache.kafka.connect.errors.DataException"));
        QCOMPARE(errorJson.value(QStringLiteral("offset")).toInteger(), contexts[i].offset);
    }

    table->clearSelection();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view.selectedRecords().size(), 2);
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    auto *fileDialog = view.findChild<QFileDialog *>(QStringLiteral("exportDialog"));
    QVERIFY(fileDialog);
    const QString picked = m_fixture.path(QStringLiteral("dlq-picked.json"));
    fileDialog->selectFile(picked);
    QVERIFY(QMetaObject::invokeMethod(fileDialog, "accept")); // what its Save button does
    QTRY_VERIFY(QFile::exists(picked));
    parsed = QJsonDocument::fromJson(readFile(picked)).array();
    QCOMPARE(parsed.size(), 2);
    QCOMPARE(parsed[0].toObject().value(QStringLiteral("value")).toString(), values[0]);
    QCOMPARE(parsed[1].toObject().value(QStringLiteral("value")).toString(), values[1]);
    QVERIFY(view.message().contains(picked));
}

void tst_OperationsViews::pluginsListsConnectorsAndTransforms()
{
    Ui::PluginsView view(m_session.get());
    view.resize(1100, 700);
    view.show();
    QSignalSpy loaded(&view, &Ui::PluginsView::pluginsLoaded);
    view.reload();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), TimeoutMs);
    QStringList classes;
    for (const Client::PluginInfo &plugin : view.plugins())
        classes.append(plugin.className);
    QVERIFY(classes.contains(QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceConnector")));
    QVERIFY(classes.contains(QStringLiteral("org.apache.kafka.connect.transforms.RegexRouter")));

    // Type and text filters narrow the table to RegexRouter.
    auto *type = view.findChild<QComboBox *>(QStringLiteral("pluginType"));
    type->setCurrentIndex(type->findData(QStringLiteral("transformation")));
    view.findChild<QLineEdit *>(QStringLiteral("pluginSearch"))->setText(QStringLiteral("RegexRouter"));
    QTableWidget *table = view.pluginTable();
    int visible = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (!table->isRowHidden(row)) {
            ++visible;
            QCOMPARE(table->item(row, 0)->text(), QStringLiteral("org.apache.kafka.connect.transforms.RegexRouter"));
        }
    }
    QCOMPARE(visible, 1);

    // Selecting it shows its definitions.
    QSignalSpy definitions(&view, &Ui::PluginsView::definitionsLoaded);
    view.selectPlugin(QStringLiteral("org.apache.kafka.connect.transforms.RegexRouter"));
    QTRY_VERIFY_WITH_TIMEOUT(!definitions.isEmpty(), TimeoutMs);
    QStringList keys;
    for (int row = 0; row < view.definitionTable()->rowCount(); ++row)
        keys.append(view.definitionTable()->item(row, 0)->text());
    QVERIFY2(keys.contains(QStringLiteral("regex")) && keys.contains(QStringLiteral("replacement")),
             qPrintable(keys.join(QLatin1Char(','))));
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-plugins")));

    // A connector's definitions include the framework's keys.
    type->setCurrentIndex(0);
    view.findChild<QLineEdit *>(QStringLiteral("pluginSearch"))->clear();
    view.selectPlugin(QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceConnector"));
    QTRY_COMPARE_WITH_TIMEOUT(definitions.size(), 2, TimeoutMs);
    keys.clear();
    for (int row = 0; row < view.definitionTable()->rowCount(); ++row)
        keys.append(view.definitionTable()->item(row, 0)->text());
    QVERIFY(keys.contains(QStringLiteral("file")));
    QVERIFY(keys.contains(QStringLiteral("topic")));
}

void tst_OperationsViews::loggersChangeALevel()
{
    Ui::LoggersView view(m_session.get());
    view.resize(900, 560);
    view.show();
    QSignalSpy loaded(&view, &Ui::LoggersView::loggersLoaded);
    view.reload();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), TimeoutMs);
    // This worker speaks Kafka 3.7+'s API: the cluster scope is offered.
    QVERIFY(view.findChild<QCheckBox *>(QStringLiteral("clusterWide"))->isVisibleTo(&view));

    auto levelOf = [&view](const QString &logger) {
        for (const Client::LoggerLevel &level : view.loggers()) {
            if (level.logger == logger)
                return level.level;
        }
        return QString();
    };
    const QString logger = QStringLiteral("connectdesk.runtime");
    // A logger not listed yet: set by name.
    view.findChild<QLineEdit *>(QStringLiteral("newLogger"))->setText(logger);
    view.findChild<QComboBox *>(QStringLiteral("newLevel"))->setCurrentText(QStringLiteral("DEBUG"));
    QSignalSpy changed(&view, &Ui::LoggersView::levelChanged);
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("setLoggerLevel")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, TimeoutMs);
    QVERIFY(changed.first().last().toBool());
    QTRY_COMPARE_WITH_TIMEOUT(levelOf(logger), QStringLiteral("DEBUG"), TimeoutMs);

    // Then from its row's combo box, the way a user picks the next level.
    QComboBox *combo = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((combo = view.findChild<QComboBox *>(QStringLiteral("level:") + logger))
                                 && combo->currentText() == QLatin1String("DEBUG"),
                             TimeoutMs);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, TimeoutMs);
    QVERIFY(changed.last().last().toBool());
    QTRY_COMPARE_WITH_TIMEOUT(levelOf(logger), QStringLiteral("INFO"), TimeoutMs);
    QVERIFY(saveScreenshot(&view, QStringLiteral("ops-loggers")));
}

QTEST_MAIN(tst_OperationsViews)

#include "tst_operationsviews.moc"
