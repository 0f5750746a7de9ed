// SPDX-License-Identifier: Apache-2.0
#include "clusterfeatures.h"

#include <QRegularExpression>

namespace ConnectDesk::Client {

QString ClusterFeatures::unsupported(const QString &feature, const QString &since, const QString &version)
{
    return QStringLiteral("%1 needs Kafka Connect %2 or later; this cluster runs %3.").arg(feature, since, version);
}

ClusterFeatures ClusterFeatures::forVersion(const QString &version)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch match = pattern.match(version.trimmed());
    ClusterFeatures features;
    if (match.hasMatch()) {
        features.major = match.captured(1).toInt();
        features.minor = match.captured(2).toInt();
        // Confluent Platform reports its own numbers with a -ccs/-ce suffix: 5.x and 6.x are
        // Kafka 2.x (6.0 = 2.6), 7.x is 3.x, 8.x is 4.x, with the same minor.
        if (version.contains(QLatin1String("-c")) && features.major >= 5 && features.major <= 8) {
            if (features.major == 6)
                features.minor += 6;
            features.major = features.major <= 6 ? 2 : features.major - 4;
        }
    }
    return features;
}

} // namespace ConnectDesk::Client
