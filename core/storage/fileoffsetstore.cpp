// SPDX-License-Identifier: Apache-2.0
#include "fileoffsetstore.h"

#include "errc.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ConnectDesk::Storage {

namespace {

const QByteArray Header = QByteArrayLiteral("connectdesk-offsets 1");
const QByteArray HeaderPrefix = QByteArrayLiteral("connectdesk-offsets ");
const QByteArray EndPrefix = QByteArrayLiteral("end ");
const QByteArray EmptyField = QByteArrayLiteral("-");

QByteArray encodeField(const QByteArray &bytes)
{
    return bytes.isEmpty() ? EmptyField : bytes.toBase64();
}

// Decodes one field strictly: only the canonical base64 text of some bytes is accepted, so
// that damaged lines are reported instead of read as other offsets.
bool decodeField(const QByteArray &field, QByteArray *out)
{
    if (field == EmptyField) {
        *out = QByteArray("", 0); // empty but not null: null means "absent"
        return true;
    }
    if (field.isEmpty())
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(field,
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || decoded.decoded.toBase64() != field)
        return false;
    *out = decoded.decoded;
    return true;
}

struct ParseFailure
{
    int line = 0;
    QString reason;
};

std::optional<ParseFailure> parseContents(const QByteArray &data,
                                          QMap<QByteArray, QByteArray> *out)
{
    if (data.startsWith("\xAC\xED")) {
        return ParseFailure{1, QStringLiteral("it is a Java-serialized offsets file written by "
                                              "Kafka Connect, which ConnectDesk cannot read")};
    }
    QList<QByteArray> lines = data.split('\n');
    const bool terminated = data.endsWith('\n');
    if (terminated)
        lines.removeLast(); // the empty piece after the final newline
    if (lines.first() != Header) {
        if (lines.first().startsWith(HeaderPrefix)) {
            return ParseFailure{1, QStringLiteral("unsupported format version '%1'")
                                       .arg(QString::fromLatin1(
                                           lines.first().mid(HeaderPrefix.size())))};
        }
        return ParseFailure{1, QStringLiteral("not a ConnectDesk offsets file (no "
                                              "'connectdesk-offsets 1' header)")};
    }
    if (lines.size() < 2 || !lines.last().startsWith(EndPrefix) || !terminated) {
        return ParseFailure{int(lines.size()),
                            QStringLiteral("the file is truncated (no final 'end' line)")};
    }
    QMap<QByteArray, QByteArray> entries;
    for (qsizetype i = 1; i < lines.size() - 1; ++i) {
        const int lineNumber = int(i) + 1;
        const QList<QByteArray> fields = lines.at(i).split(' ');
        QByteArray key;
        QByteArray value;
        if (fields.size() != 2 || !decodeField(fields.at(0), &key)
            || !decodeField(fields.at(1), &value)) {
            return ParseFailure{lineNumber,
                                QStringLiteral("not a '<base64 key> <base64 value>' entry")};
        }
        if (entries.contains(key))
            return ParseFailure{lineNumber, QStringLiteral("duplicate key")};
        entries.insert(key, value);
    }
    bool ok = false;
    const qint64 count = lines.last().mid(EndPrefix.size()).toLongLong(&ok);
    if (!ok || count != entries.size()) {
        return ParseFailure{int(lines.size()),
                            QStringLiteral("the 'end' line does not match the %1 entries read")
                                .arg(entries.size())};
    }
    *out = std::move(entries);
    return std::nullopt;
}

// After a rename, the new directory entry is only durable once the folder itself is synced.
void syncDirectoryOf(const QString &fileName)
{
#ifdef Q_OS_UNIX
    const QByteArray dir = QFile::encodeName(QFileInfo(fileName).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    if (::fsync(fd) != 0)
        qCDebug(lcStorage) << "Could not sync folder" << dir;
    ::close(fd);
#else
    Q_UNUSED(fileName)
#endif
}

Util::Error error(ErrorCode code, const QString &message)
{
    return Util::Error{message, int(code)};
}

} // namespace

FileOffsetStore::FileOffsetStore(const QString &fileName)
    : m_fileName(fileName)
{}

FileOffsetStore::~FileOffsetStore() = default;

Util::Error FileOffsetStore::load()
{
    QMutexLocker locker(&m_mutex);
    m_data.clear();
    m_generation = m_flushedGeneration = 0;
    m_loadState = LoadState::Failed;

    auto fail = [this](ErrorCode code, const QString &message) {
        m_loadError = message;
        qCWarning(lcStorage).noquote() << message;
        return error(code, message);
    };

    const QFileInfo info(m_fileName);
    if (!info.exists()) {
        qCInfo(lcStorage).noquote() << "No offsets file" << m_fileName << "yet; starting empty";
        m_loadState = LoadState::Loaded;
        return {};
    }
    if (info.isDir()) {
        return fail(ErrorCode::Io,
                    QStringLiteral("Offsets file %1 is a directory").arg(m_fileName));
    }
    QFile file(m_fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::Io, QStringLiteral("Cannot read offsets file %1: %2")
                                       .arg(m_fileName, file.errorString()));
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return fail(ErrorCode::Io, QStringLiteral("Cannot read offsets file %1: %2")
                                       .arg(m_fileName, file.errorString()));
    }
    if (!data.isEmpty()) {
        QMap<QByteArray, QByteArray> entries;
        if (const auto failure = parseContents(data, &entries)) {
            return fail(ErrorCode::Corrupt,
                        QStringLiteral("Offsets file %1 is corrupt at line %2: %3. Move it away "
                                       "to start without stored offsets.")
                            .arg(m_fileName)
                            .arg(failure->line)
                            .arg(failure->reason));
        }
        m_data = std::move(entries);
    }
    m_loadState = LoadState::Loaded;
    m_loadError.clear();
    qCInfo(lcStorage).noquote() << "Loaded" << m_data.size() << "offsets from" << m_fileName;
    return {};
}

std::optional<QByteArray> FileOffsetStore::get(const QByteArray &key) const
{
    QMutexLocker locker(&m_mutex);
    const auto it = m_data.constFind(key);
    if (it == m_data.cend())
        return std::nullopt;
    return *it;
}

bool FileOffsetStore::contains(const QByteArray &key) const
{
    QMutexLocker locker(&m_mutex);
    return m_data.contains(key);
}

qsizetype FileOffsetStore::size() const
{
    QMutexLocker locker(&m_mutex);
    return m_data.size();
}

QList<FileOffsetStore::Entry> FileOffsetStore::entries() const
{
    QMutexLocker locker(&m_mutex);
    QList<Entry> result;
    result.reserve(m_data.size());
    for (auto it = m_data.cbegin(); it != m_data.cend(); ++it)
        result.append({it.key(), it.value()});
    return result;
}

void FileOffsetStore::set(const QList<Entry> &entries)
{
    QMutexLocker locker(&m_mutex);
    bool changed = false;
    for (const Entry &entry : entries) {
        if (entry.second.isNull()) {
            changed |= m_data.remove(entry.first) > 0;
        } else {
            const auto it = m_data.constFind(entry.first);
            if (it == m_data.cend() || *it != entry.second) {
                // Keep empty values non-null, whatever the caller passed.
                m_data.insert(entry.first,
                              entry.second.isEmpty() ? QByteArray("", 0) : entry.second);
                changed = true;
            }
        }
    }
    if (changed)
        ++m_generation;
}

bool FileOffsetStore::isDirty() const
{
    QMutexLocker locker(&m_mutex);
    return m_generation != m_flushedGeneration;
}

Util::Error FileOffsetStore::flush()
{
    QMutexLocker flushLocker(&m_flushMutex);
    QMap<QByteArray, QByteArray> snapshot;
    quint64 generation = 0;
    {
        QMutexLocker locker(&m_mutex);
        if (m_loadState == LoadState::Failed) {
            return error(ErrorCode::NotLoaded,
                         QStringLiteral("Not writing offsets: the existing offsets file could not "
                                        "be loaded (%1)")
                             .arg(m_loadError));
        }
        if (m_loadState == LoadState::NotLoaded) {
            return error(ErrorCode::NotLoaded,
                         QStringLiteral("Not writing offsets file %1 before it was loaded")
                             .arg(m_fileName));
        }
        if (m_generation == m_flushedGeneration)
            return {};
        snapshot = m_data;
        generation = m_generation;
    }

    // The slow part runs without m_mutex, so readers are never blocked by the disk.
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        return error(ErrorCode::Io, QStringLiteral("Cannot write offsets file %1: %2")
                                        .arg(m_fileName, file.errorString()));
    }
    if (!writeContents(file, snapshot)) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return error(ErrorCode::Io, QStringLiteral("Cannot write offsets file %1: %2")
                                        .arg(m_fileName, reason));
    }
    if (!file.commit()) {
        return error(ErrorCode::Io, QStringLiteral("Cannot write offsets file %1: %2")
                                        .arg(m_fileName, file.errorString()));
    }
    syncDirectoryOf(m_fileName);

    QMutexLocker locker(&m_mutex);
    m_flushedGeneration = generation;
    qCDebug(lcStorage).noquote() << "Wrote" << snapshot.size() << "offsets to" << m_fileName;
    return {};
}

Util::Error FileOffsetStore::write(const QList<Entry> &entries)
{
    set(entries);
    return flush();
}

bool FileOffsetStore::writeContents(QIODevice &out,
                                    const QMap<QByteArray, QByteArray> &entries) const
{
    QByteArray text;
    text.reserve(64 + entries.size() * 96);
    text += Header + '\n';
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        text += encodeField(it.key()) + ' ' + encodeField(it.value()) + '\n';
    text += EndPrefix + QByteArray::number(entries.size()) + '\n';
    return out.write(text) == text.size();
}

} // namespace ConnectDesk::Storage
