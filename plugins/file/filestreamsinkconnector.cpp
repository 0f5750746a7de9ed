// SPDX-License-Identifier: Apache-2.0
#include "filestreamsinkconnector.h"

#include "filestreamsinktask.h"

namespace ConnectDesk::FilePlugin {

using Api::ConfigDef;

ConfigDef FileStreamSinkConnector::configDef()
{
    ConfigDef def;
    def.define({.name = QString::fromLatin1(FileConfig),
                .type = ConfigDef::Type::String,
                .defaultValue = QVariant(),
                .importance = ConfigDef::Importance::High,
                .documentation = QStringLiteral("Destination filename. If not specified, the "
                                                "standard output will be used")});
    return def;
}

QString FileStreamSinkConnector::version() const
{
    return QStringLiteral(CONNECTDESK_VERSION);
}

void FileStreamSinkConnector::start(const Api::ConfigMap &props)
{
    Api::AbstractConfig parsed(configDef(), props); // throws ConfigException on bad input
    m_props = props;
}

QString FileStreamSinkConnector::taskClass() const
{
    return QString::fromLatin1(FileStreamSinkTask::ClassName);
}

QList<Api::ConfigMap> FileStreamSinkConnector::taskConfigs(int maxTasks)
{
    QList<Api::ConfigMap> configs;
    for (int i = 0; i < maxTasks; ++i)
        configs.append(m_props);
    return configs;
}

} // namespace ConnectDesk::FilePlugin
