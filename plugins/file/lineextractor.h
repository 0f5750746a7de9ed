// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ConnectDesk::FilePlugin {

/**
 * Splits a byte stream into lines the way Kafka's FileStreamSourceTask does: `\n`, `\r\n` or a
 * lone `\r` end a line; terminators are not part of the line; a trailing `\r` waits for the next
 * byte (it may be the start of `\r\n`); an unterminated tail waits for more data.
 *
 * Positions are byte offsets in the stream (Kafka counts UTF-16 chars here but skips bytes on
 * restart; both agree for ASCII, and bytes are what a restart needs).
 */
class LineExtractor
{
public:
    explicit LineExtractor(qint64 startPosition = 0) : m_consumed(startPosition) {}

    void append(const QByteArray &data) { m_buffer.append(data); }
    /** The next complete line, or false when none is buffered. position = stream offset just
     *  after the line's terminator. */
    bool next(QString *line, qint64 *position);
    /** Bytes buffered but not yet returned as lines. */
    qsizetype pending() const { return m_buffer.size() - m_start; }

private:
    QByteArray m_buffer;
    qsizetype m_start = 0;
    qint64 m_consumed = 0;
};

} // namespace ConnectDesk::FilePlugin
