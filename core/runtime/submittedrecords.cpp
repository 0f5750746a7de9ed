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
    m_partitions.push_back({partition, {}, 0});
    m_last = &m_partitions.back();
    return *m_last;
}

std::vector<SubmittedRecords::Entry *> SubmittedRecords::submit(std::vector<Api::SourceRecord> &records)
{
    std::vector<Entry *> entries;
    entries.reserve(records.size());
    QMutexLocker lock(&m_mutex);
    for (Api::SourceRecord &record : records) {
        Partition &p = partitionOf(record.sourcePartition);
        p.entries.push_back({std::move(record), false});
        entries.push_back(&p.entries.back());
    }
    m_pending += qint64(records.size());
    return entries;
}

void SubmittedRecords::ack(Entry *entry)
{
    QMutexLocker lock(&m_mutex);
    entry->acked = true;
}

void SubmittedRecords::ack(const std::vector<Entry *> &entries)
{
    QMutexLocker lock(&m_mutex);
    for (Entry *entry : entries)
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
    QMutexLocker lock(&m_mutex);
    for (Partition &p : m_partitions) {
        size_t i = p.committed;
        while (i < p.entries.size() && p.entries[i].acked)
            ++i;
        if (i == p.committed)
            continue;
        result.append({p.partition, p.entries[i - 1].record.sourceOffset});
        m_pending -= qint64(i - p.committed);
        p.committed = i;
    }
    return result;
}

void SubmittedRecords::pruneCommitted()
{
    // Committed records are moved out under the lock and destroyed after it, on this (the
    // allocating) thread, so the committer never waits for destructors.
    std::deque<Entry> garbage;
    {
        QMutexLocker lock(&m_mutex);
        for (Partition &p : m_partitions) {
            for (; p.committed > 0; --p.committed) {
                garbage.push_back(std::move(p.entries.front()));
                p.entries.pop_front();
            }
        }
    }
}

} // namespace ConnectDesk::Runtime
