// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ConnectDesk::Transforms {

// Field and header names a transform looks up for every record. Configs list a handful, and
// comparing a few short strings is cheaper than hashing one: with QSet/QHash, ReplaceField and
// MaskField cost 3-5 µs per record in tests/bench/bench_transforms on the 2-core development VM
// (Qt's AES-based QString hash was the hot spot), with these scans 0.3-0.6 µs.

/** A set of names (Java `Set<String>`). */
class NameSet
{
public:
    NameSet() = default;
    explicit NameSet(const QStringList &names) : m_names(names) { m_names.removeDuplicates(); }
    bool contains(const QString &name) const { return m_names.contains(name); }
    bool isEmpty() const { return m_names.isEmpty(); }

private:
    QStringList m_names;
};

/** A map from name to name (Java `Map<String, String>`); insert() replaces, as put() does. */
class NameMap
{
public:
    void insert(const QString &key, const QString &value)
    {
        for (auto &entry : m_entries) {
            if (entry.first == key) {
                entry.second = value;
                return;
            }
        }
        m_entries.append({key, value});
    }
    /** The value for key, or fallback (Java get(): null). */
    QString value(const QString &key, const QString &fallback = QString()) const
    {
        for (const auto &entry : m_entries) {
            if (entry.first == key)
                return entry.second;
        }
        return fallback;
    }
    /** The map with keys and values swapped. */
    NameMap inverted() const
    {
        NameMap result;
        for (const auto &entry : m_entries)
            result.insert(entry.second, entry.first);
        return result;
    }
    qsizetype size() const { return m_entries.size(); }

private:
    QList<QPair<QString, QString>> m_entries;
};

} // namespace ConnectDesk::Transforms
