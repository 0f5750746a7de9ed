// SPDX-License-Identifier: Apache-2.0
// Metadata is fine, but the library references a variable nothing defines: data relocations
// are resolved when the library is loaded, so loading it fails (dlopen: undefined symbol).
#include "../minimalconnector.h"

#include "core/api/plugin.h"

#include <QObject>

extern "C" __attribute__((visibility("default"))) int connectdesk_test_undefined_variable;

namespace ConnectDesk::TestPlugins {

class UnresolvedPlugin : public QObject, public Api::PluginFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ConnectDeskPluginFactory_iid FILE "test_unresolved.json")
    Q_INTERFACES(ConnectDesk::Api::PluginFactory)

public:
    std::unique_ptr<Api::Component> create(const QString &className) override
    {
        if (className == QLatin1String("io.connectdesk.test.UnresolvedSourceConnector")
            && connectdesk_test_undefined_variable != 0)
            return std::make_unique<MinimalSourceConnector>(QString());
        return nullptr;
    }
};

} // namespace ConnectDesk::TestPlugins

#include "unresolvedplugin.moc"
