// SPDX-License-Identifier: Apache-2.0
#include "configdef.h"

#include "javahash.h"

#include "exceptions.h"
#include "javaformat_p.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <charconv>
#include <limits>

namespace ConnectDesk::Api {

namespace {

const QString NullText = QStringLiteral("null");

// Kafka treats a missing value and a Java null the same way; here null is an invalid QVariant,
// a null QString (a ConfigMap entry whose value is null) or a JSON null.
bool isNull(const QVariant &value)
{
    if (!value.isValid())
        return true;
    switch (value.typeId()) {
    case QMetaType::Nullptr:
        return true;
    case QMetaType::QString:
        return value.toString().isNull();
    default:
        return false;
    }
}

bool isString(const QVariant &value)
{
    return value.typeId() == QMetaType::QString;
}

bool isIntegral(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::SChar:
    case QMetaType::UChar:
        return true;
    default:
        return false;
    }
}

bool isNumber(const QVariant &value)
{
    return isIntegral(value) || value.typeId() == QMetaType::Double
           || value.typeId() == QMetaType::Float;
}

// The Java class Kafka would name in "but it was a ..." messages.
QString javaClassOf(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return QStringLiteral("java.lang.Boolean");
    case QMetaType::Int:
        return QStringLiteral("java.lang.Integer");
    case QMetaType::LongLong:
        return QStringLiteral("java.lang.Long");
    case QMetaType::Double:
        return QStringLiteral("java.lang.Double");
    case QMetaType::QStringList:
    case QMetaType::QVariantList:
        return QStringLiteral("java.util.ArrayList");
    default:
        return QString::fromLatin1(value.typeName());
    }
}

// Java's Integer/Short/Long.parseXxx: optional sign, ASCII digits, no surrounding whitespace.
bool parseJavaInteger(const QString &text, qint64 min, qint64 max, qint64 *out)
{
    if (text.isEmpty())
        return false;
    const QByteArray latin = text.toLatin1();
    const char *begin = latin.constData();
    const char *end = begin + latin.size();
    bool negative = false;
    if (*begin == '+' || *begin == '-') {
        negative = *begin == '-';
        ++begin;
    }
    if (begin == end || *begin == '+' || *begin == '-')
        return false;
    for (const char *p = begin; p != end; ++p) {
        if (*p < '0' || *p > '9')
            return false;
    }
    // Parse the magnitude as unsigned so that the minimum of the range still fits.
    quint64 magnitude = 0;
    const auto res = std::from_chars(begin, end, magnitude);
    if (res.ec != std::errc() || res.ptr != end)
        return false;
    if (negative) {
        if (magnitude > quint64(-(min + 1)) + 1)
            return false;
        *out = magnitude == 0 ? 0 : qint64(0 - magnitude);
    } else {
        if (magnitude > quint64(max))
            return false;
        *out = qint64(magnitude);
    }
    return true;
}

// Java's Double.parseDouble for the forms people write: decimals with optional exponent,
// an optional f/F/d/D suffix, NaN and [+-]Infinity.
bool parseJavaDouble(const QString &text, double *out)
{
    QStringView view(text);
    if (view.isEmpty())
        return false;
    QStringView unsigned_ = view;
    const bool negative = view.front() == QLatin1Char('-');
    if (view.front() == QLatin1Char('+') || negative)
        unsigned_ = view.mid(1);
    if (unsigned_ == QLatin1String("NaN")) {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (unsigned_ == QLatin1String("Infinity")) {
        *out = negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
        return true;
    }
    const QChar last = view.back();
    if (last == QLatin1Char('f') || last == QLatin1Char('F') || last == QLatin1Char('d')
        || last == QLatin1Char('D')) {
        view.chop(1);
    }
    bool ok = false;
    const double value = Internal::parseDouble(view, &ok);
    if (ok)
        *out = value;
    return ok;
}

// Iteration order of a java.util.HashSet<String> built by adding the items in order with the
// default capacity (16) and load factor (0.75). Kafka prints CaseInsensitiveValidString's
// allowed values in this order, so we reproduce it to keep messages identical.
QStringList javaHashSetOrder(const QStringList &items)
{
    QStringList unique;
    for (const QString &item : items) {
        if (!unique.contains(item))
            unique.append(item);
    }
    sortInJavaHashOrder(unique, [](const QString &item) { return QStringView(item); });
    return unique;
}

QString numberText(qint64 n)
{
    return QString::number(n);
}

void checkRange(const QString &name, const QVariant &value, std::optional<qint64> min,
                std::optional<qint64> max)
{
    if (isNull(value))
        throw ConfigException(name, NullText, QStringLiteral("Value must be non-null"));
    // Kafka compares as doubles (Number.doubleValue()).
    bool ok = false;
    const double n = value.toDouble(&ok);
    if (min && (!ok || n < double(*min))) {
        throw ConfigException(name, ConfigDef::valueToString(value),
                              QStringLiteral("Value must be at least ") + numberText(*min));
    }
    if (max && (!ok || n > double(*max))) {
        throw ConfigException(name, ConfigDef::valueToString(value),
                              QStringLiteral("Value must be no more than ") + numberText(*max));
    }
}

QString requiredMessage(const QString &name)
{
    return QStringLiteral("Missing required configuration \"%1\" which has no default value.")
        .arg(name);
}

} // namespace

// --- definition ---------------------------------------------------------------------------

ConfigDef &ConfigDef::define(const Key &key)
{
    if (m_index.contains(key.name))
        throw ConfigException(QStringLiteral("Configuration %1 is defined twice.").arg(key.name));
    Key stored = key;
    if (stored.hasDefault()) {
        // Like Kafka's ConfigKey: the default is parsed by type and checked by the validator.
        stored.defaultValue = parseType(stored.name, *stored.defaultValue, stored.type);
        if (stored.validator)
            stored.validator.ensureValid(stored.name, *stored.defaultValue);
    }
    m_index.insert(stored.name, m_keys.size());
    m_keys.append(stored);
    return *this;
}

ConfigDef &ConfigDef::define(const QString &name, Type type,
                             const std::optional<QVariant> &defaultValue, Importance importance,
                             const QString &documentation)
{
    Key key;
    key.name = name;
    key.type = type;
    key.defaultValue = defaultValue;
    key.importance = importance;
    key.documentation = documentation;
    return define(key);
}

ConfigDef &ConfigDef::merge(const ConfigDef &other)
{
    for (const Key &key : other.m_keys) {
        if (!m_index.contains(key.name)) {
            m_index.insert(key.name, m_keys.size());
            m_keys.append(key);
        }
    }
    return *this;
}

ConfigDef ConfigDef::withPrefix(const QString &prefix) const
{
    // As Kafka's ConfigDef.embed: validators and recommenders still see unprefixed names.
    ConfigDef result;
    const qsizetype prefixLength = prefix.size();
    for (const Key &original : m_keys) {
        Key key = original;
        key.name = prefix + original.name;
        if (original.validator) {
            const Validator base = original.validator;
            key.validator.ensureValid = [base, prefixLength](const QString &name,
                                                             const QVariant &value) {
                base.ensureValid(name.mid(prefixLength), value);
            };
        }
        if (original.recommender) {
            const Recommender base = original.recommender;
            auto unprefixed = [prefix](const QVariantMap &parsed) {
                QVariantMap result;
                for (auto it = parsed.cbegin(); it != parsed.cend(); ++it) {
                    if (it.key().startsWith(prefix))
                        result.insert(it.key().mid(prefix.size()), it.value());
                }
                return result;
            };
            if (base.validValues) {
                key.recommender.validValues = [base, prefix, unprefixed](
                                                  const QString &name, const QVariantMap &parsed) {
                    return base.validValues(name.mid(prefix.size()), unprefixed(parsed));
                };
            }
            if (base.visible) {
                key.recommender.visible = [base, prefix, unprefixed](const QString &name,
                                                                     const QVariantMap &parsed) {
                    return base.visible(name.mid(prefix.size()), unprefixed(parsed));
                };
            }
        }
        key.dependents.clear();
        for (const QString &dependent : original.dependents)
            key.dependents.append(prefix + dependent);
        result.m_index.insert(key.name, result.m_keys.size());
        result.m_keys.append(key);
    }
    return result;
}

const ConfigDef::Key *ConfigDef::key(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.cend() ? nullptr : &m_keys.at(*it);
}

QStringList ConfigDef::names() const
{
    QStringList result;
    result.reserve(m_keys.size());
    for (const Key &key : m_keys)
        result.append(key.name);
    return result;
}

QStringList ConfigDef::groups() const
{
    QStringList result;
    for (const Key &key : m_keys) {
        if (!key.group.isEmpty() && !result.contains(key.group))
            result.append(key.group);
    }
    return result;
}

// --- parsing and validation ---------------------------------------------------------------

QVariantMap ConfigDef::parse(const ConfigMap &props) const
{
    QStringList undefined;
    for (const Key &key : m_keys) {
        for (const QString &dependent : key.dependents) {
            if (!m_index.contains(dependent) && !undefined.contains(dependent))
                undefined.append(dependent);
        }
    }
    if (!undefined.isEmpty()) {
        throw ConfigException(QStringLiteral("Some configurations in are referred in the "
                                             "dependents, but not defined: ")
                              + undefined.join(QLatin1Char(',')));
    }

    QVariantMap values;
    for (const Key &key : m_keys) {
        QVariant value;
        const auto it = props.constFind(key.name);
        if (it != props.cend())
            value = parseType(key.name, QVariant(it.value()), key.type);
        else if (!key.hasDefault())
            throw ConfigException(requiredMessage(key.name));
        else
            value = *key.defaultValue;
        if (key.validator)
            key.validator.ensureValid(key.name, value);
        values.insert(key.name, value);
    }
    return values;
}

QList<ConfigDef::ConfigValue> ConfigDef::validate(const ConfigMap &props) const
{
    QList<ConfigValue> results;
    results.reserve(m_keys.size());
    for (const Key &key : m_keys)
        results.append(ConfigValue{key.name, {}, {}, {}, true});

    // Kafka walks the dependency forest from the keys nobody depends on, parsing parents before
    // their dependents, then runs the recommenders over the complete parsed map.
    QSet<QString> hasParent;
    for (const Key &key : m_keys) {
        for (const QString &dependent : key.dependents)
            hasParent.insert(dependent);
    }

    QVariantMap parsed;
    QSet<QString> visited;
    std::function<void(const QString &)> parseOne = [&](const QString &name) {
        const auto index = m_index.constFind(name);
        if (index == m_index.cend() || visited.contains(name))
            return;
        visited.insert(name);
        const Key &key = m_keys.at(*index);
        ConfigValue &config = results[*index];
        QVariant value;
        const auto it = props.constFind(key.name);
        if (it != props.cend()) {
            try {
                value = parseType(key.name, QVariant(it.value()), key.type);
            } catch (const ConfigException &e) {
                config.errorMessages.append(e.message());
            }
        } else if (!key.hasDefault()) {
            config.errorMessages.append(requiredMessage(key.name));
        } else {
            value = *key.defaultValue;
        }
        if (key.validator) {
            try {
                key.validator.ensureValid(key.name, value);
            } catch (const ConfigException &e) {
                config.errorMessages.append(e.message());
            }
        }
        config.value = value;
        parsed.insert(name, value);
        for (const QString &dependent : key.dependents)
            parseOne(dependent);
    };
    for (const Key &key : m_keys) {
        if (!hasParent.contains(key.name))
            parseOne(key.name);
    }
    // Keys only reachable through a dependency cycle (Kafka would never reach them).
    for (const Key &key : m_keys)
        parseOne(key.name);

    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        const Key &key = m_keys.at(i);
        if (!key.recommender)
            continue;
        ConfigValue &config = results[i];
        try {
            if (key.recommender.validValues)
                config.recommendedValues = key.recommender.validValues(key.name, parsed);
            if (key.recommender.visible)
                config.visible = key.recommender.visible(key.name, parsed);
        } catch (const ConfigException &e) {
            config.errorMessages.append(e.message());
        }
    }

    QStringList undefined;
    for (const Key &key : m_keys) {
        for (const QString &dependent : key.dependents) {
            if (!m_index.contains(dependent) && !undefined.contains(dependent))
                undefined.append(dependent);
        }
    }
    for (const QString &name : std::as_const(undefined)) {
        results.append(ConfigValue{
            name, {}, {},
            {name + QStringLiteral(" is referred in the dependents, but not defined.")}, false});
    }
    return results;
}

QVariant ConfigDef::parseType(const QString &name, const QVariant &value, Type type)
{
    if (isNull(value))
        return {};

    const bool stringValue = isString(value);
    const QString raw = stringValue ? value.toString() : QString();
    QString trimmed = raw.trimmed();
    if (stringValue && trimmed.isNull())
        trimmed = QLatin1String(""); // blanks trim to an empty string, never to null
    auto fail = [&](const QString &reason) -> QVariant {
        throw ConfigException(name, valueToString(value), reason);
    };
    auto notANumber = [&]() -> QVariant {
        return fail(QStringLiteral("Not a number of type ") + typeName(type));
    };

    switch (type) {
    case Type::Boolean:
        if (stringValue) {
            if (trimmed.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                return true;
            if (trimmed.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                return false;
        } else if (value.typeId() == QMetaType::Bool) {
            return value.toBool();
        }
        return fail(QStringLiteral("Expected value to be either true or false"));
    case Type::Password:
    case Type::String:
        if (stringValue)
            return trimmed;
        return fail(QStringLiteral("Expected value to be a string, but it was a ")
                    + javaClassOf(value));
    case Type::Class:
        if (stringValue)
            return trimmed;
        return fail(QStringLiteral("Expected a Class instance or class name."));
    case Type::Int:
    case Type::Short:
    case Type::Long: {
        const qint64 min = type == Type::Int     ? std::numeric_limits<qint32>::min()
                           : type == Type::Short ? std::numeric_limits<qint16>::min()
                                                 : std::numeric_limits<qint64>::min();
        const qint64 max = type == Type::Int     ? std::numeric_limits<qint32>::max()
                           : type == Type::Short ? std::numeric_limits<qint16>::max()
                                                 : std::numeric_limits<qint64>::max();
        qint64 n = 0;
        if (stringValue) {
            if (!parseJavaInteger(trimmed, min, max, &n))
                return notANumber();
        } else if (isIntegral(value)) {
            bool ok = false;
            n = value.toLongLong(&ok);
            if (!ok || n < min || n > max)
                return notANumber();
        } else {
            QString expected = QStringLiteral("a 64-bit integer (long)");
            if (type == Type::Int)
                expected = QStringLiteral("a 32-bit integer");
            else if (type == Type::Short)
                expected = QStringLiteral("a 16-bit integer (short)");
            return fail(QStringLiteral("Expected value to be %1, but it was a %2")
                            .arg(expected, javaClassOf(value)));
        }
        if (type == Type::Long)
            return QVariant(qint64(n));
        return QVariant(int(n));
    }
    case Type::Double: {
        double d = 0;
        if (stringValue) {
            if (!parseJavaDouble(trimmed, &d))
                return notANumber();
            return d;
        }
        if (isNumber(value))
            return value.toDouble();
        return fail(QStringLiteral("Expected value to be a double, but it was a ")
                    + javaClassOf(value));
    }
    case Type::List:
        if (value.typeId() == QMetaType::QStringList)
            return value;
        if (value.typeId() == QMetaType::QVariantList)
            return value.toStringList();
        if (stringValue) {
            if (trimmed.isEmpty())
                return QStringList();
            // Kafka splits on \s*,\s* keeping empty items ("a,,b" has three).
            static const QRegularExpression commaWithWhitespace(QStringLiteral("\\s*,\\s*"));
            return trimmed.split(commaWithWhitespace);
        }
        return fail(QStringLiteral("Expected a comma separated list."));
    }
    Q_UNREACHABLE();
    return {};
}

QString ConfigDef::convertToString(const QVariant &parsed, Type type)
{
    if (isNull(parsed))
        return {};
    switch (type) {
    case Type::Boolean:
        return parsed.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Short:
    case Type::Int:
    case Type::Long:
        return QString::number(parsed.toLongLong());
    case Type::Double:
        return Internal::javaDoubleToString(parsed.toDouble());
    case Type::String:
    case Type::Class:
        return parsed.toString();
    case Type::Password:
        // Kafka's Password.toString(): the value never leaves the worker in validation output.
        return QStringLiteral("[hidden]");
    case Type::List: {
        const QString joined = parsed.toStringList().join(QLatin1Char(','));
        return joined.isNull() ? QLatin1String("") : joined; // an empty list is "", not null
    }
    }
    return parsed.toString();
}

QString ConfigDef::valueToString(const QVariant &value)
{
    if (isNull(value))
        return NullText;
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Double:
    case QMetaType::Float:
        return Internal::javaDoubleToString(value.toDouble());
    case QMetaType::QStringList:
        return QLatin1Char('[') + value.toStringList().join(QLatin1String(", ")) + QLatin1Char(']');
    case QMetaType::QVariantList: {
        QStringList items;
        for (const QVariant &item : value.toList())
            items.append(valueToString(item));
        return QLatin1Char('[') + items.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    default:
        return value.toString();
    }
}

QString ConfigDef::typeName(Type type)
{
    switch (type) {
    case Type::Boolean:
        return QStringLiteral("BOOLEAN");
    case Type::String:
        return QStringLiteral("STRING");
    case Type::Int:
        return QStringLiteral("INT");
    case Type::Short:
        return QStringLiteral("SHORT");
    case Type::Long:
        return QStringLiteral("LONG");
    case Type::Double:
        return QStringLiteral("DOUBLE");
    case Type::List:
        return QStringLiteral("LIST");
    case Type::Class:
        return QStringLiteral("CLASS");
    case Type::Password:
        return QStringLiteral("PASSWORD");
    }
    return {};
}

QString ConfigDef::importanceName(Importance importance)
{
    switch (importance) {
    case Importance::High:
        return QStringLiteral("HIGH");
    case Importance::Medium:
        return QStringLiteral("MEDIUM");
    case Importance::Low:
        return QStringLiteral("LOW");
    }
    return {};
}

QString ConfigDef::widthName(Width width)
{
    switch (width) {
    case Width::None:
        return QStringLiteral("NONE");
    case Width::Short:
        return QStringLiteral("SHORT");
    case Width::Medium:
        return QStringLiteral("MEDIUM");
    case Width::Long:
        return QStringLiteral("LONG");
    }
    return {};
}

// --- validators ---------------------------------------------------------------------------

ConfigDef::Validator ConfigDef::atLeast(qint64 min)
{
    return {[min](const QString &name, const QVariant &value) {
                checkRange(name, value, min, std::nullopt);
            },
            QStringLiteral("[%1,...]").arg(min)};
}

ConfigDef::Validator ConfigDef::between(qint64 min, qint64 max)
{
    return {[min, max](const QString &name, const QVariant &value) {
                checkRange(name, value, min, max);
            },
            QStringLiteral("[%1,...,%2]").arg(min).arg(max)};
}

ConfigDef::Validator ConfigDef::validString(const QStringList &allowed)
{
    const QString joined = allowed.join(QLatin1String(", "));
    return {[allowed, joined](const QString &name, const QVariant &value) {
                if (isNull(value) || !allowed.contains(value.toString())) {
                    throw ConfigException(name, valueToString(value),
                                          QStringLiteral("String must be one of: ") + joined);
                }
            },
            QLatin1Char('[') + joined + QLatin1Char(']')};
}

ConfigDef::Validator ConfigDef::caseInsensitiveValidString(const QStringList &allowed)
{
    QStringList upper;
    for (const QString &s : allowed)
        upper.append(s.toUpper());
    const QStringList ordered = javaHashSetOrder(upper);
    const QString joined = ordered.join(QLatin1String(", "));
    return {[ordered, joined](const QString &name, const QVariant &value) {
                if (isNull(value) || !ordered.contains(value.toString().toUpper())) {
                    throw ConfigException(
                        name, valueToString(value),
                        QStringLiteral("String must be one of (case insensitive): ") + joined);
                }
            },
            QStringLiteral("(case insensitive) [") + joined + QLatin1Char(']')};
}

ConfigDef::Validator ConfigDef::nonEmptyString()
{
    return {[](const QString &name, const QVariant &value) {
                if (!isNull(value) && value.toString().isEmpty()) {
                    throw ConfigException(name, value.toString(),
                                          QStringLiteral("String must be non-empty"));
                }
            },
            QStringLiteral("non-empty string")};
}

ConfigDef::Validator ConfigDef::nonEmptyStringWithoutControlChars()
{
    return {[](const QString &name, const QVariant &value) {
                // A missing name is reported by the required-key check, not here.
                if (isNull(value))
                    return;
                const QString s = value.toString();
                if (s.isEmpty())
                    throw ConfigException(name, s, QStringLiteral("String may not be empty"));
                QStringList found;
                for (const QChar c : s) {
                    // Character.isISOControl: U+0000..U+001F and U+007F..U+009F.
                    const ushort u = c.unicode();
                    if (u <= 0x1F || (u >= 0x7F && u <= 0x9F))
                        found.append(QString::number(u));
                }
                if (!found.isEmpty()) {
                    throw ConfigException(
                        name, s,
                        QStringLiteral("String may not contain control sequences but had the "
                                       "following ASCII chars: ")
                            + found.join(QLatin1String(", ")));
                }
            },
            QStringLiteral("non-empty string without ISO control characters")};
}

ConfigDef::Validator ConfigDef::nonNullString()
{
    return {[](const QString &name, const QVariant &value) {
                if (isNull(value))
                    throw ConfigException(name, NullText, QStringLiteral("entry must be non null"));
            },
            QStringLiteral("non-null string")};
}

ConfigDef::Validator ConfigDef::validList(const Validator &itemValidator)
{
    return {[itemValidator](const QString &name, const QVariant &value) {
                if (isNull(value) || !itemValidator)
                    return;
                for (const QString &item : value.toStringList())
                    itemValidator.ensureValid(name, item);
            },
            itemValidator.description};
}

ConfigDef::Validator ConfigDef::lambda(std::function<void(const QString &, const QVariant &)> check,
                                       const QString &description)
{
    return {std::move(check), description};
}

ConfigDef::Validator ConfigDef::composite(const QList<Validator> &validators)
{
    QStringList descriptions;
    for (const Validator &v : validators) {
        if (!v.description.isEmpty())
            descriptions.append(v.description);
    }
    return {[validators](const QString &name, const QVariant &value) {
                for (const Validator &v : validators) {
                    if (v)
                        v.ensureValid(name, value);
                }
            },
            descriptions.join(QLatin1String(", "))};
}

// --- AbstractConfig -----------------------------------------------------------------------

AbstractConfig::AbstractConfig(const ConfigDef &definition, const ConfigMap &originals)
    : m_definition(definition)
    , m_originals(originals)
    , m_values(definition.parse(originals))
{}

ConfigMap AbstractConfig::originalsWithPrefix(const QString &prefix, bool strip) const
{
    ConfigMap result;
    for (auto it = m_originals.cbegin(); it != m_originals.cend(); ++it) {
        // As Kafka: the bare prefix itself is not an entry.
        if (it.key().startsWith(prefix) && it.key().size() > prefix.size())
            result.insert(strip ? it.key().mid(prefix.size()) : it.key(), it.value());
    }
    return result;
}

QVariant AbstractConfig::checkedValue(const QString &name) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.cend())
        throw ConfigException(QStringLiteral("Unknown configuration '%1'").arg(name));
    return isNull(*it) ? QVariant() : *it;
}

QVariant AbstractConfig::get(const QString &name) const
{
    return checkedValue(name);
}

bool AbstractConfig::getBoolean(const QString &name) const
{
    return checkedValue(name).toBool();
}

int AbstractConfig::getInt(const QString &name) const
{
    return checkedValue(name).toInt();
}

qint16 AbstractConfig::getShort(const QString &name) const
{
    return qint16(checkedValue(name).toInt());
}

qint64 AbstractConfig::getLong(const QString &name) const
{
    return checkedValue(name).toLongLong();
}

double AbstractConfig::getDouble(const QString &name) const
{
    return checkedValue(name).toDouble();
}

QString AbstractConfig::getString(const QString &name) const
{
    return checkedValue(name).toString();
}

QStringList AbstractConfig::getList(const QString &name) const
{
    return checkedValue(name).toStringList();
}

} // namespace ConnectDesk::Api
