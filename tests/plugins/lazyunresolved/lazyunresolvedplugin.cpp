// SPDX-License-Identifier: Apache-2.0
// Metadata is fine, but create() calls a function nothing defines. With lazy binding the
// library loads and the process would die at the first call ("symbol lookup error"); a worker
// must notice the missing symbol when it loads the library instead.
#include "../minimalconnector.h"

#include "core/api/plugin.h"

#include <QObject>

extern "C" __attribute__((visibility("default"))) int connectdesk_test_undefined_function();

namespace ConnectDesk::TestPlugins {

class LazyUnresolvedPlugin : public QObject, public Api::PluginFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ConnectDeskPluginFactory_iid FILE "test_lazyunresolved.json")
    Q_INTERFACES(ConnectDesk::Api::PluginFactory)

public:
    std::unique_ptr<Api::Component> create(const QString &className) override
    {
        if (className == QLatin1String("io.connectdesk.test.LazyUnresolvedSourceConnector")
            && connectdesk_test_undefined_function() == 0) {
            return std::make_unique<MinimalSourceConnector>(
                QStringLiteral("io.connectdesk.test.LazyUnresolvedSourceTask"));
        }
        if (className == QLatin1String("io.connectdesk.test.LazyUnresolvedSourceTask"))
            return std::make_unique<IdleSourceTask>();
        return nullptr;
    }
};

} // namespace ConnectDesk::TestPlugins

#include "lazyunresolvedplugin.moc"
