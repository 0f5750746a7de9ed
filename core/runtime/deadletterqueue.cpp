// SPDX-License-Identifier: Apache-2.0
#include "deadletterqueue.h"

#include "logging.h"

#include "core/api/exceptions.h"
#include "core/kafka/producer.h"

#include <QElapsedTimer>

namespace ConnectDesk::Runtime {

namespace {
constexpr int QueueFullWaitMs = 100;
constexpr int QueueFullGiveUpMs = 30000;
const QString HeaderPrefix = QStringLiteral("__connect.errors.");
} // namespace

DeadLetterQueueReporter::DeadLetterQueueReporter(Settings settings)
    : m_settings(std::move(settings))
{
    m_settings.topic = m_settings.topic.trimmed();
}

DeadLetterQueueReporter::~DeadLetterQueueReporter() = default;

Util::Error DeadLetterQueueReporter::start()
{
    const QString failure = QStringLiteral("Could not initialize dead letter queue with topic=%1").arg(m_settings.topic);
    if (m_settings.ensureTopic) {
        if (const Util::Error error = m_settings.ensureTopic(m_settings.topic, m_settings.replicationFactor))
            return Util::Error{failure + QStringLiteral(": ") + error.message};
    }
    auto producer = Kafka::Producer::create(m_settings.producerProps, [this](const Kafka::DeliveryReport &report) {
        if (report.errorCode == 0) {
            ++m_written;
            return;
        }
        ++m_failed;
        qCCritical(lcRuntime).noquote() << "Could not produce message to dead letter queue. topic=" + m_settings.topic
                                        << report.errorMessage;
    });
    if (!producer)
        return Util::Error{failure + QStringLiteral(": ") + producer.error().message};
    m_producer = producer.takeValue();
    return {};
}

Kafka::RawHeaders DeadLetterQueueReporter::contextHeaders(const Kafka::Message &original, const QString &connector,
                                                          int task, ErrorStage stage, const QString &className,
                                                          const std::exception &error)
{
    auto utf8 = [](const QString &text) { return text.isNull() ? QByteArray() : text.toUtf8(); };
    const QString message = Api::exceptionMessage(error);
    return {
        {HeaderPrefix + QStringLiteral("topic"), utf8(original.topic)},
        {HeaderPrefix + QStringLiteral("partition"), QByteArray::number(original.partition)},
        {HeaderPrefix + QStringLiteral("offset"), QByteArray::number(original.offset)},
        {HeaderPrefix + QStringLiteral("connector.name"), utf8(connector)},
        {HeaderPrefix + QStringLiteral("task.id"), QByteArray::number(task)},
        {HeaderPrefix + QStringLiteral("stage"), utf8(errorStageName(stage))},
        {HeaderPrefix + QStringLiteral("class.name"), utf8(className)},
        {HeaderPrefix + QStringLiteral("exception.class.name"), utf8(Api::exceptionClassName(error))},
        // Java's getMessage() may be null; ours is empty then, and the header has no value.
        {HeaderPrefix + QStringLiteral("exception.message"), message.isEmpty() ? QByteArray() : message.toUtf8()},
        {HeaderPrefix + QStringLiteral("exception.stacktrace"), utf8(Api::exceptionTrace(error))},
    };
}

void DeadLetterQueueReporter::report(const Kafka::Message &original, ErrorStage stage, const QString &className,
                                     const std::exception &error)
{
    if (!m_producer)
        return;
    Kafka::RawHeaders headers = original.headers;
    if (m_settings.contextHeaders)
        headers += contextHeaders(original, m_settings.connector, m_settings.task, stage, className, error);
    const std::optional<qint64> timestamp = original.timestamp >= 0 ? std::optional<qint64>(original.timestamp)
                                                                    : std::nullopt;
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const Util::Error error = m_producer->produce(m_settings.topic, -1, original.key, original.value, headers,
                                                      timestamp);
        if (!error)
            break;
        if (!error.retriable || waited.elapsed() > QueueFullGiveUpMs) {
            ++m_failed;
            qCCritical(lcRuntime).noquote() << "Could not produce message to dead letter queue. topic=" + m_settings.topic
                                            << error.message;
            return;
        }
        m_producer->poll(QueueFullWaitMs); // the local queue is full: let deliveries drain it
    }
    m_producer->poll(0);
}

bool DeadLetterQueueReporter::flush(int timeoutMs)
{
    if (!m_producer || m_producer->outstanding() == 0)
        return true;
    (void)m_producer->flush(timeoutMs);
    return m_producer->outstanding() == 0;
}

} // namespace ConnectDesk::Runtime
