// SPDX-License-Identifier: Apache-2.0
#include "pluginconfigs.h"

#include "core/api/connector.h"
#include "core/api/converter.h"
#include "core/api/exceptions.h"
#include "core/api/transformation.h"
#include "core/config/connectorconfig.h"
#include "core/plugin/pluginregistry.h"

#include <algorithm>

namespace ConnectDesk::Runtime {

namespace {

using Api::ConfigDef;
using Api::PluginType;

const QList<PluginType> AnyType
    = {PluginType::Source,     PluginType::Sink,      PluginType::Transformation,
       PluginType::Predicate,  PluginType::Converter, PluginType::HeaderConverter,
       PluginType::SourceTask, PluginType::SinkTask};

// Kafka tests the instance with instanceof in this order, so a class that is both a converter
// and a header converter answers as a converter.
const QList<PluginType> ConfigurableKinds
    = {PluginType::Sink,           PluginType::Source,
       PluginType::Converter,      PluginType::HeaderConverter,
       PluginType::Transformation, PluginType::Predicate};

const QString ConnectorSuffix = QStringLiteral("Connector");

ConfigDef ownConfig(Api::Component *component, PluginType type)
{
    switch (type) {
    case PluginType::Sink:
    case PluginType::Source:
        if (auto *connector = dynamic_cast<Api::Connector *>(component))
            return connector->config();
        break;
    case PluginType::Converter:
        if (auto *converter = dynamic_cast<Api::Converter *>(component))
            return converter->config();
        break;
    case PluginType::HeaderConverter:
        if (auto *converter = dynamic_cast<Api::HeaderConverter *>(component))
            return converter->config();
        break;
    case PluginType::Transformation:
        if (auto *transformation = dynamic_cast<Api::Transformation *>(component))
            return transformation->config();
        break;
    case PluginType::Predicate:
        if (auto *predicate = dynamic_cast<Api::Predicate *>(component))
            return predicate->config();
        break;
    default:
        break;
    }
    throw Api::ConnectException(
        QStringLiteral("the instance is not a %1 plugin").arg(Api::pluginTypeName(type)));
}

QString normalizedPluginName(const QString &name)
{
    // Works for full and simple class names; for the latter it yields the alias.
    return name.endsWith(ConnectorSuffix) && name.size() > ConnectorSuffix.size()
               ? name.left(name.size() - ConnectorSuffix.size())
               : name;
}

} // namespace

Util::Result<QList<Api::ConfigDef::Key>> pluginConfigKeys(const QString &pluginName,
                                                          Plugin::PluginRegistry &registry)
{
    auto found = registry.resolve(pluginName, AnyType);
    if (!found)
        return Util::Error{QStringLiteral("Unknown plugin %1.").arg(pluginName), 404};

    std::optional<Plugin::PluginClass> chosen;
    for (const PluginType type : ConfigurableKinds) {
        for (const auto &cls : registry.classes()) {
            if (cls.className == found->className && cls.type == type) {
                chosen = cls;
                break;
            }
        }
        if (chosen)
            break;
    }
    if (!chosen) {
        return Util::Error{QStringLiteral("Invalid plugin class %1. Valid types are sink, source, "
                                          "converter, header_converter, transformation, predicate.")
                               .arg(pluginName),
                           400};
    }

    auto instance = registry.create(*chosen);
    if (!instance)
        return Util::Error{instance.error().message, 500};
    ConfigDef own;
    try {
        own = ownConfig(instance.value().get(), chosen->type);
    } catch (const std::exception &e) {
        return Util::Error{QStringLiteral("Failed to get the configuration definition of %1: %2")
                               .arg(chosen->className, Api::exceptionMessage(e)),
                           500};
    }

    QList<Api::ConfigDef::Key> keys = own.keys();
    // A key the plugin defines takes precedence over the framework's key of the same name.
    if (chosen->type == PluginType::Sink || chosen->type == PluginType::Source) {
        const ConfigDef framework = chosen->type == PluginType::Sink
                                        ? Config::sinkConnectorConfigDef()
                                        : Config::sourceConnectorConfigDef();
        for (const auto &key : framework.keys()) {
            if (!own.contains(key.name))
                keys.append(key);
        }
    }
    return keys;
}

QList<PluginListing> listPlugins(const Plugin::PluginRegistry &registry, bool connectorsOnly)
{
    QList<PluginType> kinds = {PluginType::Sink, PluginType::Source};
    if (!connectorsOnly) {
        kinds << PluginType::Transformation << PluginType::Predicate << PluginType::Converter
              << PluginType::HeaderConverter;
    }
    QList<PluginListing> result;
    for (const PluginType type : std::as_const(kinds)) {
        QList<Plugin::PluginClass> classes = registry.classes(type);
        // Kafka keeps each kind in a sorted set: by class name (Java String order, i.e. UTF-16
        // code units), built-in classes before those of plugin libraries, then by location.
        std::stable_sort(classes.begin(), classes.end(),
                         [](const Plugin::PluginClass &a, const Plugin::PluginClass &b) {
                             if (const int cmp = a.className.compare(b.className); cmp != 0)
                                 return cmp < 0;
                             const bool aBuiltin = a.library < 0;
                             const bool bBuiltin = b.library < 0;
                             if (aBuiltin != bBuiltin)
                                 return aBuiltin;
                             return a.location < b.location;
                         });
        const QString typeName = Api::pluginTypeName(type);
        for (const auto &cls : std::as_const(classes)) {
            const PluginListing listing{cls.className, typeName, cls.version};
            // One entry per (class, type, version), as Kafka's set of PluginInfo.
            const bool duplicate
                = std::any_of(result.cbegin(), result.cend(), [&](const PluginListing &other) {
                      return other.className == listing.className && other.type == listing.type
                             && other.version == listing.version;
                  });
            if (!duplicate)
                result.append(listing);
        }
    }
    return result;
}

Util::Error checkValidateRequestType(const QString &pathPluginName,
                                     const QString &bodyConnectorClass)
{
    if (bodyConnectorClass.isNull())
        return {};
    if (normalizedPluginName(bodyConnectorClass).endsWith(normalizedPluginName(pathPluginName)))
        return {};
    return Util::Error{QStringLiteral("Included connector type %1 does not match request type %2")
                           .arg(bodyConnectorClass, pathPluginName),
                       400};
}

} // namespace ConnectDesk::Runtime
