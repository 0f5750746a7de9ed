// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/component.h"
#include "core/api/plugin.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace ConnectDesk::Transforms {

/** One transformation or predicate class shipped with the worker, for the plugin registry. */
struct BuiltinTransform
{
    /** Kafka's class name, e.g. "org.apache.kafka.connect.transforms.InsertField$Value". */
    QString className;
    /** PluginType::Transformation or PluginType::Predicate. */
    Api::PluginType type;
    /** A new, unconfigured instance (an Api::Transformation or Api::Predicate). */
    std::function<std::unique_ptr<Api::Component>()> factory;
};

/** Every transformation and predicate Kafka ships (reference §11), in class-name order. */
QList<BuiltinTransform> builtinTransforms();

/** The version they report: the Kafka Connect version ConnectDesk follows, as Kafka's report
 *  the Kafka version. */
QString builtinTransformVersion();

} // namespace ConnectDesk::Transforms
