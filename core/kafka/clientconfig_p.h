// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QMap>
#include <QString>

#include <librdkafka/rdkafka.h>

namespace ConnectDesk::Kafka::Internal {

/** A librdkafka configuration from string properties; the log callback forwards to
 *  connectdesk.kafka. Caller owns the returned conf (until rd_kafka_new takes it). */
Util::Result<rd_kafka_conf_t *> buildConf(const QMap<QString, QString> &props);

/** Error of a librdkafka error code, with its retriable flag. */
Util::Error errorFromCode(rd_kafka_resp_err_t code, const QString &context = {});
Util::Error errorFromObject(rd_kafka_error_t *error, const QString &context = {});

/** RAII for rd_kafka_t. */
struct HandleDeleter
{
    void operator()(rd_kafka_t *rk) const;
};

} // namespace ConnectDesk::Kafka::Internal
