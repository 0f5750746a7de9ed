// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtinbase.h"
#include "recordside.h"
#include "schemacache.h"
#include "simpledateformat.h"

#include <optional>

namespace ConnectDesk::Transforms {

/**
 * Kafka's `TimestampConverter$Key` / `TimestampConverter$Value`: converts a timestamp (the
 * whole key/value or one top-level field) between text in a SimpleDateFormat pattern, Unix
 * time in a chosen precision, and Connect's Date, Time and Timestamp types, always in UTC.
 * Owned by one task and used on its thread only.
 */
class TimestampConverter : public BuiltinTransformation
{
public:
    explicit TimestampConverter(RecordSide side) : m_side(side) {}

    void configure(const Api::ConfigMap &configs) override;
    bool apply(Api::ConnectRecord &record) override;
    Api::ConfigDef config() const override;

    static Api::ConfigDef configDef();

    /** The representations, named as `target.type` names them. */
    enum class Type { String, Unix, Date, Time, Timestamp };

private:
    Api::Value convert(const Api::Value &timestamp, std::optional<Type> sourceType) const;
    qint64 toRaw(Type type, const Api::Value &value) const;
    Api::Value toType(Type type, qint64 epochMs) const;
    Api::Schema updatedStructSchema(const Api::Schema &schema);
    Api::StructPtr convertStruct(const Api::StructPtr &value, const Api::Schema &updatedSchema) const;

    RecordSide m_side;
    QString m_field;
    Type m_targetType = Type::Timestamp;
    std::optional<SimpleDateFormat> m_format;
    QString m_unixPrecision;
    bool m_replaceNullWithDefault = true;
    SchemaCache m_schemaCache;
};

} // namespace ConnectDesk::Transforms
