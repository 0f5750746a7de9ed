// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/component.h"
#include "core/api/plugin.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace ConnectDesk::Converters {

/** One converter class shipped with the worker, for the plugin registry. */
struct BuiltinConverter
{
    /** Kafka's fully qualified class name, e.g. "org.apache.kafka.connect.json.JsonConverter". */
    QString className;
    /** PluginType::Converter and/or PluginType::HeaderConverter. */
    QList<Api::PluginType> types;
    QString version;
    /**
     * A new, unconfigured instance. The Component is the object's Api::Converter base when it
     * is a converter (else its Api::HeaderConverter base); dynamic_cast it to either interface
     * (classes that are both derive from both, so the cross-cast works).
     */
    std::function<std::unique_ptr<Api::Component>()> factory;
};

/** Every built-in converter and header converter: JsonConverter, StringConverter,
 *  ByteArrayConverter, the number and boolean converters and SimpleHeaderConverter. */
QList<BuiltinConverter> builtinConverters();

/** The version the built-in converters report: the Kafka Connect version ConnectDesk is
 *  compatible with (Kafka's converters report the Kafka version). */
QString builtinConverterVersion();

} // namespace ConnectDesk::Converters
