// SPDX-License-Identifier: Apache-2.0
#include "timestamprouter.h"

#include "core/api/exceptions.h"

namespace ConnectDesk::Transforms {

namespace {
constexpr char TopicFormatConfig[] = "topic.format";
constexpr char TimestampFormatConfig[] = "timestamp.format";
} // namespace

Api::ConfigDef TimestampRouter::configDef()
{
    Api::ConfigDef def;
    def.define(QString::fromLatin1(TopicFormatConfig), Api::ConfigDef::Type::String,
               QStringLiteral("${topic}-${timestamp}"), Api::ConfigDef::Importance::High,
               QStringLiteral("Template of the new topic name; ${topic} stands for the record's topic and "
                              "${timestamp} for its formatted timestamp."));
    def.define(QString::fromLatin1(TimestampFormatConfig), Api::ConfigDef::Type::String, QStringLiteral("yyyyMMdd"),
               Api::ConfigDef::Importance::High,
               QStringLiteral("How ${timestamp} is written: a java.text.SimpleDateFormat pattern, in UTC."));
    return def;
}

Api::ConfigDef TimestampRouter::config() const
{
    return configDef();
}

void TimestampRouter::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(configDef(), configs);
    m_topicFormat = config.getString(QString::fromLatin1(TopicFormatConfig));
    const QString pattern = config.getString(QString::fromLatin1(TimestampFormatConfig));
    try {
        m_timestampFormat.emplace(pattern);
    } catch (const Api::IllegalArgumentException &e) {
        // Kafka only notices a bad pattern when the first record arrives; failing here tells the
        // user while they are still configuring.
        throw Api::ConfigException(QString::fromLatin1(TimestampFormatConfig), pattern, e.message());
    }
}

bool TimestampRouter::apply(Api::ConnectRecord &record)
{
    if (!record.timestamp)
        throw Api::DataException(QStringLiteral("Timestamp missing on record: ") + record.toString());
    const QString formatted = m_timestampFormat->format(*record.timestamp);
    QString topic = m_topicFormat;
    // Two passes, like Kafka: a topic that itself contains "${timestamp}" gets it replaced too.
    topic.replace(QLatin1String("${topic}"), record.topic);
    topic.replace(QLatin1String("${timestamp}"), formatted);
    record.topic = topic;
    return true;
}

} // namespace ConnectDesk::Transforms
