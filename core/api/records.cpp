// SPDX-License-Identifier: Apache-2.0
#include "records.h"

#include <QStringList>

namespace ConnectDesk::Api {

namespace {

QString offsetMapToString(const OffsetMap &map)
{
    QStringList entries;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        entries << it.key() + QLatin1Char('=') + it.value().toJavaString();
    return QLatin1Char('{') + entries.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString timestampTypeName(TimestampType type)
{
    switch (type) {
    case TimestampType::CreateTime:
        return QStringLiteral("CreateTime");
    case TimestampType::LogAppendTime:
        return QStringLiteral("LogAppendTime");
    case TimestampType::NoTimestampType:
        break;
    }
    return QStringLiteral("NoTimestampType");
}

} // namespace

ConnectRecord::~ConnectRecord() = default;

QString ConnectRecord::toString() const
{
    const QString null = QStringLiteral("null");
    return QStringLiteral("ConnectRecord{topic='%1', kafkaPartition=%2, key=%3, keySchema=%4, "
                          "value=%5, valueSchema=%6, timestamp=%7, headers=%8}")
        .arg(topic, kafkaPartition ? QString::number(*kafkaPartition) : null,
             key.toJavaString(), keySchema.toString(), value.toJavaString(),
             valueSchema.toString(), timestamp ? QString::number(*timestamp) : null,
             headers.toString());
}

QString SourceRecord::toString() const
{
    return QStringLiteral("SourceRecord{sourcePartition=%1, sourceOffset=%2} %3")
        .arg(offsetMapToString(sourcePartition), offsetMapToString(sourceOffset),
             ConnectRecord::toString());
}

QString SinkRecord::toString() const
{
    return QStringLiteral("SinkRecord{kafkaOffset=%1, timestampType=%2, originalTopic=%3, "
                          "originalKafkaPartition=%4, originalKafkaOffset=%5} %6")
        .arg(QString::number(kafkaOffset), timestampTypeName(timestampType), originalTopic,
             QString::number(originalKafkaPartition), QString::number(originalKafkaOffset),
             ConnectRecord::toString());
}

} // namespace ConnectDesk::Api
