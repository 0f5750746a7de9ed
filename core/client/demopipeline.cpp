// SPDX-License-Identifier: Apache-2.0
#include "demopipeline.h"

#include "clusterclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QPointer>

#include <memory>

namespace ConnectDesk::Client {

namespace {

const QStringList Products{QStringLiteral("keyboard"), QStringLiteral("monitor"), QStringLiteral("mouse"),
                           QStringLiteral("laptop"), QStringLiteral("headset"), QStringLiteral("webcam")};
const QStringList Words{QStringLiteral("kafka"),  QStringLiteral("connect"), QStringLiteral("stream"),
                        QStringLiteral("record"), QStringLiteral("offset"),  QStringLiteral("topic"),
                        QStringLiteral("task"),   QStringLiteral("sink"),    QStringLiteral("source")};

QString orderLine(int n)
{
    // Every ninth order is broken JSON: the sink's dead-letter queue gets it.
    if (n % 9 == 4)
        return QStringLiteral("{\"order_id\": %1, \"product\": \"%2\", \"quantity\": ").arg(n).arg(Products[n % Products.size()]);
    return QStringLiteral("{\"order_id\":%1,\"product\":\"%2\",\"quantity\":%3,\"price\":%4.%5}")
        .arg(n)
        .arg(Products[n % Products.size()])
        .arg(1 + n % 4)
        .arg(10 + (n * 37) % 90)
        .arg((n * 13) % 100, 2, 10, QLatin1Char('0'));
}

QString textLine(int n)
{
    return QStringLiteral("line %1: %2 %3 %4").arg(n).arg(Words[n % Words.size()], Words[(n * 5 + 1) % Words.size()],
                                                        Words[(n * 7 + 2) % Words.size()]);
}

bool append(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(text.toUtf8()) >= 0;
}

} // namespace

DemoPipeline::DemoPipeline(ClusterClient *client, QString directory, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_directory(std::move(directory))
{
    m_feeder.setInterval(1000);
    connect(&m_feeder, &QTimer::timeout, this, &DemoPipeline::feed);
}

QStringList DemoPipeline::connectorNames()
{
    return {QStringLiteral("demo-lines-source"), QStringLiteral("demo-lines-sink"),
            QStringLiteral("demo-orders-source"), QStringLiteral("demo-orders-sink")};
}

QString DemoPipeline::path(const QString &name) const
{
    return QDir(m_directory).filePath(name);
}

void DemoPipeline::install()
{
    QDir().mkpath(m_directory);
    QString lines;
    QString orders;
    for (; m_sequence < 20; ++m_sequence) {
        lines += textLine(m_sequence) + QLatin1Char('\n');
        orders += orderLine(m_sequence) + QLatin1Char('\n');
    }
    for (const QString &name : {QStringLiteral("lines.txt"), QStringLiteral("orders.jsonl")})
        QFile::remove(path(name));
    if (!append(path(QStringLiteral("lines.txt")), lines) || !append(path(QStringLiteral("orders.jsonl")), orders)) {
        emit failed(QStringLiteral("Cannot write the demo's input files in %1").arg(m_directory));
        return;
    }
    m_client->send("GET", QStringLiteral("/connectors")).then(this, [this](const RestReply &reply) {
        if (!reply.ok()) {
            emit failed(reply.describe());
            return;
        }
        QStringList existing;
        for (const QJsonValue &name : reply.array())
            existing.append(name.toString());
        createMissing(existing);
    });
}

void DemoPipeline::createMissing(const QStringList &existing)
{
    const QString stringConverter = QStringLiteral("org.apache.kafka.connect.storage.StringConverter");
    const QList<QPair<QString, QJsonObject>> connectors{
        {QStringLiteral("demo-lines-source"),
         {{QStringLiteral("connector.class"), QStringLiteral("FileStreamSource")},
          {QStringLiteral("file"), path(QStringLiteral("lines.txt"))},
          {QStringLiteral("topic"), QStringLiteral("demo-lines")}}},
        {QStringLiteral("demo-lines-sink"),
         {{QStringLiteral("connector.class"), QStringLiteral("FileStreamSink")},
          {QStringLiteral("file"), path(QStringLiteral("lines-out.txt"))},
          {QStringLiteral("topics"), QStringLiteral("demo-lines")}}},
        {QStringLiteral("demo-orders-source"),
         {{QStringLiteral("connector.class"), QStringLiteral("FileStreamSource")},
          {QStringLiteral("file"), path(QStringLiteral("orders.jsonl"))},
          {QStringLiteral("topic"), QStringLiteral("demo-orders")},
          {QStringLiteral("value.converter"), stringConverter}}},
        {QStringLiteral("demo-orders-sink"),
         {{QStringLiteral("connector.class"), QStringLiteral("FileStreamSink")},
          {QStringLiteral("file"), path(QStringLiteral("orders-out.txt"))},
          {QStringLiteral("topics"), QStringLiteral("demo-orders")},
          {QStringLiteral("value.converter"), QStringLiteral("org.apache.kafka.connect.json.JsonConverter")},
          {QStringLiteral("value.converter.schemas.enable"), QStringLiteral("false")},
          {QStringLiteral("errors.tolerance"), QStringLiteral("all")},
          {QStringLiteral("errors.log.enable"), QStringLiteral("true")},
          {QStringLiteral("errors.deadletterqueue.topic.name"), deadLetterTopic()},
          {QStringLiteral("errors.deadletterqueue.topic.replication.factor"), QStringLiteral("1")},
          {QStringLiteral("errors.deadletterqueue.context.headers.enable"), QStringLiteral("true")}}},
    };
    auto pending = std::make_shared<int>(0);
    auto errors = std::make_shared<QStringList>();
    for (const auto &[name, config] : connectors) {
        if (existing.contains(name))
            continue;
        ++*pending;
        m_client->createConnector(name, config).then(this, [this, pending, errors, name](const RestReply &reply) {
            if (!reply.ok())
                errors->append(QStringLiteral("%1: %2").arg(name, reply.describe()));
            if (--*pending > 0)
                return;
            m_feeder.start();
            if (errors->isEmpty())
                emit installed();
            else
                emit failed(errors->join(QLatin1Char('\n')));
        });
    }
    if (*pending == 0) {
        m_feeder.start();
        emit installed();
    }
}

void DemoPipeline::feed()
{
    append(path(QStringLiteral("lines.txt")), textLine(m_sequence) + QLatin1Char('\n'));
    append(path(QStringLiteral("orders.jsonl")), orderLine(m_sequence) + QLatin1Char('\n'));
    ++m_sequence;
}

} // namespace ConnectDesk::Client
