// SPDX-License-Identifier: Apache-2.0
#include "filestreamsinktask.h"

#include "filestreamsinkconnector.h"

#include "core/api/exceptions.h"

#include <unistd.h>

namespace ConnectDesk::FilePlugin {

QString FileStreamSinkTask::version() const
{
    return QStringLiteral(CONNECTDESK_VERSION);
}

void FileStreamSinkTask::start(const Api::ConfigMap &props)
{
    Api::AbstractConfig config(FileStreamSinkConnector::configDef(), props);
    m_filename = config.getString(QString::fromLatin1(FileStreamSinkConnector::FileConfig));
    m_output = std::make_unique<QFile>();
    bool opened = false;
    if (m_filename.isEmpty()) {
        opened = m_output->open(STDOUT_FILENO, QIODevice::WriteOnly); // no Append: may be a pipe
    } else {
        m_output->setFileName(m_filename);
        opened = m_output->open(QIODevice::WriteOnly | QIODevice::Append);
    }
    if (!opened)
        throw Api::ConnectException(QStringLiteral("Couldn't find or create file '%1' for "
                                                   "FileStreamSinkTask: %2")
                                        .arg(m_filename, m_output->errorString()));
}

void FileStreamSinkTask::put(const QList<Api::SinkRecord> &records)
{
    m_buffer.clear();
    for (const Api::SinkRecord &record : records) {
        // Encode straight into the batch buffer: no temporary per record.
        const QString text = record.value.kind() == Api::Value::Kind::String
                                 ? record.value.toString()
                                 : record.value.toJavaString();
        const qsizetype used = m_buffer.size();
        m_buffer.resize(used + text.size() * 3 + 1); // UTF-8 needs at most 3 bytes per UTF-16 unit
        char *end = m_encoder.appendToBuffer(m_buffer.data() + used, text);
        *end++ = '\n';
        m_buffer.resize(end - m_buffer.constData());
    }
    if (!m_buffer.isEmpty() && m_output->write(m_buffer) != m_buffer.size())
        throw Api::ConnectException(QStringLiteral("Couldn't write to %1: %2")
                                        .arg(m_filename.isEmpty() ? QStringLiteral("stdout") : m_filename,
                                             m_output->errorString()));
}

void FileStreamSinkTask::flush(const OffsetsByPartition &)
{
    if (m_output && !m_output->flush())
        throw Api::ConnectException(QStringLiteral("Couldn't flush %1: %2")
                                        .arg(m_filename, m_output->errorString()));
}

void FileStreamSinkTask::stop()
{
    if (m_output) {
        m_output->flush();
        m_output->close();
    }
    m_output.reset();
}

} // namespace ConnectDesk::FilePlugin
