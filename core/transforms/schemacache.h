// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/schema.h"

#include <utility>
#include <vector>

namespace ConnectDesk::Transforms {

/**
 * The derived schema of each input schema a transform has seen, least recently used first out
 * (Kafka's `SynchronizedCache(new LRUCache<>(16))`). Lookups compare by identity first, then
 * deeply, so converters that build a new but equal schema per record still hit.
 * Thread: one transform instance belongs to one task thread.
 */
class SchemaCache
{
public:
    explicit SchemaCache(size_t capacity = 16) : m_capacity(capacity) {}

    /** The cached schema for key, or the null schema. */
    Api::Schema get(const Api::Schema &key);
    void put(const Api::Schema &key, const Api::Schema &value);

private:
    size_t m_capacity;
    std::vector<std::pair<Api::Schema, Api::Schema>> m_entries; // most recent last
};

} // namespace ConnectDesk::Transforms
