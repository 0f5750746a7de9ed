// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ConnectDesk::Client {

/**
 * What a Connect cluster's REST API offers, told from the version `GET /` reports (the KIP that
 * brought each feature and its Kafka release, kafka-connect.md §0). The consoles hide or explain
 * what a cluster lacks instead of failing on it. An unparsable version is taken as the newest.
 */
struct ClusterFeatures
{
    int major = 99;
    int minor = 0;

    /** `PUT /connectors/{c}/stop`, STOPPED, `GET .../offsets` (KIP-875, 3.5). */
    bool stop() const { return atLeast(3, 5); }
    bool readOffsets() const { return atLeast(3, 5); }
    /** `PATCH`/`DELETE .../offsets` (KIP-875, 3.6). */
    bool alterOffsets() const { return atLeast(3, 6); }
    /** `initial_state` on create (KIP-980, 3.7). */
    bool initialState() const { return atLeast(3, 7); }
    /** `?scope=cluster` on loggers, `last_modified` (KIP-976, 3.7). */
    bool clusterLoggerScope() const { return atLeast(3, 7); }
    /** `PATCH /connectors/{c}/config` (KIP-477, 3.8). */
    bool patchConfig() const { return atLeast(3, 8); }
    /** `?connectorsOnly=false` and `/connector-plugins/{p}/config` (KIP-769, 3.2). */
    bool allPlugins() const { return atLeast(3, 2); }
    /** Restart with includeTasks/onlyFailed (KIP-745, 3.0). */
    bool restartWithTasks() const { return atLeast(3, 0); }
    /** `/admin/loggers` (KIP-495, 2.4). */
    bool loggers() const { return atLeast(2, 4); }
    /** `GET /connectors/{c}/topics` (KIP-558, 2.5). */
    bool topicTracking() const { return atLeast(2, 5); }

    bool atLeast(int wantedMajor, int wantedMinor) const
    {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }
    /** "Needs Kafka Connect 3.6 or later (this cluster runs 3.4.1)". */
    static QString unsupported(const QString &feature, const QString &since, const QString &version);

    /** From "3.7.1", "4.0.0-SNAPSHOT", "7.6.0-ccs" (Confluent's Kafka numbers are Kafka's). */
    static ClusterFeatures forVersion(const QString &version);
};

} // namespace ConnectDesk::Client
