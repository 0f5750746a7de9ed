// SPDX-License-Identifier: Apache-2.0
#include "entities.h"

#include <QJsonDocument>

#include <algorithm>

namespace ConnectDesk::Client {

namespace {

std::optional<QString> optionalString(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    return value.isString() ? value.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

TaskStatus taskFromJson(const QJsonObject &json)
{
    TaskStatus task;
    task.id = json.value(QLatin1String("id")).toInt(-1);
    task.state = json.value(QLatin1String("state")).toString();
    task.workerId = json.value(QLatin1String("worker_id")).toString();
    task.trace = json.value(QLatin1String("trace")).toString();
    return task;
}

} // namespace

ServerInfo ServerInfo::fromJson(const QJsonObject &json)
{
    return {json.value(QLatin1String("version")).toString(), json.value(QLatin1String("commit")).toString(),
            json.value(QLatin1String("kafka_cluster_id")).toString()};
}

int ConnectorStatus::tasksInState(const QString &wanted) const
{
    return int(std::count_if(tasks.cbegin(), tasks.cend(), [&](const TaskStatus &task) { return task.state == wanted; }));
}

ConnectorStatus ConnectorStatus::fromJson(const QJsonObject &json)
{
    ConnectorStatus status;
    status.name = json.value(QLatin1String("name")).toString();
    status.type = json.value(QLatin1String("type")).toString();
    const QJsonObject connector = json.value(QLatin1String("connector")).toObject();
    status.state = connector.value(QLatin1String("state")).toString();
    status.workerId = connector.value(QLatin1String("worker_id")).toString();
    status.trace = connector.value(QLatin1String("trace")).toString();
    for (const QJsonValue &task : json.value(QLatin1String("tasks")).toArray())
        status.tasks.append(taskFromJson(task.toObject()));
    std::sort(status.tasks.begin(), status.tasks.end(),
              [](const TaskStatus &a, const TaskStatus &b) { return a.id < b.id; });
    return status;
}

QString ConnectorOverview::shortClassName() const
{
    const QString full = connectorClass();
    return full.mid(full.lastIndexOf(QLatin1Char('.')) + 1);
}

QStringList ConnectorOverview::configuredTopics() const
{
    QStringList topics;
    for (const QString &topic : config.value(QStringLiteral("topics")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        topics.append(topic.trimmed());
    for (const char *key : {"topic", "kafka.topic"}) {
        const QString topic = config.value(QLatin1String(key)).trimmed();
        if (!topic.isEmpty() && !topics.contains(topic))
            topics.append(topic);
    }
    const QString regex = config.value(QStringLiteral("topics.regex")).trimmed();
    if (!regex.isEmpty())
        topics.append(QLatin1Char('/') + regex + QLatin1Char('/'));
    return topics;
}

int ConnectorOverview::tasksMax() const
{
    bool ok = false;
    const int value = config.value(QStringLiteral("tasks.max")).toInt(&ok);
    return ok ? value : 1;
}

QList<ConnectorOverview> ConnectorOverview::listFromJson(const QJsonObject &json)
{
    QList<ConnectorOverview> list;
    list.reserve(json.size());
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        ConnectorOverview overview;
        overview.name = it.key();
        const QJsonObject info = entry.value(QLatin1String("info")).toObject();
        overview.config = stringMap(info.value(QLatin1String("config")).toObject());
        overview.type = info.value(QLatin1String("type")).toString();
        if (entry.contains(QLatin1String("status"))) {
            overview.status = ConnectorStatus::fromJson(entry.value(QLatin1String("status")).toObject());
            overview.hasStatus = true;
            if (overview.type.isEmpty())
                overview.type = overview.status.type;
        }
        list.append(std::move(overview));
    }
    // QJsonObject iterates in key order already; keep it explicit for other sources.
    std::sort(list.begin(), list.end(), [](const ConnectorOverview &a, const ConnectorOverview &b) { return a.name < b.name; });
    return list;
}

QList<PluginInfo> PluginInfo::listFromJson(const QJsonArray &json)
{
    QList<PluginInfo> list;
    for (const QJsonValue &item : json) {
        const QJsonObject plugin = item.toObject();
        list.append({plugin.value(QLatin1String("class")).toString(), plugin.value(QLatin1String("type")).toString(),
                     plugin.value(QLatin1String("version")).toString()});
    }
    return list;
}

ConfigKeyInfo ConfigKeyInfo::fromJson(const QJsonObject &json)
{
    ConfigKeyInfo key;
    key.name = json.value(QLatin1String("name")).toString();
    key.type = json.value(QLatin1String("type")).toString();
    key.required = json.value(QLatin1String("required")).toBool();
    key.defaultValue = optionalString(json.value(QLatin1String("default_value")));
    key.importance = json.value(QLatin1String("importance")).toString();
    key.documentation = json.value(QLatin1String("documentation")).toString();
    key.group = json.value(QLatin1String("group")).toString();
    key.width = json.value(QLatin1String("width")).toString();
    key.displayName = json.value(QLatin1String("display_name")).toString();
    key.dependents = stringList(json.value(QLatin1String("dependents")));
    key.order = json.value(QLatin1String("order")).toInt(-1);
    return key;
}

ConfigValueInfo ConfigValueInfo::fromJson(const QJsonObject &json)
{
    ConfigValueInfo value;
    value.name = json.value(QLatin1String("name")).toString();
    value.value = optionalString(json.value(QLatin1String("value")));
    value.recommendedValues = stringList(json.value(QLatin1String("recommended_values")));
    value.errors = stringList(json.value(QLatin1String("errors")));
    value.visible = json.value(QLatin1String("visible")).toBool(true);
    return value;
}

QString ConfigEntry::name() const
{
    return definition ? definition->name : value ? value->name : QString();
}

const ConfigEntry *ConfigInfos::entry(const QString &key) const
{
    for (const ConfigEntry &candidate : configs) {
        if (candidate.name() == key)
            return &candidate;
    }
    return nullptr;
}

QStringList ConfigInfos::allErrors() const
{
    QStringList errors;
    for (const ConfigEntry &candidate : configs) {
        if (!candidate.value)
            continue;
        for (const QString &error : candidate.value->errors)
            errors.append(candidate.name() + QStringLiteral(": ") + error);
    }
    return errors;
}

ConfigInfos ConfigInfos::fromJson(const QJsonObject &json)
{
    ConfigInfos infos;
    infos.name = json.value(QLatin1String("name")).toString();
    infos.errorCount = json.value(QLatin1String("error_count")).toInt();
    infos.groups = stringList(json.value(QLatin1String("groups")));
    for (const QJsonValue &item : json.value(QLatin1String("configs")).toArray()) {
        const QJsonObject object = item.toObject();
        ConfigEntry entry;
        if (object.value(QLatin1String("definition")).isObject())
            entry.definition = ConfigKeyInfo::fromJson(object.value(QLatin1String("definition")).toObject());
        if (object.value(QLatin1String("value")).isObject())
            entry.value = ConfigValueInfo::fromJson(object.value(QLatin1String("value")).toObject());
        infos.configs.append(std::move(entry));
    }
    return infos;
}

QList<PartitionOffset> PartitionOffset::listFromJson(const QJsonObject &json)
{
    QList<PartitionOffset> list;
    for (const QJsonValue &item : json.value(QLatin1String("offsets")).toArray()) {
        const QJsonObject object = item.toObject();
        list.append({object.value(QLatin1String("partition")).toObject(), object.value(QLatin1String("offset"))});
    }
    return list;
}

QList<LoggerLevel> LoggerLevel::listFromJson(const QJsonObject &json)
{
    QList<LoggerLevel> list;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonObject object = it.value().toObject();
        LoggerLevel level{it.key(), object.value(QLatin1String("level")).toString(), std::nullopt};
        const QJsonValue modified = object.value(QLatin1String("last_modified"));
        if (modified.isDouble())
            level.lastModified = qint64(modified.toDouble());
        list.append(level);
    }
    std::sort(list.begin(), list.end(), [](const LoggerLevel &a, const LoggerLevel &b) {
        if ((a.logger == QLatin1String("root")) != (b.logger == QLatin1String("root")))
            return a.logger == QLatin1String("root");
        return a.logger < b.logger;
    });
    return list;
}

QJsonObject toJson(const QMap<QString, QString> &map)
{
    QJsonObject json;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QMap<QString, QString> stringMap(const QJsonObject &json)
{
    QMap<QString, QString> map;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const std::optional<QString> text = optionalString(it.value());
        map.insert(it.key(), text.value_or(QString()));
    }
    return map;
}

} // namespace ConnectDesk::Client
