// SPDX-License-Identifier: Apache-2.0
#include "lineextractor.h"

#include <cstring>

namespace ConnectDesk::FilePlugin {

bool LineExtractor::next(QString *line, qint64 *position)
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    for (qsizetype i = m_start; i < size; ++i) {
        const char c = data[i];
        if (c != '\n' && c != '\r')
            continue;
        qsizetype terminatorLength = 1;
        if (c == '\r') {
            if (i + 1 >= size)
                return false; // might be \r\n: wait for the next byte
            if (data[i + 1] == '\n')
                terminatorLength = 2;
        }
        *line = QString::fromUtf8(data + m_start, i - m_start);
        const qsizetype end = i + terminatorLength;
        m_consumed += end - m_start;
        *position = m_consumed;
        m_start = end;
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
