// SPDX-License-Identifier: Apache-2.0
#include "loggersview.h"

#include "clustersession.h"
#include "messagebar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ConnectDesk::Ui {

const QStringList &LoggersView::levels()
{
    static const QStringList all{QStringLiteral("TRACE"), QStringLiteral("DEBUG"), QStringLiteral("INFO"),
                                 QStringLiteral("WARN"),  QStringLiteral("ERROR"), QStringLiteral("FATAL"),
                                 QStringLiteral("OFF")};
    return all;
}

LoggersView::LoggersView(ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_messages(new MessageBar(this))
    , m_unsupported(new QLabel(this))
    , m_table(new QTableWidget(0, 3, this))
    , m_clusterWide(new QCheckBox(tr("Cluster-wide (every worker)"), this))
    , m_newLogger(new QLineEdit(this))
    , m_newLevel(new QComboBox(this))
{
    setObjectName(QStringLiteral("loggersView"));
    m_table->setObjectName(QStringLiteral("loggerTable"));
    m_table->setHorizontalHeaderLabels({tr("Logger"), tr("Level"), tr("Last modified")});
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->setColumnWidth(0, 420);
    m_table->setColumnWidth(1, 120);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_clusterWide->setObjectName(QStringLiteral("clusterWide"));
    m_newLogger->setObjectName(QStringLiteral("newLogger"));
    m_newLogger->setPlaceholderText(tr("Another logger, e.g. connectdesk.runtime"));
    m_newLevel->setObjectName(QStringLiteral("newLevel"));
    m_newLevel->addItems(levels());
    m_newLevel->setCurrentText(QStringLiteral("DEBUG"));
    auto *set = new QPushButton(tr("Set level"), this);
    set->setObjectName(QStringLiteral("setLoggerLevel"));
    m_unsupported->setWordWrap(true);
    m_unsupported->hide();

    auto *add = new QHBoxLayout;
    add->addWidget(m_newLogger, 1);
    add->addWidget(m_newLevel);
    add->addWidget(set);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_clusterWide);
    top->addStretch(1);
    top->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(m_unsupported);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(add);

    connect(refresh, &QPushButton::clicked, this, &LoggersView::reload);
    connect(set, &QPushButton::clicked, this, [this] {
        const QString logger = m_newLogger->text().trimmed();
        if (logger.isEmpty()) {
            m_messages->showError(tr("Name the logger first."));
            return;
        }
        setLevel(logger, m_newLevel->currentText());
    });
}

void LoggersView::reload()
{
    const Client::ClusterFeatures &features = m_session->features();
    m_clusterWide->setVisible(features.clusterLoggerScope());
    if (!features.loggers()) {
        m_unsupported->setText(Client::ClusterFeatures::unsupported(tr("Changing log levels"), QStringLiteral("2.4"),
                                                                    m_session->serverInfo().version));
        m_unsupported->show();
        m_table->setRowCount(0);
        return;
    }
    m_unsupported->hide();
    m_session->client()->loggers().then(this, [this](const Client::RestReply &reply) {
        if (!reply.ok()) {
            m_messages->showError(tr("Cannot read the loggers: %1").arg(reply.describe()));
            return;
        }
        m_loggers = Client::LoggerLevel::listFromJson(reply.object());
        m_table->setRowCount(int(m_loggers.size()));
        for (int row = 0; row < m_loggers.size(); ++row) {
            const Client::LoggerLevel &logger = m_loggers[row];
            m_table->setItem(row, 0, new QTableWidgetItem(logger.logger));
            auto *level = new QComboBox(m_table);
            level->setObjectName(QStringLiteral("level:") + logger.logger);
            level->addItems(levels());
            if (!levels().contains(logger.level))
                level->addItem(logger.level);
            level->setCurrentText(logger.level);
            connect(level, &QComboBox::textActivated, this,
                    [this, name = logger.logger](const QString &chosen) { setLevel(name, chosen); });
            m_table->setCellWidget(row, 1, level);
            m_table->setItem(row, 2, new QTableWidgetItem(logger.lastModified
                                                              ? QDateTime::fromMSecsSinceEpoch(*logger.lastModified)
                                                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                                              : QStringLiteral("—")));
        }
        emit loggersLoaded();
    });
}

void LoggersView::setLevel(const QString &logger, const QString &level)
{
    const bool clusterWide = m_clusterWide->isVisible() && m_clusterWide->isChecked();
    m_session->client()->setLoggerLevel(logger, level, clusterWide).then(this, [this, logger, level](const Client::RestReply &reply) {
        if (reply.ok())
            m_messages->showInfo(tr("%1 is now at %2.").arg(logger, level));
        else
            m_messages->showError(tr("Cannot set %1 to %2: %3").arg(logger, level, reply.describe()));
        emit levelChanged(logger, reply.ok());
        reload();
    });
}

} // namespace ConnectDesk::Ui
