// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace ConnectDesk::Kafka {
struct Message;
}

namespace ConnectDesk::Client {

/** A record read from a topic by TopicBrowser. A null QByteArray key/value is a null key/value. */
struct TopicRecord
{
    QString topic;
    int partition = -1;
    qint64 offset = -1;
    /** Milliseconds since the epoch; -1 when the record has none. */
    qint64 timestamp = -1;
    QByteArray key;
    QByteArray value;
    QList<QPair<QString, QByteArray>> headers;

    /** The first header of that name. */
    std::optional<QByteArray> header(const QString &name) const;
    static TopicRecord fromMessage(const Kafka::Message &message);
    /** key, value and headers as text where they are UTF-8, else base64; used by exports. */
    QJsonObject toJson() const;
};

/** How a console shows bytes: indented JSON when they parse as JSON, text when they are UTF-8,
 *  otherwise a hex dump; "null" for a null value. */
QString displayBytes(const QByteArray &bytes);
/** Whether displayBytes shows them as text (JSON or UTF-8) rather than hex. */
bool isText(const QByteArray &bytes);

/**
 * What the `__connect.errors.*` headers of a dead-letter record say (Kafka's
 * DeadLetterQueueReporter with errors.deadletterqueue.context.headers.enable=true).
 */
struct DeadLetterContext
{
    /** Whether the record carries the context headers at all. */
    bool present = false;
    QString topic;
    int partition = -1;
    qint64 offset = -1;
    QString connector;
    int taskId = -1;
    QString stage;
    QString className;
    QString exceptionClass;
    QString exceptionMessage;
    QString stackTrace;

    static DeadLetterContext fromRecord(const TopicRecord &record);
    QJsonObject toJson() const;
};

} // namespace ConnectDesk::Client
