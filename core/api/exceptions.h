// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connectdeskapi_global.h"

#include <QByteArray>
#include <QString>

#include <exception>
#include <memory>

namespace ConnectDesk::Api {

/**
 * Base of every exception of the plugin SDK, mirroring Kafka Connect's
 * `org.apache.kafka.connect.errors.ConnectException`. Plugin code reports failures by throwing
 * these; the runtime catches them at the task boundary, so none reaches an event loop.
 *
 * javaClassName() is the Kafka class the exception stands for; it is what status traces and
 * the dead-letter queue's `__connect.errors.exception.class.name` header show.
 */
class CONNECTDESK_API_EXPORT ConnectException : public std::exception
{
public:
    explicit ConnectException(const QString &message);
    ConnectException(const QString &message, const std::exception &cause);
    ~ConnectException() override;

    const char *what() const noexcept override { return m_utf8.constData(); }
    const QString &message() const { return m_message; }
    /** "<message>" of the cause, or empty. */
    const QString &causeText() const { return m_cause; }
    virtual QString javaClassName() const;

private:
    QString m_message;
    QString m_cause;
    QByteArray m_utf8;
};

/** A failure that may succeed if retried (`RetriableException`). */
class CONNECTDESK_API_EXPORT RetriableException : public ConnectException
{
public:
    using ConnectException::ConnectException;
    QString javaClassName() const override;
};

/** Bad data: conversion or schema mismatch (`DataException`). */
class CONNECTDESK_API_EXPORT DataException : public ConnectException
{
public:
    using ConnectException::ConnectException;
    QString javaClassName() const override;
};

/** A bad schema built with SchemaBuilder (`SchemaBuilderException`). */
class CONNECTDESK_API_EXPORT SchemaBuilderException : public DataException
{
public:
    using DataException::DataException;
    QString javaClassName() const override;
};

/** Java's `IllegalArgumentException`, thrown by a few SMTs for invalid field names etc. */
class CONNECTDESK_API_EXPORT IllegalArgumentException : public ConnectException
{
public:
    using ConnectException::ConnectException;
    QString javaClassName() const override;
};

/** A bad configuration (`org.apache.kafka.common.config.ConfigException`). Its message follows
 *  Kafka's: `Invalid value V for configuration k: reason`. */
class CONNECTDESK_API_EXPORT ConfigException : public ConnectException
{
public:
    explicit ConfigException(const QString &message);
    ConfigException(const QString &name, const QString &value, const QString &reason);
    QString javaClassName() const override;
};

/** Something that was looked up does not exist (`NotFoundException`). */
class CONNECTDESK_API_EXPORT NotFoundException : public ConnectException
{
public:
    using ConnectException::ConnectException;
    QString javaClassName() const override;
};

/** Something being created already exists (`AlreadyExistsException`). */
class CONNECTDESK_API_EXPORT AlreadyExistsException : public ConnectException
{
public:
    using ConnectException::ConnectException;
    QString javaClassName() const override;
};

/** Java's `UnsupportedOperationException` (e.g. alterOffsets not supported). */
class CONNECTDESK_API_EXPORT UnsupportedOperationException : public ConnectException
{
public:
    using ConnectException::ConnectException;
    QString javaClassName() const override;
};

/** Kafka class name and message of any exception ("java.lang.RuntimeException" for foreign
 *  std::exceptions). */
CONNECTDESK_API_EXPORT QString exceptionClassName(const std::exception &e);
CONNECTDESK_API_EXPORT QString exceptionMessage(const std::exception &e);
/** The trace text shown in status and DLQ headers: `Class: message` plus a context line per
 *  frame we know (`\tat <context>`), Java-style. */
CONNECTDESK_API_EXPORT QString exceptionTrace(const std::exception &e, const QString &context = {});

} // namespace ConnectDesk::Api
