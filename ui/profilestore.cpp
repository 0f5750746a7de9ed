// SPDX-License-Identifier: Apache-2.0
#include "profilestore.h"

#include <QSettings>

namespace ConnectDesk::Ui {

namespace {

const QString Group = QStringLiteral("clusters");

void write(QSettings &settings, const Client::ClusterProfile &profile)
{
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("url"), profile.restUrl.toString());
    settings.setValue(QStringLiteral("username"), profile.username);
    settings.setValue(QStringLiteral("caCertificate"), profile.caCertificateFile);
    settings.setValue(QStringLiteral("clientCertificate"), profile.clientCertificateFile);
    settings.setValue(QStringLiteral("clientKey"), profile.clientKeyFile);
    settings.setValue(QStringLiteral("bootstrapServers"), profile.bootstrapServers);
    QStringList properties;
    for (auto it = profile.kafkaProperties.cbegin(); it != profile.kafkaProperties.cend(); ++it)
        properties.append(it.key() + QLatin1Char('=') + it.value());
    settings.setValue(QStringLiteral("kafkaProperties"), properties);
}

Client::ClusterProfile read(const QSettings &settings)
{
    Client::ClusterProfile profile;
    profile.name = settings.value(QStringLiteral("name")).toString();
    profile.restUrl = QUrl(settings.value(QStringLiteral("url")).toString());
    profile.username = settings.value(QStringLiteral("username")).toString();
    profile.caCertificateFile = settings.value(QStringLiteral("caCertificate")).toString();
    profile.clientCertificateFile = settings.value(QStringLiteral("clientCertificate")).toString();
    profile.clientKeyFile = settings.value(QStringLiteral("clientKey")).toString();
    profile.bootstrapServers = settings.value(QStringLiteral("bootstrapServers")).toString();
    for (const QString &line : settings.value(QStringLiteral("kafkaProperties")).toStringList()) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            profile.kafkaProperties.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return profile;
}

void writeAll(const QList<Client::ClusterProfile> &profiles)
{
    QSettings settings;
    settings.remove(Group);
    settings.beginWriteArray(Group, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        settings.setArrayIndex(i);
        write(settings, profiles[i]);
    }
    settings.endArray();
}

} // namespace

QList<Client::ClusterProfile> ProfileStore::load()
{
    QSettings settings;
    QList<Client::ClusterProfile> profiles;
    const int count = settings.beginReadArray(Group);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const Client::ClusterProfile profile = read(settings);
        if (!profile.name.isEmpty() && profile.restUrl.isValid())
            profiles.append(profile);
    }
    settings.endArray();
    return profiles;
}

void ProfileStore::save(const Client::ClusterProfile &profile)
{
    QList<Client::ClusterProfile> profiles = load();
    bool replaced = false;
    for (Client::ClusterProfile &existing : profiles) {
        if (existing.name == profile.name) {
            existing = profile;
            replaced = true;
        }
    }
    if (!replaced)
        profiles.append(profile);
    writeAll(profiles);
}

void ProfileStore::remove(const QString &name)
{
    QList<Client::ClusterProfile> profiles = load();
    profiles.removeIf([&](const Client::ClusterProfile &profile) { return profile.name == name; });
    writeAll(profiles);
}

QString ProfileStore::lastUsed()
{
    return QSettings().value(QStringLiteral("lastCluster")).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    QSettings().setValue(QStringLiteral("lastCluster"), name);
}

} // namespace ConnectDesk::Ui
