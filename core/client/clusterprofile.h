// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QString>
#include <QUrl>

namespace ConnectDesk::Client {

/**
 * How to reach one Kafka Connect cluster: its REST endpoint (with optional basic auth and TLS)
 * and, optionally, the Kafka cluster behind it, for reading topics such as a dead-letter queue.
 * A plain value; the consoles save it (passwords aside) and hand it to ClusterClient.
 */
struct ClusterProfile
{
    QString name;
    QUrl restUrl;
    QString username;
    /** Never saved with the profile: the desktop keeps it in the OS keychain. */
    QString password;
    /** PEM files; empty = the system's CAs, no client certificate. */
    QString caCertificateFile;
    QString clientCertificateFile;
    QString clientKeyFile;
    /** Accept any server certificate (self-signed test clusters); the consoles warn about it. */
    bool insecureSkipTlsVerify = false;
    /** For topic reading; empty = the console cannot read topics of this cluster. */
    QString bootstrapServers;
    /** Extra Kafka client properties (security.protocol, sasl.*, ssl.ca.location, ...). */
    QMap<QString, QString> kafkaProperties;
    /** The console's own embedded worker. */
    bool sandbox = false;

    bool hasBasicAuth() const { return !username.isEmpty(); }
    bool canReadTopics() const { return !bootstrapServers.isEmpty(); }
    /** bootstrap.servers plus kafkaProperties, as a Kafka client takes them. */
    QMap<QString, QString> kafkaClientProperties() const;
    /** "name (url)" or just the url. */
    QString displayName() const;
};

} // namespace ConnectDesk::Client
