// SPDX-License-Identifier: Apache-2.0
// A Qt plugin for some other application (a foreign IID): not a ConnectDesk plugin at all.
#include "../minimalconnector.h"

#include "core/api/plugin.h"

#include <QObject>

namespace ConnectDesk::TestPlugins {

class OtherIidPlugin : public QObject, public Api::PluginFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.example.SomeOtherApplication.Plugin/1" FILE "test_otheriid.json")
    Q_INTERFACES(ConnectDesk::Api::PluginFactory)

public:
    std::unique_ptr<Api::Component> create(const QString &className) override
    {
        if (className == QLatin1String("io.connectdesk.test.OtherIidSourceConnector"))
            return std::make_unique<MinimalSourceConnector>(QString());
        return nullptr;
    }
};

} // namespace ConnectDesk::TestPlugins

#include "otheriidplugin.moc"
