// SPDX-License-Identifier: Apache-2.0
#include "consumer.h"

#include "clientconfig_p.h"
#include "logging.h"

#include <cstring>
#include <vector>

namespace ConnectDesk::Kafka {

struct Consumer::Private
{
    std::unique_ptr<rd_kafka_t, Internal::HandleDeleter> rk;
    rd_kafka_queue_t *queue = nullptr;
    RebalanceListener *listener = nullptr;
    bool closed = false;
    std::vector<rd_kafka_message_t *> batch;
    const rd_kafka_topic_t *lastTopic = nullptr;
    QString lastTopicName;
};

namespace {

QList<TopicPartition> toList(const rd_kafka_topic_partition_list_t *list)
{
    QList<TopicPartition> result;
    if (!list)
        return result;
    result.reserve(list->cnt);
    for (int i = 0; i < list->cnt; ++i)
        result.append({QString::fromUtf8(list->elems[i].topic), list->elems[i].partition});
    return result;
}

rd_kafka_topic_partition_list_t *toNative(const QList<TopicPartition> &partitions)
{
    auto *list = rd_kafka_topic_partition_list_new(int(partitions.size()));
    for (const auto &tp : partitions)
        rd_kafka_topic_partition_list_add(list, tp.topic.toUtf8().constData(), tp.partition);
    return list;
}

rd_kafka_topic_partition_list_t *toNative(const PartitionOffsets &offsets)
{
    auto *list = rd_kafka_topic_partition_list_new(int(offsets.size()));
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it) {
        rd_kafka_topic_partition_list_add(list, it.key().topic.toUtf8().constData(),
                                          it.key().partition)
            ->offset = it.value();
    }
    return list;
}

void rebalanceCallback(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                       rd_kafka_topic_partition_list_t *partitions, void *opaque)
{
    auto *d = static_cast<Consumer::Private *>(opaque);
    const bool cooperative = std::strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
    const QList<TopicPartition> list = toList(partitions);
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        if (cooperative) {
            if (rd_kafka_error_t *e = rd_kafka_incremental_assign(rk, partitions))
                qCWarning(lcKafka) << Internal::errorFromObject(e, QStringLiteral("assign")).message;
        } else {
            rd_kafka_assign(rk, partitions);
        }
        if (d->listener)
            d->listener->partitionsAssigned(list);
        return;
    }
    // Revoke (or lost): let the owner commit first, then give the partitions up.
    if (d->listener) {
        if (rd_kafka_assignment_lost(rk))
            d->listener->partitionsLost(list);
        else
            d->listener->partitionsRevoked(list);
    }
    if (cooperative) {
        if (rd_kafka_error_t *e = rd_kafka_incremental_unassign(rk, partitions))
            qCWarning(lcKafka) << Internal::errorFromObject(e, QStringLiteral("unassign")).message;
    } else {
        rd_kafka_assign(rk, nullptr);
    }
}

void copyMessage(const rd_kafka_message_t *m, Message &out, Consumer::Private &d)
{
    // Batches come from few topics: decode each topic name once, share the QString.
    if (m->rkt != d.lastTopic) {
        d.lastTopic = m->rkt;
        d.lastTopicName = QString::fromUtf8(rd_kafka_topic_name(m->rkt));
    }
    out.topic = d.lastTopicName;
    out.partition = m->partition;
    out.offset = m->offset;
    if (m->key)
        out.key = QByteArray(static_cast<const char *>(m->key), qsizetype(m->key_len));
    if (m->payload)
        out.value = QByteArray(static_cast<const char *>(m->payload), qsizetype(m->len));
    rd_kafka_timestamp_type_t tsType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
    out.timestamp = rd_kafka_message_timestamp(m, &tsType);
    out.timestampType = tsType == RD_KAFKA_TIMESTAMP_CREATE_TIME        ? 1
                        : tsType == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME ? 2
                                                                        : 0;
    rd_kafka_headers_t *hdrs = nullptr;
    if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR && hdrs) {
        const char *name = nullptr;
        const void *value = nullptr;
        size_t size = 0;
        for (size_t i = 0; rd_kafka_header_get_all(hdrs, i, &name, &value, &size)
                           == RD_KAFKA_RESP_ERR_NO_ERROR;
             ++i) {
            out.headers.append({QString::fromUtf8(name),
                                value ? QByteArray(static_cast<const char *>(value), qsizetype(size))
                                      : QByteArray()});
        }
    }
}

} // namespace

Consumer::Consumer()
    : d(std::make_unique<Private>())
{}

Consumer::~Consumer()
{
    close();
    if (d->queue)
        rd_kafka_queue_destroy(d->queue);
}

Util::Result<std::unique_ptr<Consumer>> Consumer::create(const QMap<QString, QString> &props,
                                                         RebalanceListener *listener)
{
    auto conf = Internal::buildConf(props);
    if (!conf)
        return conf.error();
    std::unique_ptr<Consumer> consumer(new Consumer);
    consumer->d->listener = listener;
    rd_kafka_conf_set_rebalance_cb(*conf, rebalanceCallback);
    rd_kafka_conf_set_opaque(*conf, consumer->d.get());
    auto rk = Internal::createHandle(RD_KAFKA_CONSUMER, *conf, "consumer");
    if (!rk)
        return rk.error();
    consumer->d->rk.reset(*rk);
    rd_kafka_poll_set_consumer(*rk);
    consumer->d->queue = rd_kafka_queue_get_consumer(*rk);
    return consumer;
}

Util::Error Consumer::subscribe(const QStringList &topics)
{
    auto *list = rd_kafka_topic_partition_list_new(int(topics.size()));
    for (const auto &topic : topics)
        rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
    const rd_kafka_resp_err_t err = rd_kafka_subscribe(d->rk.get(), list);
    rd_kafka_topic_partition_list_destroy(list);
    return err ? Internal::errorFromCode(err, QStringLiteral("Subscribe")) : Util::Error{};
}

Util::Error Consumer::subscribePattern(const QString &regex)
{
    return subscribe({regex.startsWith(QLatin1Char('^')) ? regex : QLatin1Char('^') + regex});
}

QList<Message> Consumer::poll(int maxMessages, int timeoutMs, Util::Error *error)
{
    QList<Message> result;
    d->batch.resize(size_t(maxMessages));
    const ssize_t n = rd_kafka_consume_batch_queue(d->queue, timeoutMs, d->batch.data(),
                                                   size_t(maxMessages));
    if (n <= 0)
        return result;
    result.reserve(n);
    for (ssize_t i = 0; i < n; ++i) {
        rd_kafka_message_t *m = d->batch[size_t(i)];
        if (m->err) {
            if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF && error) {
                *error = Internal::errorFromCode(m->err);
                error->message = QString::fromUtf8(rd_kafka_message_errstr(m));
            }
        } else {
            result.emplace_back();
            copyMessage(m, result.back(), *d);
        }
        rd_kafka_message_destroy(m);
    }
    return result;
}

Util::Error Consumer::assign(const PartitionOffsets &offsets)
{
    auto *list = toNative(offsets);
    const rd_kafka_resp_err_t err = rd_kafka_assign(d->rk.get(), list);
    rd_kafka_topic_partition_list_destroy(list);
    return err ? Internal::errorFromCode(err, QStringLiteral("Assign")) : Util::Error{};
}

Util::Result<QPair<qint64, qint64>> Consumer::watermarks(const TopicPartition &partition, int timeoutMs)
{
    int64_t low = 0;
    int64_t high = 0;
    const rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(
        d->rk.get(), partition.topic.toUtf8().constData(), partition.partition, &low, &high, timeoutMs);
    if (err)
        return Internal::errorFromCode(err, QStringLiteral("Watermarks of %1-%2")
                                                .arg(partition.topic).arg(partition.partition));
    return QPair<qint64, qint64>(low, high);
}

Util::Error Consumer::commitSync(const PartitionOffsets &offsets)
{
    if (offsets.isEmpty())
        return {};
    auto *list = toNative(offsets);
    const rd_kafka_resp_err_t err = rd_kafka_commit(d->rk.get(), list, 0);
    rd_kafka_topic_partition_list_destroy(list);
    return err ? Internal::errorFromCode(err, QStringLiteral("Commit")) : Util::Error{};
}

Util::Error Consumer::commitAsync(const PartitionOffsets &offsets)
{
    if (offsets.isEmpty())
        return {};
    auto *list = toNative(offsets);
    const rd_kafka_resp_err_t err = rd_kafka_commit(d->rk.get(), list, 1);
    rd_kafka_topic_partition_list_destroy(list);
    return err ? Internal::errorFromCode(err, QStringLiteral("Commit")) : Util::Error{};
}

Util::Result<PartitionOffsets> Consumer::committed(const QList<TopicPartition> &partitions,
                                                   int timeoutMs)
{
    auto *list = toNative(partitions);
    const rd_kafka_resp_err_t err = rd_kafka_committed(d->rk.get(), list, timeoutMs);
    PartitionOffsets result;
    if (!err) {
        for (int i = 0; i < list->cnt; ++i) {
            if (list->elems[i].offset >= 0)
                result.insert({QString::fromUtf8(list->elems[i].topic), list->elems[i].partition},
                              list->elems[i].offset);
        }
    }
    rd_kafka_topic_partition_list_destroy(list);
    if (err)
        return Internal::errorFromCode(err, QStringLiteral("Committed offsets"));
    return result;
}

QList<TopicPartition> Consumer::assignment() const
{
    rd_kafka_topic_partition_list_t *list = nullptr;
    if (rd_kafka_assignment(d->rk.get(), &list) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return {};
    QList<TopicPartition> result = toList(list);
    rd_kafka_topic_partition_list_destroy(list);
    return result;
}

Util::Error Consumer::pause(const QList<TopicPartition> &partitions)
{
    auto *list = toNative(partitions);
    const rd_kafka_resp_err_t err = rd_kafka_pause_partitions(d->rk.get(), list);
    rd_kafka_topic_partition_list_destroy(list);
    return err ? Internal::errorFromCode(err, QStringLiteral("Pause")) : Util::Error{};
}

Util::Error Consumer::resume(const QList<TopicPartition> &partitions)
{
    auto *list = toNative(partitions);
    const rd_kafka_resp_err_t err = rd_kafka_resume_partitions(d->rk.get(), list);
    rd_kafka_topic_partition_list_destroy(list);
    return err ? Internal::errorFromCode(err, QStringLiteral("Resume")) : Util::Error{};
}

Util::Error Consumer::seek(const TopicPartition &partition, qint64 offset, int timeoutMs)
{
    PartitionOffsets one;
    one.insert(partition, offset);
    auto *list = toNative(one);
    rd_kafka_error_t *err = rd_kafka_seek_partitions(d->rk.get(), list, timeoutMs);
    rd_kafka_topic_partition_list_destroy(list);
    return err ? Internal::errorFromObject(err, QStringLiteral("Seek")) : Util::Error{};
}

void Consumer::close()
{
    if (d->closed || !d->rk)
        return;
    d->closed = true;
    rd_kafka_consumer_close(d->rk.get());
}

} // namespace ConnectDesk::Kafka
