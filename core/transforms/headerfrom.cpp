// SPDX-License-Identifier: Apache-2.0
#include "headerfrom.h"

#include "nonemptylistvalidator.h"
#include "requirements.h"
#include "schemautil.h"
#include "transformkeys.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"

namespace ConnectDesk::Transforms {

namespace {

const QString FieldsKey = QStringLiteral("fields");
const QString HeadersKey = QStringLiteral("headers");
const QString OperationKey = QStringLiteral("operation");
const QString MoveOperation = QStringLiteral("move");
const QString CopyOperation = QStringLiteral("copy");

} // namespace

Api::ConfigDef HeaderFrom::config() const
{
    using Def = Api::ConfigDef;
    Def def;
    def.define({.name = FieldsKey,
                .type = Def::Type::List,
                .defaultValue = std::nullopt,
                .validator = nonEmptyListValidator(),
                .importance = Def::Importance::High,
                .documentation = QStringLiteral("Fields of the key or value whose values go into headers.")});
    def.define({.name = HeadersKey,
                .type = Def::Type::List,
                .defaultValue = std::nullopt,
                .validator = nonEmptyListValidator(),
                .importance = Def::Importance::High,
                .documentation = QStringLiteral("Header names, one per entry of fields and in the same order.")});
    def.define({.name = OperationKey,
                .type = Def::Type::String,
                .defaultValue = std::nullopt,
                .validator = Def::validString({MoveOperation, CopyOperation}),
                .importance = Def::Importance::High,
                .documentation = QStringLiteral("move removes the fields from the key or value; copy keeps them.")});
    def.define(replaceNullWithDefaultKey());
    return def;
}

void HeaderFrom::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig parsed(config(), configs);
    m_fields = parsed.getList(FieldsKey);
    m_headers = parsed.getList(HeadersKey);
    if (m_headers.size() != m_fields.size()) {
        throw Api::ConfigException(QStringLiteral("'%1' config must have the same number of elements as '%2' config.")
                                       .arg(FieldsKey, HeadersKey));
    }
    m_operation = parsed.getString(OperationKey) == MoveOperation ? Operation::Move : Operation::Copy;
    m_replaceNullWithDefault = parsed.getBoolean(QString::fromLatin1(ReplaceNullWithDefault));
}

QString HeaderFrom::purpose() const
{
    return QStringLiteral("header ") + (m_operation == Operation::Move ? MoveOperation : CopyOperation);
}

bool HeaderFrom::apply(Api::ConnectRecord &record)
{
    const Api::Value value = operatingValue(record, m_side);
    const Api::Schema schema = operatingSchema(record, m_side);
    if (schema.isNull())
        applySchemaless(record, value);
    else
        applyWithSchema(record, value, schema);
    return true;
}

void HeaderFrom::applySchemaless(Api::ConnectRecord &record, const Api::Value &value)
{
    const Api::ValueMap &map = requireMap(value, purpose());
    Api::ValueMap updated = map;
    Api::Headers headers = record.headers;
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        const Api::Value fieldName(m_fields.at(i));
        if (m_operation == Operation::Move) {
            std::erase_if(updated, [&](const auto &entry) { return entry.first == fieldName; });
        }
        headers.add(m_headers.at(i), Api::Schema(), value.mapValue(m_fields.at(i)));
    }
    record.headers = std::move(headers);
    setOperating(record, m_side, Api::Schema(), Api::Value(std::move(updated)));
}

void HeaderFrom::applyWithSchema(Api::ConnectRecord &record, const Api::Value &value, const Api::Schema &schema)
{
    const Api::StructPtr &original = requireStruct(value, purpose());
    Api::Schema updatedSchema = schema;
    Api::Value updatedValue = value;
    if (m_operation == Operation::Move) {
        updatedSchema = moveSchema(schema);
        auto moved = Api::Struct::create(updatedSchema);
        for (const Api::Field &field : updatedSchema.fields())
            moved->put(field, fieldValue(*original, field.name(), m_replaceNullWithDefault));
        updatedValue = Api::Value(moved);
    }
    Api::Headers headers = record.headers;
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        const QString &fieldName = m_fields.at(i);
        const Api::Field field = schema.field(fieldName);
        if (!field.isValid()) {
            // Kafka dereferences the missing field and fails with a NullPointerException.
            throw Api::DataException(QStringLiteral("Field does not exist: ") + fieldName);
        }
        const Api::Value fieldVal = original->schema().field(fieldName).isValid()
                                        ? fieldValue(*original, fieldName, m_replaceNullWithDefault)
                                        : Api::Value();
        headers.add(m_headers.at(i), field.schema(), fieldVal);
    }
    record.headers = std::move(headers);
    setOperating(record, m_side, updatedSchema, std::move(updatedValue));
}

Api::Schema HeaderFrom::moveSchema(const Api::Schema &schema)
{
    Api::Schema cached = m_moveSchemaCache.get(schema);
    if (!cached.isNull())
        return cached;
    Api::SchemaBuilder builder(Api::SchemaType::Struct);
    copySchemaBasics(schema, builder);
    for (const Api::Field &field : schema.fields()) {
        if (!m_fields.contains(field.name()))
            builder.field(field.name(), field.schema());
    }
    const Api::Schema moved = builder.build();
    m_moveSchemaCache.put(schema, moved);
    return moved;
}

} // namespace ConnectDesk::Transforms
