// SPDX-License-Identifier: Apache-2.0
#include "flatten.h"

#include "requirements.h"
#include "schemautil.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"

namespace ConnectDesk::Transforms {

namespace {

using Api::SchemaType;
using Kind = Api::Value::Kind;

const QString Purpose = QStringLiteral("flattening");
constexpr char DelimiterConfig[] = "delimiter";

/** LinkedHashMap.put: a repeated key keeps its place and takes the new value. */
void put(Api::ValueMap &map, const QString &key, const Api::Value &value)
{
    for (auto &entry : map) {
        if (entry.first.kind() == Kind::String && entry.first.toString() == key) {
            entry.second = value;
            return;
        }
    }
    map.emplace_back(Api::Value(key), value);
}

bool isLeafType(SchemaType type)
{
    return type != SchemaType::Map && type != SchemaType::Struct;
}

} // namespace

Api::ConfigDef Flatten::configDef()
{
    Api::ConfigDef def;
    def.define(QString::fromLatin1(DelimiterConfig), Api::ConfigDef::Type::String, QStringLiteral("."),
               Api::ConfigDef::Importance::Medium,
               QStringLiteral("Text put between a parent's field name and its child's to name the flattened "
                              "field."));
    return def;
}

Api::ConfigDef Flatten::config() const
{
    return configDef();
}

void Flatten::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(configDef(), configs);
    m_delimiter = config.getString(QString::fromLatin1(DelimiterConfig));
    m_schemaCache = SchemaCache();
}

QString Flatten::fieldName(const QString &prefix, const QString &name) const
{
    return prefix.isEmpty() ? name : prefix + m_delimiter + name;
}

bool Flatten::apply(Api::ConnectRecord &record)
{
    const Api::Value &value = operatingValue(record, m_side);
    if (value.isNull())
        return true;
    const Api::Schema schema = operatingSchema(record, m_side);
    if (schema.isNull()) {
        Api::ValueMap flattened;
        flattenMap(requireMap(value, Purpose), QString(), flattened);
        setOperating(record, m_side, {}, Api::Value(std::move(flattened)));
        return true;
    }

    const Api::StructPtr *original = requireStructOrNull(value, Purpose);
    Api::Schema updatedSchema = m_schemaCache.get(schema);
    if (updatedSchema.isNull()) {
        Api::SchemaBuilder builder = Api::SchemaBuilder::structBuilder();
        copySchemaBasics(schema, builder);
        const Api::Value &defaultValue = schema.defaultValue();
        buildUpdatedSchema(schema, QString(), builder, schema.isOptional(),
                           defaultValue.kind() == Kind::Struct ? defaultValue.toStruct() : Api::StructPtr());
        updatedSchema = builder.build();
        m_schemaCache.put(schema, updatedSchema);
    }
    if (!original) {
        setOperating(record, m_side, updatedSchema, {});
        return true;
    }
    auto updated = Api::Struct::create(updatedSchema);
    flattenStruct(*original, QString(), *updated);
    setOperating(record, m_side, updatedSchema, Api::Value(updated));
    return true;
}

void Flatten::flattenMap(const Api::ValueMap &original, const QString &prefix, Api::ValueMap &out) const
{
    for (const auto &[key, value] : original) {
        const QString name = fieldName(prefix, key.kind() == Kind::String ? key.toString() : key.toJavaString());
        switch (value.kind()) {
        case Kind::Null:
            put(out, name, value);
            break;
        case Kind::Decimal:
        case Kind::Instant:
            throw Api::DataException(QStringLiteral("Flatten transformation was passed a value of type class %1 "
                                                    "which is not supported by Connect's data API")
                                         .arg(javaQualifiedClassName(value)));
        case Kind::Map:
            flattenMap(value.toMap(), name, out);
            break;
        case Kind::Struct:
            throw Api::DataException(QStringLiteral("Flatten transformation does not support class %1 for record "
                                                    "without schemas (for field %2).")
                                         .arg(javaQualifiedClassName(value), name));
        default: // primitives, bytes and arrays
            put(out, name, value);
            break;
        }
    }
}

void Flatten::buildUpdatedSchema(const Api::Schema &schema, const QString &prefix, Api::SchemaBuilder &builder,
                                 bool optional, const Api::StructPtr &defaultFromParent) const
{
    for (const Api::Field &field : schema.fields()) {
        const QString name = fieldName(prefix, field.name());
        const bool fieldIsOptional = optional || field.schema().isOptional();
        Api::Value fieldDefault = field.schema().defaultValue();
        if (fieldDefault.isNull() && defaultFromParent)
            fieldDefault = defaultFromParent->get(field);
        const SchemaType type = field.schema().type();
        if (type == SchemaType::Struct) {
            buildUpdatedSchema(field.schema(), name, builder, fieldIsOptional,
                               fieldDefault.kind() == Kind::Struct ? fieldDefault.toStruct() : Api::StructPtr());
        } else if (isLeafType(type)) {
            Api::SchemaBuilder fieldBuilder = copySchemaBasics(field.schema());
            if (fieldIsOptional)
                fieldBuilder.optional();
            if (!fieldDefault.isNull())
                fieldBuilder.defaultValue(fieldDefault);
            builder.field(name, fieldBuilder.build());
        } else {
            throw Api::DataException(QStringLiteral("Flatten transformation does not support %1 for record with "
                                                    "schemas (for field %2).")
                                         .arg(Api::Schema::typeEnumName(type), name));
        }
    }
}

void Flatten::flattenStruct(const Api::StructPtr &original, const QString &prefix, Api::Struct &out) const
{
    if (!original)
        return;
    for (const Api::Field &field : original->schema().fields()) {
        const QString name = fieldName(prefix, field.name());
        const SchemaType type = field.schema().type();
        if (type == SchemaType::Struct) {
            const Api::Value nested = original->get(field);
            flattenStruct(nested.kind() == Kind::Struct ? nested.toStruct() : Api::StructPtr(), name, out);
        } else if (isLeafType(type)) {
            out.put(name, original->get(field));
        } else {
            throw Api::DataException(QStringLiteral("Flatten transformation does not support %1 for record with "
                                                    "schemas (for field %2).")
                                         .arg(Api::Schema::typeEnumName(type), name));
        }
    }
}

} // namespace ConnectDesk::Transforms
