// SPDX-License-Identifier: Apache-2.0
#include "clientproperties.h"

#include <QSet>

namespace ConnectDesk::Kafka {

QMap<QString, QString> toLibrdkafkaProperties(const QMap<QString, QString> &javaProps,
                                              QStringList *dropped)
{
    static const QSet<QString> javaOnly = {
        QStringLiteral("key.serializer"),     QStringLiteral("value.serializer"),
        QStringLiteral("key.deserializer"),   QStringLiteral("value.deserializer"),
        QStringLiteral("max.block.ms"),       QStringLiteral("buffer.memory"),
        QStringLiteral("interceptor.classes"), QStringLiteral("partitioner.class"),
        QStringLiteral("max.poll.records"),   QStringLiteral("max.poll.interval.ms.ignored"),
        QStringLiteral("metric.reporters"),   QStringLiteral("metrics.num.samples"),
        QStringLiteral("metrics.sample.window.ms"), QStringLiteral("metrics.recording.level"),
        QStringLiteral("client.dns.lookup"),  QStringLiteral("default.api.timeout.ms"),
        QStringLiteral("exclude.internal.topics.ignored"), QStringLiteral("auto.include.jmx.reporter"),
    };
    QMap<QString, QString> result;
    for (auto it = javaProps.cbegin(); it != javaProps.cend(); ++it) {
        if (javaOnly.contains(it.key())) {
            if (dropped)
                dropped->append(it.key());
            continue;
        }
        if (it.key() == QLatin1String("delivery.timeout.ms")) {
            // librdkafka caps message.timeout.ms at INT32_MAX, as Java does.
            result.insert(QStringLiteral("message.timeout.ms"), it.value());
            continue;
        }
        result.insert(it.key(), it.value());
    }
    return result;
}

} // namespace ConnectDesk::Kafka
