// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/plugin.h"

#include <QObject>

namespace ConnectDesk::FilePlugin {

/** The FileStream connectors' plugin entry point. */
class FilePlugin : public QObject, public Api::PluginFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ConnectDeskPluginFactory_iid FILE "file.json")
    Q_INTERFACES(ConnectDesk::Api::PluginFactory)

public:
    std::unique_ptr<Api::Component> create(const QString &className) override;
};

} // namespace ConnectDesk::FilePlugin
