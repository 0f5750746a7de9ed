// SPDX-License-Identifier: Apache-2.0
#include "errorhandler.h"

#include "deadletterqueue.h"
#include "logging.h"

#include "core/api/exceptions.h"
#include "core/kafka/kafkamessage.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>

#include <limits>

namespace ConnectDesk::Runtime {

QString errorStageName(ErrorStage stage)
{
    switch (stage) {
    case ErrorStage::TaskPoll:
        return QStringLiteral("TASK_POLL");
    case ErrorStage::TaskPut:
        return QStringLiteral("TASK_PUT");
    case ErrorStage::Transformation:
        return QStringLiteral("TRANSFORMATION");
    case ErrorStage::KeyConverter:
        return QStringLiteral("KEY_CONVERTER");
    case ErrorStage::ValueConverter:
        return QStringLiteral("VALUE_CONVERTER");
    case ErrorStage::HeaderConverter:
        return QStringLiteral("HEADER_CONVERTER");
    case ErrorStage::KafkaProduce:
        return QStringLiteral("KAFKA_PRODUCE");
    case ErrorStage::KafkaConsume:
        return QStringLiteral("KAFKA_CONSUME");
    }
    return {};
}

ErrorHandler::ErrorHandler(const Api::ConfigMap &config, QString connector, int task,
                           const std::atomic_bool *stopping)
    : m_connector(std::move(connector))
    , m_task(task)
    , m_stopping(stopping)
{
    // The connector config was validated before the task started; fall back to defaults.
    m_retryTimeoutMs = config.value(QStringLiteral("errors.retry.timeout"), QStringLiteral("0")).trimmed().toLongLong();
    m_retryDelayMaxMs = config.value(QStringLiteral("errors.retry.delay.max.ms"), QStringLiteral("60000"))
                            .trimmed()
                            .toLongLong();
    m_tolerateAll = config.value(QStringLiteral("errors.tolerance")).trimmed().compare(QLatin1String("all"), Qt::CaseInsensitive) == 0;
    m_logEnabled = config.value(QStringLiteral("errors.log.enable")).trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    m_logIncludeMessages = config.value(QStringLiteral("errors.log.include.messages"))
                               .trimmed()
                               .compare(QLatin1String("true"), Qt::CaseInsensitive)
                           == 0;
}

bool ErrorHandler::handleFailure(ErrorStage stage, const QString &className,
                                 const Api::ConnectRecord *record, std::exception_ptr failure,
                                 const std::function<void()> &retry)
{
    QElapsedTimer elapsed;
    elapsed.start();
    for (int attempt = 1;; ++attempt) {
        try {
            if (failure) {
                std::exception_ptr current = failure;
                failure = nullptr;
                std::rethrow_exception(current);
            }
            retry();
            return true;
        } catch (const Api::RetriableException &e) {
            ++m_failures;
            const bool retryForever = m_retryTimeoutMs < 0;
            const qint64 remaining = retryForever ? std::numeric_limits<qint64>::max()
                                                  : m_retryTimeoutMs - elapsed.elapsed();
            if (remaining <= 0 || (m_stopping && m_stopping->load())) {
                // Kafka skips a record whose retries ran out, whatever errors.tolerance says.
                report(stage, className, record, e);
                ++m_skipped;
                return false;
            }
            qint64 delay = 300LL << std::min(attempt - 1, 20);
            if (delay > m_retryDelayMaxMs)
                delay = QRandomGenerator::global()->bounded(std::max<qint64>(m_retryDelayMaxMs, 1));
            delay = std::min(delay, remaining);
            for (qint64 slept = 0; slept < delay && !(m_stopping && m_stopping->load()); slept += 50)
                QThread::msleep(quint64(std::min<qint64>(50, delay - slept)));
        } catch (const std::exception &e) {
            ++m_failures;
            report(stage, className, record, e);
            if (!m_tolerateAll)
                throw Api::ConnectException(QStringLiteral("Tolerance exceeded in error handler"), e);
            ++m_skipped;
            return false;
        }
    }
}

void ErrorHandler::reportFailed(ErrorStage stage, const QString &className, const Kafka::Message &original,
                                const std::exception &error)
{
    const Kafka::Message *previous = m_consumed;
    m_consumed = &original;
    ++m_failures;
    report(stage, className, nullptr, error);
    m_consumed = previous;
    if (!m_tolerateAll)
        throw Api::ConnectException(QStringLiteral("Tolerance exceeded in error handler"), error);
    ++m_skipped;
}

namespace {

// Kafka's TimestampType names.
QString timestampTypeName(int type)
{
    return type == 1 ? QStringLiteral("CreateTime") : QStringLiteral("LogAppendTime");
}

} // namespace

void ErrorHandler::report(ErrorStage stage, const QString &className,
                          const Api::ConnectRecord *record, const std::exception &error)
{
    if (m_deadLetterQueue && m_consumed)
        m_deadLetterQueue->report(*m_consumed, stage, className, error);
    if (!m_logEnabled)
        return;
    QString message = QStringLiteral("Error encountered in task %1-%2. Executing stage '%3' with class '%4'")
                          .arg(m_connector)
                          .arg(m_task)
                          .arg(errorStageName(stage), className);
    if (m_logIncludeMessages) {
        if (m_consumed) {
            message += QStringLiteral(", where consumed record is {topic='%1', partition=%2, offset=%3")
                           .arg(m_consumed->topic)
                           .arg(m_consumed->partition)
                           .arg(m_consumed->offset);
            if (m_consumed->timestampType == 1 || m_consumed->timestampType == 2)
                message += QStringLiteral(", timestamp=%1, timestampType=%2")
                               .arg(m_consumed->timestamp)
                               .arg(timestampTypeName(m_consumed->timestampType));
            message += QLatin1Char('}');
        } else if (record) {
            message += QStringLiteral(", where source record is = ") + record->toString();
        }
    }
    qCCritical(lcRuntime).noquote() << message + QLatin1Char('.') << Api::exceptionTrace(error);
}

} // namespace ConnectDesk::Runtime
