// SPDX-License-Identifier: Apache-2.0
#include "extractfield.h"

#include "requirements.h"
#include "transformkeys.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"

namespace ConnectDesk::Transforms {

namespace {

const QString Purpose = QStringLiteral("field extraction");
const QString FieldKey = QStringLiteral("field");

} // namespace

Api::ConfigDef ExtractField::config() const
{
    Api::ConfigDef def;
    def.define({.name = FieldKey,
                .type = Api::ConfigDef::Type::String,
                .defaultValue = std::nullopt,
                .importance = Api::ConfigDef::Importance::Medium,
                .documentation = QStringLiteral("The field that replaces the whole key or value.")})
        .define(replaceNullWithDefaultKey());
    appendFieldSyntaxVersionConfig(def);
    return def;
}

void ExtractField::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(this->config(), configs);
    m_originalPath = config.getString(FieldKey);
    m_fieldPath.emplace(m_originalPath, fieldSyntaxVersionFromConfig(config));
    m_replaceNullWithDefault = config.getBoolean(QString::fromLatin1(ReplaceNullWithDefault));
}

bool ExtractField::apply(Api::ConnectRecord &record)
{
    Q_ASSERT(m_fieldPath); // configure() comes first
    const Api::Schema schema = operatingSchema(record, m_side);
    const Api::Value &value = operatingValue(record, m_side);
    if (schema.isNull()) {
        const Api::ValueMap *map = requireMapOrNull(value, Purpose);
        Api::Value extracted = map ? m_fieldPath->valueFrom(map) : Api::Value();
        setOperating(record, m_side, Api::Schema(), std::move(extracted));
        return true;
    }

    const Api::StructPtr *structValue = requireStructOrNull(value, Purpose);
    const Api::Field field = m_fieldPath->fieldFrom(schema);
    if (!field.isValid())
        throw Api::IllegalArgumentException(QStringLiteral("Unknown field: ") + m_originalPath);
    Api::Value extracted
        = structValue ? m_fieldPath->valueFrom(structValue->get(), m_replaceNullWithDefault)
                      : Api::Value();
    setOperating(record, m_side, field.schema(), std::move(extracted));
    return true;
}

} // namespace ConnectDesk::Transforms
