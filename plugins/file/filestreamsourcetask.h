// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lineextractor.h"

#include "core/api/task.h"

#include <QFile>

#include <memory>

namespace ConnectDesk::FilePlugin {

/**
 * Reads lines of a file (or standard input) and returns them as STRING records with source
 * partition `{"filename": file}` and offset `{"position": bytes}`. A missing file is waited for
 * (polled every second, the task stays RUNNING); appended lines are picked up. Thread: the
 * task's own thread; stop() is called there after the last poll().
 */
class FileStreamSourceTask : public Api::SourceTask
{
public:
    static constexpr const char ClassName[] = "org.apache.kafka.connect.file.FileStreamSourceTask";

    QString version() const override;
    void start(const Api::ConfigMap &props) override;
    QList<Api::SourceRecord> poll() override;
    void stop() override;

private:
    bool openStream();
    /** Reads what is available; false when nothing arrived within the wait. */
    bool readAvailable(int waitMs);

    QString m_filename;
    QString m_topic;
    int m_batchSize = 2000;
    std::unique_ptr<QFile> m_stream;
    bool m_stdin = false;
    std::unique_ptr<LineExtractor> m_lines;
    Api::OffsetMap m_partition;
    QByteArray m_readBuffer;
};

} // namespace ConnectDesk::FilePlugin
