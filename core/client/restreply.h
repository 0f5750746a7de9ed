// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ConnectDesk::Client {

/**
 * One answer of a Kafka Connect REST call, or why there was none. A plain value.
 * status is the HTTP status, 0 when no HTTP answer came (refused, timeout, TLS failure).
 */
struct RestReply
{
    int status = 0;
    QByteArray body;
    /** The parsed body; undefined when it is empty or not JSON. */
    QJsonValue json{QJsonValue::Undefined};
    /** Empty on success; otherwise Connect's `message`, the network error or the HTTP reason. */
    QString error;
    /** How many 409 answers (a rebalance in progress) were retried before this one. */
    int conflictRetries = 0;

    bool ok() const { return status >= 200 && status < 300; }
    bool reachedServer() const { return status != 0; }
    QJsonObject object() const { return json.toObject(); }
    QJsonArray array() const { return json.toArray(); }
    /** "404: Connector x not found" or "no answer: Connection refused", for people. */
    QString describe() const;

    /** Builds a reply from what came over the wire (used by ClusterClient and tests). */
    static RestReply fromHttp(int status, const QByteArray &body, const QString &reason);
    static RestReply fromNetworkError(const QString &error);
};

} // namespace ConnectDesk::Client
