// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/exceptions.h"
#include "core/api/value.h"

#include <QString>

namespace ConnectDesk::Converters::Internal {

/** What `value.getClass()` prints in Java for the value's kind, e.g. "class java.lang.Integer",
 *  "class [B" — used in error messages that Kafka builds that way. */
QString javaClassText(const Api::Value &value);

/** Java's `ClassCastException`, the cause Kafka attaches when a value has the wrong type. */
class ClassCastException : public Api::ConnectException
{
public:
    using Api::ConnectException::ConnectException;
    QString javaClassName() const override;
};

} // namespace ConnectDesk::Converters::Internal
