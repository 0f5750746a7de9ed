// SPDX-License-Identifier: Apache-2.0
#include "submittedrecords.h"

namespace ConnectDesk::Runtime {

SubmittedRecords::Partition &SubmittedRecords::partitionOf(const Api::OffsetMap &partition)
{
    // Tasks usually poll few partitions and reuse one map (QMap compares shared data first).
    if (m_last && m_last->partition == partition)
        return *m_last;
    for (Partition &p : m_partitions) {
        if (p.partition == partition) {
            m_last = &p;
            return p;
        }
    }
    m_partitions.push_back({partition, {}});
    m_last = &m_partitions.back();
    return *m_last;
}

SubmittedRecords::Entry *SubmittedRecords::submit(Api::SourceRecord record)
{
    QMutexLocker lock(&m_mutex);
    Partition &p = partitionOf(record.sourcePartition);
    p.entries.push_back({std::move(record), false});
    ++m_pending;
    return &p.entries.back();
}

void SubmittedRecords::removeLast(Entry *entry)
{
    QMutexLocker lock(&m_mutex);
    Partition &p = partitionOf(entry->record.sourcePartition);
    if (!p.entries.empty() && &p.entries.back() == entry) {
        p.entries.pop_back();
        --m_pending;
    }
}

void SubmittedRecords::ack(Entry *entry)
{
    QMutexLocker lock(&m_mutex);
    entry->acked = true;
}

qint64 SubmittedRecords::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_pending;
}

QList<QPair<Api::OffsetMap, Api::OffsetMap>> SubmittedRecords::takeCommittableOffsets()
{
    QList<QPair<Api::OffsetMap, Api::OffsetMap>> result;
    // Committed records are destroyed after the lock is released, so the task thread's submit()
    // never waits for thousands of destructors.
    std::deque<Entry> committed;
    {
        QMutexLocker lock(&m_mutex);
        for (Partition &p : m_partitions) {
            bool advanced = false;
            Api::OffsetMap offset;
            while (!p.entries.empty() && p.entries.front().acked) {
                offset = p.entries.front().record.sourceOffset;
                advanced = true;
                committed.push_back(std::move(p.entries.front()));
                p.entries.pop_front();
                --m_pending;
            }
            if (advanced)
                result.append({p.partition, offset});
        }
    }
    return result;
}

} // namespace ConnectDesk::Runtime
