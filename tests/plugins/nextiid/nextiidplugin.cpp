// SPDX-License-Identifier: Apache-2.0
// A ConnectDesk plugin built for a future plugin interface (/2): refused with a reason naming
// both interface versions.
#include "../minimalconnector.h"

#include "core/api/plugin.h"

#include <QObject>

namespace ConnectDesk::TestPlugins {

class NextIidPlugin : public QObject, public Api::PluginFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "io.connectdesk.ConnectorPlugin/2" FILE "test_nextiid.json")
    Q_INTERFACES(ConnectDesk::Api::PluginFactory)

public:
    std::unique_ptr<Api::Component> create(const QString &className) override
    {
        if (className == QLatin1String("io.connectdesk.test.NextIidSourceConnector"))
            return std::make_unique<MinimalSourceConnector>(QString());
        return nullptr;
    }
};

} // namespace ConnectDesk::TestPlugins

#include "nextiidplugin.moc"
