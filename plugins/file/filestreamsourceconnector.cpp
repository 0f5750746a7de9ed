// SPDX-License-Identifier: Apache-2.0
#include "filestreamsourceconnector.h"

#include "filestreamsourcetask.h"

#include "core/api/exceptions.h"

namespace ConnectDesk::FilePlugin {

using Api::ConfigDef;

ConfigDef FileStreamSourceConnector::configDef()
{
    ConfigDef def;
    def.define({.name = QString::fromLatin1(FileConfig),
                .type = ConfigDef::Type::String,
                .defaultValue = QVariant(),
                .importance = ConfigDef::Importance::High,
                .documentation = QStringLiteral("Source filename. If not specified, the standard "
                                                "input will be used")});
    def.define({.name = QString::fromLatin1(TopicConfig),
                .type = ConfigDef::Type::String,
                .defaultValue = std::nullopt,
                .validator = ConfigDef::nonEmptyString(),
                .importance = ConfigDef::Importance::High,
                .documentation = QStringLiteral("The topic to publish data to")});
    def.define({.name = QString::fromLatin1(BatchSizeConfig),
                .type = ConfigDef::Type::Int,
                .defaultValue = DefaultBatchSize,
                .importance = ConfigDef::Importance::Low,
                .documentation = QStringLiteral("The maximum number of records the source task "
                                                "can read from the file each time it is polled")});
    return def;
}

QString FileStreamSourceConnector::version() const
{
    return QStringLiteral(CONNECTDESK_VERSION);
}

void FileStreamSourceConnector::start(const Api::ConfigMap &props)
{
    Api::AbstractConfig parsed(configDef(), props); // throws ConfigException on bad input
    const QString file = parsed.getString(QString::fromLatin1(FileConfig));
    m_props = props;
}

QString FileStreamSourceConnector::taskClass() const
{
    return QString::fromLatin1(FileStreamSourceTask::ClassName);
}

QList<Api::ConfigMap> FileStreamSourceConnector::taskConfigs(int)
{
    // Only one input stream makes sense.
    return {m_props};
}

bool FileStreamSourceConnector::alterOffsets(
    const Api::ConfigMap &connectorConfig,
    const QList<QPair<Api::OffsetMap, std::optional<Api::OffsetMap>>> &offsets)
{
    Api::AbstractConfig parsed(configDef(), connectorConfig);
    if (parsed.getString(QString::fromLatin1(FileConfig)).isEmpty())
        throw Api::ConnectException(QStringLiteral(
            "Offsets cannot be modified if the 'file' configuration is unspecified. This is "
            "because stdin is used for input and offsets are not tracked."));
    for (const auto &[partition, offset] : offsets) {
        if (!offset)
            continue; // resets are always allowed
        if (!partition.contains(QString::fromLatin1(FilenameField)))
            throw Api::ConnectException(QStringLiteral(
                "Partition objects should contain the key '%1'").arg(QLatin1String(FilenameField)));
        const Api::Value position = offset->value(QString::fromLatin1(PositionField));
        if (!offset->contains(QString::fromLatin1(PositionField)))
            throw Api::ConnectException(QStringLiteral(
                "Offset objects should either be null or contain the key '%1'").arg(QLatin1String(PositionField)));
        if (!position.isInteger())
            throw Api::ConnectException(QStringLiteral(
                "The value for the '%1' key in the offset is expected to be a Long value")
                                            .arg(QLatin1String(PositionField)));
        if (position.integerValue() < 0)
            throw Api::ConnectException(QStringLiteral(
                "The value for the '%1' key in the offset should be a non-negative value")
                                            .arg(QLatin1String(PositionField)));
    }
    return true; // no offsets outside the framework
}

} // namespace ConnectDesk::FilePlugin
