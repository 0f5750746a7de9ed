// SPDX-License-Identifier: Apache-2.0
#include "clientconfig_p.h"

#include "logging.h"

namespace ConnectDesk::Kafka::Internal {

namespace {

void logCallback(const rd_kafka_t *rk, int level, const char *facility, const char *message)
{
    // Called from librdkafka's threads: only log.
    const QString text = QStringLiteral("%1: [%2] %3")
                             .arg(QString::fromUtf8(rd_kafka_name(rk)), QString::fromUtf8(facility),
                                  QString::fromUtf8(message));
    if (level <= 3)
        qCWarning(lcKafka).noquote() << text;
    else if (level <= 5)
        qCInfo(lcKafka).noquote() << text;
    else
        qCDebug(lcKafka).noquote() << text;
}

} // namespace

Util::Result<rd_kafka_conf_t *> buildConf(const QMap<QString, QString> &props)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char errstr[512];
    for (auto it = props.cbegin(); it != props.cend(); ++it) {
        if (rd_kafka_conf_set(conf, it.key().toUtf8().constData(), it.value().toUtf8().constData(),
                              errstr, sizeof errstr)
            != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return Util::Error{QStringLiteral("Invalid Kafka client property %1=%2: %3")
                                   .arg(it.key(), it.value(), QString::fromUtf8(errstr))};
        }
    }
    rd_kafka_conf_set_log_cb(conf, logCallback);
    return conf;
}

Util::Result<rd_kafka_t *> createHandle(rd_kafka_type_t type, rd_kafka_conf_t *conf, const char *what)
{
    char errstr[512];
    rd_kafka_t *rk = rd_kafka_new(type, conf, errstr, sizeof errstr);
    if (!rk) {
        rd_kafka_conf_destroy(conf); // rd_kafka_new only takes it on success
        return Util::Error{QStringLiteral("Cannot create Kafka %1: %2")
                               .arg(QLatin1String(what), QString::fromUtf8(errstr))};
    }
    return rk;
}

Util::Result<rd_kafka_t *> createHandle(rd_kafka_type_t type, const QMap<QString, QString> &props,
                                        const char *what)
{
    auto conf = buildConf(props);
    if (!conf)
        return conf.error();
    return createHandle(type, *conf, what);
}

Util::Error errorFromCode(rd_kafka_resp_err_t code, const QString &context)
{
    Util::Error error;
    error.code = code;
    error.message = QString::fromUtf8(rd_kafka_err2str(code));
    if (!context.isEmpty())
        error.message = context + QStringLiteral(": ") + error.message;
    switch (code) {
    case RD_KAFKA_RESP_ERR__TRANSPORT:
    case RD_KAFKA_RESP_ERR__TIMED_OUT:
    case RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
    case RD_KAFKA_RESP_ERR__QUEUE_FULL:
    case RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION:
    case RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
    case RD_KAFKA_RESP_ERR_NOT_COORDINATOR:
    case RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS:
    case RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS:
    case RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS:
        error.retriable = true;
        break;
    default:
        break;
    }
    return error;
}

Util::Error errorFromObject(rd_kafka_error_t *err, const QString &context)
{
    Util::Error error = errorFromCode(rd_kafka_error_code(err), context);
    error.message = QString::fromUtf8(rd_kafka_error_string(err));
    if (!context.isEmpty())
        error.message = context + QStringLiteral(": ") + error.message;
    error.retriable = error.retriable || rd_kafka_error_is_retriable(err);
    error.fatal = rd_kafka_error_is_fatal(err);
    rd_kafka_error_destroy(err);
    return error;
}

void HandleDeleter::operator()(rd_kafka_t *rk) const
{
    if (rk)
        rd_kafka_destroy(rk);
}

} // namespace ConnectDesk::Kafka::Internal
