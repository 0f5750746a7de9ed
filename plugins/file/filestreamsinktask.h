// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/task.h"

#include <QFile>
#include <QStringEncoder>

#include <memory>

namespace ConnectDesk::FilePlugin {

/**
 * Appends `String.valueOf(value)` and a newline per record to the file (created if missing,
 * opened for append) or to standard output; flush() makes it reach the file before offsets are
 * committed. Thread: the task's own thread.
 */
class FileStreamSinkTask : public Api::SinkTask
{
public:
    static constexpr const char ClassName[] = "org.apache.kafka.connect.file.FileStreamSinkTask";

    QString version() const override;
    void start(const Api::ConfigMap &props) override;
    void put(const QList<Api::SinkRecord> &records) override;
    void flush(const OffsetsByPartition &currentOffsets) override;
    void stop() override;

private:
    QString m_filename;
    std::unique_ptr<QFile> m_output;
    QByteArray m_buffer;
    QStringEncoder m_encoder{QStringEncoder::Utf8};
};

} // namespace ConnectDesk::FilePlugin
