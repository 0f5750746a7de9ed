// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "component.h"
#include "configdef.h"
#include "headers.h"
#include "schema.h"

#include <QByteArray>

namespace ConnectDesk::Api {

/**
 * Converts between Connect data and the bytes of a Kafka record key or value (Java
 * `Converter`). A null QByteArray is a null Kafka key/value (tombstone); an empty, non-null one
 * is zero bytes. Instances are used by one task thread at a time.
 */
class CONNECTDESK_API_EXPORT Converter : public Component
{
public:
    /** isKey: configured for record keys (`converter.type=key`) or values. */
    virtual void configure(const ConfigMap &configs, bool isKey) = 0;
    virtual QByteArray fromConnectData(const QString &topic, const Headers &headers,
                                       const Schema &schema, const Value &value) = 0;
    virtual SchemaAndValue toConnectData(const QString &topic, const Headers &headers,
                                         const QByteArray &bytes) = 0;
    virtual ConfigDef config() const { return {}; }
};

/** Converts single header values (Java `HeaderConverter`). */
class CONNECTDESK_API_EXPORT HeaderConverter : public Component
{
public:
    virtual void configure(const ConfigMap &configs) = 0;
    virtual SchemaAndValue toConnectHeader(const QString &topic, const QString &headerKey,
                                           const QByteArray &bytes) = 0;
    virtual QByteArray fromConnectHeader(const QString &topic, const QString &headerKey,
                                         const Schema &schema, const Value &value) = 0;
    virtual ConfigDef config() const { return {}; }
};

} // namespace ConnectDesk::Api
