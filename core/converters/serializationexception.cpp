// SPDX-License-Identifier: Apache-2.0
#include "serializationexception.h"

namespace ConnectDesk::Converters {

QString SerializationException::javaClassName() const
{
    return QStringLiteral("org.apache.kafka.common.errors.SerializationException");
}

} // namespace ConnectDesk::Converters
