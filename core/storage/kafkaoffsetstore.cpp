// SPDX-License-Identifier: Apache-2.0
#include "kafkaoffsetstore.h"

#include "kafkabasedlog.h"

namespace ConnectDesk::Storage {

KafkaOffsetStore::KafkaOffsetStore(std::unique_ptr<KafkaBasedLog> log)
    : m_log(std::move(log))
{}

KafkaOffsetStore::~KafkaOffsetStore() = default;

Util::Error KafkaOffsetStore::load()
{
    QHash<QByteArray, QByteArray> data;
    const Util::Error error = m_log->readToEnd([&data](const KafkaBasedLog::Record &record) {
        if (record.value)
            data.insert(record.key, *record.value);
        else
            data.remove(record.key);
    });
    if (error)
        return error;
    QMutexLocker lock(&m_mutex);
    m_data = std::move(data);
    return {};
}

std::optional<QByteArray> KafkaOffsetStore::get(const QByteArray &key) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_data.constFind(key);
    if (it == m_data.cend())
        return std::nullopt;
    return *it;
}

Util::Error KafkaOffsetStore::write(const QList<QPair<QByteArray, QByteArray>> &entries)
{
    QList<KafkaBasedLog::Record> records;
    records.reserve(entries.size());
    for (const auto &[key, value] : entries) {
        KafkaBasedLog::Record record;
        record.key = key;
        if (!value.isNull())
            record.value = value;
        records.append(record);
    }
    if (const Util::Error error = m_log->send(records))
        return error;
    QMutexLocker lock(&m_mutex);
    for (const auto &[key, value] : entries) {
        if (value.isNull())
            m_data.remove(key);
        else
            m_data.insert(key, value);
    }
    return {};
}

QList<QPair<QByteArray, QByteArray>> KafkaOffsetStore::entries() const
{
    QMutexLocker lock(&m_mutex);
    QList<QPair<QByteArray, QByteArray>> result;
    result.reserve(m_data.size());
    for (auto it = m_data.cbegin(); it != m_data.cend(); ++it)
        result.append({it.key(), it.value()});
    return result;
}

} // namespace ConnectDesk::Storage
