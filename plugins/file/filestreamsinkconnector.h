// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/connector.h"

namespace ConnectDesk::FilePlugin {

/** Kafka's FileStreamSinkConnector: appends record values to `file` (standard output when
 *  unset); `tasks.max` identical tasks. */
class FileStreamSinkConnector : public Api::SinkConnector
{
public:
    static constexpr const char ClassName[] = "org.apache.kafka.connect.file.FileStreamSinkConnector";
    static constexpr const char FileConfig[] = "file";

    static Api::ConfigDef configDef();

    QString version() const override;
    void start(const Api::ConfigMap &props) override;
    QString taskClass() const override;
    QList<Api::ConfigMap> taskConfigs(int maxTasks) override;
    void stop() override {}
    Api::ConfigDef config() const override { return configDef(); }
    bool alterOffsets(const Api::ConfigMap &,
                      const QList<QPair<Api::OffsetMap, std::optional<Api::OffsetMap>>> &) override
    {
        return true; // offsets live only in Kafka
    }

private:
    Api::ConfigMap m_props;
};

} // namespace ConnectDesk::FilePlugin
