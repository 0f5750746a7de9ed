// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/records.h"

#include <QList>
#include <QMutex>
#include <QPair>

#include <deque>
#include <vector>

namespace ConnectDesk::Runtime {

/**
 * Source records handed to the producer and not yet committed, per source partition in
 * submission order (Kafka's SubmittedRecords). The committable offset of a partition is the one
 * of the latest record such that it and every earlier record of that partition are acked.
 *
 * Thread-safe. The task thread submits; the committer thread acks, takes committable offsets
 * (marking records committed) and prunes (destroys committed records), which keeps that work
 * off the task thread, the pipeline's bottleneck. (Freeing on another thread than the one that
 * allocated is why the worker links tcmalloc.)
 */
class SubmittedRecords
{
public:
    struct Entry
    {
        Api::SourceRecord record;
        bool acked = false;
    };

    /** Tracks the records (moved from), in order, under one lock; the returned pointers stay
     *  valid until their entries are pruned. */
    std::vector<Entry *> submit(std::vector<Api::SourceRecord> &records);
    void ack(Entry *entry);
    /** Acks many at once (one lock). */
    void ack(const std::vector<Entry *> &entries);

    /** Marks the acked prefix of each partition committed and returns the partitions whose
     *  committable offset advanced, with that offset. */
    QList<QPair<Api::OffsetMap, Api::OffsetMap>> takeCommittableOffsets();
    /** Destroys committed records (outside the lock). */
    void pruneCommitted();
    /** Records submitted and not yet committed. */
    qint64 pendingCount() const;

private:
    struct Partition
    {
        Api::OffsetMap partition;
        std::deque<Entry> entries;
        /** Entries at the front already committed, waiting for pruneCommitted(). */
        size_t committed = 0;
    };
    Partition &partitionOf(const Api::OffsetMap &partition);

    mutable QMutex m_mutex;
    std::deque<Partition> m_partitions; // deque: entries' addresses never move
    Partition *m_last = nullptr;
    qint64 m_pending = 0;
};

} // namespace ConnectDesk::Runtime
