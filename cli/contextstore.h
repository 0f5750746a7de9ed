// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/clusterprofile.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace ConnectDesk::Cli {

/**
 * connectdesk-ctl's contexts, kubectl style: named clusters (REST URL, basic auth, TLS files,
 * the Kafka bootstrap servers behind them) and which one is current. Kept as JSON in
 * `$XDG_CONFIG_HOME/connectdesk/ctl.json` (`~/.config/...`), or the file CONNECTDESK_CTL_CONFIG
 * names; written owner-only (0600) because a context may hold a password.
 * A plain value: load(), change, save(). Thread: any.
 */
class ContextStore
{
public:
    /** Reads the file (missing = no contexts); throws CliError when it is not valid JSON. */
    static ContextStore load();
    static QString defaultPath();

    QString path() const { return m_path; }
    QString currentContext() const { return m_current; }
    void setCurrentContext(const QString &name) { m_current = name; }

    bool contains(const QString &name) const { return m_contexts.contains(name); }
    QStringList names() const { return m_contexts.keys(); }
    Client::ClusterProfile context(const QString &name) const;
    void setContext(const QString &name, const Client::ClusterProfile &profile);
    bool remove(const QString &name);

    /** Throws CliError when the file cannot be written. */
    void save() const;

    static QJsonObject toJson(const Client::ClusterProfile &profile, bool withPassword);
    static Client::ClusterProfile fromJson(const QString &name, const QJsonObject &json);

private:
    QString m_path;
    QString m_current;
    QMap<QString, QJsonObject> m_contexts;
};

} // namespace ConnectDesk::Cli
