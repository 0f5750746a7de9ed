// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/value.h"

namespace ConnectDesk::Transforms {

// Schemaless values are Java `Map<String, Object>`s; ours are ordered vectors of pairs, so these
// give them HashMap's get/put by String key. Entries keep their order; new keys go last.

/** The entry under a String key, or nullptr. */
inline const Api::Value *findStringKey(const Api::ValueMap &map, const QString &key)
{
    for (const auto &[k, v] : map) {
        if (k.kind() == Api::Value::Kind::String && k.toString() == key)
            return &v;
    }
    return nullptr;
}

/** Java's `map.get(key)`: the entry's value, null when absent. */
inline Api::Value stringKeyValue(const Api::ValueMap &map, const QString &key)
{
    const Api::Value *found = findStringKey(map, key);
    return found ? *found : Api::Value();
}

/** Java's `map.put(key, value)`: replaces the entry in place, or appends one. */
inline void putStringKey(Api::ValueMap &map, const QString &key, Api::Value value)
{
    for (auto &[k, v] : map) {
        if (k.kind() == Api::Value::Kind::String && k.toString() == key) {
            v = std::move(value);
            return;
        }
    }
    map.emplace_back(Api::Value(key), std::move(value));
}

} // namespace ConnectDesk::Transforms
