// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "component.h"
#include "configdef.h"
#include "records.h"

namespace ConnectDesk::Api {

/**
 * A single message transform (Java `Transformation`). apply() edits the record in place (a
 * SourceRecord or SinkRecord; use dynamic_cast to tell) and returns false to drop it.
 */
class CONNECTDESK_API_EXPORT Transformation : public Component
{
public:
    virtual void configure(const ConfigMap &configs) = 0;
    virtual bool apply(ConnectRecord &record) = 0;
    virtual ConfigDef config() const = 0;
    virtual void close() {}
};

/** A condition for a transform (Java `Predicate`). */
class CONNECTDESK_API_EXPORT Predicate : public Component
{
public:
    virtual void configure(const ConfigMap &configs) = 0;
    virtual bool test(const ConnectRecord &record) const = 0;
    virtual ConfigDef config() const = 0;
    virtual void close() {}
};

} // namespace ConnectDesk::Api
