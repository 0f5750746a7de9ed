// SPDX-License-Identifier: Apache-2.0
#include "schema.h"

#include "exceptions.h"
#include "schema_p.h"
#include "struct.h"

namespace ConnectDesk::Api {

namespace {

const SchemaData &checked(const std::shared_ptr<const SchemaData> &d)
{
    if (!d)
        throw DataException(QStringLiteral("The null schema has no type or fields"));
    return *d;
}

Schema predefined(SchemaType type, bool optional)
{
    auto data = std::make_shared<SchemaData>();
    data->type = type;
    data->optional = optional;
    return Schema(std::move(data));
}

Value::Kind expectedKind(const Schema &schema)
{
    const QString name = schema.name();
    if (name == QLatin1String(Logical::DecimalName))
        return Value::Kind::Decimal;
    if (name == QLatin1String(Logical::DateName) || name == QLatin1String(Logical::TimeName)
        || name == QLatin1String(Logical::TimestampName)) {
        return Value::Kind::Instant;
    }
    switch (schema.type()) {
    case SchemaType::Int8:
        return Value::Kind::Int8;
    case SchemaType::Int16:
        return Value::Kind::Int16;
    case SchemaType::Int32:
        return Value::Kind::Int32;
    case SchemaType::Int64:
        return Value::Kind::Int64;
    case SchemaType::Float32:
        return Value::Kind::Float32;
    case SchemaType::Float64:
        return Value::Kind::Float64;
    case SchemaType::Boolean:
        return Value::Kind::Boolean;
    case SchemaType::String:
        return Value::Kind::String;
    case SchemaType::Bytes:
        return Value::Kind::Bytes;
    case SchemaType::Array:
        return Value::Kind::Array;
    case SchemaType::Map:
        return Value::Kind::Map;
    case SchemaType::Struct:
        return Value::Kind::Struct;
    }
    return Value::Kind::Null;
}

const Schema &requireSchema(const Schema &schema, const Internal::ValidationLocation &location)
{
    if (schema.isNull())
        throw DataException(QStringLiteral("No schema defined for ") + location.text());
    return schema;
}

} // namespace

// --- Field -------------------------------------------------------------------------------------

Field::Field(const QString &name, int index, const Schema &schema)
    : m_name(name)
    , m_index(index)
    , m_schema(schema)
{}

bool operator==(const Field &a, const Field &b)
{
    return a.m_index == b.m_index && a.m_name == b.m_name && a.m_schema == b.m_schema;
}

QString Field::toString() const
{
    return QStringLiteral("Field{name=%1, index=%2, schema=%3}")
        .arg(m_name, QString::number(m_index), m_schema.toString());
}

// --- Schema ------------------------------------------------------------------------------------

SchemaType Schema::type() const
{
    return checked(d).type;
}

bool Schema::isOptional() const
{
    return !d || d->optional;
}

const Value &Schema::defaultValue() const
{
    static const Value null;
    return d ? d->defaultValue : null;
}

QString Schema::name() const
{
    return d ? d->name : QString();
}

std::optional<int> Schema::version() const
{
    return d ? d->version : std::nullopt;
}

QString Schema::doc() const
{
    return d ? d->doc : QString();
}

QMap<QString, QString> Schema::parameters() const
{
    return d ? d->parameters : QMap<QString, QString>();
}

const QList<Field> &Schema::fields() const
{
    if (!d || d->type != SchemaType::Struct)
        throw DataException(QStringLiteral("Cannot list fields on non-struct type"));
    return d->fields;
}

Field Schema::field(const QString &name) const
{
    if (!d || d->type != SchemaType::Struct)
        throw DataException(QStringLiteral("Cannot look up fields on non-struct type"));
    for (const Field &f : d->fields) {
        if (f.name() == name)
            return f;
    }
    return {};
}

Schema Schema::keySchema() const
{
    if (!d || d->type != SchemaType::Map)
        throw DataException(QStringLiteral("Cannot look up key schema on non-map type"));
    return d->keySchema;
}

Schema Schema::valueSchema() const
{
    if (!d || (d->type != SchemaType::Map && d->type != SchemaType::Array)) {
        throw DataException(
            QStringLiteral("Cannot look up value schema on non-array and non-map type"));
    }
    return d->valueSchema;
}

bool Schema::isPrimitive() const
{
    if (!d)
        return false;
    return d->type != SchemaType::Array && d->type != SchemaType::Map
           && d->type != SchemaType::Struct;
}

bool operator==(const Schema &a, const Schema &b)
{
    if (a.d == b.d)
        return true;
    if (!a.d || !b.d)
        return false;
    const SchemaData &x = *a.d;
    const SchemaData &y = *b.d;
    return x.optional == y.optional && x.version == y.version && x.name == y.name
           && x.doc == y.doc && x.type == y.type && x.defaultValue == y.defaultValue
           && x.fields == y.fields && x.keySchema == y.keySchema
           && x.valueSchema == y.valueSchema && x.parameters == y.parameters;
}

QString Schema::toString() const
{
    if (!d)
        return QStringLiteral("null");
    if (!d->name.isEmpty())
        return QStringLiteral("Schema{%1:%2}").arg(d->name, typeEnumName(d->type));
    return QStringLiteral("Schema{%1}").arg(typeEnumName(d->type));
}

void Schema::validateValue(const Schema &schema, const Value &value, const QString &field)
{
    Internal::validateValueAt(schema, value, {field.isNull() ? nullptr : &field});
}

QString Schema::typeName(SchemaType type)
{
    return typeEnumName(type).toLower();
}

QString Schema::typeEnumName(SchemaType type)
{
    switch (type) {
    case SchemaType::Int8:
        return QStringLiteral("INT8");
    case SchemaType::Int16:
        return QStringLiteral("INT16");
    case SchemaType::Int32:
        return QStringLiteral("INT32");
    case SchemaType::Int64:
        return QStringLiteral("INT64");
    case SchemaType::Float32:
        return QStringLiteral("FLOAT32");
    case SchemaType::Float64:
        return QStringLiteral("FLOAT64");
    case SchemaType::Boolean:
        return QStringLiteral("BOOLEAN");
    case SchemaType::String:
        return QStringLiteral("STRING");
    case SchemaType::Bytes:
        return QStringLiteral("BYTES");
    case SchemaType::Array:
        return QStringLiteral("ARRAY");
    case SchemaType::Map:
        return QStringLiteral("MAP");
    case SchemaType::Struct:
        return QStringLiteral("STRUCT");
    }
    return {};
}

std::optional<SchemaType> Schema::typeFromName(const QString &lowerCaseName)
{
    static const SchemaType all[] = {SchemaType::Int8,    SchemaType::Int16,   SchemaType::Int32,
                                     SchemaType::Int64,   SchemaType::Float32, SchemaType::Float64,
                                     SchemaType::Boolean, SchemaType::String,  SchemaType::Bytes,
                                     SchemaType::Array,   SchemaType::Map,     SchemaType::Struct};
    for (SchemaType t : all) {
        if (typeName(t) == lowerCaseName)
            return t;
    }
    return std::nullopt;
}

Schema Schema::primitive(SchemaType type, bool optional)
{
    // One shared instance per predefined schema, like Kafka's constants; C++ guarantees
    // thread-safe initialisation of these function-local statics.
    static const Schema required[] = {
        predefined(SchemaType::Int8, false),    predefined(SchemaType::Int16, false),
        predefined(SchemaType::Int32, false),   predefined(SchemaType::Int64, false),
        predefined(SchemaType::Float32, false), predefined(SchemaType::Float64, false),
        predefined(SchemaType::Boolean, false), predefined(SchemaType::String, false),
        predefined(SchemaType::Bytes, false)};
    static const Schema optionals[] = {
        predefined(SchemaType::Int8, true),    predefined(SchemaType::Int16, true),
        predefined(SchemaType::Int32, true),   predefined(SchemaType::Int64, true),
        predefined(SchemaType::Float32, true), predefined(SchemaType::Float64, true),
        predefined(SchemaType::Boolean, true), predefined(SchemaType::String, true),
        predefined(SchemaType::Bytes, true)};
    const int index = int(type);
    if (index < 0 || index > int(SchemaType::Bytes))
        return {};
    return optional ? optionals[index] : required[index];
}

Schema Schema::int8() { return primitive(SchemaType::Int8, false); }
Schema Schema::int16() { return primitive(SchemaType::Int16, false); }
Schema Schema::int32() { return primitive(SchemaType::Int32, false); }
Schema Schema::int64() { return primitive(SchemaType::Int64, false); }
Schema Schema::float32() { return primitive(SchemaType::Float32, false); }
Schema Schema::float64() { return primitive(SchemaType::Float64, false); }
Schema Schema::boolean() { return primitive(SchemaType::Boolean, false); }
Schema Schema::string() { return primitive(SchemaType::String, false); }
Schema Schema::bytes() { return primitive(SchemaType::Bytes, false); }
Schema Schema::optionalInt8() { return primitive(SchemaType::Int8, true); }
Schema Schema::optionalInt16() { return primitive(SchemaType::Int16, true); }
Schema Schema::optionalInt32() { return primitive(SchemaType::Int32, true); }
Schema Schema::optionalInt64() { return primitive(SchemaType::Int64, true); }
Schema Schema::optionalFloat32() { return primitive(SchemaType::Float32, true); }
Schema Schema::optionalFloat64() { return primitive(SchemaType::Float64, true); }
Schema Schema::optionalBoolean() { return primitive(SchemaType::Boolean, true); }
Schema Schema::optionalString() { return primitive(SchemaType::String, true); }
Schema Schema::optionalBytes() { return primitive(SchemaType::Bytes, true); }

// --- Internal ----------------------------------------------------------------------------------

namespace Internal {

QString ValidationLocation::text() const
{
    if (prefix)
        return QLatin1String(prefix) + outer->text();
    return field ? QStringLiteral("field: \"%1\"").arg(*field) : QStringLiteral("value");
}

QString javaClassDescription(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::Bytes:
        return QStringLiteral("class [B");
    case Value::Kind::Decimal:
        return QStringLiteral("class java.math.BigDecimal");
    case Value::Kind::Instant:
    case Value::Kind::Array:
    case Value::Kind::Map:
        return QStringLiteral("class java.util.") + value.javaClassName();
    case Value::Kind::Struct:
        return QStringLiteral("class org.apache.kafka.connect.data.Struct");
    case Value::Kind::Null:
        return QStringLiteral("null");
    default:
        return QStringLiteral("class java.lang.") + value.javaClassName();
    }
}

void validateValueAt(const Schema &schema, const Value &value, const ValidationLocation &location)
{
    requireSchema(schema, location);
    if (value.isNull()) {
        if (!schema.isOptional()) {
            throw DataException(QStringLiteral("Invalid value: null used for required %1, "
                                               "schema type: %2")
                                    .arg(location.text(), Schema::typeEnumName(schema.type())));
        }
        return;
    }

    if (value.kind() != expectedKind(schema)) {
        QString message = QStringLiteral("Invalid Java object for schema");
        if (!schema.name().isEmpty())
            message += QStringLiteral(" \"%1\"").arg(schema.name());
        message += QStringLiteral(" with type %1: %2 for %3")
                       .arg(Schema::typeEnumName(schema.type()), javaClassDescription(value),
                            location.text());
        throw DataException(message);
    }

    switch (schema.type()) {
    case SchemaType::Struct: {
        const StructPtr &s = value.toStruct();
        if (!(s->schema() == schema))
            throw DataException(QStringLiteral("Struct schemas do not match."));
        s->validate();
        break;
    }
    case SchemaType::Array: {
        const ValidationLocation entryLocation{nullptr, "element of array ", &location};
        const Schema elementSchema = requireSchema(schema.valueSchema(), entryLocation);
        for (const Value &entry : value.toList())
            validateValueAt(elementSchema, entry, entryLocation);
        break;
    }
    case SchemaType::Map: {
        const ValidationLocation keyLocation{nullptr, "key of map ", &location};
        const ValidationLocation valueLocation{nullptr, "value of map ", &location};
        const Schema keySchema = requireSchema(schema.keySchema(), keyLocation);
        const Schema valueSchema = requireSchema(schema.valueSchema(), valueLocation);
        for (const auto &[k, v] : value.toMap()) {
            validateValueAt(keySchema, k, keyLocation);
            validateValueAt(valueSchema, v, valueLocation);
        }
        break;
    }
    default:
        break;
    }
}

Schema makeSchema(SchemaData data)
{
    return Schema(std::make_shared<const SchemaData>(std::move(data)));
}

} // namespace Internal

// --- Logical types -----------------------------------------------------------------------------

namespace Logical {

SchemaBuilder decimalBuilder(int scale)
{
    SchemaBuilder b = SchemaBuilder::bytes();
    b.name(QLatin1String(DecimalName))
        .parameter(QLatin1String(DecimalScaleParameter), QString::number(scale))
        .version(1);
    return b;
}

Schema decimalSchema(int scale)
{
    return decimalBuilder(scale).build();
}

SchemaBuilder dateBuilder()
{
    SchemaBuilder b = SchemaBuilder::int32();
    b.name(QLatin1String(DateName)).version(1);
    return b;
}

Schema dateSchema()
{
    static const Schema schema = dateBuilder().build();
    return schema;
}

SchemaBuilder timeBuilder()
{
    SchemaBuilder b = SchemaBuilder::int32();
    b.name(QLatin1String(TimeName)).version(1);
    return b;
}

Schema timeSchema()
{
    static const Schema schema = timeBuilder().build();
    return schema;
}

SchemaBuilder timestampBuilder()
{
    SchemaBuilder b = SchemaBuilder::int64();
    b.name(QLatin1String(TimestampName)).version(1);
    return b;
}

Schema timestampSchema()
{
    static const Schema schema = timestampBuilder().build();
    return schema;
}

bool isDecimal(const Schema &schema)
{
    return schema.name() == QLatin1String(DecimalName);
}

bool isDate(const Schema &schema)
{
    return schema.name() == QLatin1String(DateName);
}

bool isTime(const Schema &schema)
{
    return schema.name() == QLatin1String(TimeName);
}

bool isTimestamp(const Schema &schema)
{
    return schema.name() == QLatin1String(TimestampName);
}

int decimalScale(const Schema &schema)
{
    const QMap<QString, QString> params = schema.parameters();
    const auto it = params.constFind(QLatin1String(DecimalScaleParameter));
    if (it == params.constEnd())
        throw DataException(QStringLiteral("Invalid Decimal schema: scale parameter not found."));
    bool ok = false;
    const int scale = it->toInt(&ok);
    if (!ok) {
        throw DataException(QStringLiteral("Invalid scale parameter found in Decimal schema: ")
                            + *it);
    }
    return scale;
}

} // namespace Logical

} // namespace ConnectDesk::Api
