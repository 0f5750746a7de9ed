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
    Partition &p = partitionOf(record.sourcePartition);
    p.entries.push_back({std::move(record), false});
    ++m_pending;
    return &p.entries.back();
}

void SubmittedRecords::removeLast(Entry *entry)
{
    Partition &p = partitionOf(entry->record.sourcePartition);
    if (!p.entries.empty() && &p.entries.back() == entry) {
        p.entries.pop_back();
        --m_pending;
    }
}

QList<QPair<Api::OffsetMap, Api::OffsetMap>> SubmittedRecords::takeCommittableOffsets()
{
    QList<QPair<Api::OffsetMap, Api::OffsetMap>> result;
    for (Partition &p : m_partitions) {
        bool advanced = false;
        Api::OffsetMap offset;
        while (!p.entries.empty() && p.entries.front().acked) {
            offset = p.entries.front().record.sourceOffset;
            advanced = true;
            p.entries.pop_front();
            --m_pending;
        }
        if (advanced)
            result.append({p.partition, offset});
    }
    return result;
}

} // namespace ConnectDesk::Runtime
