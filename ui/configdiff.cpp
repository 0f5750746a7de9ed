// SPDX-License-Identifier: Apache-2.0
#include "configdiff.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ConnectDesk::Ui {

bool isSecretConfigKey(const QString &key, const QSet<QString> &passwordKeys)
{
    return passwordKeys.contains(key) || key.contains(QLatin1String("password"), Qt::CaseInsensitive);
}

QList<ConfigChange> diffConfigs(const QMap<QString, QString> &before, const QMap<QString, QString> &after,
                                const QSet<QString> &passwordKeys)
{
    const QString mask = QString::fromUtf16(configSecretMask);
    QList<ConfigChange> changes;
    auto add = [&](ConfigChange::Kind kind, const QString &key, const QString &oldValue, const QString &newValue) {
        ConfigChange change{kind, key, oldValue, newValue, isSecretConfigKey(key, passwordKeys)};
        if (change.masked) {
            change.oldValue = kind == ConfigChange::Kind::Added ? QString() : mask;
            change.newValue = kind == ConfigChange::Kind::Removed ? QString() : mask;
        }
        changes.append(change);
    };
    // Both maps iterate in key order: one merge pass gives a sorted result.
    auto b = before.cbegin();
    auto a = after.cbegin();
    while (b != before.cend() || a != after.cend()) {
        if (a == after.cend() || (b != before.cend() && b.key() < a.key())) {
            add(ConfigChange::Kind::Removed, b.key(), b.value(), {});
            ++b;
        } else if (b == before.cend() || a.key() < b.key()) {
            add(ConfigChange::Kind::Added, a.key(), {}, a.value());
            ++a;
        } else {
            if (a.value() != b.value())
                add(ConfigChange::Kind::Changed, a.key(), b.value(), a.value());
            ++a;
            ++b;
        }
    }
    return changes;
}

ConfigDiffDialog::ConfigDiffDialog(const QMap<QString, QString> &before, const QMap<QString, QString> &after,
                                   const QSet<QString> &passwordKeys, QWidget *parent)
    : QDialog(parent)
    , m_changes(diffConfigs(before, after, passwordKeys))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("configDiffDialog"));
    setWindowTitle(tr("Review changes"));

    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("configDiffSummary"));
    if (m_changes.isEmpty()) {
        summary->setText(tr("No changes: the pending config is the live config."));
    } else {
        int added = 0;
        int removed = 0;
        int changed = 0;
        for (const ConfigChange &change : m_changes) {
            added += change.kind == ConfigChange::Kind::Added;
            removed += change.kind == ConfigChange::Kind::Removed;
            changed += change.kind == ConfigChange::Kind::Changed;
        }
        summary->setText(tr("%1 added, %2 removed, %3 changed. Apply replaces the connector's config "
                            "(PUT /connectors/…/config) and restarts it with the new one.")
                             .arg(added)
                             .arg(removed)
                             .arg(changed));
    }
    summary->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("configDiffTable"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Change"), tr("Key"), tr("Old value"), tr("→ New value")});
    m_table->setRowCount(int(m_changes.size()));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setFocusPolicy(Qt::NoFocus); // Apply/Cancel keep the keyboard; no stray focus frame
    m_table->setTextElideMode(Qt::ElideMiddle); // paths and class names: both ends matter
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(2, QHeaderView::Stretch);
    header->setSectionResizeMode(3, QHeaderView::Stretch);
    for (int row = 0; row < m_changes.size(); ++row) {
        const ConfigChange &change = m_changes.at(row);
        QString kind;
        QColor colour;
        switch (change.kind) {
        case ConfigChange::Kind::Added:
            kind = tr("added");
            colour = QColor(0xdc, 0xf5, 0xe3);
            break;
        case ConfigChange::Kind::Removed:
            kind = tr("removed");
            colour = QColor(0xfb, 0xe0, 0xe0);
            break;
        case ConfigChange::Kind::Changed:
            kind = tr("changed");
            colour = QColor(0xfd, 0xef, 0xc8);
            break;
        }
        const QStringList cells{kind, change.key, change.oldValue, change.newValue};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setBackground(colour);
            item->setForeground(QColor(0x1f, 0x29, 0x37));
            if (column == 2 && change.kind == ConfigChange::Kind::Changed) {
                QFont font = item->font();
                font.setStrikeOut(true);
                item->setFont(font);
                item->setForeground(QColor(0x6b, 0x72, 0x80));
            }
            if (column >= 2)
                item->setToolTip(cells.at(column));
            m_table->setItem(row, column, item);
        }
    }
    m_table->setVisible(!m_changes.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    QPushButton *apply = buttons->button(QDialogButtonBox::Apply);
    apply->setObjectName(QStringLiteral("applyButton"));
    apply->setEnabled(!m_changes.isEmpty());
    apply->setDefault(!m_changes.isEmpty());
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(apply, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(m_changes.isEmpty() ? QSize(420, 120) : QSize(860, 150 + 30 * int(qMin<qsizetype>(m_changes.size(), 14))));
}

} // namespace ConnectDesk::Ui
