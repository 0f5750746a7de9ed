// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/records.h"

namespace ConnectDesk::Transforms {

/** Which half of a record a `$Key` or `$Value` transform works on. */
enum class RecordSide { Key, Value };

inline const Api::Schema &operatingSchema(const Api::ConnectRecord &record, RecordSide side)
{
    return side == RecordSide::Key ? record.keySchema : record.valueSchema;
}

inline const Api::Value &operatingValue(const Api::ConnectRecord &record, RecordSide side)
{
    return side == RecordSide::Key ? record.key : record.value;
}

/** Replaces the operating schema and value; everything else of the record stays. */
inline void setOperating(Api::ConnectRecord &record, RecordSide side, Api::Schema schema, Api::Value value)
{
    if (side == RecordSide::Key) {
        record.keySchema = std::move(schema);
        record.key = std::move(value);
    } else {
        record.valueSchema = std::move(schema);
        record.value = std::move(value);
    }
}

} // namespace ConnectDesk::Transforms
