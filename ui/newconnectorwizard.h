// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QWizard>

namespace ConnectDesk::Ui {

class ClusterSession;
class ConfigForm;

/**
 * Creates a connector in three steps: pick a plugin (search, source/sink filter), fill in the
 * form generated for its class (validation errors block Next), review the create request as
 * JSON with an optional initial state (RUNNING, PAUSED, STOPPED on clusters that have KIP-980).
 * Finish sends `POST /connectors` asynchronously: on an error the wizard stays open on the review
 * page with the cluster's message; on success it emits connectorCreated(), refreshes the session
 * and closes.
 *
 * Thread: GUI; it never waits. Owner: the caller (modeless, usually WA_DeleteOnClose); the
 * session must outlive it.
 */
class NewConnectorWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { PluginPageId, ConfigPageId, ReviewPageId };

    explicit NewConnectorWizard(ClusterSession *session, QWidget *parent = nullptr);

    QString pluginClass() const;
    QString connectorName() const;
    /** The connector config of the form (name and connector.class included). */
    QMap<QString, QString> connectorConfig() const;
    /** RUNNING, PAUSED, STOPPED; empty when the cluster has no initial state (or RUNNING chosen). */
    QString initialState() const;
    ConfigForm *configForm() const;
    bool isCreating() const { return m_creating; }

    void done(int result) override;

signals:
    void connectorCreated(const QString &name);

private:
    void create();

    ClusterSession *m_session;
    bool m_creating = false;
    bool m_created = false;
};

} // namespace ConnectDesk::Ui
