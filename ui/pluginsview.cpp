// SPDX-License-Identifier: Apache-2.0
#include "pluginsview.h"

#include "clustersession.h"
#include "counting.h"
#include "tablestyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ConnectDesk::Ui {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    styleReadOnlyTable(table);
    return table;
}

QTableWidgetItem *item(const QString &text, const QString &toolTip = {})
{
    auto *cell = new QTableWidgetItem(text);
    if (!toolTip.isEmpty())
        cell->setToolTip(toolTip);
    return cell;
}

} // namespace

PluginsView::PluginsView(ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_search(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_table(makeTable({tr("Class"), tr("Type"), tr("Version")}, this))
    , m_status(new QLabel(this))
    , m_definitionTitle(new QLabel(this))
    , m_definitions(makeTable({tr("Key"), tr("Type"), tr("Default"), tr("Importance"), tr("Group"), tr("Documentation")}, this))
{
    setObjectName(QStringLiteral("pluginsView"));
    m_table->setObjectName(QStringLiteral("pluginTable"));
    m_definitions->setObjectName(QStringLiteral("pluginDefinitions"));
    m_search->setObjectName(QStringLiteral("pluginSearch"));
    m_search->setPlaceholderText(tr("Filter by class"));
    m_search->setClearButtonEnabled(true);
    m_type->setObjectName(QStringLiteral("pluginType"));
    m_type->addItem(tr("All types"), QString());
    for (const char *type : {"source", "sink", "transformation", "predicate", "converter", "header_converter"})
        m_type->addItem(QString::fromLatin1(type), QString::fromLatin1(type));
    m_table->setColumnWidth(0, 520);
    m_table->setColumnWidth(1, 130);
    const int widths[] = {240, 80, 160, 90, 130};
    for (int column = 0; column < int(std::size(widths)); ++column)
        m_definitions->setColumnWidth(column, widths[column]);
    m_definitionTitle->setTextFormat(Qt::RichText);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_type);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(filters);
    topLayout->addWidget(m_table, 1);
    topLayout->addWidget(m_status);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_definitionTitle);
    bottomLayout->addWidget(m_definitions, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_search, &QLineEdit::textChanged, this, &PluginsView::applyFilter);
    connect(m_type, &QComboBox::currentIndexChanged, this, &PluginsView::applyFilter);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> selected = m_table->selectedItems();
        if (!selected.isEmpty())
            showDefinitions(m_table->item(selected.first()->row(), 0)->text());
    });
}

void PluginsView::reload()
{
    const bool all = m_session->features().allPlugins();
    m_status->setText(tr("Loading…"));
    m_session->client()->plugins(!all).then(this, [this, all](const Client::RestReply &reply) {
        if (!reply.ok()) {
            m_status->setText(tr("Cannot list the plugins: %1").arg(reply.describe()));
            return;
        }
        m_plugins = Client::PluginInfo::listFromJson(reply.array());
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(int(m_plugins.size()));
        for (int row = 0; row < m_plugins.size(); ++row) {
            const Client::PluginInfo &plugin = m_plugins[row];
            m_table->setItem(row, 0, item(plugin.className));
            m_table->setItem(row, 1, item(plugin.type));
            m_table->setItem(row, 2, item(plugin.version.isEmpty() ? QStringLiteral("—") : plugin.version));
        }
        applyFilter();
        if (!all) {
            m_status->setText(m_status->text() + QStringLiteral(" ")
                              + Client::ClusterFeatures::unsupported(tr("Listing transforms and converters, and their definitions,"),
                                                                     QStringLiteral("3.2"), m_session->serverInfo().version));
        }
        emit pluginsLoaded();
        if (!m_shownClass.isEmpty())
            selectPlugin(m_shownClass);
    });
}

void PluginsView::applyFilter()
{
    const QString text = m_search->text().trimmed();
    const QString type = m_type->currentData().toString();
    int shown = 0;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const bool visible = (type.isEmpty() || m_table->item(row, 1)->text() == type)
            && (text.isEmpty() || m_table->item(row, 0)->text().contains(text, Qt::CaseInsensitive));
        m_table->setRowHidden(row, !visible);
        shown += visible ? 1 : 0;
    }
    m_status->setText(tr("%1 of %2 shown.").arg(shown).arg(countOf(m_table->rowCount(), "plugin", "plugins")));
}

void PluginsView::selectPlugin(const QString &className)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0)->text() == className) {
            m_table->selectRow(row);
            m_table->scrollToItem(m_table->item(row, 0));
            return;
        }
    }
    m_shownClass = className;
}

void PluginsView::showDefinitions(const QString &className)
{
    m_shownClass = className;
    if (!m_session->features().allPlugins()) {
        m_definitionTitle->setText(Client::ClusterFeatures::unsupported(tr("Showing a plugin's definitions"), QStringLiteral("3.2"),
                                                                        m_session->serverInfo().version));
        m_definitions->setRowCount(0);
        return;
    }
    m_definitionTitle->setText(tr("<b>%1</b> — loading its configuration keys…").arg(className.toHtmlEscaped()));
    m_session->client()->pluginConfig(className).then(this, [this, className](const Client::RestReply &reply) {
        if (className != m_shownClass)
            return; // another plugin was selected meanwhile
        if (!reply.ok()) {
            m_definitionTitle->setText(tr("<b>%1</b>: %2").arg(className.toHtmlEscaped(), reply.describe().toHtmlEscaped()));
            m_definitions->setRowCount(0);
            return;
        }
        const QJsonArray keys = reply.array();
        m_definitions->setRowCount(int(keys.size()));
        for (int row = 0; row < keys.size(); ++row) {
            const Client::ConfigKeyInfo key = Client::ConfigKeyInfo::fromJson(keys[row].toObject());
            m_definitions->setItem(row, 0, item(key.name, key.displayName));
            m_definitions->setItem(row, 1, item(key.type));
            m_definitions->setItem(row, 2, item(key.required ? tr("(required)") : key.defaultValue.value_or(QStringLiteral("null"))));
            m_definitions->setItem(row, 3, item(key.importance));
            m_definitions->setItem(row, 4, item(key.group));
            m_definitions->setItem(row, 5, item(key.documentation.simplified(), key.documentation));
        }
        m_definitionTitle->setText(tr("<b>%1</b> — %2").arg(className.toHtmlEscaped(), countOf(keys.size(), "configuration key", "configuration keys")));
        emit definitionsLoaded(className);
    });
}

} // namespace ConnectDesk::Ui
