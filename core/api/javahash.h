// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QStringView>

#include <algorithm>

namespace ConnectDesk::Api {

/** Java's String.hashCode over UTF-16 code units. */
inline quint32 javaStringHash(QStringView s)
{
    quint32 h = 0;
    for (const QChar c : s)
        h = 31 * h + c.unicode();
    return h;
}

/**
 * Sorts distinct items into the iteration order of a java.util.HashMap/HashSet filled in list
 * order (default capacity 16, load factor 0.75), where Kafka prints or returns such a collection
 * (allowed values in messages, ConfigDef.validate results). Within a bucket items keep their
 * order, as resizes split buckets stably. keyOf gives an item's String key.
 */
template <typename T, typename KeyOf>
void sortInJavaHashOrder(QList<T> &distinct, KeyOf keyOf)
{
    quint32 capacity = 16;
    while (quint32(distinct.size()) > capacity / 4 * 3)
        capacity *= 2;
    auto bucket = [capacity](QStringView s) {
        const quint32 h = javaStringHash(s);
        return (h ^ (h >> 16)) & (capacity - 1);
    };
    std::stable_sort(distinct.begin(), distinct.end(),
                     [&](const T &a, const T &b) { return bucket(keyOf(a)) < bucket(keyOf(b)); });
}

} // namespace ConnectDesk::Api
