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

/** A new client handle of the given type from properties; conf may be pre-filled (callbacks,
 *  opaque) — it is consumed either way. what names the client in the error ("producer"). */
Util::Result<rd_kafka_t *> createHandle(rd_kafka_type_t type, rd_kafka_conf_t *conf, const char *what);
Util::Result<rd_kafka_t *> createHandle(rd_kafka_type_t type, const QMap<QString, QString> &props,
                                        const char *what);

/** Error of a librdkafka error code, with its retriable flag. */
Util::Error errorFromCode(rd_kafka_resp_err_t code, const QString &context = {});
Util::Error errorFromObject(rd_kafka_error_t *error, const QString &context = {});

/** RAII for rd_kafka_t. */
struct HandleDeleter
{
    void operator()(rd_kafka_t *rk) const;
};

} // namespace ConnectDesk::Kafka::Internal
