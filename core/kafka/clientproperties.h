// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace ConnectDesk::Kafka {

/**
 * Maps Kafka (Java) client properties from worker and connector configs onto librdkafka's:
 * same-named keys pass through, a few are renamed (`delivery.timeout.ms` →
 * `message.timeout.ms`), and Java-only keys (serializers, `max.block.ms`, `buffer.memory`,
 * interceptors...) are dropped and reported in `dropped` so the caller can log them. Anything
 * else unknown to librdkafka is rejected when the client is created, naming the key.
 */
QMap<QString, QString> toLibrdkafkaProperties(const QMap<QString, QString> &javaProps,
                                              QStringList *dropped = nullptr);

} // namespace ConnectDesk::Kafka
