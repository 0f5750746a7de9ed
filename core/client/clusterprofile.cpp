// SPDX-License-Identifier: Apache-2.0
#include "clusterprofile.h"

namespace ConnectDesk::Client {

QMap<QString, QString> ClusterProfile::kafkaClientProperties() const
{
    QMap<QString, QString> props = kafkaProperties;
    props.insert(QStringLiteral("bootstrap.servers"), bootstrapServers);
    return props;
}

QString ClusterProfile::displayName() const
{
    const QString url = restUrl.toString(QUrl::RemoveUserInfo);
    return name.isEmpty() ? url : QStringLiteral("%1 (%2)").arg(name, url);
}

} // namespace ConnectDesk::Client
