// SPDX-License-Identifier: Apache-2.0
#include "contextstore.h"

#include "clierror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace ConnectDesk::Cli {

QString ContextStore::defaultPath()
{
    const QString configured = qEnvironmentVariable("CONNECTDESK_CTL_CONFIG");
    if (!configured.isEmpty())
        return configured;
    // GenericConfigLocation is $XDG_CONFIG_HOME, else ~/.config.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/connectdesk/ctl.json");
}

ContextStore ContextStore::load()
{
    ContextStore store;
    store.m_path = defaultPath();
    QFile file(store.m_path);
    if (!file.exists())
        return store;
    if (!file.open(QIODevice::ReadOnly))
        throw CliError::usage(QStringLiteral("%1: %2").arg(store.m_path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        throw CliError::usage(QStringLiteral("%1: not a contexts file: %2").arg(store.m_path, error.errorString()));
    const QJsonObject root = document.object();
    store.m_current = root.value(QLatin1String("current-context")).toString();
    const QJsonObject contexts = root.value(QLatin1String("contexts")).toObject();
    for (auto it = contexts.begin(); it != contexts.end(); ++it)
        store.m_contexts.insert(it.key(), it.value().toObject());
    return store;
}

Client::ClusterProfile ContextStore::context(const QString &name) const
{
    return fromJson(name, m_contexts.value(name));
}

void ContextStore::setContext(const QString &name, const Client::ClusterProfile &profile)
{
    m_contexts.insert(name, toJson(profile, true));
}

bool ContextStore::remove(const QString &name)
{
    if (m_current == name)
        m_current.clear();
    return m_contexts.remove(name) > 0;
}

void ContextStore::save() const
{
    QJsonObject contexts;
    for (auto it = m_contexts.begin(); it != m_contexts.end(); ++it)
        contexts.insert(it.key(), it.value());
    QJsonObject root{{QStringLiteral("contexts"), contexts}};
    if (!m_current.isEmpty())
        root.insert(QStringLiteral("current-context"), m_current);

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        throw CliError::usage(QStringLiteral("%1: %2").arg(m_path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        throw CliError::usage(QStringLiteral("%1: %2").arg(m_path, file.errorString()));
}

QJsonObject ContextStore::toJson(const Client::ClusterProfile &profile, bool withPassword)
{
    QJsonObject json{{QStringLiteral("url"), profile.restUrl.toString()}};
    auto put = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            json.insert(QLatin1String(key), value);
    };
    put("user", profile.username);
    if (withPassword)
        put("password", profile.password);
    put("ca-cert", profile.caCertificateFile);
    put("cert", profile.clientCertificateFile);
    put("key", profile.clientKeyFile);
    put("bootstrap-servers", profile.bootstrapServers);
    if (profile.insecureSkipTlsVerify)
        json.insert(QStringLiteral("insecure"), true);
    if (!profile.kafkaProperties.isEmpty()) {
        QJsonObject properties;
        for (auto it = profile.kafkaProperties.begin(); it != profile.kafkaProperties.end(); ++it)
            properties.insert(it.key(), it.value());
        json.insert(QStringLiteral("kafka-properties"), properties);
    }
    return json;
}

Client::ClusterProfile ContextStore::fromJson(const QString &name, const QJsonObject &json)
{
    Client::ClusterProfile profile;
    profile.name = name;
    profile.restUrl = QUrl(json.value(QLatin1String("url")).toString());
    profile.username = json.value(QLatin1String("user")).toString();
    profile.password = json.value(QLatin1String("password")).toString();
    profile.caCertificateFile = json.value(QLatin1String("ca-cert")).toString();
    profile.clientCertificateFile = json.value(QLatin1String("cert")).toString();
    profile.clientKeyFile = json.value(QLatin1String("key")).toString();
    profile.bootstrapServers = json.value(QLatin1String("bootstrap-servers")).toString();
    profile.insecureSkipTlsVerify = json.value(QLatin1String("insecure")).toBool();
    const QJsonObject properties = json.value(QLatin1String("kafka-properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        profile.kafkaProperties.insert(it.key(), it.value().toString());
    return profile;
}

} // namespace ConnectDesk::Cli
