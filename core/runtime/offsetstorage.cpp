// SPDX-License-Identifier: Apache-2.0
#include "offsetstorage.h"

#include "core/api/exceptions.h"

namespace ConnectDesk::Runtime {

namespace {

Api::Value toValueMap(const Api::OffsetMap &map)
{
    Api::ValueMap entries;
    entries.reserve(size_t(map.size()));
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        entries.emplace_back(Api::Value(it.key()), it.value());
    return Api::Value(std::move(entries));
}

std::optional<Api::OffsetMap> fromValueMap(const Api::Value &value)
{
    if (value.kind() != Api::Value::Kind::Map)
        return std::nullopt;
    Api::OffsetMap map;
    for (const auto &[k, v] : value.toMap()) {
        if (k.kind() != Api::Value::Kind::String)
            return std::nullopt;
        map.insert(k.toString(), v);
    }
    return map;
}

} // namespace

OffsetCodec::OffsetCodec(std::unique_ptr<Api::Converter> json)
    : m_json(std::move(json))
{
    m_json->configure({{QStringLiteral("schemas.enable"), QStringLiteral("false")}}, false);
}

OffsetCodec::~OffsetCodec() = default;

QByteArray OffsetCodec::key(const QString &connector, const Api::OffsetMap &partition)
{
    Api::ValueList key{Api::Value(connector), toValueMap(partition)};
    return m_json->fromConnectData({}, {}, {}, Api::Value(std::move(key)));
}

QByteArray OffsetCodec::value(const std::optional<Api::OffsetMap> &offset)
{
    if (!offset)
        return {};
    return m_json->fromConnectData({}, {}, {}, toValueMap(*offset));
}

std::optional<QPair<QString, Api::OffsetMap>> OffsetCodec::parseKey(const QByteArray &key)
{
    try {
        const Api::SchemaAndValue parsed = m_json->toConnectData({}, {}, key);
        if (parsed.value.kind() != Api::Value::Kind::Array || parsed.value.toList().size() != 2)
            return std::nullopt;
        const Api::Value &name = parsed.value.toList().at(0);
        const auto partition = fromValueMap(parsed.value.toList().at(1));
        if (name.kind() != Api::Value::Kind::String || !partition)
            return std::nullopt;
        return QPair<QString, Api::OffsetMap>(name.toString(), *partition);
    } catch (const Api::ConnectException &) {
        return std::nullopt;
    }
}

std::optional<Api::OffsetMap> OffsetCodec::parseValue(const QByteArray &value)
{
    if (value.isNull())
        return std::nullopt;
    try {
        return fromValueMap(m_json->toConnectData({}, {}, value).value);
    } catch (const Api::ConnectException &) {
        return std::nullopt;
    }
}

OffsetReader::OffsetReader(QString connector, std::shared_ptr<Storage::OffsetBackingStore> store,
                           std::unique_ptr<OffsetCodec> codec)
    : m_connector(std::move(connector))
    , m_store(std::move(store))
    , m_codec(std::move(codec))
{}

std::optional<Api::OffsetMap> OffsetReader::offset(const Api::OffsetMap &partition)
{
    const auto raw = m_store->get(m_codec->key(m_connector, partition));
    if (!raw)
        return std::nullopt;
    return m_codec->parseValue(*raw);
}

} // namespace ConnectDesk::Runtime
