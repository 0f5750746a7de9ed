// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kafkamessage.h"

#include "core/util/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ConnectDesk::Kafka {

/**
 * A librdkafka producer. Thread: one owner thread produces and polls; delivery callbacks run
 * inside poll()/flush() on that thread (librdkafka's rule), never elsewhere.
 */
class Producer
{
public:
    using DeliveryCallback = std::function<void(const DeliveryReport &)>;

    /** props are librdkafka/Kafka client properties (bootstrap.servers, acks, ...). */
    static Util::Result<std::unique_ptr<Producer>> create(const QMap<QString, QString> &props,
                                                          DeliveryCallback onDelivery = {});
    ~Producer();

    /**
     * Queues one record (copied). partition -1 = let the partitioner choose. Returns an Error
     * with retriable=true when the local queue is full: poll and try again.
     */
    Util::Error produce(const QString &topic, qint32 partition, const QByteArray &key,
                        const QByteArray &value, const RawHeaders &headers = {},
                        std::optional<qint64> timestampMs = std::nullopt, void *opaque = nullptr);
    /** Serves delivery callbacks; returns the number served. */
    int poll(int timeoutMs);
    /** Waits until every queued record is delivered or failed (callbacks run). */
    Util::Error flush(int timeoutMs);
    /**
     * Drops every record not yet handed to a broker, so it can never be written, and serves
     * their delivery callbacks (failed with "Purged in queue"). Records already in flight are
     * left alone: the broker may have them.
     */
    void purgeQueued();
    /** Makes a poll() waiting on another thread return now. */
    void wake();
    /** Records queued or in flight. */
    int outstanding() const;
    QString name() const;

    struct Private; // opaque; public so librdkafka's C callbacks can reach it

private:
    Producer();
    std::unique_ptr<Private> d;
};

} // namespace ConnectDesk::Kafka
