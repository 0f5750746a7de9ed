// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ConnectDesk::Client {

/**
 * Kafka Connect's REST entities as the consoles read them, parsed leniently: a field a cluster
 * does not send (an older version) is left empty, never an error. Plain values, any thread.
 */

/** `GET /`. */
struct ServerInfo
{
    QString version;
    QString commit;
    QString kafkaClusterId;
    static ServerInfo fromJson(const QJsonObject &json);
};

/** One task of a ConnectorStateInfo. */
struct TaskStatus
{
    int id = -1;
    QString state;
    QString workerId;
    QString trace;
};

/** `GET /connectors/{c}/status` (ConnectorStateInfo). */
struct ConnectorStatus
{
    QString name;
    QString type;
    QString state;
    QString workerId;
    QString trace;
    QList<TaskStatus> tasks;

    int tasksInState(const QString &state) const;
    static ConnectorStatus fromJson(const QJsonObject &json);
};

/** One entry of `GET /connectors?expand=status&expand=info`. */
struct ConnectorOverview
{
    QString name;
    /** source, sink or unknown; from info, else from status. */
    QString type;
    QMap<QString, QString> config;
    ConnectorStatus status;
    bool hasStatus = false;

    QString connectorClass() const { return config.value(QStringLiteral("connector.class")); }
    /** The class without its package: FileStreamSourceConnector. */
    QString shortClassName() const;
    /** The topics named by the config: topics, topic, topics.regex (as "/regex/"), kafka.topic. */
    QStringList configuredTopics() const;
    int tasksMax() const;

    /** Parses the expanded listing, sorted by name. */
    static QList<ConnectorOverview> listFromJson(const QJsonObject &json);
};

/** `GET /connector-plugins`. */
struct PluginInfo
{
    QString className;
    QString type;
    QString version;
    static QList<PluginInfo> listFromJson(const QJsonArray &json);
};

/** ConfigKeyInfo: the definition of one key (`/config` and `definition` in validate). */
struct ConfigKeyInfo
{
    QString name;
    QString type;
    bool required = false;
    std::optional<QString> defaultValue;
    QString importance;
    QString documentation;
    QString group;
    QString width;
    QString displayName;
    QStringList dependents;
    int order = -1;
    static ConfigKeyInfo fromJson(const QJsonObject &json);
};

/** ConfigValueInfo: what validation says about one key. */
struct ConfigValueInfo
{
    QString name;
    std::optional<QString> value;
    QStringList recommendedValues;
    QStringList errors;
    bool visible = true;
    static ConfigValueInfo fromJson(const QJsonObject &json);
};

/** One entry of ConfigInfos. */
struct ConfigEntry
{
    std::optional<ConfigKeyInfo> definition;
    std::optional<ConfigValueInfo> value;
    /** The key's name, from whichever part is present. */
    QString name() const;
};

/** `PUT /connector-plugins/{p}/config/validate`. */
struct ConfigInfos
{
    QString name;
    int errorCount = 0;
    QStringList groups;
    QList<ConfigEntry> configs;

    const ConfigEntry *entry(const QString &key) const;
    /** Every error message, as "key: message". */
    QStringList allErrors() const;
    static ConfigInfos fromJson(const QJsonObject &json);
};

/** One entry of ConnectorOffsets. offset is null when a sink partition has no committed offset. */
struct PartitionOffset
{
    QJsonObject partition;
    QJsonValue offset;
    static QList<PartitionOffset> listFromJson(const QJsonObject &json);
};

/** `GET /admin/loggers`, sorted by logger name (root first). */
struct LoggerLevel
{
    QString logger;
    QString level;
    /** Milliseconds since the epoch; empty when never changed through the API (or before 3.7). */
    std::optional<qint64> lastModified;
    static QList<LoggerLevel> listFromJson(const QJsonObject &json);
};

/** A map of strings as JSON, and back (non-strings are written as JSON text). */
QJsonObject toJson(const QMap<QString, QString> &map);
QMap<QString, QString> stringMap(const QJsonObject &json);

} // namespace ConnectDesk::Client
