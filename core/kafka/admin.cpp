// SPDX-License-Identifier: Apache-2.0
#include "admin.h"

#include "clientconfig_p.h"

namespace ConnectDesk::Kafka {

struct Admin::Private
{
    std::unique_ptr<rd_kafka_t, Internal::HandleDeleter> rk;
};

Admin::Admin()
    : d(std::make_unique<Private>())
{}

Admin::~Admin() = default;

Util::Result<std::unique_ptr<Admin>> Admin::create(const QMap<QString, QString> &props)
{
    auto rk = Internal::createHandle(RD_KAFKA_PRODUCER, props, "admin client");
    if (!rk)
        return rk.error();
    std::unique_ptr<Admin> admin(new Admin);
    admin->d->rk.reset(*rk);
    return admin;
}

Util::Result<QString> Admin::clusterId(int timeoutMs)
{
    char *id = rd_kafka_clusterid(d->rk.get(), timeoutMs);
    if (!id)
        return Util::Error{QStringLiteral("Kafka cluster did not answer within %1 ms").arg(timeoutMs),
                           RD_KAFKA_RESP_ERR__TIMED_OUT, true};
    const QString result = QString::fromUtf8(id);
    rd_kafka_mem_free(d->rk.get(), id);
    return result;
}

Util::Result<int> Admin::partitionCount(const QString &topic, int timeoutMs)
{
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(d->rk.get(), topic.toUtf8().constData(), nullptr);
    const rd_kafka_metadata_t *metadata = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(d->rk.get(), 0, rkt, &metadata, timeoutMs);
    rd_kafka_topic_destroy(rkt);
    if (err)
        return Internal::errorFromCode(err, QStringLiteral("Metadata of %1").arg(topic));
    int count = 0;
    if (metadata->topic_cnt == 1 && metadata->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR)
        count = metadata->topics[0].partition_cnt;
    rd_kafka_metadata_destroy(metadata);
    return count;
}

Util::Result<QMap<QString, int>> Admin::topics(int timeoutMs)
{
    const rd_kafka_metadata_t *metadata = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(d->rk.get(), 1, nullptr, &metadata, timeoutMs);
    if (err)
        return Internal::errorFromCode(err, QStringLiteral("Metadata"));
    QMap<QString, int> result;
    for (int i = 0; i < metadata->topic_cnt; ++i)
        result.insert(QString::fromUtf8(metadata->topics[i].topic), metadata->topics[i].partition_cnt);
    rd_kafka_metadata_destroy(metadata);
    return result;
}

Util::Result<QPair<qint64, qint64>> Admin::watermarks(const QString &topic, int partition,
                                                      int timeoutMs)
{
    int64_t low = 0;
    int64_t high = 0;
    const rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(
        d->rk.get(), topic.toUtf8().constData(), partition, &low, &high, timeoutMs);
    if (err)
        return Internal::errorFromCode(err, QStringLiteral("Watermarks of %1-%2").arg(topic).arg(partition));
    return QPair<qint64, qint64>(low, high);
}

Util::Error Admin::createTopic(const QString &name, int partitions, int replicationFactor,
                               const QMap<QString, QString> &configs, int timeoutMs)
{
    char errstr[512];
    rd_kafka_NewTopic_t *topic = rd_kafka_NewTopic_new(name.toUtf8().constData(), partitions,
                                                       replicationFactor, errstr, sizeof errstr);
    if (!topic)
        return Util::Error{QStringLiteral("Cannot create topic %1: %2").arg(name, QString::fromUtf8(errstr))};
    for (auto it = configs.cbegin(); it != configs.cend(); ++it)
        rd_kafka_NewTopic_set_config(topic, it.key().toUtf8().constData(), it.value().toUtf8().constData());
    rd_kafka_AdminOptions_t *options = rd_kafka_AdminOptions_new(d->rk.get(), RD_KAFKA_ADMIN_OP_CREATETOPICS);
    rd_kafka_AdminOptions_set_request_timeout(options, timeoutMs, errstr, sizeof errstr);
    rd_kafka_queue_t *queue = rd_kafka_queue_new(d->rk.get());
    rd_kafka_CreateTopics(d->rk.get(), &topic, 1, options, queue);
    rd_kafka_event_t *event = rd_kafka_queue_poll(queue, timeoutMs + 1000);
    Util::Error result;
    if (!event) {
        result = Util::Error{QStringLiteral("Creating topic %1 timed out").arg(name), RD_KAFKA_RESP_ERR__TIMED_OUT, true};
    } else if (rd_kafka_event_error(event)) {
        result = Internal::errorFromCode(rd_kafka_event_error(event), QStringLiteral("Create topic %1").arg(name));
    } else {
        size_t count = 0;
        const rd_kafka_topic_result_t **results =
            rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count);
        for (size_t i = 0; i < count; ++i) {
            const rd_kafka_resp_err_t err = rd_kafka_topic_result_error(results[i]);
            if (err && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
                result = Internal::errorFromCode(err, QStringLiteral("Create topic %1").arg(name));
        }
    }
    if (event)
        rd_kafka_event_destroy(event);
    rd_kafka_queue_destroy(queue);
    rd_kafka_AdminOptions_destroy(options);
    rd_kafka_NewTopic_destroy(topic);
    return result;
}

namespace {

rd_kafka_topic_partition_list_t *partitionList(const QList<Api::TopicPartition> &partitions,
                                               const QMap<Api::TopicPartition, qint64> &offsets = {})
{
    auto *list = rd_kafka_topic_partition_list_new(int(partitions.size()));
    for (const auto &tp : partitions) {
        auto *entry = rd_kafka_topic_partition_list_add(list, tp.topic.toUtf8().constData(), tp.partition);
        entry->offset = offsets.value(tp, RD_KAFKA_OFFSET_INVALID);
    }
    return list;
}

/** Runs one admin request whose result is a group's partition list. */
template <typename Issue, typename Result>
Util::Result<QMap<Api::TopicPartition, qint64>> groupOffsetsRequest(rd_kafka_t *rk, rd_kafka_admin_op_t op,
                                                                    int timeoutMs, const QString &what,
                                                                    Issue issue, Result resultOf)
{
    char errstr[512];
    rd_kafka_AdminOptions_t *options = rd_kafka_AdminOptions_new(rk, op);
    rd_kafka_AdminOptions_set_request_timeout(options, timeoutMs, errstr, sizeof errstr);
    rd_kafka_queue_t *queue = rd_kafka_queue_new(rk);
    issue(options, queue);
    rd_kafka_event_t *event = rd_kafka_queue_poll(queue, timeoutMs + 1000);
    Util::Result<QMap<Api::TopicPartition, qint64>> result = QMap<Api::TopicPartition, qint64>();
    if (!event) {
        result = Util::Error{QStringLiteral("%1 timed out").arg(what), RD_KAFKA_RESP_ERR__TIMED_OUT, true};
    } else if (rd_kafka_event_error(event)) {
        result = Internal::errorFromCode(rd_kafka_event_error(event), what);
    } else {
        size_t count = 0;
        const rd_kafka_group_result_t **groups = resultOf(event, &count);
        QMap<Api::TopicPartition, qint64> offsets;
        for (size_t i = 0; i < count && result; ++i) {
            if (const rd_kafka_error_t *error = rd_kafka_group_result_error(groups[i])) {
                result = Util::Error{QStringLiteral("%1: %2").arg(what, QString::fromUtf8(rd_kafka_error_string(error))),
                                     int(rd_kafka_error_code(error)), bool(rd_kafka_error_is_retriable(error))};
                break;
            }
            const rd_kafka_topic_partition_list_t *list = rd_kafka_group_result_partitions(groups[i]);
            for (int j = 0; list && j < list->cnt; ++j) {
                const auto &entry = list->elems[j];
                if (entry.err) {
                    result = Internal::errorFromCode(entry.err, what);
                    break;
                }
                if (entry.offset >= 0)
                    offsets.insert({QString::fromUtf8(entry.topic), entry.partition}, entry.offset);
            }
        }
        if (result)
            result = offsets;
    }
    if (event)
        rd_kafka_event_destroy(event);
    rd_kafka_queue_destroy(queue);
    rd_kafka_AdminOptions_destroy(options);
    return result;
}

} // namespace

Util::Result<QMap<Api::TopicPartition, qint64>> Admin::listConsumerGroupOffsets(
    const QString &group, const QList<Api::TopicPartition> &partitions, int timeoutMs)
{
    if (partitions.isEmpty())
        return QMap<Api::TopicPartition, qint64>();
    rd_kafka_t *rk = d->rk.get();
    return groupOffsetsRequest(
        rk, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS, timeoutMs,
        QStringLiteral("Listing the offsets of consumer group %1").arg(group),
        [&](rd_kafka_AdminOptions_t *options, rd_kafka_queue_t *queue) {
            auto *list = partitionList(partitions);
            rd_kafka_ListConsumerGroupOffsets_t *request =
                rd_kafka_ListConsumerGroupOffsets_new(group.toUtf8().constData(), list);
            rd_kafka_ListConsumerGroupOffsets(rk, &request, 1, options, queue);
            rd_kafka_ListConsumerGroupOffsets_destroy(request);
            rd_kafka_topic_partition_list_destroy(list);
        },
        [](rd_kafka_event_t *event, size_t *count) {
            return rd_kafka_ListConsumerGroupOffsets_result_groups(
                rd_kafka_event_ListConsumerGroupOffsets_result(event), count);
        });
}

Util::Error Admin::alterConsumerGroupOffsets(const QString &group, const QMap<Api::TopicPartition, qint64> &offsets,
                                             int timeoutMs)
{
    if (offsets.isEmpty())
        return {};
    rd_kafka_t *rk = d->rk.get();
    auto result = groupOffsetsRequest(
        rk, RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS, timeoutMs,
        QStringLiteral("Altering the offsets of consumer group %1").arg(group),
        [&](rd_kafka_AdminOptions_t *options, rd_kafka_queue_t *queue) {
            auto *list = partitionList(offsets.keys(), offsets);
            rd_kafka_AlterConsumerGroupOffsets_t *request =
                rd_kafka_AlterConsumerGroupOffsets_new(group.toUtf8().constData(), list);
            rd_kafka_AlterConsumerGroupOffsets(rk, &request, 1, options, queue);
            rd_kafka_AlterConsumerGroupOffsets_destroy(request);
            rd_kafka_topic_partition_list_destroy(list);
        },
        [](rd_kafka_event_t *event, size_t *count) {
            return rd_kafka_AlterConsumerGroupOffsets_result_groups(
                rd_kafka_event_AlterConsumerGroupOffsets_result(event), count);
        });
    return result ? Util::Error{} : result.error();
}

} // namespace ConnectDesk::Kafka
