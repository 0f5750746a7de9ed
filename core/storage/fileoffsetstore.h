// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "offsetbackingstore.h"

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QPair>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace ConnectDesk::Storage {

/**
 * The standalone worker's source offsets (`offset.storage.file.filename`): raw key bytes →
 * raw value bytes, kept in memory and written to one file as a whole.
 *
 * Kafka's FileOffsetBackingStore writes a Java-serialized HashMap that C++ cannot reasonably
 * read, so the file has its own format (version 1), plain text, one entry per line, keys sorted:
 *
 *     connectdesk-offsets 1
 *     <base64 key> <base64 value>
 *     ...
 *     end <number of entries>
 *
 * Base64 is the standard alphabet with padding; an empty key or value is written `-`. Lines
 * end with `\n`. The `end` line makes a truncated copy detectable.
 *
 * Lifecycle: construct, load() once, then any number of set()/get() and flush(); write() is
 * set() followed by flush(). A missing or empty file means no offsets yet. A file that cannot
 * be read or is not in this format fails load() with a message naming the file and line, loads
 * nothing, and makes every later flush() fail too, so that offsets nobody could read are never
 * overwritten; move the file away to start afresh.
 *
 * flush() writes the whole map through QSaveFile (temporary file, fsync, rename) and then
 * syncs the folder, so a crash leaves either the old file or the new one, never a torn one;
 * on a failed write the old file stays as it was.
 *
 * Thread-safe: task threads read with get() while a committer calls set()/flush(). Flushes are
 * serialized, and each one writes a snapshot at least as new as the previous one's.
 */
class FileOffsetStore : public OffsetBackingStore
{
public:
    using Entry = QPair<QByteArray, QByteArray>;

    explicit FileOffsetStore(const QString &fileName);
    ~FileOffsetStore() override;

    QString fileName() const { return m_fileName; }

    /** Reads the file, replacing what is in memory. Error codes: `ErrorCode::Io`,
     *  `ErrorCode::Corrupt`. */
    [[nodiscard]] Util::Error load();

    /** The value of a key; nullopt when absent. */
    std::optional<QByteArray> get(const QByteArray &key) const override;
    bool contains(const QByteArray &key) const;
    qsizetype size() const;
    /** Every entry, sorted by key. */
    QList<Entry> entries() const override;

    /** Updates the map in memory; a null value (QByteArray()) removes the key, an empty
     *  non-null one is stored. Nothing is written until flush(). */
    void set(const QList<Entry> &entries);
    /** Writes the whole map to the file if anything changed since the last flush. Error codes:
     *  `ErrorCode::Io`, `ErrorCode::NotLoaded` (load() has not succeeded). */
    [[nodiscard]] Util::Error flush();
    /** set() then flush(). */
    Util::Error write(const QList<Entry> &entries) override;

    /** True when set() changed something not yet flushed. */
    bool isDirty() const;

protected:
    /** Writes the file's contents to a device; false on a write error. Virtual so that tests
     *  can simulate a failure in the middle of a write. */
    virtual bool writeContents(QIODevice &out, const QMap<QByteArray, QByteArray> &entries) const;

private:
    enum class LoadState { NotLoaded, Loaded, Failed };

    const QString m_fileName;
    mutable QMutex m_mutex;      // guards the members below
    QMutex m_flushMutex;         // serializes flush(); taken before m_mutex
    QMap<QByteArray, QByteArray> m_data;
    quint64 m_generation = 0;    // bumped by every set() that changes m_data
    quint64 m_flushedGeneration = 0;
    LoadState m_loadState = LoadState::NotLoaded;
    QString m_loadError;
};

} // namespace ConnectDesk::Storage
