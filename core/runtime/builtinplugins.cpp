// SPDX-License-Identifier: Apache-2.0
#include "connect.h"

#include "core/converters/builtinconverters.h"
#include "core/plugin/pluginregistry.h"
#include "core/transforms/builtintransforms.h"

namespace ConnectDesk::Runtime {

void registerBuiltinPlugins(Plugin::PluginRegistry &registry)
{
    for (const auto &converter : Converters::builtinConverters()) {
        for (const Api::PluginType type : converter.types)
            registry.addBuiltin(converter.className, type, converter.version, converter.factory);
    }
    for (const auto &transform : Transforms::builtinTransforms())
        registry.addBuiltin(transform.className, transform.type, Transforms::builtinTransformVersion(),
                            transform.factory);
}

} // namespace ConnectDesk::Runtime
