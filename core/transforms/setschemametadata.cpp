// SPDX-License-Identifier: Apache-2.0
#include "setschemametadata.h"

#include "requirements.h"
#include "schemautil.h"
#include "transformkeys.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"

namespace ConnectDesk::Transforms {

namespace {
const QString SchemaNameKey = QStringLiteral("schema.name");
const QString SchemaVersionKey = QStringLiteral("schema.version");
} // namespace

Api::ConfigDef SetSchemaMetadata::config() const
{
    using Def = Api::ConfigDef;
    Def def;
    def.define(SchemaNameKey, Def::Type::String, QVariant(), Def::Importance::High,
               QStringLiteral("Name to give the schema; unset keeps the current name."));
    def.define(SchemaVersionKey, Def::Type::Int, QVariant(), Def::Importance::High,
               QStringLiteral("Version to give the schema; unset keeps the current version."));
    def.define(replaceNullWithDefaultKey());
    return def;
}

void SetSchemaMetadata::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig parsed(config(), configs);
    m_schemaName = parsed.getString(SchemaNameKey);
    const QVariant version = parsed.get(SchemaVersionKey);
    m_schemaVersion = version.isValid() && !version.isNull() ? std::optional<int>(version.toInt()) : std::nullopt;
    m_replaceNullWithDefault = parsed.getBoolean(QString::fromLatin1(ReplaceNullWithDefault));
    if (m_schemaName.isNull() && !m_schemaVersion)
        throw Api::ConfigException(QStringLiteral("Neither schema name nor version configured"));
}

bool SetSchemaMetadata::apply(Api::ConnectRecord &record)
{
    const Api::Value &value = operatingValue(record, m_side);
    const Api::Schema &schema = operatingSchema(record, m_side);
    if (value.isNull() && schema.isNull())
        return true;
    requireSchema(schema, QStringLiteral("updating schema metadata"));
    // Kafka copies schema.fields() into the new schema unconditionally, and that call throws
    // for every type but STRUCT; we fail the same way rather than accept what Kafka rejects.
    if (schema.type() != Api::SchemaType::Struct)
        throw Api::DataException(QStringLiteral("Cannot list fields on non-struct type"));
    Api::SchemaBuilder builder = Api::SchemaBuilder::from(schema);
    if (!m_schemaName.isNull())
        builder.name(m_schemaName);
    if (m_schemaVersion)
        builder.version(*m_schemaVersion);
    const Api::Schema updatedSchema = builder.build();
    Api::Value updatedValue = updateSchemaIn(value, updatedSchema);
    setOperating(record, m_side, updatedSchema, std::move(updatedValue));
    return true;
}

Api::Value SetSchemaMetadata::updateSchemaIn(const Api::Value &keyOrValue, const Api::Schema &updatedSchema) const
{
    if (keyOrValue.kind() != Api::Value::Kind::Struct)
        return keyOrValue;
    const Api::Struct &original = *keyOrValue.toStruct();
    auto updated = Api::Struct::create(updatedSchema);
    // The renamed schema has the original's fields, so the slots line up by index.
    for (const Api::Field &field : updatedSchema.fields())
        updated->put(field, fieldValue(original, field, m_replaceNullWithDefault));
    return Api::Value(updated);
}

} // namespace ConnectDesk::Transforms
