// SPDX-License-Identifier: Apache-2.0
#include "offsetsview.h"

#include "clustersession.h"
#include "messagebar.h"
#include "statebadge.h"
#include "tablestyle.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

#include <algorithm>

namespace ConnectDesk::Ui {

namespace {

const QString Stopped = QStringLiteral("STOPPED");
const QString KafkaTopic = QStringLiteral("kafka_topic");
const QString KafkaPartition = QStringLiteral("kafka_partition");
const QString KafkaOffset = QStringLiteral("kafka_offset");

/** A JSON value as a cell shows it: numbers without a fraction when they have none. */
QString cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return QString::number(qint64(number));
        return QString::number(number, 'g', 17);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QTableWidgetItem *cell(const QJsonValue &value)
{
    auto *item = new QTableWidgetItem(cellText(value));
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (value.isDouble())
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(item->text());
    return item;
}

bool isSinkPartition(const QJsonObject &partition)
{
    return partition.contains(KafkaTopic) && partition.contains(KafkaPartition);
}

QString sinkGroup(const Client::ConnectorOverview *connector, const QString &name)
{
    const QString override = connector ? connector->config.value(QStringLiteral("consumer.override.group.id")) : QString();
    return override.isEmpty() ? QStringLiteral("connect-") + name : override;
}

} // namespace

OffsetsView::OffsetsView(ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);

    m_unsupported = new QLabel(this);
    m_unsupported->setWordWrap(true);
    m_unsupported->setAlignment(Qt::AlignCenter);
    m_unsupported->setObjectName(QStringLiteral("offsetsUnsupported"));
    m_unsupported->hide();
    layout->addWidget(m_unsupported, 1);

    m_content = new QWidget(this);
    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_content, 1);

    m_banner = new QLabel(m_content);
    m_banner->setObjectName(QStringLiteral("offsetsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setMargin(8);
    content->addWidget(m_banner);

    auto *buttons = new QHBoxLayout;
    m_stopButton = new QPushButton(tr("Stop connector"), m_content);
    m_editButton = new QPushButton(tr("Edit offsets…"), m_content);
    m_resetButton = new QPushButton(tr("Reset offsets"), m_content);
    m_resumeButton = new QPushButton(tr("Resume connector"), m_content);
    m_refreshButton = new QPushButton(tr("Refresh"), m_content);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_resetButton->setObjectName(QStringLiteral("resetButton"));
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    for (QPushButton *button : {m_stopButton, m_editButton, m_resetButton, m_resumeButton})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_refreshButton);
    content->addLayout(buttons);

    m_alterNote = new QLabel(m_content);
    m_alterNote->setWordWrap(true);
    m_alterNote->setObjectName(QStringLiteral("alterNote"));
    m_alterNote->hide();
    content->addWidget(m_alterNote);

    m_table = new QTableWidget(m_content);
    m_table->setObjectName(QStringLiteral("offsetsTable"));
    styleReadOnlyTable(m_table, QAbstractItemView::ExtendedSelection);
    content->addWidget(m_table, 1);

    m_empty = new QLabel(m_content);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    content->addWidget(m_empty);

    m_message = new MessageBar(this);
    layout->addWidget(m_message);

    connect(m_stopButton, &QPushButton::clicked, this, &OffsetsView::stopConnector);
    connect(m_editButton, &QPushButton::clicked, this, &OffsetsView::editOffsets);
    connect(m_resetButton, &QPushButton::clicked, this, &OffsetsView::confirmReset);
    connect(m_resumeButton, &QPushButton::clicked, this, &OffsetsView::resumeConnector);
    connect(m_refreshButton, &QPushButton::clicked, this, &OffsetsView::refresh);
    connect(m_session, &ClusterSession::serverInfoChanged, this, [this] {
        updateFeatures();
        refresh();
    });
    connect(m_session, &ClusterSession::connectorsChanged, this, [this] {
        updateState();
        // Offsets move while tasks run: follow the listing's rhythm, but only when someone looks.
        if (isVisible() && !m_loading)
            refresh();
    });

    updateFeatures();
    updateState();
}

OffsetsView::~OffsetsView() = default;

void OffsetsView::setConnector(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    ++m_generation;
    m_loading = false;
    m_offsets = {};
    m_lastState.clear();
    m_awaitedState.clear();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    setMessage({});
    if (m_editor)
        m_editor->close();
    updateState();
    refresh();
}

QString OffsetsView::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void OffsetsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loading)
        refresh();
}

QString OffsetsView::connectorState() const
{
    const Client::ConnectorOverview *connector = m_session->connector(m_name);
    return connector && connector->hasStatus ? connector->status.state : QString();
}

bool OffsetsView::isSink() const
{
    const Client::ConnectorOverview *connector = m_session->connector(m_name);
    if (connector && !connector->type.isEmpty() && connector->type != QLatin1String("unknown"))
        return connector->type == QLatin1String("sink");
    return !m_offsets.isEmpty() && isSinkPartition(m_offsets.first().toObject().value(QLatin1String("partition")).toObject());
}

void OffsetsView::updateFeatures()
{
    const Client::ClusterFeatures &features = m_session->features();
    const QString version = m_session->serverInfo().version;
    if (!features.readOffsets()) {
        m_unsupported->setText(Client::ClusterFeatures::unsupported(tr("Reading a connector's offsets"),
                                                                 QStringLiteral("3.5"), version));
        m_unsupported->show();
        m_content->hide();
        return;
    }
    m_unsupported->hide();
    m_content->show();
    const bool alter = features.alterOffsets();
    m_editButton->setVisible(alter);
    m_resetButton->setVisible(alter);
    m_alterNote->setVisible(!alter);
    if (!alter) {
        m_alterNote->setText(Client::ClusterFeatures::unsupported(tr("Editing and resetting offsets"), QStringLiteral("3.6"),
                                                               version)
                             + QLatin1Char(' ') + tr("The offsets are shown read-only."));
    }
    updateState();
}

void OffsetsView::updateState()
{
    const Client::ConnectorOverview *connector = m_session->connector(m_name);
    const QString state = connectorState();
    const bool stopped = state == Stopped;
    const bool sink = isSink();
    const bool known = connector != nullptr && !state.isEmpty();
    const QString name = m_name.toHtmlEscaped();

    QString text;
    QString background = QStringLiteral("#fff4dc");
    QString border = QStringLiteral("#e0a030");
    if (m_name.isEmpty()) {
        text = tr("No connector selected.");
    } else if (!known) {
        text = tr("<b>%1</b> is not in the cluster's connector listing (yet).").arg(name);
    } else if (stopped) {
        background = QStringLiteral("#e6f2e8");
        border = QStringLiteral("#5aa36c");
        text = tr("<b>%1</b> is <b>STOPPED</b>: its offsets can be edited or reset now. "
                  "Resume it to continue from the offsets shown.")
                   .arg(name);
    } else {
        text = tr("<b>%1</b> is <b style=\"color:%2\">%3</b>. Kafka Connect changes offsets only while a connector "
                  "is <b>STOPPED</b> (no tasks running): stop it, edit or reset its offsets, then resume it.")
                   .arg(name, stateColor(state).name(), state.toHtmlEscaped());
    }
    if (known) {
        text += QStringLiteral("<br>");
        if (sink) {
            text += tr("A sink's offsets are its consumer group's (<code>%1</code>): for each topic partition, the next "
                       "offset the connector will consume.")
                        .arg(sinkGroup(connector, m_name).toHtmlEscaped());
        } else {
            text += tr("A source's offsets are the positions its tasks committed for each source partition "
                       "(the connector's own maps); it reads them back when it starts.");
        }
    }
    m_banner->setText(text);
    m_banner->setStyleSheet(QStringLiteral("QLabel#offsetsBanner { background: %1; border: 1px solid %2; "
                                           "border-radius: 4px; color: #1d1d1f; }")
                                .arg(background, border));

    const bool canStop = m_session->features().stop();
    m_stopButton->setEnabled(known && !stopped && canStop);
    m_stopButton->setToolTip(!known      ? tr("The connector's state is not known yet.")
                             : stopped   ? tr("The connector is already STOPPED.")
                                         : tr("Stop the connector and its tasks (PUT /connectors/{c}/stop)."));
    const QString needStop = tr("Stop the connector first: Kafka Connect changes offsets only while it is STOPPED.");
    m_editButton->setEnabled(known && stopped);
    m_editButton->setToolTip(stopped ? tr("Edit the offsets as JSON (PATCH /connectors/{c}/offsets).") : needStop);
    m_resetButton->setEnabled(known && stopped);
    m_resetButton->setToolTip(stopped ? tr("Forget every offset (DELETE /connectors/{c}/offsets).") : needStop);
    const bool resumable = stopped || state == QLatin1String("PAUSED");
    m_resumeButton->setEnabled(known && resumable);
    m_resumeButton->setToolTip(resumable ? tr("Run the connector again (PUT /connectors/{c}/resume).")
                                         : tr("The connector is not stopped or paused."));
    m_refreshButton->setEnabled(!m_name.isEmpty());

    if (!m_awaitedState.isEmpty() && state == m_awaitedState) {
        setMessage(stopped ? tr("%1 is STOPPED: edit or reset its offsets, then resume it.").arg(m_name)
                           : tr("%1 is %2 again, from the offsets shown.").arg(m_name, state));
        m_awaitedState.clear();
    }
    // The state changed (the stop landed, the tasks went away): read the offsets as they are now.
    if (!m_lastState.isEmpty() && state != m_lastState && !m_loading)
        refresh();
    m_lastState = state;
}

void OffsetsView::refresh()
{
    if (m_name.isEmpty() || !m_session->features().readOffsets())
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    m_session->client()->connectorOffsets(m_name).then(this, [this, generation](const Client::RestReply &reply) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!reply.ok()) {
            setMessage(tr("Could not read the offsets: %1").arg(reply.describe()), true);
            m_loadError = true;
            return;
        }
        if (m_loadError)
            setMessage({});
        m_offsets = reply.object().value(QLatin1String("offsets")).toArray();
        showOffsets(Client::PartitionOffset::listFromJson(reply.object()));
        emit offsetsLoaded();
    });
}

void OffsetsView::showOffsets(const QList<Client::PartitionOffset> &offsets)
{
    m_table->clear();
    m_table->setRowCount(0);
    const bool sinkShape = !offsets.isEmpty()
                           && std::all_of(offsets.cbegin(), offsets.cend(), [](const Client::PartitionOffset &offset) {
                                  return isSinkPartition(offset.partition);
                              });

    // Source partitions usually share their keys (FileStreamSource: filename → position); then
    // each key gets a column. Otherwise the maps are shown as compact JSON.
    QStringList partitionKeys;
    QStringList offsetKeys;
    bool expanded = !sinkShape && !offsets.isEmpty();
    for (const Client::PartitionOffset &offset : offsets) {
        if (!expanded)
            break;
        const QStringList keys = offset.partition.keys();
        if (partitionKeys.isEmpty())
            partitionKeys = keys;
        if (keys.isEmpty() || keys != partitionKeys || !(offset.offset.isObject() || offset.offset.isNull()))
            expanded = false;
        for (const QString &key : offset.offset.toObject().keys()) {
            if (!offsetKeys.contains(key))
                offsetKeys.append(key);
        }
    }

    QStringList headers;
    QStringList headerTips;
    if (sinkShape || (offsets.isEmpty() && isSink())) {
        headers = {tr("Topic"), tr("Partition"), tr("Offset")};
        headerTips = {tr("kafka_topic"), tr("kafka_partition"), tr("kafka_offset: the next offset to consume")};
    } else if (expanded && !offsetKeys.isEmpty()) {
        headers = partitionKeys + offsetKeys;
        for (int i = 0; i < partitionKeys.size(); ++i)
            headerTips.append(tr("Key of the source partition"));
        for (int i = 0; i < offsetKeys.size(); ++i)
            headerTips.append(tr("Key of the source offset"));
    } else {
        expanded = false;
        headers = {tr("Source partition"), tr("Source offset")};
        headerTips = {tr("The partition map, as JSON"), tr("The offset map, as JSON")};
    }
    m_table->setColumnCount(int(headers.size()));
    for (int column = 0; column < headers.size(); ++column) {
        auto *item = new QTableWidgetItem(headers[column]);
        item->setToolTip(headerTips.value(column));
        m_table->setHorizontalHeaderItem(column, item);
    }

    m_table->setRowCount(int(offsets.size()));
    for (int row = 0; row < offsets.size(); ++row) {
        const Client::PartitionOffset &offset = offsets[row];
        if (sinkShape) {
            m_table->setItem(row, 0, cell(offset.partition.value(KafkaTopic)));
            m_table->setItem(row, 1, cell(offset.partition.value(KafkaPartition)));
            m_table->setItem(row, 2, offset.offset.isObject() ? cell(offset.offset.toObject().value(KafkaOffset))
                                                              : new QTableWidgetItem(tr("— (none committed)")));
        } else if (expanded) {
            int column = 0;
            for (const QString &key : partitionKeys)
                m_table->setItem(row, column++, cell(offset.partition.value(key)));
            for (const QString &key : offsetKeys) {
                const QJsonObject map = offset.offset.toObject();
                m_table->setItem(row, column++, map.contains(key) ? cell(map.value(key)) : new QTableWidgetItem(QStringLiteral("—")));
            }
        } else {
            m_table->setItem(row, 0, cell(offset.partition));
            m_table->setItem(row, 1, cell(offset.offset));
        }
    }
    // The first column (topic, file, partition map) takes the room; numbers stay beside it.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->resizeColumnsToContents();
    for (int column = 1; column < m_table->columnCount(); ++column)
        m_table->setColumnWidth(column, qBound(120, m_table->columnWidth(column) + 24, 480));
    if (m_table->columnCount() > 0)
        m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

    m_empty->setVisible(offsets.isEmpty());
    if (offsets.isEmpty()) {
        m_empty->setText(isSink() ? tr("No committed offsets: the consumer group has not committed any yet "
                                       "(or was reset).")
                                  : tr("No committed offsets: the tasks have not committed any yet (or they were reset)."));
    }
}

void OffsetsView::setMessage(const QString &text, bool error)
{
    m_loadError = false;
    if (text.isEmpty()) {
        m_message->hide();
        return;
    }
    const QString line = QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) + QStringLiteral("  ") + text;
    if (error)
        m_message->showError(line);
    else
        m_message->showInfo(line);
}

void OffsetsView::stopConnector()
{
    if (m_name.isEmpty())
        return;
    const quint64 generation = m_generation;
    setMessage(tr("Stopping %1…").arg(m_name));
    m_session->client()->stopConnector(m_name).then(this, [this, generation](const Client::RestReply &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            setMessage(tr("Could not stop the connector: %1").arg(reply.describe()), true);
            return;
        }
        setMessage(tr("Stop requested; the offsets can be changed once the state shows STOPPED."));
        m_awaitedState = Stopped;
        m_session->refresh();
    });
}

void OffsetsView::resumeConnector()
{
    if (m_name.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_session->client()->resumeConnector(m_name).then(this, [this, generation](const Client::RestReply &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            setMessage(tr("Could not resume the connector: %1").arg(reply.describe()), true);
            return;
        }
        setMessage(tr("Resume requested; the tasks start from the offsets shown."));
        m_awaitedState = QStringLiteral("RUNNING");
        m_session->refresh();
    });
}

void OffsetsView::editOffsets()
{
    if (m_name.isEmpty())
        return;
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    QJsonArray offsets = m_offsets;
    const Client::ConnectorOverview *connector = m_session->connector(m_name);
    if (offsets.isEmpty() && isSink() && connector) {
        // Nothing committed yet: start from one entry per configured topic, which is the shape
        // a sink needs and the most common edit (skip ahead or replay a topic).
        for (const QString &topic : connector->configuredTopics()) {
            if (topic.startsWith(QLatin1Char('/')))
                continue;
            offsets.append(QJsonObject{{QStringLiteral("partition"), QJsonObject{{KafkaTopic, topic}, {KafkaPartition, 0}}},
                                       {QStringLiteral("offset"), QJsonObject{{KafkaOffset, 0}}}});
        }
    }
    m_editor = new OffsetsEditDialog(this, m_name, isSink(), offsets);
    m_editor->open();
}

void OffsetsView::alterOffsets(const QJsonArray &offsets)
{
    if (m_name.isEmpty())
        return;
    const quint64 generation = m_generation;
    setMessage(tr("Altering the offsets of %1…").arg(m_name));
    m_session->client()->alterConnectorOffsets(m_name, offsets).then(this, [this, generation](const Client::RestReply &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            const QString error = reply.describe();
            setMessage(tr("The offsets were not altered: %1").arg(error), true);
            emit offsetsAltered(false, error);
            return;
        }
        const QString text = reply.object().value(QLatin1String("message")).toString(tr("The offsets were altered."));
        setMessage(text);
        emit offsetsAltered(true, text);
        refresh();
    });
}

void OffsetsView::confirmReset()
{
    if (m_name.isEmpty())
        return;
    const QString what = isSink()
                             ? tr("This deletes its consumer group %1: once resumed it consumes each topic from "
                                  "consumer.auto.offset.reset (earliest unless overridden).")
                                   .arg(sinkGroup(m_session->connector(m_name), m_name))
                             : tr("Once resumed its tasks start each source partition from the beginning "
                                  "(a file source re-reads its file).");
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Reset offsets"),
                                tr("Reset every offset of %1?").arg(m_name), QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("resetConfirmation"));
    box->setInformativeText(what);
    box->button(QMessageBox::Yes)->setText(tr("Reset offsets"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            resetOffsets();
    });
    box->open();
}

void OffsetsView::resetOffsets()
{
    if (m_name.isEmpty())
        return;
    const quint64 generation = m_generation;
    setMessage(tr("Resetting the offsets of %1…").arg(m_name));
    m_session->client()->resetConnectorOffsets(m_name).then(this, [this, generation](const Client::RestReply &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            const QString error = reply.describe();
            setMessage(tr("The offsets were not reset: %1").arg(error), true);
            emit offsetsReset(false, error);
            return;
        }
        const QString text = reply.object().value(QLatin1String("message")).toString(tr("The offsets were reset."));
        setMessage(text);
        emit offsetsReset(true, text);
        refresh();
    });
}

OffsetsEditDialog::OffsetsEditDialog(OffsetsView *view, const QString &connector, bool sink, const QJsonArray &offsets)
    : QDialog(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("offsetsEditor"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Edit offsets of %1").arg(connector));
    resize(640, 420);
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(this);
    help->setWordWrap(true);
    help->setText(sink ? tr("One entry per topic partition: <code>partition</code> holds kafka_topic and "
                            "kafka_partition, <code>offset</code> holds kafka_offset, the next offset to consume. "
                            "An offset of <code>null</code> removes that partition's offset.")
                       : tr("One entry per source partition: <code>partition</code> and <code>offset</code> are the "
                            "connector's own maps (a file source: filename → position). An offset of "
                            "<code>null</code> removes that partition's offset."));
    layout->addWidget(help);
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("offsetsJson"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setPlainText(QString::fromUtf8(QJsonDocument(offsets).toJson(QJsonDocument::Indented)));
    layout->addWidget(m_edit, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("editorError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Alter offsets"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OffsetsEditDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(view, &OffsetsView::offsetsAltered, this, [this](bool ok, const QString &message) {
        if (!m_waiting)
            return;
        m_waiting = false;
        m_buttons->setEnabled(true);
        if (ok) {
            accept();
            return;
        }
        m_error->setText(message);
        m_error->show();
    });
}

QString OffsetsEditDialog::text() const
{
    return m_edit->toPlainText();
}

void OffsetsEditDialog::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

QString OffsetsEditDialog::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void OffsetsEditDialog::submit()
{
    if (m_waiting)
        return;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_edit->toPlainText().toUtf8(), &parseError);
    QJsonArray offsets;
    if (parseError.error != QJsonParseError::NoError) {
        m_error->setText(tr("Not valid JSON (at character %1): %2").arg(parseError.offset).arg(parseError.errorString()));
        m_error->show();
        return;
    }
    // The array GET shows, or the whole {"offsets": [...]} body PATCH takes: both are accepted.
    if (document.isArray())
        offsets = document.array();
    else if (document.isObject() && document.object().value(QLatin1String("offsets")).isArray())
        offsets = document.object().value(QLatin1String("offsets")).toArray();
    else {
        m_error->setText(tr("Expected an array of {\"partition\": {…}, \"offset\": {…}} entries."));
        m_error->show();
        return;
    }
    if (offsets.isEmpty()) {
        m_error->setText(tr("Give at least one partition; to forget every offset use Reset offsets."));
        m_error->show();
        return;
    }
    m_error->hide();
    m_waiting = true;
    m_buttons->setEnabled(false);
    m_view->alterOffsets(offsets);
}

} // namespace ConnectDesk::Ui
