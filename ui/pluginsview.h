// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/entities.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace ConnectDesk::Ui {

class ClusterSession;

/**
 * The plugins installed on the cluster's workers (`GET /connector-plugins`, with transforms,
 * predicates and converters on 3.2+), filterable by type and text, and the config definitions
 * of the selected one (`GET /connector-plugins/{p}/config`). Thread: GUI.
 */
class PluginsView : public QWidget
{
    Q_OBJECT

public:
    explicit PluginsView(ClusterSession *session, QWidget *parent = nullptr);

    /** Reads the plugin list again. */
    void reload();
    const QList<Client::PluginInfo> &plugins() const { return m_plugins; }
    /** Selects a plugin by class and shows its definitions. */
    void selectPlugin(const QString &className);
    QTableWidget *pluginTable() const { return m_table; }
    QTableWidget *definitionTable() const { return m_definitions; }

signals:
    void pluginsLoaded();
    void definitionsLoaded(const QString &className);

private:
    void applyFilter();
    void showDefinitions(const QString &className);

    ClusterSession *m_session;
    QList<Client::PluginInfo> m_plugins;
    QLineEdit *m_search;
    QComboBox *m_type;
    QTableWidget *m_table;
    QLabel *m_status;
    QLabel *m_definitionTitle;
    QTableWidget *m_definitions;
    QString m_shownClass;
};

} // namespace ConnectDesk::Ui
