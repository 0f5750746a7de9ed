// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/schema.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace ConnectDesk::Transforms {

/**
 * What a transform derived from each input schema it has seen — usually the output schema —
 * least recently used first out (Kafka's `SynchronizedCache(new LRUCache<>(16))`). Lookups
 * compare by identity first, then deeply, so converters that build a new but equal schema per
 * record still hit. Thread: one transform instance belongs to one task thread.
 */
template<typename Derived>
class SchemaMap
{
public:
    explicit SchemaMap(size_t capacity = 16) : m_capacity(capacity) {}

    /** The cached entry for key, or nullptr. The pointer is valid until the next put(). */
    const Derived *find(const Api::Schema &key)
    {
        auto it = std::find_if(m_entries.rbegin(), m_entries.rend(),
                               [&](const auto &entry) { return entry.first.data() == key.data(); });
        if (it == m_entries.rend())
            it = std::find_if(m_entries.rbegin(), m_entries.rend(), [&](const auto &entry) { return entry.first == key; });
        if (it == m_entries.rend())
            return nullptr;
        if (it != m_entries.rbegin())
            std::rotate(std::prev(it.base()), it.base(), m_entries.end()); // now the most recent
        return &m_entries.back().second;
    }

    void put(const Api::Schema &key, Derived value)
    {
        auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const auto &entry) { return entry.first == key; });
        if (it != m_entries.end())
            m_entries.erase(it);
        else if (m_entries.size() >= m_capacity)
            m_entries.erase(m_entries.begin());
        m_entries.emplace_back(key, std::move(value));
    }

private:
    size_t m_capacity;
    std::vector<std::pair<Api::Schema, Derived>> m_entries; // most recent last
};

/** The common case: input schema → output schema. get() gives the null schema on a miss. */
class SchemaCache : public SchemaMap<Api::Schema>
{
public:
    using SchemaMap::SchemaMap;
    Api::Schema get(const Api::Schema &key)
    {
        const Api::Schema *found = find(key);
        return found ? *found : Api::Schema();
    }
};

} // namespace ConnectDesk::Transforms
