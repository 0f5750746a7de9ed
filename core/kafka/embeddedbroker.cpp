// SPDX-License-Identifier: Apache-2.0
#include "embeddedbroker.h"

#include "clientconfig_p.h"
#include "logging.h"

#include <librdkafka/rdkafka_mock.h>

namespace ConnectDesk::Kafka {

struct EmbeddedBroker::Private
{
    std::unique_ptr<rd_kafka_t, Internal::HandleDeleter> rk;
    rd_kafka_mock_cluster_t *cluster = nullptr;
    QString bootstraps;
    int brokers = 0;
};

EmbeddedBroker::EmbeddedBroker()
    : d(std::make_unique<Private>())
{}

EmbeddedBroker::~EmbeddedBroker()
{
    if (d->cluster)
        rd_kafka_mock_cluster_destroy(d->cluster);
}

Util::Result<std::unique_ptr<EmbeddedBroker>> EmbeddedBroker::start(int brokers)
{
    // This handle only hosts the mock cluster; quiet its "no bootstrap.servers" warning.
    auto rk = Internal::createHandle(RD_KAFKA_PRODUCER,
                                     {{QStringLiteral("client.id"), QStringLiteral("embedded-broker")},
                                      {QStringLiteral("log_level"), QStringLiteral("3")}},
                                     "embedded broker");
    if (!rk)
        return rk.error();
    std::unique_ptr<EmbeddedBroker> broker(new EmbeddedBroker);
    broker->d->rk.reset(*rk);
    broker->d->cluster = rd_kafka_mock_cluster_new(*rk, brokers);
    broker->d->brokers = brokers;
    if (!broker->d->cluster)
        return Util::Error{QStringLiteral("Cannot start the embedded broker (mock cluster)")};
    broker->d->bootstraps = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(broker->d->cluster));
    qCInfo(lcKafka) << "embedded broker started with" << brokers << "broker(s) at"
                    << broker->d->bootstraps;
    return broker;
}

QString EmbeddedBroker::bootstrapServers() const
{
    return d->bootstraps;
}

Util::Error EmbeddedBroker::createTopic(const QString &name, int partitions, int replicationFactor)
{
    const rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(
        d->cluster, name.toUtf8().constData(), partitions, replicationFactor);
    if (err)
        return Internal::errorFromCode(err, QStringLiteral("Create topic %1").arg(name));
    return {};
}

bool EmbeddedBroker::isDevelopmentClusterId(const QString &clusterId)
{
    return clusterId.startsWith(QLatin1String("mockCluster"));
}

Util::Error EmbeddedBroker::setAvailable(bool available)
{
    for (int32_t id = 1; id <= d->brokers; ++id) {
        const rd_kafka_resp_err_t err = available ? rd_kafka_mock_broker_set_up(d->cluster, id)
                                                  : rd_kafka_mock_broker_set_down(d->cluster, id);
        if (err)
            return Internal::errorFromCode(err, QStringLiteral("Broker %1").arg(id));
    }
    return {};
}

} // namespace ConnectDesk::Kafka
