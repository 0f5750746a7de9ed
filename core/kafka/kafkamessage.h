// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ConnectDesk::Kafka {

/** Raw record headers: keys in order, duplicates allowed; a null QByteArray is a null value. */
using RawHeaders = QList<QPair<QString, QByteArray>>;

/** A consumed Kafka record, copied out of librdkafka. A null QByteArray key/value is a null
 *  key/value; an empty non-null one is zero bytes. */
struct Message
{
    QString topic;
    qint32 partition = -1;
    qint64 offset = -1;
    QByteArray key;
    QByteArray value;
    RawHeaders headers;
    /** -1 when the record has no timestamp. */
    qint64 timestamp = -1;
    /** 0 none, 1 create time, 2 log append time (Kafka's TimestampType order). */
    int timestampType = 0;
};

/** What the producer reports for one record. */
struct DeliveryReport
{
    void *opaque = nullptr;
    int errorCode = 0;
    QString errorMessage;
    bool retriable = false;
    QString topic;
    qint32 partition = -1;
    qint64 offset = -1;
    qint64 timestamp = -1;
};

} // namespace ConnectDesk::Kafka
