// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/converter.h"

namespace ConnectDesk::Converters {

/**
 * Base of Kafka's number converters (`org.apache.kafka.connect.converters.NumberConverter`):
 * Converter and HeaderConverter for one primitive type, in the big-endian wire format of Kafka's
 * standard serializers. The schema is ignored on write; the value must be of the exact type
 * (else DataException "Failed to serialize to <type> (was <class>): "); reading checks the size
 * and returns the type's optional schema. Null ↔ null. Stateless.
 */
class NumberConverter : public Api::Converter, public Api::HeaderConverter
{
public:
    QString version() const override;
    Api::ConfigDef config() const override;
    static Api::ConfigDef configDef();

    void configure(const Api::ConfigMap &configs, bool isKey) override;
    void configure(const Api::ConfigMap &configs) override;

    QByteArray fromConnectData(const QString &topic, const Api::Headers &headers,
                               const Api::Schema &schema, const Api::Value &value) override;
    Api::SchemaAndValue toConnectData(const QString &topic, const Api::Headers &headers,
                                      const QByteArray &bytes) override;
    QByteArray fromConnectHeader(const QString &topic, const QString &headerKey,
                                 const Api::Schema &schema, const Api::Value &value) override;
    Api::SchemaAndValue toConnectHeader(const QString &topic, const QString &headerKey,
                                        const QByteArray &bytes) override;

protected:
    /** typeName: "short", "integer", ... as in Kafka's messages. */
    NumberConverter(const char *typeName, Api::Value::Kind kind, int size);

    /** The optional schema of the type. */
    virtual Api::Schema schema() const = 0;
    /** Encodes a value of the right kind. */
    virtual QByteArray serialize(const Api::Value &value) const = 0;
    /** Decodes exactly size() bytes. */
    virtual Api::Value deserialize(const QByteArray &bytes) const = 0;
    /** Kafka's deserializer message for a wrong size. */
    virtual QString sizeError() const = 0;

private:
    const char *m_typeName;
    Api::Value::Kind m_kind;
    int m_size;
};

/** `org.apache.kafka.connect.converters.ShortConverter`: INT16, 2 bytes. */
class ShortConverter : public NumberConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.converters.ShortConverter";
    ShortConverter();

protected:
    Api::Schema schema() const override;
    QByteArray serialize(const Api::Value &value) const override;
    Api::Value deserialize(const QByteArray &bytes) const override;
    QString sizeError() const override;
};

/** `org.apache.kafka.connect.converters.IntegerConverter`: INT32, 4 bytes. */
class IntegerConverter : public NumberConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.converters.IntegerConverter";
    IntegerConverter();

protected:
    Api::Schema schema() const override;
    QByteArray serialize(const Api::Value &value) const override;
    Api::Value deserialize(const QByteArray &bytes) const override;
    QString sizeError() const override;
};

/** `org.apache.kafka.connect.converters.LongConverter`: INT64, 8 bytes. */
class LongConverter : public NumberConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.converters.LongConverter";
    LongConverter();

protected:
    Api::Schema schema() const override;
    QByteArray serialize(const Api::Value &value) const override;
    Api::Value deserialize(const QByteArray &bytes) const override;
    QString sizeError() const override;
};

/** `org.apache.kafka.connect.converters.FloatConverter`: FLOAT32, 4 bytes IEEE 754. */
class FloatConverter : public NumberConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.converters.FloatConverter";
    FloatConverter();

protected:
    Api::Schema schema() const override;
    QByteArray serialize(const Api::Value &value) const override;
    Api::Value deserialize(const QByteArray &bytes) const override;
    QString sizeError() const override;
};

/** `org.apache.kafka.connect.converters.DoubleConverter`: FLOAT64, 8 bytes IEEE 754. */
class DoubleConverter : public NumberConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.converters.DoubleConverter";
    DoubleConverter();

protected:
    Api::Schema schema() const override;
    QByteArray serialize(const Api::Value &value) const override;
    Api::Value deserialize(const QByteArray &bytes) const override;
    QString sizeError() const override;
};

/**
 * `org.apache.kafka.connect.converters.BooleanConverter`: BOOLEAN as one byte 0x01/0x00. Unlike
 * the number converters it checks the schema (null or BOOLEAN). Stateless.
 */
class BooleanConverter : public Api::Converter, public Api::HeaderConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.converters.BooleanConverter";

    QString version() const override;
    Api::ConfigDef config() const override;
    static Api::ConfigDef configDef();

    void configure(const Api::ConfigMap &configs, bool isKey) override;
    void configure(const Api::ConfigMap &configs) override;

    QByteArray fromConnectData(const QString &topic, const Api::Headers &headers,
                               const Api::Schema &schema, const Api::Value &value) override;
    Api::SchemaAndValue toConnectData(const QString &topic, const Api::Headers &headers,
                                      const QByteArray &bytes) override;
    QByteArray fromConnectHeader(const QString &topic, const QString &headerKey,
                                 const Api::Schema &schema, const Api::Value &value) override;
    Api::SchemaAndValue toConnectHeader(const QString &topic, const QString &headerKey,
                                        const QByteArray &bytes) override;
};

} // namespace ConnectDesk::Converters
