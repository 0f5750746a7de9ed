// SPDX-License-Identifier: Apache-2.0
#include "schemautil.h"

namespace ConnectDesk::Transforms {

Api::SchemaBuilder &copySchemaBasics(const Api::Schema &source, Api::SchemaBuilder &builder)
{
    if (!source.name().isEmpty())
        builder.name(source.name());
    if (source.version())
        builder.version(*source.version());
    if (!source.doc().isEmpty())
        builder.doc(source.doc());
    const auto params = source.parameters();
    if (!params.isEmpty())
        builder.parameters(params);
    return builder;
}

Api::SchemaBuilder copySchemaBasics(const Api::Schema &source)
{
    // An array keeps its element schema, as Kafka's does.
    Api::SchemaBuilder builder = source.type() == Api::SchemaType::Array ? Api::SchemaBuilder::array(source.valueSchema())
                                                                          : Api::SchemaBuilder(source.type());
    copySchemaBasics(source, builder);
    return builder;
}

Api::Value fieldValue(const Api::Struct &value, const Api::Field &field, bool replaceNullWithDefault)
{
    return replaceNullWithDefault ? value.get(field) : value.getWithoutDefault(field);
}

Api::Value fieldValue(const Api::Struct &value, const QString &fieldName, bool replaceNullWithDefault)
{
    return replaceNullWithDefault ? value.get(fieldName) : value.getWithoutDefault(fieldName);
}

} // namespace ConnectDesk::Transforms
