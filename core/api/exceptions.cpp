// SPDX-License-Identifier: Apache-2.0
#include "exceptions.h"

#include <stdexcept>
#include <typeinfo>

namespace ConnectDesk::Api {

ConnectException::ConnectException(const QString &message)
    : m_message(message)
    , m_utf8(message.toUtf8())
{}

ConnectException::ConnectException(const QString &message, const std::exception &cause)
    : m_message(message)
    , m_cause(exceptionClassName(cause) + QStringLiteral(": ") + exceptionMessage(cause))
    , m_utf8(message.toUtf8())
{}

ConnectException::~ConnectException() = default;

QString ConnectException::javaClassName() const
{
    return QStringLiteral("org.apache.kafka.connect.errors.ConnectException");
}

QString RetriableException::javaClassName() const
{
    return QStringLiteral("org.apache.kafka.connect.errors.RetriableException");
}

QString DataException::javaClassName() const
{
    return QStringLiteral("org.apache.kafka.connect.errors.DataException");
}

QString SchemaBuilderException::javaClassName() const
{
    return QStringLiteral("org.apache.kafka.connect.errors.SchemaBuilderException");
}

QString IllegalArgumentException::javaClassName() const
{
    return QStringLiteral("java.lang.IllegalArgumentException");
}

ConfigException::ConfigException(const QString &message)
    : ConnectException(message)
{}

ConfigException::ConfigException(const QString &name, const QString &value, const QString &reason)
    : ConnectException(QStringLiteral("Invalid value %1 for configuration %2%3")
                           .arg(value, name,
                                reason.isEmpty() ? QString() : QStringLiteral(": ") + reason))
{}

QString ConfigException::javaClassName() const
{
    return QStringLiteral("org.apache.kafka.common.config.ConfigException");
}

QString NotFoundException::javaClassName() const
{
    return QStringLiteral("org.apache.kafka.connect.errors.NotFoundException");
}

QString AlreadyExistsException::javaClassName() const
{
    return QStringLiteral("org.apache.kafka.connect.errors.AlreadyExistsException");
}

QString UnsupportedOperationException::javaClassName() const
{
    return QStringLiteral("java.lang.UnsupportedOperationException");
}

QString exceptionClassName(const std::exception &e)
{
    if (const auto *ce = dynamic_cast<const ConnectException *>(&e))
        return ce->javaClassName();
    if (dynamic_cast<const std::bad_alloc *>(&e))
        return QStringLiteral("java.lang.OutOfMemoryError");
    if (dynamic_cast<const std::invalid_argument *>(&e) || dynamic_cast<const std::out_of_range *>(&e))
        return QStringLiteral("java.lang.IllegalArgumentException");
    return QStringLiteral("java.lang.RuntimeException");
}

QString exceptionMessage(const std::exception &e)
{
    if (const auto *ce = dynamic_cast<const ConnectException *>(&e))
        return ce->message();
    return QString::fromUtf8(e.what());
}

QString exceptionTrace(const std::exception &e, const QString &context)
{
    QString trace = exceptionClassName(e);
    const QString message = exceptionMessage(e);
    if (!message.isEmpty())
        trace += QStringLiteral(": ") + message;
    if (!context.isEmpty())
        trace += QStringLiteral("\n\tat ") + context;
    if (const auto *ce = dynamic_cast<const ConnectException *>(&e); ce && !ce->causeText().isEmpty())
        trace += QStringLiteral("\nCaused by: ") + ce->causeText();
    return trace;
}

} // namespace ConnectDesk::Api
