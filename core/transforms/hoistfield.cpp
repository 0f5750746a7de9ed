// SPDX-License-Identifier: Apache-2.0
#include "hoistfield.h"

#include "core/api/struct.h"

namespace ConnectDesk::Transforms {

namespace {

const QString FieldKey = QStringLiteral("field");

} // namespace

Api::ConfigDef HoistField::config() const
{
    Api::ConfigDef def;
    def.define(
        {.name = FieldKey,
         .type = Api::ConfigDef::Type::String,
         .defaultValue = std::nullopt,
         .importance = Api::ConfigDef::Importance::Medium,
         .documentation = QStringLiteral("Name of the one field of the wrapping Struct or map.")});
    return def;
}

void HoistField::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(this->config(), configs);
    m_fieldName = config.getString(FieldKey);
    m_schemaUpdateCache = SchemaCache();
}

bool HoistField::apply(Api::ConnectRecord &record)
{
    const Api::Schema schema = operatingSchema(record, m_side);
    Api::Value value = operatingValue(record, m_side);
    if (schema.isNull()) {
        Api::ValueMap wrapped;
        wrapped.emplace_back(Api::Value(m_fieldName), std::move(value));
        setOperating(record, m_side, Api::Schema(), Api::Value(std::move(wrapped)));
        return true;
    }

    Api::Schema updatedSchema = m_schemaUpdateCache.get(schema);
    if (updatedSchema.isNull()) {
        updatedSchema = Api::SchemaBuilder::structBuilder().field(m_fieldName, schema).build();
        m_schemaUpdateCache.put(schema, updatedSchema);
    }
    auto wrapped = Api::Struct::create(updatedSchema);
    wrapped->put(updatedSchema.fields().first(), value);
    setOperating(record, m_side, updatedSchema, Api::Value(wrapped));
    return true;
}

void HoistField::close()
{
    m_schemaUpdateCache = SchemaCache();
}

} // namespace ConnectDesk::Transforms
