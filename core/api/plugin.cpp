// SPDX-License-Identifier: Apache-2.0
#include "plugin.h"

namespace ConnectDesk::Api {

PluginFactory::~PluginFactory() = default;

namespace {
struct TypeName
{
    PluginType type;
    const char *name;
};
constexpr TypeName typeNames[] = {
    {PluginType::Source, "source"},
    {PluginType::Sink, "sink"},
    {PluginType::Transformation, "transformation"},
    {PluginType::Predicate, "predicate"},
    {PluginType::Converter, "converter"},
    {PluginType::HeaderConverter, "header_converter"},
    {PluginType::SourceTask, "source_task"},
    {PluginType::SinkTask, "sink_task"},
};
} // namespace

QString pluginTypeName(PluginType type)
{
    for (const auto &entry : typeNames) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<PluginType> pluginTypeFromName(const QString &name)
{
    for (const auto &entry : typeNames) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

} // namespace ConnectDesk::Api
