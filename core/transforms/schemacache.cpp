// SPDX-License-Identifier: Apache-2.0
#include "schemacache.h"

#include <algorithm>

namespace ConnectDesk::Transforms {

Api::Schema SchemaCache::get(const Api::Schema &key)
{
    auto it = std::find_if(m_entries.rbegin(), m_entries.rend(),
                           [&](const auto &entry) { return entry.first.data() == key.data(); });
    if (it == m_entries.rend())
        it = std::find_if(m_entries.rbegin(), m_entries.rend(), [&](const auto &entry) { return entry.first == key; });
    if (it == m_entries.rend())
        return {};
    if (it != m_entries.rbegin())
        std::rotate(std::prev(it.base()), it.base(), m_entries.end()); // move to most recent
    return m_entries.back().second;
}

void SchemaCache::put(const Api::Schema &key, const Api::Schema &value)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const auto &entry) { return entry.first == key; });
    if (it != m_entries.end())
        m_entries.erase(it);
    else if (m_entries.size() >= m_capacity)
        m_entries.erase(m_entries.begin());
    m_entries.emplace_back(key, value);
}

} // namespace ConnectDesk::Transforms
