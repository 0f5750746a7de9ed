// SPDX-License-Identifier: Apache-2.0
#include "filestreamsourcetask.h"

#include "filestreamsourceconnector.h"

#include "core/api/exceptions.h"
#include "core/api/schema.h"

#include <QDateTime>
#include <QThread>

#include <cerrno>
#include <cstring>

#include <poll.h>
#include <unistd.h>

namespace ConnectDesk::FilePlugin {

namespace {
constexpr int ReadChunkBytes = 1 << 20;
constexpr int NoDataWaitMs = 1000;
} // namespace

QString FileStreamSourceTask::version() const
{
    return QStringLiteral(CONNECTDESK_VERSION);
}

void FileStreamSourceTask::start(const Api::ConfigMap &props)
{
    Api::AbstractConfig config(FileStreamSourceConnector::configDef(), props);
    m_filename = config.getString(QString::fromLatin1(FileStreamSourceConnector::FileConfig));
    m_stdin = m_filename.isEmpty();
    m_topic = config.getString(QString::fromLatin1(FileStreamSourceConnector::TopicConfig));
    m_batchSize = config.getInt(QString::fromLatin1(FileStreamSourceConnector::BatchSizeConfig));
    m_partition.insert(QString::fromLatin1(FileStreamSourceConnector::FilenameField),
                       m_stdin ? Api::Value() : Api::Value(m_filename));
    m_readBuffer.resize(ReadChunkBytes);
}

bool FileStreamSourceTask::openStream()
{
    if (m_stdin) {
        m_stream = std::make_unique<QFile>();
        if (!m_stream->open(STDIN_FILENO, QIODevice::ReadOnly | QIODevice::Unbuffered))
            throw Api::ConnectException(QStringLiteral("Couldn't open standard input"));
        m_lines = std::make_unique<LineExtractor>();
        return true;
    }
    auto file = std::make_unique<QFile>(m_filename);
    if (!file->exists()) {
        qWarning("Couldn't find file %s for FileStreamSourceTask, sleeping to wait for it to be "
                 "created", qPrintable(m_filename));
        QThread::msleep(NoDataWaitMs);
        return false;
    }
    if (!file->open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        throw Api::ConnectException(QStringLiteral("Couldn't open file %1: %2")
                                        .arg(m_filename, file->errorString()));
    qint64 position = 0;
    if (const auto offset = context()->offsetStorageReader()->offset(m_partition)) {
        const Api::Value stored = offset->value(QString::fromLatin1(FileStreamSourceConnector::PositionField));
        if (!stored.isInteger())
            throw Api::ConnectException(QStringLiteral("Offset position is the incorrect type"));
        position = stored.integerValue();
        if (!file->seek(position))
            throw Api::ConnectException(QStringLiteral("Couldn't skip to offset %1 in %2")
                                            .arg(position)
                                            .arg(m_filename));
        qInfo("Skipped to offset %lld of %s", qlonglong(position), qPrintable(m_filename));
    }
    m_stream = std::move(file);
    m_lines = std::make_unique<LineExtractor>(position);
    return true;
}

bool FileStreamSourceTask::readAvailable(int waitMs)
{
    if (m_stdin) {
        pollfd pfd{STDIN_FILENO, POLLIN, 0};
        if (::poll(&pfd, 1, waitMs) <= 0)
            return false;
    }
    // A pipe read must return what is there: QFile would wait to fill the whole buffer.
    const qint64 n = m_stdin ? qint64(::read(STDIN_FILENO, m_readBuffer.data(), size_t(m_readBuffer.size())))
                             : m_stream->read(m_readBuffer.data(), m_readBuffer.size());
    if (n < 0)
        throw Api::ConnectException(QStringLiteral("Error while reading %1: %2")
                                        .arg(m_stdin ? QStringLiteral("stdin") : m_filename,
                                             m_stdin ? QString::fromLocal8Bit(strerror(errno))
                                                     : m_stream->errorString()));
    if (n == 0) {
        // End of file for now (lines may be appended later), or standard input closed: wait,
        // so an exhausted stream is not polled in a busy loop.
        QThread::msleep(waitMs);
        return false;
    }
    m_lines->append(QByteArray::fromRawData(m_readBuffer.constData(), n));
    return true;
}

QList<Api::SourceRecord> FileStreamSourceTask::poll()
{
    if (!m_stream && !openStream())
        return {};

    QList<Api::SourceRecord> records;
    records.reserve(std::min(m_batchSize, 4096));
    const Api::Schema valueSchema = Api::Schema::string();
    // Lines read together share the time they were read (Kafka stamps each line as it is read).
    const qint64 readTime = QDateTime::currentMSecsSinceEpoch();
    const QString positionKey = QString::fromLatin1(FileStreamSourceConnector::PositionField);
    bool waited = false;
    while (records.size() < m_batchSize) {
        QString line;
        qint64 position = 0;
        if (!m_lines->next(&line, &position)) {
            if (!records.isEmpty() || waited)
                break;
            // Nothing buffered: read more; wait (once) only when nothing at all is available.
            if (!readAvailable(NoDataWaitMs))
                waited = true;
            continue;
        }
        Api::SourceRecord &record = records.emplace_back();
        record.topic = m_topic;
        record.valueSchema = valueSchema;
        record.value = line;
        record.timestamp = readTime;
        record.sourcePartition = m_partition;
        record.sourceOffset.insert(positionKey, m_stdin ? Api::Value() : Api::Value(position));
        if (records.size() < m_batchSize && m_lines->pending() == 0 && !m_stdin) {
            // Top up from the file without waiting so a batch can fill up.
            readAvailable(0);
        }
    }
    return records;
}

void FileStreamSourceTask::stop()
{
    if (m_stream && !m_stdin)
        m_stream->close();
    m_stream.reset();
}

} // namespace ConnectDesk::FilePlugin
