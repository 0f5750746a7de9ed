// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/connector.h"

namespace ConnectDesk::FilePlugin {

/**
 * Kafka's FileStreamSourceConnector: one task reading lines of `file` (standard input when
 * unset) into `topic`, at most `batch.size` records per poll.
 */
class FileStreamSourceConnector : public Api::SourceConnector
{
public:
    static constexpr const char ClassName[] = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    static constexpr const char FileConfig[] = "file";
    static constexpr const char TopicConfig[] = "topic";
    static constexpr const char BatchSizeConfig[] = "batch.size";
    static constexpr int DefaultBatchSize = 2000;
    static constexpr const char FilenameField[] = "filename";
    static constexpr const char PositionField[] = "position";

    static Api::ConfigDef configDef();

    QString version() const override;
    void start(const Api::ConfigMap &props) override;
    QString taskClass() const override;
    QList<Api::ConfigMap> taskConfigs(int maxTasks) override;
    void stop() override {}
    Api::ConfigDef config() const override { return configDef(); }
    bool alterOffsets(const Api::ConfigMap &connectorConfig,
                      const QList<QPair<Api::OffsetMap, std::optional<Api::OffsetMap>>> &offsets) override;

private:
    Api::ConfigMap m_props;
};

} // namespace ConnectDesk::FilePlugin
