// SPDX-License-Identifier: Apache-2.0
#include "core/runtime/submittedrecords.h"

#include <QtTest>

#include <atomic>
#include <random>
#include <thread>

using namespace ConnectDesk;
using Runtime::SubmittedRecords;

namespace {

Api::OffsetMap partitionMap(const QString &file)
{
    Api::OffsetMap map;
    map.insert(QStringLiteral("filename"), Api::Value(file));
    return map;
}

Api::SourceRecord record(const QString &file, qint64 position)
{
    Api::SourceRecord r;
    r.topic = QStringLiteral("t");
    r.value = Api::Value(QStringLiteral("line at %1").arg(position));
    r.sourcePartition = partitionMap(file);
    r.sourceOffset.insert(QStringLiteral("position"), Api::Value(position));
    return r;
}

SubmittedRecords::Entry *submitOne(SubmittedRecords &records, Api::SourceRecord record)
{
    std::vector<Api::SourceRecord> batch;
    batch.push_back(std::move(record));
    const std::vector<SubmittedRecords::Entry *> entries = records.submit(batch);
    return entries.size() == 1 ? entries.front() : nullptr;
}

qint64 positionOf(const Api::OffsetMap &offset)
{
    return offset.value(QStringLiteral("position")).integerValue();
}

// Committable offsets as file → position, for readable comparisons.
QMap<QString, qint64> take(SubmittedRecords &records)
{
    QMap<QString, qint64> result;
    for (const auto &[partition, offset] : records.takeCommittableOffsets()) {
        const QString file = partition.value(QStringLiteral("filename")).toString();
        if (result.contains(file))
            qWarning() << "partition" << file << "reported twice";
        result.insert(file, positionOf(offset));
    }
    return result;
}

using Committed = QMap<QString, qint64>;

} // namespace

class tst_SubmittedRecords : public QObject
{
    Q_OBJECT

private slots:
    void nothingSubmitted();
    void onlyAckedPrefixIsCommittable();
    void partitionsAreIndependent();
    void equalPartitionMapsAreOnePartition();
    void committedEntriesAreForgotten();
    void batchSubmission();
    void pruneKeepsUncommittedEntries();
    void entryKeepsTheRecord();
    void randomAckOrder();
    void concurrentCommitter();
};

void tst_SubmittedRecords::nothingSubmitted()
{
    SubmittedRecords records;
    QVERIFY(records.takeCommittableOffsets().isEmpty());
    QCOMPARE(records.pendingCount(), 0);
}

void tst_SubmittedRecords::onlyAckedPrefixIsCommittable()
{
    SubmittedRecords records;
    auto *first = submitOne(records, record("a", 10));
    auto *second = submitOne(records, record("a", 20));
    auto *third = submitOne(records, record("a", 30));
    QCOMPARE(records.pendingCount(), 3);
    QCOMPARE(take(records), Committed{});

    // Acked out of order: the first record still blocks the partition.
    records.ack(second);
    QCOMPARE(take(records), Committed{});
    QCOMPARE(records.pendingCount(), 3);

    records.ack(first);
    QCOMPARE(take(records), (Committed{{"a", 20}}));
    QCOMPARE(records.pendingCount(), 1);
    // Nothing new acked: nothing to report, and the offset does not go back.
    QCOMPARE(take(records), Committed{});

    records.ack(third);
    QCOMPARE(take(records), (Committed{{"a", 30}}));
    QCOMPARE(records.pendingCount(), 0);
    QCOMPARE(take(records), Committed{});
}

void tst_SubmittedRecords::partitionsAreIndependent()
{
    SubmittedRecords records;
    auto *a1 = submitOne(records, record("a", 1));
    auto *b1 = submitOne(records, record("b", 1));
    auto *a2 = submitOne(records, record("a", 2));
    auto *b2 = submitOne(records, record("b", 2));
    auto *c1 = submitOne(records, record("c", 1));
    submitOne(records, record("c", 2)); // never acked

    records.ack(b1);
    records.ack(b2);
    records.ack(a2); // a1 not acked: a blocked
    records.ack(c1);
    QCOMPARE(take(records), (Committed{{"b", 2}, {"c", 1}}));
    QCOMPARE(records.pendingCount(), 3); // a1, a2, c2

    records.ack(a1);
    QCOMPARE(take(records), (Committed{{"a", 2}}));
    QCOMPARE(records.pendingCount(), 1);
}

void tst_SubmittedRecords::equalPartitionMapsAreOnePartition()
{
    SubmittedRecords records;
    // Separately built but equal maps (no shared data) are the same source partition.
    Api::SourceRecord first = record("same", 1);
    Api::SourceRecord second;
    second.sourcePartition.insert(QStringLiteral("filename"),
                                  Api::Value(QStringLiteral("sa") + QStringLiteral("me")));
    second.sourceOffset.insert(QStringLiteral("position"), Api::Value(qint64(2)));
    auto *e1 = submitOne(records, first);
    auto *e2 = submitOne(records, second);
    records.ack(e2);
    QCOMPARE(take(records), Committed{});
    records.ack(e1);
    const auto offsets = records.takeCommittableOffsets();
    QCOMPARE(offsets.size(), 1);
    QCOMPARE(offsets.first().first, partitionMap(QStringLiteral("same")));
    QCOMPARE(positionOf(offsets.first().second), 2);
}

void tst_SubmittedRecords::committedEntriesAreForgotten()
{
    SubmittedRecords records;
    for (int i = 1; i <= 5; ++i)
        records.ack(submitOne(records, record("a", i)));
    QCOMPARE(take(records), (Committed{{"a", 5}}));
    QCOMPARE(records.pendingCount(), 0);
    // New submissions after a commit start from an empty queue.
    auto *next = submitOne(records, record("a", 6));
    QCOMPARE(records.pendingCount(), 1);
    QCOMPARE(take(records), Committed{});
    records.ack(next);
    QCOMPARE(take(records), (Committed{{"a", 6}}));
}

void tst_SubmittedRecords::batchSubmission()
{
    // One submit() of a batch over two partitions: entries in order, records moved in.
    SubmittedRecords records;
    std::vector<Api::SourceRecord> batch{record("a", 1), record("b", 1), record("a", 2)};
    const std::vector<SubmittedRecords::Entry *> entries = records.submit(batch);
    QCOMPARE(entries.size(), size_t(3));
    QCOMPARE(records.pendingCount(), 3);
    QCOMPARE(positionOf(entries[2]->record.sourceOffset), 2);
    QCOMPARE(entries[1]->record.sourcePartition, partitionMap(QStringLiteral("b")));
    records.ack({entries[1], entries[2]});
    QCOMPARE(take(records), (Committed{{"b", 1}}));
    records.ack(entries[0]);
    QCOMPARE(take(records), (Committed{{"a", 2}}));
    QCOMPARE(records.pendingCount(), 0);
}

void tst_SubmittedRecords::pruneKeepsUncommittedEntries()
{
    SubmittedRecords records;
    auto *first = submitOne(records, record("a", 1));
    auto *second = submitOne(records, record("a", 2));
    auto *third = submitOne(records, record("a", 3));
    records.ack(first);
    records.ack(third);
    QCOMPARE(take(records), (Committed{{"a", 1}}));
    // Pruning destroys the committed entry only: the others stay valid and keep blocking.
    records.pruneCommitted();
    records.pruneCommitted();
    QCOMPARE(records.pendingCount(), 2);
    QCOMPARE(positionOf(second->record.sourceOffset), 2);
    QCOMPARE(take(records), Committed{});
    records.ack(second);
    QCOMPARE(take(records), (Committed{{"a", 3}}));
    records.pruneCommitted();
    QCOMPARE(records.pendingCount(), 0);
    QCOMPARE(take(records), Committed{});
}

void tst_SubmittedRecords::entryKeepsTheRecord()
{
    SubmittedRecords records;
    auto *entry = submitOne(records, record("a", 7));
    QCOMPARE(entry->record.value.toString(), QStringLiteral("line at 7"));
    QCOMPARE(positionOf(entry->record.sourceOffset), 7);
    QVERIFY(!entry->acked);
    records.ack(entry);
    QVERIFY(entry->acked);
}

void tst_SubmittedRecords::randomAckOrder()
{
    // Many records over a few partitions, acked in random order with commits in between: the
    // committed offset of each partition is always the end of its longest acked prefix, and
    // entry pointers stay valid while other records are submitted and committed.
    constexpr int Partitions = 4;
    constexpr int PerPartition = 3000;
    std::mt19937 random(20240601);
    SubmittedRecords records;
    QList<SubmittedRecords::Entry *> entries[Partitions];
    QList<bool> acked[Partitions];
    for (int i = 0; i < PerPartition; ++i) {
        for (int p = 0; p < Partitions; ++p) {
            entries[p].append(submitOne(records, record(QString::number(p), i + 1)));
            acked[p].append(false);
        }
    }
    QList<QPair<int, int>> order;
    for (int p = 0; p < Partitions; ++p)
        for (int i = 0; i < PerPartition; ++i)
            order.append({p, i});
    std::shuffle(order.begin(), order.end(), random);

    qint64 committed[Partitions] = {0, 0, 0, 0};
    int prefix[Partitions] = {0, 0, 0, 0};
    for (qsizetype n = 0; n < order.size(); ++n) {
        const auto [p, i] = order.at(n);
        records.ack(entries[p].at(i));
        acked[p][i] = true;
        if (n % 97 != 0 && n + 1 != order.size())
            continue;
        const Committed now = take(records);
        for (int q = 0; q < Partitions; ++q) {
            while (prefix[q] < PerPartition && acked[q].at(prefix[q]))
                ++prefix[q];
            const QString name = QString::number(q);
            if (prefix[q] > committed[q]) {
                QCOMPARE(now.value(name, -1), qint64(prefix[q]));
                committed[q] = prefix[q];
            } else {
                QVERIFY2(!now.contains(name), qPrintable(name));
            }
            // Only acked records are ever committed.
            QVERIFY(committed[q] == 0 || acked[q].at(committed[q] - 1));
        }
    }
    for (int p = 0; p < Partitions; ++p)
        QCOMPARE(committed[p], qint64(PerPartition));
    QCOMPARE(records.pendingCount(), 0);
}

void tst_SubmittedRecords::concurrentCommitter()
{
    // The task thread submits, acks and prunes while a committer thread takes offsets:
    // every offset taken is acked, offsets only move forward, and in the end all are taken.
    constexpr int Partitions = 3;
    constexpr int PerPartition = 20000;
    SubmittedRecords records;
    std::atomic_bool done = false;
    std::atomic<qint64> highestAcked[Partitions] = {0, 0, 0};
    std::thread task([&] {
        std::mt19937 random(7);
        QList<SubmittedRecords::Entry *> unacked;
        QList<int> partitionOfEntry;
        for (int i = 1; i <= PerPartition; ++i) {
            for (int p = 0; p < Partitions; ++p) {
                unacked.append(submitOne(records, record(QString::number(p), i)));
                partitionOfEntry.append(p);
            }
            // Acks arrive in order per partition, in bursts.
            if (random() % 8 == 0 || i == PerPartition) {
                for (qsizetype n = 0; n < unacked.size(); ++n) {
                    const int p = partitionOfEntry.at(n);
                    const qint64 position = positionOf(unacked.at(n)->record.sourceOffset);
                    highestAcked[p] = position; // before the ack: a bound the committer may see
                    records.ack(unacked.at(n));
                }
                unacked.clear();
                partitionOfEntry.clear();
                records.pruneCommitted(); // the task thread frees what was committed
            }
        }
        done = true;
    });
    qint64 committed[Partitions] = {0, 0, 0};
    bool ok = true;
    QString problem;
    for (;;) {
        const bool last = done.load();
        for (const auto &[partition, offset] : records.takeCommittableOffsets()) {
            const int p = partition.value(QStringLiteral("filename")).toString().toInt();
            const qint64 position = positionOf(offset);
            if (position <= committed[p] || position > highestAcked[p].load()) {
                ok = false;
                problem = QStringLiteral("partition %1: %2 after %3, acked up to %4")
                              .arg(p)
                              .arg(position)
                              .arg(committed[p])
                              .arg(highestAcked[p].load());
            }
            committed[p] = position;
        }
        if (last)
            break;
    }
    task.join();
    QVERIFY2(ok, qPrintable(problem));
    for (int p = 0; p < Partitions; ++p)
        QCOMPARE(committed[p], qint64(PerPartition));
    QCOMPARE(records.pendingCount(), 0);
}

QTEST_GUILESS_MAIN(tst_SubmittedRecords)
#include "tst_submittedrecords.moc"
