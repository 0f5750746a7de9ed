// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QString>
#include <QUuid>

namespace ConnectDesk::Client::Internal {

/** Consumer settings for reading assigned partitions: a group.id of its own (librdkafka wants
 *  one even without subscribing), never joined, never committed. */
inline QMap<QString, QString> assignedConsumerProperties(QMap<QString, QString> properties, const QString &purpose)
{
    properties.insert(QStringLiteral("group.id"),
                      QStringLiteral("connectdesk-%1-%2").arg(purpose, QUuid::createUuid().toString(QUuid::Id128)));
    properties.insert(QStringLiteral("enable.auto.commit"), QStringLiteral("false"));
    properties.insert(QStringLiteral("enable.partition.eof"), QStringLiteral("false"));
    return properties;
}

} // namespace ConnectDesk::Client::Internal
