// SPDX-License-Identifier: Apache-2.0
#include "schema.h"

#include "exceptions.h"
#include "schema_p.h"

namespace ConnectDesk::Api {

namespace {

[[noreturn]] void alreadySet(const char *property)
{
    throw SchemaBuilderException(
        QStringLiteral("Invalid SchemaBuilder call: %1 has already been set.")
            .arg(QLatin1String(property)));
}

/** Copy-on-write: copies of a builder share their state until one of them changes it. */
SchemaData &detach(std::shared_ptr<SchemaData> &d)
{
    if (d.use_count() > 1)
        d = std::make_shared<SchemaData>(*d);
    return *d;
}

} // namespace

SchemaBuilder::SchemaBuilder(SchemaType type)
    : d(std::make_shared<SchemaData>())
{
    d->type = type;
}

SchemaBuilder SchemaBuilder::from(const Schema &schema)
{
    if (schema.isNull())
        throw SchemaBuilderException(QStringLiteral("schema cannot be null."));
    SchemaBuilder b(schema.type());
    *b.d = *schema.data();
    // Properties copied from a schema may still be changed (Kafka's SchemaUtil.copySchemaBasics
    // starts from a fresh builder, too).
    b.d->optionalSet = b.d->defaultSet = b.d->nameSet = b.d->versionSet = b.d->docSet = false;
    return b;
}

SchemaBuilder SchemaBuilder::array(const Schema &valueSchema)
{
    if (valueSchema.isNull())
        throw SchemaBuilderException(QStringLiteral("valueSchema cannot be null."));
    SchemaBuilder b(SchemaType::Array);
    b.d->valueSchema = valueSchema;
    return b;
}

SchemaBuilder SchemaBuilder::map(const Schema &keySchema, const Schema &valueSchema)
{
    if (keySchema.isNull())
        throw SchemaBuilderException(QStringLiteral("keySchema cannot be null."));
    if (valueSchema.isNull())
        throw SchemaBuilderException(QStringLiteral("valueSchema cannot be null."));
    SchemaBuilder b(SchemaType::Map);
    b.d->keySchema = keySchema;
    b.d->valueSchema = valueSchema;
    return b;
}

SchemaType SchemaBuilder::type() const
{
    return d->type;
}

SchemaBuilder &SchemaBuilder::optional()
{
    detach(d);
    if (d->optionalSet && !d->optional)
        alreadySet("optional");
    d->optional = true;
    d->optionalSet = true;
    return *this;
}

SchemaBuilder &SchemaBuilder::required()
{
    detach(d);
    if (d->optionalSet && d->optional)
        alreadySet("optional");
    d->optional = false;
    d->optionalSet = true;
    return *this;
}

SchemaBuilder &SchemaBuilder::defaultValue(const Value &value)
{
    detach(d);
    if (d->defaultSet && !(d->defaultValue == value))
        alreadySet("default");
    try {
        // Against the schema as built so far, like Kafka (which validates against the builder).
        Schema::validateValue(Internal::makeSchema(*d), value);
    } catch (const DataException &e) {
        throw SchemaBuilderException(QStringLiteral("Invalid default value"), e);
    }
    d->defaultValue = value;
    d->defaultSet = !value.isNull();
    return *this;
}

SchemaBuilder &SchemaBuilder::name(const QString &name)
{
    detach(d);
    if (d->nameSet && d->name != name)
        alreadySet("name");
    d->name = name;
    d->nameSet = !name.isNull();
    return *this;
}

SchemaBuilder &SchemaBuilder::version(int version)
{
    detach(d);
    if (d->versionSet && *d->version != version)
        alreadySet("version");
    d->version = version;
    d->versionSet = true;
    return *this;
}

SchemaBuilder &SchemaBuilder::doc(const QString &doc)
{
    detach(d);
    if (d->docSet && d->doc != doc)
        alreadySet("doc");
    d->doc = doc;
    d->docSet = !doc.isNull();
    return *this;
}

SchemaBuilder &SchemaBuilder::parameter(const QString &key, const QString &value)
{
    detach(d);
    d->parameters.insert(key, value);
    return *this;
}

SchemaBuilder &SchemaBuilder::parameters(const QMap<QString, QString> &params)
{
    detach(d);
    d->parameters.insert(params);
    return *this;
}

SchemaBuilder &SchemaBuilder::field(const QString &name, const Schema &schema)
{
    detach(d);
    if (d->type != SchemaType::Struct) {
        throw SchemaBuilderException(QStringLiteral("Cannot create fields on type ")
                                     + Schema::typeEnumName(d->type));
    }
    if (name.isEmpty())
        throw SchemaBuilderException(QStringLiteral("fieldName cannot be null."));
    if (schema.isNull()) {
        throw SchemaBuilderException(
            QStringLiteral("fieldSchema for field %1 cannot be null.").arg(name));
    }
    for (const Field &f : std::as_const(d->fields)) {
        if (f.name() == name) {
            throw SchemaBuilderException(
                QStringLiteral("Cannot create field because of field name duplication ") + name);
        }
    }
    d->fields.append(Field(name, int(d->fields.size()), schema));
    return *this;
}

Schema SchemaBuilder::build() const
{
    // A copy: the builder may go on changing without affecting schemas built from it.
    SchemaData data = *d;
    data.optionalSet = data.defaultSet = data.nameSet = data.versionSet = data.docSet = false;
    return Internal::makeSchema(std::move(data));
}

} // namespace ConnectDesk::Api
