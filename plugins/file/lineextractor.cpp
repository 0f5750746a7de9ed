// SPDX-License-Identifier: Apache-2.0
#include "lineextractor.h"

#include <cstring>

namespace ConnectDesk::FilePlugin {

bool LineExtractor::next(QString *line, qint64 *position)
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    const char *begin = data + m_start;
    const char *end = data + size;
    // The first terminator: memchr is vectorized, and '\r' is only searched before the '\n'.
    const char *nl = static_cast<const char *>(std::memchr(begin, '\n', size_t(end - begin)));
    const char *cr = static_cast<const char *>(
        std::memchr(begin, '\r', size_t((nl ? nl : end) - begin)));
    const char *terminator = cr ? cr : nl;
    if (terminator) {
        qsizetype terminatorLength = 1;
        if (*terminator == '\r') {
            if (terminator + 1 >= end)
                return false; // might be \r\n: wait for the next byte
            if (terminator[1] == '\n')
                terminatorLength = 2;
        }
        const qsizetype i = terminator - data;
        *line = QString::fromUtf8(begin, i - m_start);
        const qsizetype next = i + terminatorLength;
        m_consumed += next - m_start;
        *position = m_consumed;
        m_start = next;
        return true;
    }
    // Compact once the consumed prefix dominates, so the buffer does not grow without bound.
    if (m_start > 0 && m_start >= size / 2) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    return false;
}

} // namespace ConnectDesk::FilePlugin
