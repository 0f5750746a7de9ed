// SPDX-License-Identifier: Apache-2.0
#include "deadletterview.h"

#include "clustersession.h"
#include "messagebar.h"
#include "counting.h"
#include "tablestyle.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>

namespace ConnectDesk::Ui {

namespace {

const QString DlqTopicKey = QStringLiteral("errors.deadletterqueue.topic.name");
const QString ErrorsPrefix = QStringLiteral("__connect.errors.");
/** The group of records that carry no `__connect.errors.*` headers. */
const QString NoContext = QStringLiteral("(no error context)");

enum Column { OffsetColumn, TimestampColumn, OriginalColumn, StageColumn, ExceptionColumn, MessageColumn, ColumnCount };

enum Role { RecordIndexRole = Qt::UserRole, ClassRole, StageRole, AllRole };

QString shortClass(const QString &className)
{
    const qsizetype dot = className.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? className : className.mid(dot + 1);
}

QString exceptionClassOf(const Client::DeadLetterContext &context)
{
    return context.present && !context.exceptionClass.isEmpty() ? context.exceptionClass : NoContext;
}

QString stageOf(const Client::DeadLetterContext &context)
{
    return context.present && !context.stage.isEmpty() ? context.stage : QStringLiteral("—");
}

QString firstLine(const QString &text)
{
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    return newline < 0 ? text : text.left(newline) + QStringLiteral(" …");
}

QString timestampText(qint64 timestamp)
{
    if (timestamp < 0)
        return QStringLiteral("—");
    return QDateTime::fromMSecsSinceEpoch(timestamp).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QPlainTextEdit *codeBox(QWidget *parent, const QString &objectName)
{
    auto *box = new QPlainTextEdit(parent);
    box->setObjectName(objectName);
    box->setReadOnly(true);
    box->setLineWrapMode(QPlainTextEdit::NoWrap);
    box->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return box;
}

} // namespace

DeadLetterView::DeadLetterView(ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dlqStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_status, 1);
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_exportButton = new QPushButton(tr("Export selected…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(tr("Write the selected records, with their decoded error context, to a JSON file."));
    m_copyButton = new QPushButton(tr("Copy value"), this);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    bar->addWidget(m_refreshButton);
    bar->addWidget(m_exportButton);
    bar->addWidget(m_copyButton);
    layout->addLayout(bar);
    m_message = new MessageBar(this);
    layout->addWidget(m_message);

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    m_explanation = new QLabel(m_stack);
    m_explanation->setObjectName(QStringLiteral("dlqExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setAlignment(Qt::AlignCenter);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setMargin(24);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_explanation);

    auto *browser = new QSplitter(Qt::Horizontal, m_stack);
    m_groups = new QTreeWidget(browser);
    m_groups->setObjectName(QStringLiteral("dlqGroups"));
    m_groups->setHeaderLabels({tr("Exception → stage"), tr("Count")});
    m_groups->headerItem()->setToolTip(0, tr("Failures grouped by exception class, then by the stage that failed"));
    m_groups->setRootIsDecorated(true);
    m_groups->setIndentation(14);
    m_groups->setMinimumWidth(250);
    m_groups->header()->setStretchLastSection(false);
    m_groups->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_groups->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *right = new QSplitter(Qt::Vertical, browser);
    m_table = new QTableWidget(0, ColumnCount, right);
    m_table->setObjectName(QStringLiteral("dlqTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Offset"), tr("Timestamp"), tr("Original record"), tr("Stage"), tr("Exception"), tr("Message")});
    m_table->horizontalHeaderItem(OriginalColumn)->setToolTip(tr("topic-partition@offset of the record that failed"));
    styleReadOnlyTable(m_table, QAbstractItemView::ExtendedSelection);

    auto *details = new QWidget(right);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(details);
    m_summary->setObjectName(QStringLiteral("dlqSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLayout->addWidget(m_summary);
    m_tabs = new QTabWidget(details);
    m_value = codeBox(m_tabs, QStringLiteral("dlqValue"));
    m_key = codeBox(m_tabs, QStringLiteral("dlqKey"));
    m_headers = new QTableWidget(0, 2, m_tabs);
    m_headers->setObjectName(QStringLiteral("dlqHeaders"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setWordWrap(false);
    m_headers->verticalHeader()->hide();
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_trace = codeBox(m_tabs, QStringLiteral("dlqStackTrace"));
    // A trace's first line (the message) is long; its frames are short. Wrapping shows both.
    m_trace->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_tabs->addTab(m_value, tr("Value"));
    m_tabs->addTab(m_key, tr("Key"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_trace, tr("Stack trace"));
    detailsLayout->addWidget(m_tabs, 1);

    // The groups keep their width when the window grows; the records take the rest.
    browser->setStretchFactor(0, 0);
    browser->setStretchFactor(1, 1);
    browser->setSizes({270, 830});
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    m_stack->addWidget(browser);

    connect(m_refreshButton, &QPushButton::clicked, this, &DeadLetterView::refresh);
    connect(m_exportButton, &QPushButton::clicked, this, &DeadLetterView::exportSelected);
    connect(m_copyButton, &QPushButton::clicked, this, &DeadLetterView::copyValue);
    connect(m_groups, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        m_filterAll = item->data(0, AllRole).toBool();
        m_filterClass = item->data(0, ClassRole).toString();
        m_filterStage = item->data(0, StageRole).toString();
        applyFilter();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_exportButton->setEnabled(!selectedRecords().isEmpty());
        showDetails(currentRecordIndex());
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] { showDetails(currentRecordIndex()); });
    connect(m_session, &ClusterSession::connectorsChanged, this, [this] {
        // The listing arrived, or the connector's DLQ setting changed: read (or explain) again.
        QString topic;
        QString explanation;
        const State wanted = precondition(&topic, &explanation);
        const bool waiting = m_state == State::NotListed || m_state == State::NotSink
                             || m_state == State::NoDeadLetterQueue || m_state == State::NoBootstrapServers;
        // While shown, new failures appear without a click (at most every 10 s: each read
        // opens its own Kafka clients).
        const bool stale = isVisible() && m_state != State::Loading && m_lastRead.isValid() && m_lastRead.hasExpired(10000);
        if (topic != m_topic || (waiting && wanted != m_state) || stale)
            refresh();
    });

    setState(State::NoConnector, tr("No connector selected."));
}

DeadLetterView::~DeadLetterView() = default;

void DeadLetterView::setConnector(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    m_message->hide();
    m_snapshot = {};
    m_contexts.clear();
    refresh();
}

QString DeadLetterView::statusText() const
{
    return m_statusText;
}

QString DeadLetterView::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

DeadLetterView::State DeadLetterView::precondition(QString *topic, QString *explanation) const
{
    topic->clear();
    const QString name = m_name.toHtmlEscaped();
    if (m_name.isEmpty()) {
        *explanation = tr("No connector selected.");
        return State::NoConnector;
    }
    const Client::ConnectorOverview *connector = m_session->connector(m_name);
    if (!connector) {
        *explanation = tr("<b>%1</b> is not in the cluster's connector listing (yet).").arg(name);
        return State::NotListed;
    }
    if (connector->type != QLatin1String("sink")) {
        *explanation = tr("<b>%1</b> is a %2 connector. Kafka Connect's dead-letter queue is for sink connectors: "
                          "it keeps the records a sink could not convert or transform.")
                           .arg(name, connector->type.isEmpty() ? tr("non-sink") : connector->type.toHtmlEscaped());
        return State::NotSink;
    }
    *topic = connector->config.value(DlqTopicKey).trimmed();
    if (topic->isEmpty()) {
        *explanation = tr("<b>%1</b> has no dead-letter queue: a record that fails conversion or a transform %2.<br><br>"
                          "To keep such records in a topic and browse them here, set<br>"
                          "<code>errors.tolerance=all</code><br><code>errors.deadletterqueue.topic.name=&lt;topic&gt;</code><br>"
                          "<code>errors.deadletterqueue.context.headers.enable=true</code> (records why each one failed).")
                           .arg(name, connector->config.value(QStringLiteral("errors.tolerance")) == QLatin1String("all")
                                          ? tr("is skipped and lost")
                                          : tr("stops its task"));
        return State::NoDeadLetterQueue;
    }
    if (!m_session->profile().canReadTopics()) {
        *explanation = tr("The dead-letter queue of <b>%1</b> is the topic <b>%2</b>, but this cluster profile has no "
                          "Kafka bootstrap servers, so the console cannot read topics.<br><br>"
                          "Attach the cluster with its Kafka bootstrap servers (and client properties, if the "
                          "brokers need authentication) to browse it.")
                           .arg(name, topic->toHtmlEscaped());
        return State::NoBootstrapServers;
    }
    return State::Loading;
}

void DeadLetterView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Opening the tab shows what is there now.
    if (m_state != State::Loading && m_state != State::NoConnector)
        refresh();
}

void DeadLetterView::refresh()
{
    m_lastRead.start();
    QString topic;
    QString explanation;
    const State ready = precondition(&topic, &explanation);
    m_topic = topic;
    const quint64 generation = ++m_generation;
    if (ready != State::Loading) {
        m_snapshot = {};
        m_contexts.clear();
        setState(ready, explanation);
        return;
    }
    setState(State::Loading, tr("Reading %1…").arg(topic));
    Client::TopicBrowser::read(m_session->profile().kafkaClientProperties(), topic, 500)
        .then(this, [this, generation](const Client::TopicSnapshot &snapshot) {
            if (generation != m_generation)
                return;
            m_snapshot = snapshot;
            m_contexts.clear();
            for (const Client::TopicRecord &record : snapshot.records)
                m_contexts.append(Client::DeadLetterContext::fromRecord(record));
            const QString topicName = m_topic.toHtmlEscaped();
            if (!snapshot.error.isEmpty()) {
                setState(State::ReadError, tr("Could not read the dead-letter queue <b>%1</b>: %2")
                                               .arg(topicName, snapshot.error.toHtmlEscaped()));
            } else if (!snapshot.exists) {
                setState(State::TopicMissing,
                         tr("The dead-letter queue topic <b>%1</b> does not exist yet: no record of <b>%2</b> has "
                            "failed so far.")
                             .arg(topicName, m_name.toHtmlEscaped()));
            } else {
                QString text;
                if (snapshot.records.isEmpty())
                    text = tr("The dead-letter queue <b>%1</b> is empty: no record has failed so far.").arg(topicName);
                else if (snapshot.records.size() < snapshot.totalRecords)
                    text = tr("Dead-letter queue %1: the newest %2 of %3 records").arg(topicName).arg(snapshot.records.size()).arg(snapshot.totalRecords);
                else
                    text = tr("Dead-letter queue %1: %2 of %3 records").arg(topicName).arg(snapshot.records.size()).arg(snapshot.totalRecords);
                if (snapshot.partitions > 1)
                    text += tr(" in %1 partitions").arg(snapshot.partitions);
                const bool anyContext = std::any_of(m_contexts.cbegin(), m_contexts.cend(),
                                                    [](const Client::DeadLetterContext &context) { return context.present; });
                if (!snapshot.records.isEmpty() && !anyContext)
                    text += tr(". Set errors.deadletterqueue.context.headers.enable=true to record why records fail.");
                setState(State::Loaded, text);
            }
        });
}

void DeadLetterView::setState(State state, const QString &text)
{
    m_state = state;
    m_statusText = text;
    const bool browsing = state == State::Loaded && !m_snapshot.records.isEmpty();
    if (browsing) {
        m_status->setText(text);
        showSnapshot();
        m_stack->setCurrentIndex(1);
    } else {
        m_status->setText(state == State::Loaded || state == State::Loading ? text : QString());
        m_explanation->setText(text);
        m_stack->setCurrentIndex(0);
    }
    m_status->setStyleSheet(state == State::ReadError ? QStringLiteral("color: #c0392b;") : QString());
    m_refreshButton->setEnabled(state != State::NoConnector && state != State::Loading);
    m_exportButton->setEnabled(browsing && !selectedRecords().isEmpty());
    m_copyButton->setEnabled(browsing && currentRecordIndex() >= 0);
    emit stateChanged(state);
}

void DeadLetterView::showSnapshot()
{
    m_table->setSortingEnabled(false);
    m_table->clearContents();
    m_table->setRowCount(int(m_snapshot.records.size()));
    for (int index = 0; index < m_snapshot.records.size(); ++index) {
        const Client::TopicRecord &record = m_snapshot.records[index];
        const Client::DeadLetterContext &context = m_contexts[index];
        auto *offset = readOnlyItem({});
        offset->setData(Qt::DisplayRole, record.offset);
        offset->setData(RecordIndexRole, index);
        offset->setData(ClassRole, exceptionClassOf(context));
        offset->setData(StageRole, stageOf(context));
        offset->setToolTip(tr("%1, partition %2, offset %3").arg(record.topic).arg(record.partition).arg(record.offset));
        offset->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(index, OffsetColumn, offset);
        m_table->setItem(index, TimestampColumn, readOnlyItem(timestampText(record.timestamp)));
        const QString original = context.present
                                     ? QStringLiteral("%1-%2@%3").arg(context.topic).arg(context.partition).arg(context.offset)
                                     : QStringLiteral("—");
        m_table->setItem(index, OriginalColumn, readOnlyItem(original));
        m_table->setItem(index, StageColumn, readOnlyItem(stageOf(context)));
        auto *exception = readOnlyItem(shortClass(exceptionClassOf(context)));
        exception->setToolTip(exceptionClassOf(context));
        m_table->setItem(index, ExceptionColumn, exception);
        auto *message = readOnlyItem(firstLine(context.exceptionMessage));
        message->setToolTip(context.exceptionMessage);
        m_table->setItem(index, MessageColumn, message);
    }
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(OffsetColumn, Qt::AscendingOrder);
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(MessageColumn, qMax(m_table->columnWidth(MessageColumn), 200));
    for (int column = 0; column < MessageColumn; ++column)
        m_table->setColumnWidth(column, qMin(m_table->columnWidth(column) + 12, 360));
    fillGroups();
    if (m_table->rowCount() > 0 && currentRecordIndex() < 0)
        m_table->selectRow(0);
    showDetails(currentRecordIndex());
}

void DeadLetterView::fillGroups()
{
    // Classes in order of their counts (the most common failure first), stages likewise.
    QMap<QString, QMap<QString, int>> counts;
    for (const Client::DeadLetterContext &context : std::as_const(m_contexts))
        ++counts[exceptionClassOf(context)][stageOf(context)];

    const QSignalBlocker blocker(m_groups);
    m_groups->clear();
    auto *all = new QTreeWidgetItem(m_groups, {tr("All"), QString::number(m_contexts.size())});
    all->setData(0, AllRole, true);
    all->setToolTip(0, tr("Every record read from %1").arg(m_topic));
    QList<QPair<int, QString>> classes;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        int total = 0;
        for (int count : it.value())
            total += count;
        classes.append({-total, it.key()});
    }
    std::sort(classes.begin(), classes.end());
    QTreeWidgetItem *current = all;
    for (const auto &[negativeTotal, className] : std::as_const(classes)) {
        auto *classItem = new QTreeWidgetItem(m_groups, {shortClass(className), QString::number(-negativeTotal)});
        classItem->setData(0, ClassRole, className);
        classItem->setToolTip(0, className);
        const QMap<QString, int> &stages = counts.value(className);
        for (auto it = stages.cbegin(); it != stages.cend(); ++it) {
            auto *stageItem = new QTreeWidgetItem(classItem, {it.key(), QString::number(it.value())});
            stageItem->setData(0, ClassRole, className);
            stageItem->setData(0, StageRole, it.key());
            stageItem->setToolTip(0, tr("%1 in stage %2").arg(className, it.key()));
            if (!m_filterAll && className == m_filterClass && it.key() == m_filterStage)
                current = stageItem;
        }
        if (!m_filterAll && className == m_filterClass && m_filterStage.isEmpty())
            current = classItem;
        classItem->setExpanded(true);
    }
    for (QTreeWidgetItemIterator it(m_groups); *it; ++it)
        (*it)->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    m_groups->resizeColumnToContents(1);
    // Keep the group chosen before a refresh when it still exists.
    if (current == all) {
        m_filterAll = true;
        m_filterClass.clear();
        m_filterStage.clear();
    }
    m_groups->setCurrentItem(current);
    applyFilter();
}

void DeadLetterView::setGroupFilter(const QString &exceptionClass, const QString &stage)
{
    for (QTreeWidgetItemIterator it(m_groups); *it; ++it) {
        QTreeWidgetItem *item = *it;
        const bool all = item->data(0, AllRole).toBool();
        if ((exceptionClass.isEmpty() && all)
            || (!all && item->data(0, ClassRole).toString() == exceptionClass
                && item->data(0, StageRole).toString() == stage)) {
            m_groups->setCurrentItem(item);
            return;
        }
    }
}

void DeadLetterView::applyFilter()
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *item = m_table->item(row, OffsetColumn);
        bool visible = true;
        if (item && !m_filterAll) {
            visible = item->data(ClassRole).toString() == m_filterClass
                      && (m_filterStage.isEmpty() || item->data(StageRole).toString() == m_filterStage);
        }
        m_table->setRowHidden(row, !visible);
    }
    if (m_state == State::Loaded)
        m_status->setText(m_filterAll ? m_statusText : tr("%1 · %2 shown").arg(m_statusText).arg(visibleRecordCount()));
    // The details follow the selection; drop one that the filter hid.
    const int current = m_table->currentRow();
    if (current >= 0 && m_table->isRowHidden(current))
        m_table->clearSelection();
    if (m_table->selectedItems().isEmpty()) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            if (!m_table->isRowHidden(row)) {
                m_table->selectRow(row);
                break;
            }
        }
    }
    showDetails(currentRecordIndex());
}

int DeadLetterView::visibleRecordCount() const
{
    int count = 0;
    for (int row = 0; row < m_table->rowCount(); ++row)
        count += m_table->isRowHidden(row) ? 0 : 1;
    return count;
}

int DeadLetterView::currentRecordIndex() const
{
    const int row = m_table->currentRow();
    if (row < 0 || m_table->isRowHidden(row) || !m_table->item(row, OffsetColumn))
        return -1;
    return m_table->item(row, OffsetColumn)->data(RecordIndexRole).toInt();
}

QList<Client::TopicRecord> DeadLetterView::selectedRecords() const
{
    QList<Client::TopicRecord> records;
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows(OffsetColumn)) {
        if (!m_table->isRowHidden(index.row()))
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    for (int row : std::as_const(rows)) {
        const int index = m_table->item(row, OffsetColumn)->data(RecordIndexRole).toInt();
        if (index >= 0 && index < m_snapshot.records.size())
            records.append(m_snapshot.records[index]);
    }
    return records;
}

void DeadLetterView::showDetails(int recordIndex)
{
    m_copyButton->setEnabled(recordIndex >= 0);
    if (recordIndex < 0 || recordIndex >= m_snapshot.records.size()) {
        m_summary->setText(tr("Select a record to see its key, value, headers and stack trace."));
        m_value->clear();
        m_key->clear();
        m_headers->setRowCount(0);
        m_trace->clear();
        return;
    }
    const Client::TopicRecord &record = m_snapshot.records[recordIndex];
    const Client::DeadLetterContext &context = m_contexts[recordIndex];
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Record"), tr("%1-%2@%3, %4").arg(record.topic).arg(record.partition).arg(record.offset).arg(timestampText(record.timestamp)));
    if (context.present) {
        html += row(tr("Failed record"), QStringLiteral("%1-%2@%3").arg(context.topic).arg(context.partition).arg(context.offset));
        html += row(tr("Connector"), tr("%1, task %2").arg(context.connector).arg(context.taskId));
        html += row(tr("Stage"), context.className.isEmpty() ? context.stage
                                                               : tr("%1 (%2)").arg(context.stage, context.className));
        html += row(tr("Exception"), context.exceptionClass);
        html += row(tr("Message"), context.exceptionMessage);
    } else {
        html += row(tr("Error context"), tr("none: errors.deadletterqueue.context.headers.enable is not true"));
    }
    html += QStringLiteral("</table>");
    m_summary->setText(html);

    m_value->setPlainText(Client::displayBytes(record.value));
    m_key->setPlainText(Client::displayBytes(record.key));
    m_headers->setRowCount(int(record.headers.size()));
    for (int index = 0; index < record.headers.size(); ++index) {
        const auto &[name, value] = record.headers[index];
        const QString text = Client::displayBytes(value);
        auto *nameItem = readOnlyItem(name);
        if (name.startsWith(ErrorsPrefix))
            nameItem->setToolTip(tr("Written by Kafka Connect's dead-letter queue reporter"));
        m_headers->setItem(index, 0, nameItem);
        auto *valueItem = readOnlyItem(firstLine(text));
        valueItem->setToolTip(text.size() > 4000 ? text.left(4000) + QStringLiteral("…") : text);
        m_headers->setItem(index, 1, valueItem);
    }
    m_headers->resizeColumnToContents(0);
    m_tabs->setTabText(2, tr("Headers (%1)").arg(record.headers.size()));
    m_trace->setPlainText(context.stackTrace.isEmpty() ? tr("(no stack trace recorded)") : context.stackTrace);
}

void DeadLetterView::copyValue()
{
    const int index = currentRecordIndex();
    if (index < 0)
        return;
    QApplication::clipboard()->setText(Client::displayBytes(m_snapshot.records[index].value));
    m_message->showInfo(tr("The value of offset %1 is on the clipboard.").arg(m_snapshot.records[index].offset));
}

QJsonArray DeadLetterView::exportJson(const QList<Client::TopicRecord> &records)
{
    QJsonArray array;
    for (const Client::TopicRecord &record : records) {
        QJsonObject json = record.toJson();
        json.insert(QStringLiteral("error"), Client::DeadLetterContext::fromRecord(record).toJson());
        array.append(json);
    }
    return array;
}

bool DeadLetterView::exportRecords(const QList<Client::TopicRecord> &records, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(exportJson(records)).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void DeadLetterView::exportSelected()
{
    const QList<Client::TopicRecord> records = selectedRecords();
    if (records.isEmpty()) {
        m_message->showError(tr("Select the records to export in the table first."));
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Export dead-letter records"), QString(), tr("JSON files (*.json)"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->selectFile(QStringLiteral("%1-%2.json").arg(m_topic.isEmpty() ? QStringLiteral("dlq") : m_topic)
                           .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, records](const QString &path) {
        QString error;
        if (exportRecords(records, path, &error))
            m_message->showInfo(tr("%1 exported to %2").arg(countOf(records.size(), "record", "records"), path));
        else
            m_message->showError(tr("Could not export to %1: %2").arg(path, error));
    });
    dialog->open();
}

} // namespace ConnectDesk::Ui
