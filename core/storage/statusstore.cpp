// SPDX-License-Identifier: Apache-2.0
#include "statusstore.h"

#include "kafkabasedlog.h"
#include "logging.h"

#include "core/converters/json/jsonreader.h"
#include "core/converters/json/jsonwriter.h"

#include <QDateTime>

namespace ConnectDesk::Storage {

namespace {

using Converters::JsonReader;
using Converters::JsonValue;
using Converters::JsonWriter;

QByteArray connectorKey(const QString &connector)
{
    return QStringLiteral("status-connector-%1").arg(connector).toUtf8();
}

QByteArray taskKey(const QString &connector, int task)
{
    return QStringLiteral("status-task-%1-%2").arg(connector).arg(task).toUtf8();
}

QByteArray topicKey(const QString &connector, const QString &topic)
{
    return QStringLiteral("status-topic-%1:connector-%2").arg(topic, connector).toUtf8();
}

QByteArray encodeTopic(const QString &connector, const QString &topic, int task, qint64 timestamp)
{
    JsonWriter writer;
    writer.beginObject().key(QLatin1StringView("topic")).beginObject()
        .key(QLatin1StringView("name")).writeString(topic)
        .key(QLatin1StringView("connector")).writeString(connector)
        .key(QLatin1StringView("task")).writeInt64(task)
        .key(QLatin1StringView("discoverTimestamp")).writeInt64(timestamp)
        .endObject().endObject();
    return writer.take();
}

} // namespace

StatusStore::StatusStore(QObject *parent)
    : QObject(parent)
{}

StatusStore::~StatusStore() = default;

QByteArray StatusStore::encodeStatus(const Status &status)
{
    JsonWriter writer;
    writer.beginObject().key(QLatin1StringView("state")).writeString(stateName(status.state));
    writer.key(QLatin1StringView("trace"));
    if (status.trace.isEmpty())
        writer.writeNull();
    else
        writer.writeString(status.trace);
    writer.key(QLatin1StringView("worker_id")).writeString(status.workerId)
        .key(QLatin1StringView("generation")).writeInt64(status.generation)
        .endObject();
    return writer.take();
}

Util::Error StatusStore::attachLog(std::unique_ptr<KafkaBasedLog> log)
{
    int highest = -1;
    QMap<QString, QMap<QString, qint64>> topics;
    const QByteArray topicPrefix = "status-topic-";
    const Util::Error error = log->readToEnd([&](const KafkaBasedLog::Record &record) {
        std::optional<JsonValue> value;
        if (record.value)
            value = JsonReader::parse(*record.value);
        if (record.key.startsWith(topicPrefix)) {
            // status-topic-<topic>:connector-<name>; topic names cannot contain ':'.
            const QString rest = QString::fromUtf8(record.key.mid(topicPrefix.size()));
            const qsizetype colon = rest.indexOf(QStringLiteral(":connector-"));
            if (colon < 0)
                return;
            const QString topic = rest.left(colon);
            const QString connector = rest.mid(colon + 11);
            const JsonValue *entry = value && value->isObject() ? value->find(u"topic") : nullptr;
            if (entry && entry->isObject()) {
                const JsonValue *timestamp = entry->find(u"discoverTimestamp");
                topics[connector].insert(topic, timestamp ? timestamp->toInt64() : 0);
            } else {
                topics[connector].remove(topic);
            }
            return;
        }
        const JsonValue *generation = value && value->isObject() ? value->find(u"generation") : nullptr;
        if (generation && generation->isIntegral())
            highest = qMax(highest, int(generation->toInt64()));
    });
    if (error)
        return error;
    QMutexLocker lock(&m_mutex);
    m_log = std::move(log);
    m_generation = highest + 1;
    for (auto it = topics.cbegin(); it != topics.cend(); ++it) {
        if (!it.value().isEmpty())
            m_topics.insert(it.key(), it.value());
    }
    changed();
    return {};
}

void StatusStore::persist(const QList<QPair<QByteArray, std::optional<QByteArray>>> &records)
{
    if (!m_log || records.isEmpty())
        return;
    QList<KafkaBasedLog::Record> batch;
    for (const auto &[key, value] : records)
        batch.append({key, value, -1, 0});
    // Status is best effort, as in Kafka: the in-memory status is right either way.
    if (const Util::Error error = m_log->send(batch))
        qCWarning(lcStorage).noquote() << "Could not write status:" << error.message;
}

void StatusStore::putConnector(const QString &connector, const Status &status)
{
    Status stamped = status;
    stamped.generation = m_generation;
    {
        QMutexLocker lock(&m_mutex);
        m_connectors.insert(connector, stamped);
        changed();
    }
    persist({{connectorKey(connector), encodeStatus(stamped)}});
    Q_EMIT statusChanged(connector, -1, status.state);
}

void StatusStore::putTask(const QString &connector, int task, const Status &status)
{
    Status stamped = status;
    stamped.generation = m_generation;
    {
        QMutexLocker lock(&m_mutex);
        m_tasks[connector].insert(task, stamped);
        changed();
    }
    persist({{taskKey(connector, task), encodeStatus(stamped)}});
    Q_EMIT statusChanged(connector, task, status.state);
}

void StatusStore::remove(const QString &connector)
{
    QList<QPair<QByteArray, std::optional<QByteArray>>> tombstones;
    {
        QMutexLocker lock(&m_mutex);
        if (m_connectors.remove(connector))
            tombstones.append({connectorKey(connector), std::nullopt});
        const QList<int> tasks = m_tasks.take(connector).keys();
        for (int task : tasks)
            tombstones.append({taskKey(connector, task), std::nullopt});
        const QStringList topics = m_topics.take(connector).keys();
        for (const QString &topic : topics)
            tombstones.append({topicKey(connector, topic), std::nullopt});
        changed();
    }
    persist(tombstones);
}

void StatusStore::removeTasks(const QString &connector)
{
    QList<QPair<QByteArray, std::optional<QByteArray>>> tombstones;
    {
        QMutexLocker lock(&m_mutex);
        const QList<int> tasks = m_tasks.take(connector).keys();
        for (int task : tasks)
            tombstones.append({taskKey(connector, task), std::nullopt});
        changed();
    }
    persist(tombstones);
}

std::optional<Status> StatusStore::connector(const QString &connector) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_connectors.constFind(connector);
    if (it == m_connectors.cend())
        return std::nullopt;
    return *it;
}

std::optional<Status> StatusStore::task(const QString &connector, int task) const
{
    QMutexLocker lock(&m_mutex);
    const auto tasks = m_tasks.constFind(connector);
    if (tasks == m_tasks.cend())
        return std::nullopt;
    const auto it = tasks->constFind(task);
    if (it == tasks->cend())
        return std::nullopt;
    return *it;
}

QMap<int, Status> StatusStore::tasks(const QString &connector) const
{
    QMutexLocker lock(&m_mutex);
    return m_tasks.value(connector);
}

QStringList StatusStore::connectors() const
{
    QMutexLocker lock(&m_mutex);
    return m_connectors.keys();
}

void StatusStore::putTopic(const QString &connector, const QString &topic, int task)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        QMap<QString, qint64> &topics = m_topics[connector];
        if (topics.contains(topic))
            return;
        topics.insert(topic, now);
        changed();
    }
    persist({{topicKey(connector, topic), encodeTopic(connector, topic, task, now)}});
}

QStringList StatusStore::topics(const QString &connector) const
{
    QMutexLocker lock(&m_mutex);
    return m_topics.value(connector).keys();
}

void StatusStore::resetTopics(const QString &connector)
{
    QList<QPair<QByteArray, std::optional<QByteArray>>> tombstones;
    {
        QMutexLocker lock(&m_mutex);
        const QStringList topics = m_topics.take(connector).keys();
        for (const QString &topic : topics)
            tombstones.append({topicKey(connector, topic), std::nullopt});
        changed();
    }
    persist(tombstones);
}

} // namespace ConnectDesk::Storage
