// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/converter.h"
#include "core/api/records.h"
#include "core/api/task.h"
#include "core/storage/offsetbackingstore.h"

#include <memory>
#include <optional>

namespace ConnectDesk::Runtime {

/**
 * Kafka Connect's offset record format: key `["<connector>",{partition}]` and value `{offset}`,
 * written by a schemaless JsonConverter exactly as Kafka's internal converter writes them.
 * Not thread-safe (the converter keeps a cache): one codec per thread.
 */
class OffsetCodec
{
public:
    explicit OffsetCodec(std::unique_ptr<Api::Converter> json);
    ~OffsetCodec();

    QByteArray key(const QString &connector, const Api::OffsetMap &partition);
    /** nullopt → tombstone (null bytes). */
    QByteArray value(const std::optional<Api::OffsetMap> &offset);
    /** nullopt when the key is not `[string, object]`. */
    std::optional<QPair<QString, Api::OffsetMap>> parseKey(const QByteArray &key);
    /** nullopt for a tombstone or a value that is not an object. */
    std::optional<Api::OffsetMap> parseValue(const QByteArray &value);

private:
    std::unique_ptr<Api::Converter> m_json;
};

/** A task's or connector's view of its committed source offsets. */
class OffsetReader : public Api::OffsetStorageReader
{
public:
    OffsetReader(QString connector, std::shared_ptr<Storage::OffsetBackingStore> store,
                 std::unique_ptr<OffsetCodec> codec);
    std::optional<Api::OffsetMap> offset(const Api::OffsetMap &partition) override;

private:
    QString m_connector;
    std::shared_ptr<Storage::OffsetBackingStore> m_store;
    std::unique_ptr<OffsetCodec> m_codec;
};

} // namespace ConnectDesk::Runtime
