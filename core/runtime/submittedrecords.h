// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/records.h"

#include <QList>
#include <QMutex>
#include <QPair>

#include <deque>

namespace ConnectDesk::Runtime {

/**
 * Source records handed to the producer and not yet committed, per source partition in
 * submission order (Kafka's SubmittedRecords). The committable offset of a partition is the one
 * of the latest record such that it and every earlier record of that partition are acked.
 * Thread: the source task's thread only.
 */
class SubmittedRecords
{
public:
    struct Entry
    {
        Api::SourceRecord record;
        bool acked = false;
    };

    /** Tracks the record; the returned pointer stays valid until the entry is committed. */
    Entry *submit(Api::SourceRecord record);
    /** Forgets the most recent submission (its send failed synchronously). */
    void removeLast(Entry *entry);
    void ack(Entry *entry);

    /** Removes the acked prefix of each partition and returns the partitions whose committable
     *  offset advanced, with that offset. */
    QList<QPair<Api::OffsetMap, Api::OffsetMap>> takeCommittableOffsets();
    /** Records submitted and not yet acked or committed. */
    qint64 pendingCount() const;

private:
    struct Partition
    {
        Api::OffsetMap partition;
        std::deque<Entry> entries;
    };
    Partition &partitionOf(const Api::OffsetMap &partition);

    mutable QMutex m_mutex;
    std::deque<Partition> m_partitions; // deque: entries' addresses never move
    Partition *m_last = nullptr;
    qint64 m_pending = 0;
};

} // namespace ConnectDesk::Runtime
