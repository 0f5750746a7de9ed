// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/topicbrowser.h"
#include "core/client/topicrecord.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace ConnectDesk::Ui {

class ClusterSession;
class MessageBar;

/**
 * The dead-letter queue browser of a sink connector: reads the topic named by its
 * `errors.deadletterqueue.topic.name` (TopicBrowser, newest 500 records per partition), groups
 * the failures by exception class and stage from the `__connect.errors.*` headers, and shows
 * each record's key, value, headers and stack trace. Selected records export to a JSON file.
 *
 * Every case other than "records" is explained in place: a source connector, no DLQ configured,
 * a profile without Kafka bootstrap servers, a DLQ topic not created yet (no failure so far),
 * a read error.
 *
 * Owner: its parent (a tab of the connector detail). Thread: the GUI thread; the topic is read
 * on Qt's thread pool and the result comes back through QFuture::then(this, ...). The topic is
 * read on setConnector(), on refresh(), and when the connector's DLQ setting changes.
 */
class DeadLetterView : public QWidget
{
    Q_OBJECT

public:
    enum class State {
        NoConnector,
        /** The connector is not in the session's listing (yet). */
        NotListed,
        NotSink,
        NoDeadLetterQueue,
        /** The profile has no Kafka bootstrap servers: topics cannot be read. */
        NoBootstrapServers,
        Loading,
        /** The DLQ topic does not exist: nothing has failed yet. */
        TopicMissing,
        ReadError,
        /** Read (possibly zero records). */
        Loaded,
    };
    Q_ENUM(State)

    explicit DeadLetterView(ClusterSession *session, QWidget *parent = nullptr);
    ~DeadLetterView() override;

    void setConnector(const QString &name);
    QString connectorName() const { return m_name; }

    State state() const { return m_state; }
    /** The DLQ topic of the connector, empty when it has none. */
    QString topic() const { return m_topic; }
    /** The explanation or status line shown for the current state. */
    QString statusText() const;
    /** The message bar's text (result of an export or copy); empty when hidden. */
    QString message() const;
    /** Every record read. */
    const QList<Client::TopicRecord> &records() const { return m_snapshot.records; }
    const Client::TopicSnapshot &snapshot() const { return m_snapshot; }
    /** The records selected in the table (visible rows only), in table order. */
    QList<Client::TopicRecord> selectedRecords() const;
    /** The records the table shows (after the group filter). */
    int visibleRecordCount() const;
    /** Restricts the table to one exception class (empty = all), and stage (empty = any). */
    void setGroupFilter(const QString &exceptionClass, const QString &stage = {});

    /** Each record's toJson() plus "error": its DeadLetterContext::toJson(). */
    static QJsonArray exportJson(const QList<Client::TopicRecord> &records);
    /** Writes exportJson(records) to path (atomically); false with *error set when it cannot. */
    static bool exportRecords(const QList<Client::TopicRecord> &records, const QString &path, QString *error = nullptr);

public slots:
    /** Reads the topic again (or re-explains why it cannot). */
    void refresh();
    /** Asks for a file (QFileDialog, opened without a nested loop) and exports the selection. */
    void exportSelected();
    /** Copies the current record's value, as the details pane shows it. */
    void copyValue();

signals:
    /** state() changed, or a read finished. */
    void stateChanged(DeadLetterView::State state);

protected:
    void showEvent(QShowEvent *event) override;

private:
    /** Why the connector's DLQ cannot be read, or Loading when it can; sets the topic. */
    State precondition(QString *topic, QString *explanation) const;
    void setState(State state, const QString &text);
    void showSnapshot();
    void fillGroups();
    void applyFilter();
    void showDetails(int recordIndex);
    int currentRecordIndex() const;

    ClusterSession *m_session;
    QString m_name;
    QString m_topic;
    State m_state = State::NoConnector;
    QString m_statusText;
    Client::TopicSnapshot m_snapshot;
    QList<Client::DeadLetterContext> m_contexts;
    /** Bumped by every read; a result carrying an older value is dropped. */
    quint64 m_generation = 0;
    /** When the last read started; drives the refresh while the view is shown. */
    QElapsedTimer m_lastRead;
    QString m_filterClass;
    QString m_filterStage;
    bool m_filterAll = true;

    QLabel *m_status = nullptr;
    MessageBar *m_message = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_explanation = nullptr;
    QTreeWidget *m_groups = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_value = nullptr;
    QPlainTextEdit *m_key = nullptr;
    QTableWidget *m_headers = nullptr;
    QPlainTextEdit *m_trace = nullptr;
};

} // namespace ConnectDesk::Ui
