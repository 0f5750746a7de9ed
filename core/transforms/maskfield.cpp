// SPDX-License-Identifier: Apache-2.0
#include "maskfield.h"

#include "nonemptylistvalidator.h"
#include "requirements.h"
#include "schemalessmap.h"
#include "schemautil.h"
#include "transformkeys.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/api/values.h"

namespace ConnectDesk::Transforms {

namespace {

const QString Purpose = QStringLiteral("mask fields");
const QString Fields = QStringLiteral("fields");
const QString Replacement = QStringLiteral("replacement");

/** Java's `getClass()` printed in a message: "class java.lang.Boolean", "class [B". */
QString javaClassText(const Api::Value &value)
{
    return QStringLiteral("class ") + javaQualifiedClassName(value);
}

Api::Value emptyValueOf(const Api::Value &value)
{
    using Kind = Api::Value::Kind;
    switch (value.kind()) {
    case Kind::Boolean:
        return Api::Value(false);
    case Kind::Int8:
        return Api::Value::int8(0);
    case Kind::Int16:
        return Api::Value::int16(0);
    case Kind::Int32:
        return Api::Value::int32(0);
    case Kind::Int64:
        return Api::Value::int64(0);
    case Kind::Float32:
        return Api::Value::float32(0);
    case Kind::Float64:
        return Api::Value::float64(0);
    case Kind::Decimal:
        return Api::Value(Api::Decimal::fromInt64(0));
    case Kind::Instant:
        return Api::Value(Api::Instant{0});
    case Kind::String:
        return Api::Value(QString(QLatin1String("")));
    case Kind::Array:
        return Api::Value(Api::ValueList());
    case Kind::Map:
        return Api::Value(Api::ValueMap());
    default:
        throw Api::DataException(QStringLiteral("Cannot mask value of type: ")
                                 + javaClassText(value));
    }
}

Api::Value replacementFor(const Api::Value &value, const QString &replacement)
{
    using Kind = Api::Value::Kind;
    const Api::Value text(replacement);
    switch (value.kind()) {
    case Kind::Int8:
        return Api::Value::int8(*Api::Values::convertToByte({}, text));
    case Kind::Int16:
        return Api::Value::int16(*Api::Values::convertToShort({}, text));
    case Kind::Int32:
        return Api::Value::int32(*Api::Values::convertToInteger({}, text));
    case Kind::Int64:
        return Api::Value::int64(*Api::Values::convertToLong({}, text));
    case Kind::Float32:
        return Api::Value::float32(*Api::Values::convertToFloat({}, text));
    case Kind::Float64:
        return Api::Value::float64(*Api::Values::convertToDouble({}, text));
    case Kind::String:
        return text;
    case Kind::Decimal: {
        bool ok = false;
        const Api::Decimal decimal = Api::Decimal::fromString(replacement, &ok);
        if (!ok) {
            // Kafka's `new BigDecimal(text)` throws NumberFormatException, reported this way.
            throw Api::DataException(
                QStringLiteral("Unable to convert %1 (class java.lang.String) to number")
                    .arg(replacement));
        }
        return Api::Value(decimal);
    }
    default:
        throw Api::DataException(
            QStringLiteral("Cannot mask value of type %1 with custom replacement.")
                .arg(javaClassText(value)));
    }
}

} // namespace

Api::ConfigDef MaskField::config() const
{
    Api::ConfigDef def;
    def.define({.name = Fields,
                .type = Api::ConfigDef::Type::List,
                .defaultValue = std::nullopt,
                .validator = nonEmptyListValidator(),
                .importance = Api::ConfigDef::Importance::High,
                .documentation = QStringLiteral("The fields whose values are masked.")})
        .define({.name = Replacement,
                 .type = Api::ConfigDef::Type::String,
                 .defaultValue = QVariant(),
                 .validator = Api::ConfigDef::nonEmptyString(),
                 .importance = Api::ConfigDef::Importance::Low,
                 .documentation
                 = QStringLiteral("Text put in place of every masked value, converted to the "
                                  "field's type; numeric and string fields only. When unset, "
                                  "each value becomes its type's empty value.")})
        .define(replaceNullWithDefaultKey());
    return def;
}

void MaskField::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(this->config(), configs);
    m_maskedFields.clear();
    for (const QString &field : config.getList(Fields)) {
        if (!m_maskedFields.contains(field))
            m_maskedFields.append(field);
    }
    m_maskedSet = NameSet(m_maskedFields);
    m_replacement = config.getString(Replacement);
    m_replaceNullWithDefault = config.getBoolean(QString::fromLatin1(ReplaceNullWithDefault));
}

Api::Value MaskField::masked(const Api::Value &value) const
{
    if (value.isNull())
        return {};
    return m_replacement.isNull() ? emptyValueOf(value) : replacementFor(value, m_replacement);
}

bool MaskField::apply(Api::ConnectRecord &record)
{
    const Api::Schema schema = operatingSchema(record, m_side);
    if (schema.isNull()) {
        const Api::ValueMap &value = requireMap(operatingValue(record, m_side), Purpose);
        Api::ValueMap updated = value;
        // Every listed field gets an entry, a missing one a null entry, as Kafka's map.put does.
        for (const QString &field : m_maskedFields)
            putStringKey(updated, field, masked(stringKeyValue(value, field)));
        setOperating(record, m_side, schema, Api::Value(std::move(updated)));
    } else {
        const Api::StructPtr &value = requireStruct(operatingValue(record, m_side), Purpose);
        auto updated = Api::Struct::create(value->schema());
        for (const Api::Field &field : value->schema().fields()) {
            const Api::Value original = fieldValue(*value, field, m_replaceNullWithDefault);
            updated->put(field, m_maskedSet.contains(field.name()) ? masked(original) : original);
        }
        setOperating(record, m_side, schema, Api::Value(updated));
    }
    return true;
}

} // namespace ConnectDesk::Transforms
