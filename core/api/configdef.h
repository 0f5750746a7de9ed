// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connectdeskapi_global.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>

namespace ConnectDesk::Api {

/**
 * Kafka's `ConfigDef`: the declared configuration keys of a connector, task, converter,
 * transformation or worker — enough to parse and validate a config and to answer
 * `GET /connector-plugins/{p}/config` and `PUT .../config/validate` with Kafka's JSON shapes.
 *
 * Parsed values are QVariants: BOOLEAN → bool, INT → int, SHORT → qint16 (as int), LONG → qint64,
 * DOUBLE → double, STRING/PASSWORD/CLASS → QString, LIST → QStringList. A null default is an
 * invalid QVariant. Error messages are Kafka's, word for word.
 */
class CONNECTDESK_API_EXPORT ConfigDef
{
public:
    enum class Type { Boolean, String, Int, Short, Long, Double, List, Class, Password };
    enum class Importance { High, Medium, Low };
    enum class Width { None, Short, Medium, Long };

    /** Checks a parsed value; throws ConfigException. description() is shown in docs, e.g.
     *  "[1,...]" or "[none, all]". */
    struct Validator
    {
        std::function<void(const QString &name, const QVariant &value)> ensureValid;
        QString description;
        explicit operator bool() const { return bool(ensureValid); }
    };

    /** Suggests values and visibility of a key given the other parsed values (Kafka's
     *  `Recommender`). */
    struct Recommender
    {
        std::function<QVariantList(const QString &name, const QVariantMap &parsed)> validValues;
        std::function<bool(const QString &name, const QVariantMap &parsed)> visible;
        explicit operator bool() const { return bool(validValues) || bool(visible); }
    };

    /** One declared key. Designated initializers read well:
     *  `{.name = "topic", .type = Type::String, .importance = Importance::High, ...}`. */
    struct Key
    {
        QString name;
        Type type = Type::String;
        /** nullopt = required (no default); an invalid QVariant = default null. Strings are
         *  parsed by type, so `"2000"` is a fine INT default. */
        std::optional<QVariant> defaultValue = QVariant();
        Validator validator;
        Importance importance = Importance::Medium;
        QString documentation;
        QString group;
        int orderInGroup = -1;
        Width width = Width::None;
        QString displayName;
        QStringList dependents;
        Recommender recommender;
        bool internal = false;

        bool hasDefault() const { return defaultValue.has_value(); }
    };

    /** One entry of a validation result (Kafka's `ConfigValue`). */
    struct ConfigValue
    {
        QString name;
        QVariant value;
        QVariantList recommendedValues;
        QStringList errorMessages;
        bool visible = true;
    };

    ConfigDef() = default;

    /** Adds a key; throws ConfigException if the name is already defined or the default does
     *  not parse. */
    ConfigDef &define(const Key &key);
    /** Short form: name, type, default (nullopt = required), importance, documentation. */
    ConfigDef &define(const QString &name, Type type, const std::optional<QVariant> &defaultValue,
                      Importance importance, const QString &documentation);
    /** Adds every key of another definition not yet defined here. */
    ConfigDef &merge(const ConfigDef &other);
    /** A copy with every key renamed `prefix + name` (and group kept). */
    ConfigDef withPrefix(const QString &prefix) const;

    bool contains(const QString &name) const { return m_index.contains(name); }
    const Key *key(const QString &name) const;
    /** Keys in definition order. */
    const QList<Key> &keys() const { return m_keys; }
    QStringList names() const;
    /** Groups in the order they were first used. */
    QStringList groups() const;

    /** Parses the keys this definition knows; throws ConfigException for a missing required
     *  key or a value that does not parse or validate. Unknown keys are ignored. */
    QVariantMap parse(const ConfigMap &props) const;

    /** Validates every key, collecting errors instead of throwing (Kafka's
     *  `ConfigDef.validate`). One ConfigValue per defined key, in definition order. */
    QList<ConfigValue> validate(const ConfigMap &props) const;

    /** Parses one value of a type (Kafka's `ConfigDef.parseType`). */
    static QVariant parseType(const QString &name, const QVariant &value, Type type);
    /** String form of a parsed value as Kafka prints defaults and values (`convertToString`):
     *  lists comma-joined, null → null QString. */
    static QString convertToString(const QVariant &parsed, Type type);
    /** "BOOLEAN", "STRING", ... */
    static QString typeName(Type type);
    static QString importanceName(Importance importance);
    static QString widthName(Width width);

    // Common validators (Kafka's ConfigDef.Range, ValidString, NonEmptyString, ...).
    static Validator atLeast(qint64 min);
    static Validator between(qint64 min, qint64 max);
    static Validator validString(const QStringList &allowed);
    static Validator caseInsensitiveValidString(const QStringList &allowed);
    static Validator nonEmptyString();
    /** Kafka's `NonEmptyStringWithoutControlChars` (connector names); null passes. */
    static Validator nonEmptyStringWithoutControlChars();
    static Validator nonNullString();
    static Validator validList(const Validator &itemValidator);
    static Validator lambda(std::function<void(const QString &, const QVariant &)> check,
                            const QString &description);
    /** Kafka's `CompositeValidator`: runs each validator in turn; descriptions joined by ", ". */
    static Validator composite(const QList<Validator> &validators);

    /** Java's `toString()` of a parsed value, as Kafka's messages print it: "null", "true",
     *  "1.0", "[a, b]". */
    static QString valueToString(const QVariant &value);

private:
    QList<Key> m_keys;
    QMap<QString, qsizetype> m_index;
};

/**
 * Parsed view of a config for one ConfigDef (Kafka's `AbstractConfig`). Keeps the originals,
 * so pass-through keys (`producer.*`, converter settings...) stay reachable.
 */
class CONNECTDESK_API_EXPORT AbstractConfig
{
public:
    /** Throws ConfigException as ConfigDef::parse does. */
    AbstractConfig(const ConfigDef &definition, const ConfigMap &originals);

    const ConfigDef &definition() const { return m_definition; }
    const ConfigMap &originals() const { return m_originals; }
    /** Original keys starting with the prefix; with strip, the prefix is removed. */
    ConfigMap originalsWithPrefix(const QString &prefix, bool strip = true) const;

    QVariant get(const QString &name) const;
    bool getBoolean(const QString &name) const;
    int getInt(const QString &name) const;
    qint16 getShort(const QString &name) const;
    qint64 getLong(const QString &name) const;
    double getDouble(const QString &name) const;
    /** STRING, CLASS and PASSWORD values; null QString when the value is null. */
    QString getString(const QString &name) const;
    QString getPassword(const QString &name) const { return getString(name); }
    QString getClass(const QString &name) const { return getString(name); }
    QStringList getList(const QString &name) const;
    const QVariantMap &values() const { return m_values; }

private:
    QVariant checkedValue(const QString &name) const;

    ConfigDef m_definition;
    ConfigMap m_originals;
    QVariantMap m_values;
};

} // namespace ConnectDesk::Api
