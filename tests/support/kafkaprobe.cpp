// SPDX-License-Identifier: Apache-2.0
#include "kafkaprobe.h"

#include <QDebug>
#include <QDeadlineTimer>
#include <QUuid>

#include <librdkafka/rdkafka.h>

#include <memory>

namespace ConnectDesk::TestSupport {

namespace {

struct KafkaDeleter
{
    void operator()(rd_kafka_t *rk) const
    {
        // The probe never joins a group: there is nothing to leave or commit on close.
        rd_kafka_destroy_flags(rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
    }
};
using KafkaPtr = std::unique_ptr<rd_kafka_t, KafkaDeleter>;

struct ListDeleter
{
    void operator()(rd_kafka_topic_partition_list_t *list) const
    {
        rd_kafka_topic_partition_list_destroy(list);
    }
};
using ListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, ListDeleter>;

KafkaPtr makeConsumer(const QString &bootstrap, const QString &group)
{
    char error[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    const QList<QPair<QByteArray, QByteArray>> settings{
        {"bootstrap.servers", bootstrap.toUtf8()},
        {"group.id", group.toUtf8()},
        {"enable.auto.commit", "false"},
        {"enable.auto.offset.store", "false"},
        {"enable.partition.eof", "false"},
        {"log_level", "3"},
    };
    for (const auto &[key, value] : settings) {
        if (rd_kafka_conf_set(conf, key.constData(), value.constData(), error, sizeof error)
            != RD_KAFKA_CONF_OK) {
            qWarning() << "KafkaProbe:" << key << error;
            rd_kafka_conf_destroy(conf);
            return nullptr;
        }
    }
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, error, sizeof error);
    if (!rk) {
        qWarning() << "KafkaProbe: rd_kafka_new:" << error;
        return nullptr;
    }
    rd_kafka_poll_set_consumer(rk);
    return KafkaPtr(rk);
}

} // namespace

KafkaProbe::KafkaProbe(QString bootstrapServers)
    : m_bootstrapServers(std::move(bootstrapServers))
{}

std::optional<QList<TopicRecord>> KafkaProbe::readTopic(const QString &topic, int partitions,
                                                        int timeoutMs) const
{
    // A group id nobody uses; assign() never joins it.
    KafkaPtr rk = makeConsumer(m_bootstrapServers,
                               QStringLiteral("connectdesk-test-probe-")
                                   + QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!rk)
        return std::nullopt;
    const QByteArray topicName = topic.toUtf8();
    QMap<int, qint64> high;
    ListPtr assignment(rd_kafka_topic_partition_list_new(partitions));
    for (int p = 0; p < partitions; ++p) {
        int64_t low = 0;
        int64_t hi = 0;
        const rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(
            rk.get(), topicName.constData(), p, &low, &hi, 10000);
        if (err) {
            qWarning() << "KafkaProbe: watermarks of" << topic << p << rd_kafka_err2str(err);
            return std::nullopt;
        }
        high.insert(p, hi);
        rd_kafka_topic_partition_list_add(assignment.get(), topicName.constData(), p)->offset
            = RD_KAFKA_OFFSET_BEGINNING;
    }
    if (const rd_kafka_resp_err_t err = rd_kafka_assign(rk.get(), assignment.get())) {
        qWarning() << "KafkaProbe: assign:" << rd_kafka_err2str(err);
        return std::nullopt;
    }
    QList<TopicRecord> records;
    QMap<int, qint64> next;
    for (int p = 0; p < partitions; ++p)
        next.insert(p, 0);
    auto done = [&] {
        for (int p = 0; p < partitions; ++p) {
            if (next.value(p) < high.value(p))
                return false;
        }
        return true;
    };
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            qWarning() << "KafkaProbe: timed out reading" << topic << "at" << next << "of" << high;
            return std::nullopt;
        }
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk.get(), 200);
        if (!m)
            continue;
        if (m->err) {
            qWarning() << "KafkaProbe: consume:" << rd_kafka_message_errstr(m);
        } else {
            TopicRecord record;
            record.partition = m->partition;
            record.offset = m->offset;
            if (m->payload)
                record.value = QByteArray(static_cast<const char *>(m->payload), qsizetype(m->len));
            if (m->offset < high.value(m->partition))
                records.append(record);
            next[m->partition] = std::max(next.value(m->partition), qint64(m->offset + 1));
        }
        rd_kafka_message_destroy(m);
    }
    return records;
}

std::optional<QMap<int, qint64>> KafkaProbe::committedOffsets(const QString &group,
                                                              const QString &topic,
                                                              int partitions,
                                                              int timeoutMs) const
{
    KafkaPtr rk = makeConsumer(m_bootstrapServers, group);
    if (!rk)
        return std::nullopt;
    const QByteArray topicName = topic.toUtf8();
    ListPtr list(rd_kafka_topic_partition_list_new(partitions));
    for (int p = 0; p < partitions; ++p)
        rd_kafka_topic_partition_list_add(list.get(), topicName.constData(), p);
    if (const rd_kafka_resp_err_t err = rd_kafka_committed(rk.get(), list.get(), timeoutMs)) {
        qWarning() << "KafkaProbe: committed:" << rd_kafka_err2str(err);
        return std::nullopt;
    }
    QMap<int, qint64> result;
    for (int i = 0; i < list->cnt; ++i) {
        const rd_kafka_topic_partition_t &tp = list->elems[i];
        if (tp.err) {
            qWarning() << "KafkaProbe: committed offset of partition" << tp.partition
                       << rd_kafka_err2str(tp.err);
            return std::nullopt;
        }
        if (tp.offset >= 0)
            result.insert(tp.partition, tp.offset);
    }
    return result;
}

} // namespace ConnectDesk::TestSupport
