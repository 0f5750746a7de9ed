// SPDX-License-Identifier: Apache-2.0
#include "fileplugin.h"

#include "filestreamsinkconnector.h"
#include "filestreamsinktask.h"
#include "filestreamsourceconnector.h"
#include "filestreamsourcetask.h"

namespace ConnectDesk::FilePlugin {

std::unique_ptr<Api::Component> FilePlugin::create(const QString &className)
{
    if (className == QLatin1String(FileStreamSourceConnector::ClassName))
        return std::make_unique<FileStreamSourceConnector>();
    if (className == QLatin1String(FileStreamSinkConnector::ClassName))
        return std::make_unique<FileStreamSinkConnector>();
    if (className == QLatin1String(FileStreamSourceTask::ClassName))
        return std::make_unique<FileStreamSourceTask>();
    if (className == QLatin1String(FileStreamSinkTask::ClassName))
        return std::make_unique<FileStreamSinkTask>();
    return nullptr;
}

} // namespace ConnectDesk::FilePlugin
