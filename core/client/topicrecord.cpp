// SPDX-License-Identifier: Apache-2.0
#include "topicrecord.h"

#include "core/kafka/kafkamessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace ConnectDesk::Client {

TopicRecord TopicRecord::fromMessage(const Kafka::Message &message)
{
    TopicRecord record;
    record.topic = message.topic;
    record.partition = message.partition;
    record.offset = message.offset;
    record.timestamp = message.timestamp;
    record.key = message.key;
    record.value = message.value;
    record.headers = message.headers;
    return record;
}

namespace {

const QString ErrorsPrefix = QStringLiteral("__connect.errors.");

QJsonValue bytesJson(const QByteArray &bytes)
{
    if (bytes.isNull())
        return QJsonValue::Null;
    if (isText(bytes))
        return QString::fromUtf8(bytes);
    return QJsonObject{{QStringLiteral("base64"), QString::fromLatin1(bytes.toBase64())}};
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return false;
    // Control characters other than white space mean binary, even when valid UTF-8.
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\r') && c != QLatin1Char('\t'))
            return false;
    }
    return true;
}

QString hexDump(const QByteArray &bytes)
{
    QString out;
    for (qsizetype row = 0; row < bytes.size(); row += 16) {
        const QByteArray chunk = bytes.mid(row, 16);
        QString ascii;
        out += QStringLiteral("%1  ").arg(row, 8, 16, QLatin1Char('0'));
        for (int i = 0; i < 16; ++i) {
            if (i < chunk.size()) {
                const auto byte = static_cast<unsigned char>(chunk[i]);
                out += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                ascii += byte >= 0x20 && byte < 0x7f ? QChar(byte) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    return out;
}

} // namespace

std::optional<QByteArray> TopicRecord::header(const QString &name) const
{
    for (const auto &[headerName, value] : headers) {
        if (headerName == name)
            return value;
    }
    return std::nullopt;
}

QJsonObject TopicRecord::toJson() const
{
    QJsonArray headerArray;
    for (const auto &[name, value] : headers)
        headerArray.append(QJsonObject{{QStringLiteral("key"), name}, {QStringLiteral("value"), bytesJson(value)}});
    QJsonObject json{{QStringLiteral("topic"), topic},
                     {QStringLiteral("partition"), partition},
                     {QStringLiteral("offset"), offset},
                     {QStringLiteral("timestamp"), timestamp},
                     {QStringLiteral("key"), bytesJson(key)},
                     {QStringLiteral("value"), bytesJson(value)},
                     {QStringLiteral("headers"), headerArray}};
    return json;
}

bool isText(const QByteArray &bytes)
{
    return !bytes.isNull() && isUtf8(bytes);
}

QString displayBytes(const QByteArray &bytes)
{
    if (bytes.isNull())
        return QStringLiteral("null");
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        if (error.error == QJsonParseError::NoError)
            return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
    }
    return isUtf8(bytes) ? QString::fromUtf8(bytes) : hexDump(bytes);
}

DeadLetterContext DeadLetterContext::fromRecord(const TopicRecord &record)
{
    DeadLetterContext context;
    auto text = [&](const char *suffix) {
        const std::optional<QByteArray> value = record.header(ErrorsPrefix + QLatin1String(suffix));
        if (value)
            context.present = true;
        return value ? QString::fromUtf8(*value) : QString();
    };
    context.topic = text("topic");
    bool ok = false;
    const int partition = text("partition").toInt(&ok);
    context.partition = ok ? partition : -1;
    const qint64 offset = text("offset").toLongLong(&ok);
    context.offset = ok ? offset : -1;
    context.connector = text("connector.name");
    const int task = text("task.id").toInt(&ok);
    context.taskId = ok ? task : -1;
    context.stage = text("stage");
    context.className = text("class.name");
    context.exceptionClass = text("exception.class.name");
    context.exceptionMessage = text("exception.message");
    context.stackTrace = text("exception.stacktrace");
    return context;
}

QJsonObject DeadLetterContext::toJson() const
{
    return QJsonObject{{QStringLiteral("topic"), topic},
                       {QStringLiteral("partition"), partition},
                       {QStringLiteral("offset"), offset},
                       {QStringLiteral("connector"), connector},
                       {QStringLiteral("task"), taskId},
                       {QStringLiteral("stage"), stage},
                       {QStringLiteral("class"), className},
                       {QStringLiteral("exception_class"), exceptionClass},
                       {QStringLiteral("exception_message"), exceptionMessage},
                       {QStringLiteral("stacktrace"), stackTrace}};
}

} // namespace ConnectDesk::Client
