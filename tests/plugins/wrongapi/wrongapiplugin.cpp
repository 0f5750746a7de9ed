// SPDX-License-Identifier: Apache-2.0
// A well-formed plugin whose metadata claims plugin apiVersion 99: the registry must refuse it
// from its metadata alone.
#include "../minimalconnector.h"

#include "core/api/plugin.h"

#include <QObject>

namespace ConnectDesk::TestPlugins {

class WrongApiPlugin : public QObject, public Api::PluginFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ConnectDeskPluginFactory_iid FILE "test_wrongapi.json")
    Q_INTERFACES(ConnectDesk::Api::PluginFactory)

public:
    std::unique_ptr<Api::Component> create(const QString &className) override
    {
        if (className == QLatin1String("io.connectdesk.test.WrongApiSourceConnector"))
            return std::make_unique<MinimalSourceConnector>(QString());
        return nullptr;
    }
};

} // namespace ConnectDesk::TestPlugins

#include "wrongapiplugin.moc"
