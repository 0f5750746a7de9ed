// SPDX-License-Identifier: Apache-2.0
#include "producer.h"

#include "clientconfig_p.h"

#include <QSet>

namespace ConnectDesk::Kafka {

struct Producer::Private
{
    std::unique_ptr<rd_kafka_t, Internal::HandleDeleter> rk;
    DeliveryCallback onDelivery;
    // Topic name cache: most producers write one topic, so skip re-encoding it per record.
    QString lastTopic;
    QByteArray lastTopicUtf8;
    QSet<QString> knownTopics;
    // Delivery reports (the polling thread only).
    const rd_kafka_topic_t *reportedTopic = nullptr;
    QString reportedTopicName;

    /** librdkafka learns about a topic first referenced after connecting only on its 1 s
     *  metadata timer; ask now, so the first records of a new topic do not wait a second. */
    void fetchMetadata(const QByteArray &topic)
    {
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk.get(), topic.constData(), nullptr);
        const rd_kafka_metadata_t *metadata = nullptr;
        if (rd_kafka_metadata(rk.get(), 0, rkt, &metadata, 2000) == RD_KAFKA_RESP_ERR_NO_ERROR)
            rd_kafka_metadata_destroy(metadata);
        rd_kafka_topic_destroy(rkt);
    }
};

namespace {

void deliveryReportCallback(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
{
    auto *d = static_cast<Producer::Private *>(opaque);
    if (!d || !d->onDelivery)
        return;
    DeliveryReport report;
    report.opaque = message->_private;
    report.errorCode = message->err;
    if (message->err) {
        const Util::Error error = Internal::errorFromCode(message->err);
        report.errorMessage = error.message;
        report.retriable = error.retriable;
    }
    if (message->rkt) {
        // One topic at a time is the norm: reuse its QString instead of decoding per record.
        if (message->rkt != d->reportedTopic) {
            d->reportedTopic = message->rkt;
            d->reportedTopicName = QString::fromUtf8(rd_kafka_topic_name(message->rkt));
        }
        report.topic = d->reportedTopicName;
    }
    report.partition = message->partition;
    report.offset = message->offset;
    report.timestamp = rd_kafka_message_timestamp(message, nullptr);
    d->onDelivery(report);
}

} // namespace

Producer::Producer()
    : d(std::make_unique<Private>())
{}

Producer::~Producer() = default;

Util::Result<std::unique_ptr<Producer>> Producer::create(const QMap<QString, QString> &props,
                                                         DeliveryCallback onDelivery)
{
    auto conf = Internal::buildConf(props);
    if (!conf)
        return conf.error();
    std::unique_ptr<Producer> producer(new Producer);
    producer->d->onDelivery = std::move(onDelivery);
    rd_kafka_conf_set_dr_msg_cb(*conf, deliveryReportCallback);
    rd_kafka_conf_set_opaque(*conf, producer->d.get());
    auto rk = Internal::createHandle(RD_KAFKA_PRODUCER, *conf, "producer");
    if (!rk)
        return rk.error();
    producer->d->rk.reset(*rk);
    return producer;
}

Util::Error Producer::produce(const QString &topic, qint32 partition, const QByteArray &key,
                              const QByteArray &value, const RawHeaders &headers,
                              std::optional<qint64> timestampMs, void *opaque)
{
    if (topic != d->lastTopic) {
        d->lastTopic = topic;
        d->lastTopicUtf8 = topic.toUtf8();
        if (!d->knownTopics.contains(topic)) {
            d->knownTopics.insert(topic);
            d->fetchMetadata(d->lastTopicUtf8);
        }
    }
    rd_kafka_headers_t *hdrs = nullptr;
    if (!headers.isEmpty()) {
        hdrs = rd_kafka_headers_new(size_t(headers.size()));
        for (const auto &[name, headerValue] : headers) {
            const QByteArray nameUtf8 = name.toUtf8();
            rd_kafka_header_add(hdrs, nameUtf8.constData(), nameUtf8.size(),
                                headerValue.isNull() ? nullptr : headerValue.constData(),
                                headerValue.isNull() ? 0 : headerValue.size());
        }
    }
    const rd_kafka_resp_err_t err = rd_kafka_producev(
        d->rk.get(), RD_KAFKA_V_TOPIC(d->lastTopicUtf8.constData()),
        RD_KAFKA_V_PARTITION(partition < 0 ? RD_KAFKA_PARTITION_UA : partition),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
        RD_KAFKA_V_VALUE(value.isNull() ? nullptr : const_cast<char *>(value.constData()),
                         value.isNull() ? 0 : size_t(value.size())),
        RD_KAFKA_V_KEY(key.isNull() ? nullptr : key.constData(), key.isNull() ? 0 : size_t(key.size())),
        RD_KAFKA_V_TIMESTAMP(timestampMs.value_or(0)), RD_KAFKA_V_HEADERS(hdrs),
        RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
    if (err) {
        if (hdrs)
            rd_kafka_headers_destroy(hdrs); // ownership only passes on success
        return Internal::errorFromCode(err, QStringLiteral("Produce to %1").arg(topic));
    }
    return {};
}

int Producer::poll(int timeoutMs)
{
    return rd_kafka_poll(d->rk.get(), timeoutMs);
}

Util::Error Producer::flush(int timeoutMs)
{
    const rd_kafka_resp_err_t err = rd_kafka_flush(d->rk.get(), timeoutMs);
    if (err)
        return Internal::errorFromCode(err, QStringLiteral("Flush"));
    return {};
}

void Producer::purgeQueued()
{
    rd_kafka_purge(d->rk.get(), RD_KAFKA_PURGE_F_QUEUE);
    rd_kafka_poll(d->rk.get(), 0);
}

void Producer::wake()
{
    rd_kafka_yield(d->rk.get());
}

int Producer::outstanding() const
{
    return rd_kafka_outq_len(d->rk.get());
}

QString Producer::name() const
{
    return QString::fromUtf8(rd_kafka_name(d->rk.get()));
}

} // namespace ConnectDesk::Kafka
