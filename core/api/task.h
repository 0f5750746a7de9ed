// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "component.h"
#include "records.h"

#include <QList>
#include <QMap>
#include <QSet>

#include <exception>
#include <optional>

namespace ConnectDesk::Api {

/** Reads committed source offsets (Java `OffsetStorageReader`). Thread-safe. */
class CONNECTDESK_API_EXPORT OffsetStorageReader
{
public:
    virtual ~OffsetStorageReader();
    /** The last committed offset of a source partition, nullopt when there is none. Numbers
     *  come back as after a JSON round trip (integers as Int64, decimals as Float64). */
    virtual std::optional<OffsetMap> offset(const OffsetMap &partition) = 0;
};

/** Java `TaskContext`/`SourceTaskContext`. */
class CONNECTDESK_API_EXPORT SourceTaskContext
{
public:
    virtual ~SourceTaskContext();
    virtual ConfigMap configs() const = 0;
    virtual OffsetStorageReader *offsetStorageReader() = 0;
};

/** Sink tasks report records they cannot process (Java `ErrantRecordReporter`); the runtime
 *  applies `errors.tolerance`, the log and the dead-letter queue. */
class CONNECTDESK_API_EXPORT ErrantRecordReporter
{
public:
    virtual ~ErrantRecordReporter();
    virtual void report(const SinkRecord &record, const std::exception &error) = 0;
};

/** Java `SinkTaskContext`. Calls are made on the task's own thread. */
class CONNECTDESK_API_EXPORT SinkTaskContext
{
public:
    virtual ~SinkTaskContext();
    virtual ConfigMap configs() const = 0;
    /** Rewind/seek a partition before the next poll. */
    virtual void offset(const TopicPartition &partition, qint64 offset) = 0;
    /** Redeliver after a RetriableException no sooner than this. */
    virtual void timeout(qint64 timeoutMs) = 0;
    virtual QSet<TopicPartition> assignment() const = 0;
    virtual void pause(const QList<TopicPartition> &partitions) = 0;
    virtual void resume(const QList<TopicPartition> &partitions) = 0;
    virtual void requestCommit() = 0;
    /** nullptr unless the connector has a DLQ or `errors.log.enable=true`. */
    virtual ErrantRecordReporter *errantRecordReporter() = 0;
};

/**
 * A source task (Java `SourceTask`). Runs on its own thread: start(), then poll() in a loop
 * until stop(). poll() should return at least every second so stop requests get through; the
 * runtime calls stop() on the same thread after the loop ends.
 *
 * As in Kafka, commitRecord() and commit() are called from the runtime's offset committer
 * thread, possibly while poll() runs: make them thread-safe if they touch state poll() uses.
 */
class CONNECTDESK_API_EXPORT SourceTask : public Component
{
public:
    virtual void initialize(SourceTaskContext *context) { m_context = context; }
    virtual void start(const ConfigMap &props) = 0;
    /** Records to send; empty = nothing now. Throw RetriableException to be polled again. */
    virtual QList<SourceRecord> poll() = 0;
    /** Offsets of everything polled so far were committed. */
    virtual void commit() {}
    /** A record was acknowledged by Kafka (metadata) or dropped/skipped (nullptr). */
    virtual void commitRecord(const SourceRecord &record, const RecordMetadata *metadata) {}
    virtual void stop() = 0;

protected:
    SourceTaskContext *context() const { return m_context; }

private:
    SourceTaskContext *m_context = nullptr;
};

/**
 * A sink task (Java `SinkTask`). Runs on its own thread: start(), open(), then put() for each
 * batch, flush()/preCommit() before offsets are committed, close(), stop().
 */
class CONNECTDESK_API_EXPORT SinkTask : public Component
{
public:
    using OffsetsByPartition = QMap<TopicPartition, qint64>;

    virtual void initialize(SinkTaskContext *context) { m_context = context; }
    virtual void start(const ConfigMap &props) = 0;
    /** Called for every poll, also with an empty batch. */
    virtual void put(const QList<SinkRecord> &records) = 0;
    /** Make everything put so far durable. */
    virtual void flush(const OffsetsByPartition &currentOffsets) {}
    /** Offsets that may be committed; default flushes and returns currentOffsets. */
    virtual OffsetsByPartition preCommit(const OffsetsByPartition &currentOffsets)
    {
        flush(currentOffsets);
        return currentOffsets;
    }
    virtual void open(const QList<TopicPartition> &partitions) {}
    virtual void close(const QList<TopicPartition> &partitions) {}
    virtual void stop() = 0;

protected:
    SinkTaskContext *context() const { return m_context; }

private:
    SinkTaskContext *m_context = nullptr;
};

} // namespace ConnectDesk::Api
