// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/converter.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace ConnectDesk::Converters {

class JsonValue;

/**
 * Kafka's `org.apache.kafka.connect.json.JsonConverter`, as a Converter and a HeaderConverter:
 * Connect data ↔ UTF-8 JSON, byte-identical to Kafka's output.
 *
 * With `schemas.enable=true` (default) a record is the envelope `{"schema":…,"payload":…}`;
 * otherwise just the payload, whose type is inferred on read. Null schema and value become null
 * bytes (a tombstone) and back. Integers stay exact (no trip through double); decimals are
 * written as base64 of the unscaled bytes or as JSON numbers (`decimal.format`) and read in
 * either form.
 *
 * Configs: `converter.type` (set by configure(configs, isKey)), `schemas.enable`,
 * `schemas.cache.size`, `decimal.format` (BASE64|NUMERIC, case-insensitive),
 * `replace.null.with.default`. Usable with defaults (value converter) before configure().
 *
 * Errors: DataException with Kafka's messages; unparseable bytes give "Converting byte[] to
 * Kafka Connect data failed due to serialization error: " with the parse error as cause.
 *
 * Thread affinity: one instance per task thread (the schema caches are not synchronized).
 */
class JsonConverter : public Api::Converter, public Api::HeaderConverter
{
public:
    static constexpr char ClassName[] = "org.apache.kafka.connect.json.JsonConverter";
    static constexpr char SchemasEnableConfig[] = "schemas.enable";
    static constexpr char SchemasCacheSizeConfig[] = "schemas.cache.size";
    static constexpr char DecimalFormatConfig[] = "decimal.format";
    static constexpr char ReplaceNullWithDefaultConfig[] = "replace.null.with.default";

    enum class DecimalFormat { Base64, Numeric };

    JsonConverter();
    ~JsonConverter() override;

    QString version() const override;
    Api::ConfigDef config() const override;
    /** Kafka's JsonConverterConfig.configDef(). */
    static Api::ConfigDef configDef();

    void configure(const Api::ConfigMap &configs, bool isKey) override;
    /** Needs `converter.type`; throws ConfigException for missing or invalid values. */
    void configure(const Api::ConfigMap &configs) override;

    QByteArray fromConnectData(const QString &topic, const Api::Headers &headers,
                               const Api::Schema &schema, const Api::Value &value) override;
    Api::SchemaAndValue toConnectData(const QString &topic, const Api::Headers &headers,
                                      const QByteArray &bytes) override;
    QByteArray fromConnectHeader(const QString &topic, const QString &headerKey,
                                 const Api::Schema &schema, const Api::Value &value) override;
    Api::SchemaAndValue toConnectHeader(const QString &topic, const QString &headerKey,
                                        const QByteArray &bytes) override;

    /** The JSON form of a schema (Kafka's asJsonSchema); null for the null schema. */
    JsonValue asJsonSchema(const Api::Schema &schema);
    /** The schema a JSON schema describes (Kafka's asConnectSchema); DataException when it is
     *  malformed. A JSON null gives the null schema. */
    Api::Schema asConnectSchema(const JsonValue &jsonSchema);

    bool schemasEnabled() const;
    DecimalFormat decimalFormat() const;
    bool replaceNullWithDefault() const;
    int schemaCacheSize() const;
    /** Entries in the two schema caches (for tests). */
    qsizetype fromConnectSchemaCacheSize() const;
    qsizetype toConnectSchemaCacheSize() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ConnectDesk::Converters
