// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connectdeskapi_global.h"
#include "schema.h"
#include "value.h"

#include <QList>

namespace ConnectDesk::Api {

/** One record header (Java `Header`): key, optional schema and value. */
struct Header
{
    QString key;
    Schema schema;
    Value value;
    friend bool operator==(const Header &, const Header &) = default;
};

/** Ordered record headers; duplicate keys are allowed (Java `ConnectHeaders`). */
class CONNECTDESK_API_EXPORT Headers
{
public:
    Headers() = default;

    Headers &add(const QString &key, const Schema &schema, const Value &value);
    Headers &add(const Header &header);
    Headers &addString(const QString &key, const QString &value);
    /** Removes every header with this key. */
    Headers &remove(const QString &key);
    void clear() { m_headers.clear(); }

    /** The last header with the key (Kafka's lastWithName), nullptr when absent. */
    const Header *lastWithName(const QString &key) const;
    QList<Header> allWithName(const QString &key) const;

    int size() const { return int(m_headers.size()); }
    bool isEmpty() const { return m_headers.isEmpty(); }
    QList<Header>::const_iterator begin() const { return m_headers.cbegin(); }
    QList<Header>::const_iterator end() const { return m_headers.cend(); }
    const QList<Header> &list() const { return m_headers; }

    friend bool operator==(const Headers &, const Headers &) = default;

    /** Java's `ConnectHeaders.toString()`:
     *  `ConnectHeaders(headers=[ConnectHeader(key=k, value=v, schema=Schema{STRING})])`. */
    QString toString() const;

private:
    QList<Header> m_headers;
};

} // namespace ConnectDesk::Api
