// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/entities.h"

#include <QDialog>
#include <QJsonArray>
#include <QPointer>
#include <QWidget>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace ConnectDesk::Ui {

class ClusterSession;
class MessageBar;
class OffsetsEditDialog;

/**
 * A connector's offsets (`GET /connectors/{c}/offsets`) as a table, and Kafka's guided workflow
 * to change them: Stop → Edit or Reset → Resume. A banner states the rule (offsets change only
 * while the connector is STOPPED; a sink's offsets are its consumer group's) with the
 * connector's current state from the session's listing. Results and REST errors go to a message
 * line in the view; only the reset asks for a confirmation.
 *
 * Features the cluster lacks are explained in place: no offsets API before 3.5, no edit/reset
 * before 3.6 (ClusterFeatures).
 *
 * Owner: its parent (a tab of the connector detail). Thread: the GUI thread; every REST call is
 * asynchronous, and replies for a connector no longer shown are dropped. While visible, the
 * offsets are read again with each listing refresh of the session, so they move with the tasks.
 */
class OffsetsView : public QWidget
{
    Q_OBJECT

public:
    explicit OffsetsView(ClusterSession *session, QWidget *parent = nullptr);
    ~OffsetsView() override;

    void setConnector(const QString &name);
    QString connectorName() const { return m_name; }

    /** The offsets as last read, in the shape `PATCH .../offsets` takes. */
    QJsonArray currentOffsets() const { return m_offsets; }
    /** The message bar's text (the last result or error); empty when hidden. */
    QString message() const;

public slots:
    /** Reads the offsets again. */
    void refresh();
    /** `PUT /connectors/{c}/stop`. */
    void stopConnector();
    /** `PUT /connectors/{c}/resume`. */
    void resumeConnector();
    /** Opens the editor pre-filled with the current offsets; its OK calls alterOffsets(). */
    void editOffsets();
    /** `PATCH /connectors/{c}/offsets` with these offsets; emits offsetsAltered(). */
    void alterOffsets(const QJsonArray &offsets);
    /** Asks for a confirmation, then resetOffsets(). */
    void confirmReset();
    /** `DELETE /connectors/{c}/offsets`, without asking; emits offsetsReset(). */
    void resetOffsets();

signals:
    /** Answers of alterOffsets() and resetOffsets(): the cluster's message or its error. */
    void offsetsAltered(bool ok, const QString &message);
    void offsetsReset(bool ok, const QString &message);
    /** A new offsets listing is in the table. */
    void offsetsLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateFeatures();
    void updateState();
    void showOffsets(const QList<Client::PartitionOffset> &offsets);
    void setMessage(const QString &text, bool error = false);
    QString connectorState() const;
    bool isSink() const;

    ClusterSession *m_session;
    QString m_name;
    QJsonArray m_offsets;
    QString m_lastState;
    /** The state a stop or resume asked for; reaching it is reported in the message bar. */
    QString m_awaitedState;
    /** Bumped by setConnector(); a reply carrying an older value is for another connector. */
    quint64 m_generation = 0;
    bool m_loading = false;
    /** The message bar shows a failed read, to be cleared by the next good one. */
    bool m_loadError = false;

    QLabel *m_unsupported = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_banner = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QLabel *m_alterNote = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    MessageBar *m_message = nullptr;
    QPointer<OffsetsEditDialog> m_editor;
};

/**
 * The offsets editor: the offsets array as JSON text. OK parses it and hands it to
 * OffsetsView::alterOffsets(); the dialog stays open, showing the cluster's error (a 400 names
 * the wrong key), until the change succeeds. Opened with open(), never exec().
 *
 * Owner: the OffsetsView (deleted on close). Thread: GUI.
 */
class OffsetsEditDialog : public QDialog
{
    Q_OBJECT

public:
    OffsetsEditDialog(OffsetsView *view, const QString &connector, bool sink, const QJsonArray &offsets);

    QString text() const;
    void setText(const QString &text);
    /** What OK does: parses the text, then alters the offsets (or shows why it cannot). */
    void submit();
    QString error() const;

private:
    OffsetsView *m_view;
    QPlainTextEdit *m_edit;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_waiting = false;
};

} // namespace ConnectDesk::Ui
