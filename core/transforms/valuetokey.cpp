// SPDX-License-Identifier: Apache-2.0
#include "valuetokey.h"

#include "nonemptylistvalidator.h"
#include "requirements.h"
#include "schemalessmap.h"
#include "schemautil.h"
#include "transformkeys.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"

namespace ConnectDesk::Transforms {

namespace {

const QString Purpose = QStringLiteral("copying fields from value to key");
const QString Fields = QStringLiteral("fields");

} // namespace

Api::ConfigDef ValueToKey::config() const
{
    Api::ConfigDef def;
    def.define({.name = Fields,
                .type = Api::ConfigDef::Type::List,
                .defaultValue = std::nullopt,
                .validator = nonEmptyListValidator(),
                .importance = Api::ConfigDef::Importance::High,
                .documentation
                = QStringLiteral("The value fields copied into the new key, in this order.")})
        .define(replaceNullWithDefaultKey());
    return def;
}

void ValueToKey::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(this->config(), configs);
    m_fields = config.getList(Fields);
    m_replaceNullWithDefault = config.getBoolean(QString::fromLatin1(ReplaceNullWithDefault));
    m_keySchemaCache = SchemaCache();
}

Api::Schema ValueToKey::keySchemaFor(const Api::Schema &valueSchema)
{
    Api::Schema keySchema = m_keySchemaCache.get(valueSchema);
    if (!keySchema.isNull())
        return keySchema;
    Api::SchemaBuilder builder = Api::SchemaBuilder::structBuilder();
    for (const QString &name : m_fields) {
        const Api::Field field = valueSchema.field(name);
        if (!field.isValid())
            throw Api::DataException(QStringLiteral("Field does not exist: ") + name);
        builder.field(name, field.schema());
    }
    keySchema = builder.build();
    m_keySchemaCache.put(valueSchema, keySchema);
    return keySchema;
}

bool ValueToKey::apply(Api::ConnectRecord &record)
{
    if (record.valueSchema.isNull()) {
        const Api::ValueMap &value = requireMap(record.value, Purpose);
        Api::ValueMap key;
        key.reserve(size_t(m_fields.size()));
        for (const QString &field : m_fields)
            putStringKey(key, field, stringKeyValue(value, field));
        record.keySchema = Api::Schema();
        record.key = Api::Value(std::move(key));
        return true;
    }

    const Api::StructPtr value = requireStruct(record.value, Purpose);
    const Api::Schema keySchema = keySchemaFor(value->schema());
    auto key = Api::Struct::create(keySchema);
    for (const QString &field : m_fields)
        key->put(field, fieldValue(*value, field, m_replaceNullWithDefault));
    record.keySchema = keySchema;
    record.key = Api::Value(key);
    // Kafka hands the struct's own schema on as the value schema.
    record.valueSchema = value->schema();
    return true;
}

void ValueToKey::close()
{
    m_keySchemaCache = SchemaCache();
}

} // namespace ConnectDesk::Transforms
