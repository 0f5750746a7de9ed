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
 * Thread-safe, with a division of labour that keeps memory where it was allocated: the task
 * thread submits and prunes (destroys committed records); the committer thread acks and takes
 * committable offsets (marking records committed, never destroying them).
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
    /** Destroys committed records (task thread). */
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
