// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connectdeskapi_global.h"
#include "schema.h"
#include "value.h"

namespace ConnectDesk::Api {

/**
 * A structured record value (Java `Struct`): one slot per field of a STRUCT schema.
 * put() validates the value against the field's schema and throws DataException on mismatch.
 */
class CONNECTDESK_API_EXPORT Struct
{
public:
    explicit Struct(const Schema &schema);
    static StructPtr create(const Schema &schema) { return std::make_shared<Struct>(schema); }

    const Schema &schema() const { return m_schema; }

    /** The field's value, or the field schema's default when the slot is null. */
    Value get(const QString &fieldName) const;
    Value get(const Field &field) const;
    /** The raw slot, without default substitution. */
    Value getWithoutDefault(const QString &fieldName) const;
    const Value &getWithoutDefault(const Field &field) const;

    Struct &put(const QString &fieldName, const Value &value);
    Struct &put(const Field &field, const Value &value);

    /** Throws DataException if a required field without default is null (Java `validate()`). */
    void validate() const;

    /** Deep copy. */
    StructPtr clone() const;

    /** Java's `Struct.toString()`: `Struct{a=1,b=x}` (null fields omitted). */
    QString toString() const;

    friend CONNECTDESK_API_EXPORT bool operator==(const Struct &a, const Struct &b);

private:
    Field lookupField(const QString &fieldName) const;

    Schema m_schema;
    ValueList m_values;
};

} // namespace ConnectDesk::Api
