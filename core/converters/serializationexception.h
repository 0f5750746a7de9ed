// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/exceptions.h"

namespace ConnectDesk::Converters {

/**
 * Kafka's `org.apache.kafka.common.errors.SerializationException`: a (de)serializer failed.
 * Converters wrap it in a DataException as its cause, like Kafka does, and throw it directly
 * for an unsupported `converter.encoding`.
 */
class SerializationException : public Api::ConnectException
{
public:
    using Api::ConnectException::ConnectException;
    QString javaClassName() const override;
};

} // namespace ConnectDesk::Converters
