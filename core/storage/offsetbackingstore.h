// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace ConnectDesk::Storage {

/**
 * Where source offsets live: raw key bytes → raw value bytes, in the offsets-topic format
 * (key `["<connector>",{partition}]`, value `{offset}`, both compact JSON). A null value is a
 * tombstone. Implementations: FileOffsetStore (standalone), the offsets topic (distributed).
 * Thread-safe.
 */
class OffsetBackingStore
{
public:
    virtual ~OffsetBackingStore() = default;
    virtual std::optional<QByteArray> get(const QByteArray &key) const = 0;
    /** Stores the entries and returns once they are durable (or with the error). */
    virtual Util::Error write(const QList<QPair<QByteArray, QByteArray>> &entries) = 0;
    /** Every live entry (for the offsets API). */
    virtual QList<QPair<QByteArray, QByteArray>> entries() const = 0;
};

} // namespace ConnectDesk::Storage
