// SPDX-License-Identifier: Apache-2.0
// dlq: a connector's dead-letter queue, with the __connect.errors.* headers decoded.
#include "command.h"
#include "ctlsession.h"
#include "stopsignal.h"
#include "textformat.h"

#include "core/client/topicbrowser.h"
#include "core/client/topictail.h"

#include <QJsonDocument>

#include <algorithm>

namespace ConnectDesk::Cli {

namespace {

using Client::DeadLetterContext;
using Client::TopicRecord;

const QString dlqTopicKey = QStringLiteral("errors.deadletterqueue.topic.name");

QJsonObject recordJson(const TopicRecord &record)
{
    QJsonObject json = record.toJson();
    json.insert(QStringLiteral("error"), DeadLetterContext::fromRecord(record).toJson());
    return json;
}

/** Bytes for one line of a block: text as it is (long text elided), else the hex dump. */
QString bytesLine(const QByteArray &bytes)
{
    if (bytes.isNull())
        return QStringLiteral("null");
    if (Client::isText(bytes))
        return elide(QString::fromUtf8(bytes), 200);
    return elide(Client::displayBytes(bytes), 200);
}

void printRecord(Output &out, const TopicRecord &record)
{
    const DeadLetterContext context = DeadLetterContext::fromRecord(record);
    out.line(QStringLiteral("%1[%2]@%3  %4")
                 .arg(record.topic)
                 .arg(record.partition)
                 .arg(record.offset)
                 .arg(record.timestamp >= 0 ? timestampText(record.timestamp) : QStringLiteral("no timestamp")));
    QList<QPair<QString, QString>> fields;
    if (context.present) {
        fields.append({QStringLiteral("origin"), QStringLiteral("%1[%2]@%3").arg(context.topic).arg(context.partition).arg(context.offset)});
        fields.append({QStringLiteral("connector"), QStringLiteral("%1, task %2").arg(context.connector).arg(context.taskId)});
        fields.append({QStringLiteral("failed in"), QStringLiteral("%1 %2").arg(context.stage, context.className).trimmed()});
        fields.append({QStringLiteral("exception"), elide(QStringLiteral("%1: %2").arg(context.exceptionClass, firstLine(context.exceptionMessage)), 200)});
        // Converters wrap the parser's error: its "Caused by" line says what was wrong.
        const qsizetype cause = context.stackTrace.indexOf(QLatin1String("Caused by: "));
        if (cause >= 0)
            fields.append({QStringLiteral("cause"), elide(firstLine(context.stackTrace.mid(cause + 11)), 200)});
    } else {
        fields.append({QStringLiteral("error"), QStringLiteral("no __connect.errors.* headers (errors.deadletterqueue.context.headers.enable=false)")});
    }
    fields.append({QStringLiteral("key"), bytesLine(record.key)});
    fields.append({QStringLiteral("value"), bytesLine(record.value)});
    out.text(indented(fieldLines(fields), 2));
    out.line();
}

/** Counts by exception class and stage, most frequent first. */
QJsonArray countsByException(const QList<TopicRecord> &records)
{
    QMap<QPair<QString, QString>, int> counts;
    for (const TopicRecord &record : records) {
        const DeadLetterContext context = DeadLetterContext::fromRecord(record);
        ++counts[{context.present ? context.exceptionClass : QStringLiteral("(no context headers)"), context.stage}];
    }
    QList<std::pair<QPair<QString, QString>, int>> sorted;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        sorted.append({it.key(), it.value()});
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    QJsonArray json;
    for (const auto &[key, count] : sorted)
        json.append(QJsonObject{{QStringLiteral("exception_class"), key.first}, {QStringLiteral("stage"), key.second},
                                {QStringLiteral("count"), count}});
    return json;
}

int positiveNumber(const Invocation &run, const QString &option, int defaultValue)
{
    if (!run.args.isSet(option))
        return defaultValue;
    bool ok = false;
    const int value = run.args.value(option).toInt(&ok);
    if (!ok || value <= 0)
        throw CliError::usage(QStringLiteral("--%1 %2: expected a positive number").arg(option, run.args.value(option)));
    return value;
}

/** Follows the topic until SIGINT/SIGTERM, printing each record as it comes. */
int follow(Invocation &run, const QMap<QString, QString> &properties, const Client::TopicSnapshot &snapshot)
{
    StopSignal stop;
    Client::TopicTail tail(properties, snapshot.topic, snapshot.endOffsets);
    run.out.note(QStringLiteral("Following %1 (Ctrl-C stops)...").arg(snapshot.topic));
    QString lastError;
    while (!stop.requested()) {
        QString error;
        const QList<TopicRecord> records = tail.poll(500, &error);
        if (!error.isEmpty() && error != lastError)
            run.out.note(QStringLiteral("connectdesk-ctl: warning: %1 (still trying)").arg(error));
        lastError = error;
        for (const TopicRecord &record : records) {
            if (run.out.structured())
                run.out.out() << QJsonDocument(recordJson(record)).toJson(QJsonDocument::Compact) << '\n';
            else
                printRecord(run.out, record);
        }
        run.out.out().flush();
        stop.check();
    }
    return ExitOk;
}

int deadLetterQueue(Invocation &run)
{
    const QString name = run.operand(0, QStringLiteral("the connector's name"));
    run.allowAtMost(1);
    const int limit = positiveNumber(run, QStringLiteral("limit"), 20);
    CtlSession &cluster = run.cluster();
    const QJsonObject config = cluster.expect(cluster.client().connectorConfig(name), QStringLiteral("connector %1").arg(name)).object();
    const QString topic = config.value(dlqTopicKey).toString();
    if (topic.isEmpty())
        throw CliError{QStringLiteral("%1 has no dead-letter queue: set %2 (with errors.tolerance=all; sink connectors only)")
                           .arg(name, dlqTopicKey),
                       ExitFailed};
    Client::ClusterProfile profile = cluster.profile();
    if (run.args.isSet(QStringLiteral("bootstrap")))
        profile.bootstrapServers = run.args.value(QStringLiteral("bootstrap"));
    if (!profile.canReadTopics())
        throw CliError::usage(QStringLiteral("the DLQ %1 is in Kafka, and the Kafka cluster is unknown: give --bootstrap HOST:PORT "
                                             "(or set --bootstrap-servers in the context)")
                                  .arg(topic));
    const QMap<QString, QString> properties = profile.kafkaClientProperties();
    const Client::TopicSnapshot snapshot = Client::TopicBrowser::readNow(properties, topic, limit, 15000);
    if (!snapshot.error.isEmpty())
        throw CliError{QStringLiteral("cannot read %1 from %2: %3").arg(topic, profile.bootstrapServers, snapshot.error), ExitUnreachable};

    QList<TopicRecord> records = snapshot.records;
    std::stable_sort(records.begin(), records.end(), [](const TopicRecord &a, const TopicRecord &b) {
        return a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.partition != b.partition ? a.partition < b.partition : a.offset < b.offset;
    });
    if (records.size() > limit)
        records = records.mid(records.size() - limit);

    const QJsonArray counts = countsByException(records);
    QJsonArray recordArray;
    for (const TopicRecord &record : std::as_const(records))
        recordArray.append(recordJson(record));
    const QJsonObject json{{QStringLiteral("connector"), name},
                           {QStringLiteral("topic"), topic},
                           {QStringLiteral("exists"), snapshot.exists},
                           {QStringLiteral("total_records"), snapshot.totalRecords},
                           {QStringLiteral("records"), recordArray},
                           {QStringLiteral("by_exception"), counts}};
    const bool tail = run.args.isSet(QStringLiteral("tail"));
    if (run.out.structured() && tail) {
        for (const QJsonValue &record : std::as_const(recordArray))
            run.out.out() << QJsonDocument(record.toObject()).toJson(QJsonDocument::Compact) << '\n';
    } else {
        run.out.show(json, [&] {
            if (records.isEmpty()) {
                run.out.line(snapshot.exists ? QStringLiteral("%1 holds no records.").arg(topic)
                                             : QStringLiteral("No records yet: %1 does not exist until the first failure.").arg(topic));
                return;
            }
            for (const TopicRecord &record : std::as_const(records))
                printRecord(run.out, record);
            run.out.line(QStringLiteral("%1 newest of %2 record(s) in %3:").arg(records.size()).arg(snapshot.totalRecords).arg(topic));
            Table table({QStringLiteral("EXCEPTION"), QStringLiteral("STAGE"), QStringLiteral("COUNT")});
            for (const QJsonValue &count : counts)
                table.addRow({count[QLatin1String("exception_class")].toString(), count[QLatin1String("stage")].toString(),
                              QString::number(count[QLatin1String("count")].toInt())});
            run.out.text(table.render());
        });
    }
    return tail ? follow(run, properties, snapshot) : ExitOk;
}

} // namespace

QList<Command> deadLetterCommands()
{
    return {
        {{QStringLiteral("dlq")}, {}, QStringLiteral("NAME [--bootstrap HOSTS] [--tail] [--limit N]"),
         QStringLiteral("a connector's dead-letter queue: each record with its decoded error headers, counts by exception"),
         {{QStringLiteral("bootstrap"), {}, QStringLiteral("HOSTS"),
           QStringLiteral("the Kafka cluster holding the DLQ (default: --bootstrap-servers or the context's)")},
          {QStringLiteral("limit"), {}, QStringLiteral("N"), QStringLiteral("the newest N records (default 20)")},
          {QStringLiteral("tail"), {}, {}, QStringLiteral("then follow new records until Ctrl-C (-o json: one line per record)")}},
         deadLetterQueue},
    };
}

} // namespace ConnectDesk::Cli
