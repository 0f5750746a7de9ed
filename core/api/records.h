// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connectdeskapi_global.h"
#include "headers.h"
#include "schema.h"
#include "value.h"

#include <QHash>
#include <QMap>
#include <QString>

#include <optional>

namespace ConnectDesk::Api {

/** A source partition or source offset (Java `Map<String, ?>` with primitive values).
 *  QMap is implicitly shared: a task can build its partition map once and copy it cheaply. */
using OffsetMap = QMap<QString, Value>;

/** A Kafka topic partition. */
struct TopicPartition
{
    QString topic;
    qint32 partition = 0;
    friend bool operator==(const TopicPartition &, const TopicPartition &) = default;
    friend bool operator<(const TopicPartition &a, const TopicPartition &b)
    {
        return a.topic < b.topic || (a.topic == b.topic && a.partition < b.partition);
    }
    /** "topic-0", as Kafka's TopicPartition.toString(). */
    QString toString() const { return topic + QLatin1Char('-') + QString::number(partition); }
};

inline size_t qHash(const TopicPartition &tp, size_t seed = 0)
{
    return qHashMulti(seed, tp.topic, tp.partition);
}

/** Kafka's TimestampType. */
enum class TimestampType { NoTimestampType, CreateTime, LogAppendTime };

/**
 * The fields common to source and sink records (Java `ConnectRecord`). Transformations modify
 * these in place; the extra fields of SourceRecord/SinkRecord are preserved.
 */
struct CONNECTDESK_API_EXPORT ConnectRecord
{
    ConnectRecord() = default;
    // The virtual destructor would otherwise suppress moves: records are moved on hot paths.
    ConnectRecord(const ConnectRecord &) = default;
    ConnectRecord(ConnectRecord &&) noexcept = default;
    ConnectRecord &operator=(const ConnectRecord &) = default;
    ConnectRecord &operator=(ConnectRecord &&) noexcept = default;
    virtual ~ConnectRecord();

    QString topic;
    std::optional<qint32> kafkaPartition;
    Schema keySchema;
    Value key;
    Schema valueSchema;
    Value value;
    /** Milliseconds since the epoch; absent = no timestamp. */
    std::optional<qint64> timestamp;
    Headers headers;

    /** Java-style `toString()` used in error logs. */
    virtual QString toString() const;
};

/** A record produced by a SourceTask (Java `SourceRecord`). */
struct CONNECTDESK_API_EXPORT SourceRecord : ConnectRecord
{
    OffsetMap sourcePartition;
    OffsetMap sourceOffset;

    QString toString() const override;
};

/** A record handed to a SinkTask (Java `SinkRecord`). */
struct CONNECTDESK_API_EXPORT SinkRecord : ConnectRecord
{
    qint64 kafkaOffset = -1;
    TimestampType timestampType = TimestampType::NoTimestampType;
    /** Coordinates as consumed, before transformations changed topic or partition; the
     *  framework commits offsets against these. */
    QString originalTopic;
    qint32 originalKafkaPartition = 0;
    qint64 originalKafkaOffset = -1;

    QString toString() const override;
};

/** What the producer reports for an acknowledged source record. */
struct RecordMetadata
{
    QString topic;
    qint32 partition = -1;
    qint64 offset = -1;
    std::optional<qint64> timestamp;
};

} // namespace ConnectDesk::Api
