// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "offsetbackingstore.h"

#include <QHash>
#include <QMutex>

#include <memory>

namespace ConnectDesk::Storage {

class KafkaBasedLog;

/**
 * Source offsets in the offsets topic (distributed mode; Kafka's KafkaOffsetBackingStore):
 * raw key bytes → raw value bytes, last write wins when read back (the development broker does
 * not compact), tombstones remove. Thread-safe.
 */
class KafkaOffsetStore : public OffsetBackingStore
{
public:
    explicit KafkaOffsetStore(std::unique_ptr<KafkaBasedLog> log);
    ~KafkaOffsetStore() override;

    /** Reads the topic to its end. */
    Util::Error load();

    std::optional<QByteArray> get(const QByteArray &key) const override;
    Util::Error write(const QList<QPair<QByteArray, QByteArray>> &entries) override;
    QList<QPair<QByteArray, QByteArray>> entries() const override;

private:
    std::unique_ptr<KafkaBasedLog> m_log;
    mutable QMutex m_mutex;
    QHash<QByteArray, QByteArray> m_data;
};

} // namespace ConnectDesk::Storage
