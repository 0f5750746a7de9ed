// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/entities.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace ConnectDesk::Ui {

class ClusterSession;
class MessageBar;

/**
 * The worker's loggers (`GET /admin/loggers`) with their levels and when they were last
 * changed; a level chosen in a row is sent at once (`PUT /admin/loggers/{l}`, worker scope or,
 * on 3.7+, cluster-wide), and a logger not listed yet can be set by name. Thread: GUI.
 */
class LoggersView : public QWidget
{
    Q_OBJECT

public:
    static const QStringList &levels();

    explicit LoggersView(ClusterSession *session, QWidget *parent = nullptr);

    void reload();
    /** Sends a level change, then reloads. */
    void setLevel(const QString &logger, const QString &level);
    const QList<Client::LoggerLevel> &loggers() const { return m_loggers; }
    QTableWidget *table() const { return m_table; }

signals:
    void loggersLoaded();
    void levelChanged(const QString &logger, bool ok);

private:
    ClusterSession *m_session;
    QList<Client::LoggerLevel> m_loggers;
    MessageBar *m_messages;
    QLabel *m_unsupported;
    QTableWidget *m_table;
    QCheckBox *m_clusterWide;
    QLineEdit *m_newLogger;
    QComboBox *m_newLevel;
};

} // namespace ConnectDesk::Ui
