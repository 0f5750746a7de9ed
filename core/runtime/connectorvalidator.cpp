// SPDX-License-Identifier: Apache-2.0
#include "connectorvalidator.h"

#include "core/api/connector.h"
#include "core/api/javahash.h"
#include "core/api/converter.h"
#include "core/api/exceptions.h"
#include "core/api/transformation.h"
#include "core/config/connectorconfig.h"
#include "core/plugin/pluginregistry.h"

#include <QHash>

#include <algorithm>

namespace ConnectDesk::Runtime {

namespace {

using Api::ConfigDef;
using Api::ConfigException;
using Api::ConfigMap;
using Api::PluginType;
using Key = ConfigDef::Key;
using ConfigValue = ConfigDef::ConfigValue;

// Kafka's Class.forName goes through a class loader that knows every plugin class, whatever
// its kind; a name is then checked against the interface the key wants.
const QList<PluginType> AnyType
    = {PluginType::Source,     PluginType::Sink,      PluginType::Transformation,
       PluginType::Predicate,  PluginType::Converter, PluginType::HeaderConverter,
       PluginType::SourceTask, PluginType::SinkTask};

const QString NullValueMessage
    = QStringLiteral("Null value can not be supplied as the configuration value.");

bool isNullValue(const QVariant &value)
{
    if (!value.isValid() || value.typeId() == QMetaType::Nullptr)
        return true;
    return value.typeId() == QMetaType::QString && value.toString().isNull();
}

// Iteration order of a java.util.HashMap<String, ConfigValue> filled by put() in list order
// (default capacity 16, load factor 0.75): Kafka's ConfigDef.validate returns its values in
// this order, and so they reach the REST output for converter keys and undeclared keys. Within
// a bucket entries keep insertion order (resizes split buckets stably); put() on an existing
// name keeps its position and replaces the value.
QList<ConfigValue> javaHashMapOrder(const QList<ConfigValue> &values)
{
    QList<ConfigValue> unique;
    QHash<QString, qsizetype> index;
    for (const ConfigValue &value : values) {
        const auto it = index.constFind(value.name);
        if (it != index.cend()) {
            unique[*it] = value;
        } else {
            index.insert(value.name, unique.size());
            unique.append(value);
        }
    }
    Api::sortInJavaHashOrder(unique, [](const ConfigValue &value) { return QStringView(value.name); });
    return unique;
}

ConfigValue *findValue(QList<ConfigValue> &values, const QString &name)
{
    for (ConfigValue &value : values) {
        if (value.name == name)
            return &value;
    }
    return nullptr;
}

QString interfaceName(PluginType type)
{
    switch (type) {
    case PluginType::Converter:
        return QStringLiteral("Converter");
    case PluginType::HeaderConverter:
        return QStringLiteral("HeaderConverter");
    case PluginType::Transformation:
        return QStringLiteral("Transformation");
    case PluginType::Predicate:
        return QStringLiteral("Predicate");
    default:
        return QStringLiteral("Connector");
    }
}

std::optional<Plugin::PluginClass> findClass(const Plugin::PluginRegistry &registry,
                                             const QString &className, PluginType type)
{
    for (const auto &cls : registry.classes()) {
        if (cls.className == className && cls.type == type)
            return cls;
    }
    return std::nullopt;
}

// What a CLASS key names. Kafka parses the value with Class.forName (an unknown name is a parse
// error and the value becomes null), then checks the class against the expected interface.
struct ClassCheck
{
    QString key;
    PluginType expected = PluginType::Converter;
    /** The key is set to a non-null value. */
    bool present = false;
    QString raw;
    /** The class the name resolves to, of any kind; unset when nothing matches. */
    std::optional<Plugin::PluginClass> found;
    /** The class registered with the expected kind (set iff it is one). */
    std::optional<Plugin::PluginClass> expectedClass;

    QString notFoundMessage() const
    {
        return ConfigException(key, raw, QStringLiteral("Class %1 could not be found.").arg(raw))
            .message();
    }
    QString wrongKindMessage() const
    {
        return QStringLiteral("Class class %1 does not implement the %2 interface")
            .arg(found->className, interfaceName(expected));
    }
};

ClassCheck checkClass(const Plugin::PluginRegistry &registry, const ConfigMap &props,
                      const QString &key, PluginType expected)
{
    ClassCheck check;
    check.key = key;
    check.expected = expected;
    const auto it = props.constFind(key);
    if (it == props.cend() || it->isNull())
        return check;
    check.present = true;
    check.raw = *it;
    if (auto cls = registry.resolve(check.raw, {expected})) {
        check.found = cls.value();
        check.expectedClass = cls.value();
        return check;
    }
    if (auto cls = registry.resolve(check.raw, AnyType)) {
        check.found = cls.value();
        // Aliases are per class in Kafka: a name that reached the class through another kind
        // still names a class of the expected kind when it is registered as both.
        check.expectedClass = findClass(registry, cls.value().className, expected);
    }
    return check;
}

// Kafka's ConfigDef.sortedConfigs order: keys without a group first, then by group (in order
// of first use), order in group, required before optional, importance and name.
QList<Key> kafkaSortedKeys(const QList<Key> &keys)
{
    QHash<QString, int> groupOrder;
    for (const Key &key : keys) {
        if (!key.group.isEmpty() && !groupOrder.contains(key.group))
            groupOrder.insert(key.group, int(groupOrder.size()));
    }
    auto compare = [&groupOrder](const Key &a, const Key &b) {
        int cmp = 0;
        if (a.group.isEmpty())
            cmp = b.group.isEmpty() ? 0 : -1;
        else if (b.group.isEmpty())
            cmp = 1;
        else
            cmp = groupOrder.value(a.group) - groupOrder.value(b.group);
        if (cmp != 0)
            return cmp;
        if (a.orderInGroup != b.orderInGroup)
            return a.orderInGroup < b.orderInGroup ? -1 : 1;
        if (!a.hasDefault() && b.hasDefault())
            return -1;
        if (!b.hasDefault() && a.hasDefault())
            return 1;
        if (a.importance != b.importance)
            return int(a.importance) < int(b.importance) ? -1 : 1;
        return a.name.compare(b.name);
    };
    QList<Key> sorted = keys;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](const Key &a, const Key &b) { return compare(a, b) < 0; });
    return sorted;
}

// Kafka's short ConfigDef.define overloads use the key name as display name; keep that name
// when the key is later embedded under a prefix.
Key withDisplayName(Key key)
{
    if (key.displayName.isEmpty())
        key.displayName = key.name;
    return key;
}

QStringList classNamesOf(const Plugin::PluginRegistry &registry, PluginType type)
{
    QStringList names;
    for (const auto &cls : registry.classes(type)) {
        if (!names.contains(cls.className))
            names.append(cls.className);
    }
    // Kafka lists them from a sorted set of plugin descriptors (class name first).
    std::sort(names.begin(), names.end());
    return names;
}

/** The framework ConfigDef of a connector enriched for one config (Kafka's
 *  ConnectorConfig.enrich), plus the CLASS keys to fix up after validation. */
struct EnrichedDef
{
    ConfigDef def;
    QList<ClassCheck> classChecks;
};

struct ConverterKey
{
    const char *key;
    PluginType type;
    const char *converterType;
    const char *description;
};

// Validation order of Kafka's AbstractHerder: header, key, value.
constexpr ConverterKey ConverterKeys[] = {
    {Config::ConnectorKeys::HeaderConverter, PluginType::HeaderConverter, "header",
     "header converter"},
    {Config::ConnectorKeys::KeyConverter, PluginType::Converter, "key", "key converter"},
    {Config::ConnectorKeys::ValueConverter, PluginType::Converter, "value", "value converter"},
};

// The converter keys get Kafka's ConcreteSubClassValidator + InstantiableClassValidator.
ConfigDef withConverterValidators(const ConfigDef &base, const ConfigMap &props,
                                  Plugin::PluginRegistry &registry, QList<ClassCheck> &checks)
{
    ConfigDef def;
    for (Key key : base.keys()) {
        for (const ConverterKey &converter : ConverterKeys) {
            if (key.name != QLatin1String(converter.key))
                continue;
            const ClassCheck check = checkClass(registry, props, key.name, converter.type);
            checks.append(check);
            key.validator = ConfigDef::lambda(
                [check, &registry](const QString &name, const QVariant &value) {
                    // Null when unset or when the class could not be found.
                    if (isNullValue(value) || !check.found)
                        return;
                    if (!check.expectedClass)
                        throw ConfigException(check.wrongKindMessage());
                    auto instance = registry.create(*check.expectedClass);
                    if (!instance) {
                        throw ConfigException(name, check.found->className,
                                              QStringLiteral("Could not instantiate class: ")
                                                  + instance.error().message);
                    }
                },
                QStringLiteral("A concrete subclass of org.apache.kafka.connect.storage.%1, A "
                               "class with a public, no-argument constructor")
                    .arg(interfaceName(converter.type)));
        }
        def.define(key);
    }
    return def;
}

struct AliasKind
{
    const char *listKey;
    const char *group;
    PluginType type;
};

// One transforms / predicates list: a `type` key per alias plus the plugin's keys, prefixed.
Util::Error enrichAliases(EnrichedDef &enriched, const AliasKind &kind, const ConfigMap &props,
                          Plugin::PluginRegistry &registry)
{
    const bool transform = kind.type == PluginType::Transformation;
    const QString listKey = QString::fromLatin1(kind.listKey);
    const QString kindName = interfaceName(kind.type);
    const QString kindLower = kindName.toLower();
    const auto listIt = props.constFind(listKey);
    const QVariant parsed = ConfigDef::parseType(
        listKey, listIt == props.cend() ? QVariant() : QVariant(*listIt), ConfigDef::Type::List);
    if (!parsed.isValid())
        return {};
    QStringList aliases;
    for (const QString &alias : parsed.toStringList()) {
        if (!aliases.contains(alias))
            aliases.append(alias);
    }

    for (const QString &alias : std::as_const(aliases)) {
        const QString prefix = listKey + QLatin1Char('.') + alias + QLatin1Char('.');
        const QString group = QString::fromLatin1(kind.group) + QStringLiteral(": ") + alias;
        const QString typeKey = prefix + QStringLiteral("type");
        const ClassCheck check = checkClass(registry, props, typeKey, kind.type);

        // The plugin's own keys, from a temporary instance.
        std::optional<ConfigDef> pluginDef;
        QString instanceError;
        if (check.expectedClass) {
            auto instance = registry.create(*check.expectedClass);
            if (!instance) {
                instanceError = instance.error().message;
            } else {
                try {
                    if (transform) {
                        if (auto *smt = dynamic_cast<Api::Transformation *>(instance.value().get()))
                            pluginDef = smt->config();
                    } else if (auto *predicate
                               = dynamic_cast<Api::Predicate *>(instance.value().get())) {
                        pluginDef = predicate->config();
                    }
                } catch (const std::exception &e) {
                    return Util::Error{
                        QStringLiteral("%1.config() failed: %2")
                            .arg(check.expectedClass->className, Api::exceptionMessage(e)),
                        500};
                }
                if (!pluginDef)
                    instanceError = QStringLiteral("not a %1").arg(kindName);
            }
        }

        const QString negateKey = prefix + QStringLiteral("negate");
        const QString predicateKey = prefix + QStringLiteral("predicate");
        const bool negateWithoutPredicate
            = transform && props.contains(negateKey) && !props.contains(predicateKey);
        Key typeDef;
        typeDef.name = typeKey;
        typeDef.type = ConfigDef::Type::Class;
        typeDef.defaultValue = std::nullopt;
        typeDef.validator = ConfigDef::lambda(
            [=](const QString &name, const QVariant &value) {
                if (negateWithoutPredicate) {
                    throw ConfigException(
                        QStringLiteral("Config '%1' was provided but there is no config '%2' "
                                       "defining a predicate to be negated.")
                            .arg(negateKey, predicateKey));
                }
                // Null when unset or when the class could not be found.
                if (isNullValue(value) || !check.found)
                    return;
                if (!check.expectedClass)
                    throw ConfigException(check.wrongKindMessage());
                if (!instanceError.isEmpty()) {
                    throw ConfigException(
                        name, QStringLiteral("class ") + check.found->className,
                        QStringLiteral("Error getting config definition from %1: %2")
                            .arg(kindName, instanceError));
                }
            },
            QStringLiteral("valid configs for %1 %2").arg(alias, kindLower));
        typeDef.importance = ConfigDef::Importance::High;
        typeDef.documentation = QStringLiteral("Class for the '%1' %2.").arg(alias, kindLower);
        typeDef.group = group;
        typeDef.orderInGroup = 0;
        typeDef.width = ConfigDef::Width::Long;
        typeDef.displayName = QStringLiteral("%1 type for %2").arg(kindName, alias);
        const QStringList recommended = classNamesOf(registry, kind.type);
        typeDef.recommender.validValues = [recommended](const QString &, const QVariantMap &) {
            QVariantList values;
            for (const QString &name : recommended)
                values.append(name);
            return values;
        };
        typeDef.recommender.visible = [](const QString &, const QVariantMap &) {
            return true;
        };
        enriched.def.define(typeDef);
        enriched.classChecks.append(check);

        if (!pluginDef)
            continue; // Kafka adds only the type key when the class is not usable
        QList<Key> childKeys;
        if (transform) {
            // Every transform has these two implicitly; they mask the transform's own keys of
            // the same names.
            Key predicate;
            predicate.name = QStringLiteral("predicate");
            predicate.type = ConfigDef::Type::String;
            predicate.defaultValue = QVariant();
            predicate.importance = ConfigDef::Importance::Medium;
            predicate.documentation
                = QStringLiteral("The alias of a predicate used to determine whether to apply this "
                                 "transformation.");
            Key negate;
            negate.name = QStringLiteral("negate");
            negate.type = ConfigDef::Type::Boolean;
            negate.defaultValue = false;
            negate.importance = ConfigDef::Importance::Medium;
            negate.documentation
                = QStringLiteral("Whether the configured predicate should be negated.");
            childKeys << withDisplayName(predicate) << withDisplayName(negate);
        }
        for (const Key &key : pluginDef->keys()) {
            if (transform
                && (key.name == QLatin1String("predicate") || key.name == QLatin1String("negate")))
                continue;
            childKeys.append(withDisplayName(key));
        }
        ConfigDef child;
        for (const Key &key : kafkaSortedKeys(childKeys))
            child.define(key);
        const ConfigDef embedded = child.withPrefix(prefix);
        int order = 1;
        for (Key key : embedded.keys()) {
            key.group = key.group.isEmpty() ? group : group + QStringLiteral(": ") + key.group;
            key.orderInGroup = order++;
            enriched.def.define(key);
        }
    }
    return {};
}

Util::Result<EnrichedDef> enrich(const ConfigDef &base, const ConfigMap &props,
                                 Plugin::PluginRegistry &registry)
{
    EnrichedDef enriched;
    try {
        enriched.def = withConverterValidators(base, props, registry, enriched.classChecks);
        const AliasKind kinds[] = {
            {Config::ConnectorKeys::Transforms, Config::ConnectorGroups::Transforms,
             PluginType::Transformation},
            {Config::ConnectorKeys::Predicates, Config::ConnectorGroups::Predicates,
             PluginType::Predicate},
        };
        for (const AliasKind &kind : kinds) {
            if (Util::Error error = enrichAliases(enriched, kind, props, registry))
                return error;
        }
    } catch (const ConfigException &e) {
        // A plugin key clashing with a generated one ("... is defined twice."), as in Kafka.
        return Util::Error{e.message(), 500};
    }
    return enriched;
}

// After ConfigDef::validate: a CLASS value becomes the class's full name, or null with Kafka's
// parse error first when no class matches.
void fixClassValues(const QList<ClassCheck> &checks, QList<ConfigValue> &values)
{
    for (const ClassCheck &check : checks) {
        ConfigValue *value = findValue(values, check.key);
        if (!value || !check.present)
            continue;
        if (check.found) {
            value->value = check.found->className;
        } else {
            value->value = QVariant();
            value->errorMessages.prepend(check.notFoundMessage());
        }
    }
}

// The entries a converter named in the connector config adds (Kafka's validateConverterConfig +
// prefixedConfigInfos). Returns nothing when no converter is set or its class is not usable.
struct PartialInfos
{
    QList<ConfigInfo> configs;
    QStringList groups;
    int errorCount = 0;
};

std::optional<PartialInfos> validateConverter(const ConverterKey &converter, const ConfigMap &props,
                                              const QList<ClassCheck> &checks,
                                              QList<ConfigValue> &validated,
                                              Plugin::PluginRegistry &registry)
{
    const QString key = QString::fromLatin1(converter.key);
    const auto it = props.constFind(key);
    ConfigValue *classValue = findValue(validated, key);
    if (it == props.cend() || it->isNull() || !classValue || !classValue->errorMessages.isEmpty())
        return std::nullopt;
    const auto check = std::find_if(checks.cbegin(), checks.cend(),
                                    [&](const ClassCheck &c) { return c.key == key; });
    if (check == checks.cend() || !check->expectedClass)
        return std::nullopt;

    const QString description = QString::fromLatin1(converter.description);
    auto instance = registry.create(*check->expectedClass);
    if (!instance) {
        classValue->errorMessages.append(
            QStringLiteral("Failed to load class %1: %2").arg(*it, instance.error().message));
        return std::nullopt;
    }
    ConfigDef def;
    try {
        if (converter.type == PluginType::HeaderConverter) {
            auto *headerConverter = dynamic_cast<Api::HeaderConverter *>(instance.value().get());
            if (!headerConverter)
                throw Api::ConnectException(QStringLiteral("not a HeaderConverter"));
            def = headerConverter->config();
        } else {
            auto *plain = dynamic_cast<Api::Converter *>(instance.value().get());
            if (!plain)
                throw Api::ConnectException(QStringLiteral("not a Converter"));
            def = plain->config();
        }
    } catch (const std::exception &e) {
        classValue->errorMessages.append(QStringLiteral("Failed to load ConfigDef from %1: %2")
                                             .arg(description, Api::exceptionMessage(e)));
        return std::nullopt;
    }

    const QString prefix = key + QLatin1Char('.');
    ConfigMap pluginConfig;
    for (auto entry = props.cbegin(); entry != props.cend(); ++entry) {
        if (entry.key().startsWith(prefix) && entry.key().size() > prefix.size())
            pluginConfig.insert(entry.key().mid(prefix.size()), entry.value());
    }
    const QString typeConfig = QStringLiteral("converter.type");
    if (!pluginConfig.contains(typeConfig))
        pluginConfig.insert(typeConfig, QString::fromLatin1(converter.converterType));

    QList<ConfigValue> values;
    try {
        values = def.validate(pluginConfig);
    } catch (const std::exception &e) {
        classValue->errorMessages.append(
            QStringLiteral("Failed to perform config validation for %1: %2")
                .arg(description, Api::exceptionMessage(e)));
        return std::nullopt;
    }

    PartialInfos infos;
    for (const ConfigValue &value : javaHashMapOrder(values)) {
        ConfigInfo info;
        if (const Key *definition = def.key(value.name)) {
            if (!definition->group.isEmpty() && !infos.groups.contains(definition->group))
                infos.groups.append(definition->group);
            // Only the name gets the prefix (dependents and group stay as declared).
            Key prefixed = withDisplayName(*definition);
            prefixed.name = prefix + definition->name;
            info.definition = prefixed;
        }
        ConfigValue prefixedValue = value;
        prefixedValue.name = prefix + value.name;
        prefixedValue.visible = true; // Kafka rebuilds the value without its visibility
        if (!prefixedValue.errorMessages.isEmpty())
            ++infos.errorCount;
        info.value = prefixedValue;
        infos.configs.append(info);
    }
    return infos;
}

// Java's AbstractMap.toString(), as Kafka prints a connector config in messages.
QString javaMapText(const ConfigMap &config)
{
    QStringList entries;
    for (auto it = config.cbegin(); it != config.cend(); ++it) {
        entries.append(it.key() + QLatin1Char('=')
                       + (it.value().isNull() ? QStringLiteral("null") : it.value()));
    }
    return QLatin1Char('{') + entries.join(QLatin1String(", ")) + QLatin1Char('}');
}

void appendUnique(QStringList &list, const QStringList &items)
{
    for (const QString &item : items) {
        if (!list.contains(item))
            list.append(item);
    }
}

} // namespace

namespace {

// Distributed mode (Kafka's DistributedHerder.validateSinkConnectorGroupId): a sink's consumer
// group must not be the workers' own group.
void addSinkGroupIdErrors(const ConfigMap &config, const QString &workerGroupId, QList<ConfigValue> &validated)
{
    const QString overrideKey = QStringLiteral("consumer.override.group.id");
    const auto overridden = config.constFind(overrideKey);
    if (overridden != config.cend()) {
        if (*overridden != workerGroupId)
            return;
        ConfigValue *value = findValue(validated, overrideKey);
        if (!value) {
            validated.append(ConfigValue{overrideKey, *overridden, {}, {}, true});
            value = &validated.last();
        }
        value->errorMessages.append(QStringLiteral("Consumer group %1 conflicts with Connect worker group %2")
                                        .arg(*overridden, workerGroupId));
        return;
    }
    const QString name = config.value(QStringLiteral("name")).trimmed();
    if (QStringLiteral("connect-%1").arg(name) != workerGroupId)
        return;
    if (ConfigValue *value = findValue(validated, QStringLiteral("name")))
        value->errorMessages.append(QStringLiteral("Consumer group for sink connector named %1 conflicts with "
                                                   "Connect worker group %2").arg(name, workerGroupId));
}

} // namespace

QStringList ConnectorValidation::errors() const
{
    QStringList result;
    for (const ConfigInfo &info : configs) {
        if (info.value)
            result.append(info.value->errorMessages);
    }
    return result;
}

Util::Result<ConnectorValidation> validateConnectorConfig(const Api::ConfigMap &config,
                                                          Plugin::PluginRegistry &registry,
                                                          const QString &workerGroupId)
{
    const QString connectorClassKey = QString::fromLatin1(Config::ConnectorKeys::ConnectorClass);
    const auto classIt = config.constFind(connectorClassKey);
    if (classIt == config.cend() || classIt->isNull()) {
        return Util::Error{QStringLiteral("Connector config %1 contains no connector type")
                               .arg(javaMapText(config)),
                           400};
    }
    const QString className = classIt->trimmed();
    auto cls = registry.resolve(className, {PluginType::Source, PluginType::Sink});
    if (!cls)
        return Util::Error{cls.error().message, 500};
    auto connector
        = registry.createAs<Api::Connector>(className, {PluginType::Source, PluginType::Sink});
    if (!connector)
        return Util::Error{connector.error().message, 500};

    ConnectorValidation result;
    result.name = *classIt;
    result.connectorClass = className;
    const bool sink = cls.value().type == PluginType::Sink;
    result.type = sink ? QStringLiteral("sink") : QStringLiteral("source");

    // 1. Framework keys, enriched with transforms, predicates and converter class checks.
    auto enriched
        = enrich(sink ? Config::sinkConnectorConfigDef() : Config::sourceConnectorConfigDef(),
                 config, registry);
    if (!enriched)
        return enriched.error();
    const ConfigDef &framework = enriched->def;
    QList<ConfigValue> validated = framework.validate(config);
    fixClassValues(enriched->classChecks, validated);
    if (sink)
        Config::addSinkTopicErrors(config, validated);
    if (sink && !workerGroupId.isEmpty())
        addSinkGroupIdErrors(config, workerGroupId, validated);
    for (auto it = config.cbegin(); it != config.cend(); ++it) {
        if (!it.value().isNull())
            continue;
        ConfigValue *value = findValue(validated, it.key());
        if (!value) {
            validated.append(ConfigValue{it.key(), {}, {}, {}, true});
            value = &validated.last();
        }
        value->errorMessages.append(NullValueMessage);
    }

    // 2. The connector's own keys and checks.
    ConfigDef connectorDef;
    QList<ConfigValue> connectorValues;
    try {
        connectorDef = connector.value()->config();
        connectorValues = connector.value()->validate(config);
    } catch (const std::exception &e) {
        return Util::Error{QStringLiteral("Connector %1 failed to validate its configuration: %2")
                               .arg(className, Api::exceptionMessage(e)),
                           500};
    }

    // 3. Converters named in the config (their errors on the class key count in step 4).
    QList<PartialInfos> converterInfos;
    for (const ConverterKey &converter : ConverterKeys) {
        if (auto infos
            = validateConverter(converter, config, enriched->classChecks, validated, registry))
            converterInfos.append(*infos);
    }

    // 4. Kafka's generateResult: framework definitions in order, the connector's replacing
    // same-named ones in place; the last value reported for a name wins.
    QList<Key> keys = framework.keys();
    QHash<QString, qsizetype> keyIndex;
    for (qsizetype i = 0; i < keys.size(); ++i)
        keyIndex.insert(keys.at(i).name, i);
    for (const Key &key : connectorDef.keys()) {
        const auto it = keyIndex.constFind(key.name);
        if (it != keyIndex.cend()) {
            keys[*it] = key;
        } else {
            keyIndex.insert(key.name, keys.size());
            keys.append(key);
        }
    }
    result.groups = framework.groups();
    appendUnique(result.groups, connectorDef.groups());

    const QList<ConfigValue> allValues = javaHashMapOrder(validated) + connectorValues;
    QHash<QString, ConfigValue> valueByName;
    for (const ConfigValue &value : allValues) {
        valueByName.insert(value.name, value);
        if (!keyIndex.contains(value.name)) {
            result.configs.append(ConfigInfo{std::nullopt, value});
            result.errorCount += int(value.errorMessages.size());
        }
    }
    for (const Key &key : std::as_const(keys)) {
        ConfigInfo info{key, std::nullopt};
        const auto it = valueByName.constFind(key.name);
        if (it != valueByName.cend()) {
            info.value = *it;
            result.errorCount += int(it->errorMessages.size());
        }
        result.configs.append(info);
    }

    // 5. Merge the converter parts after the main one.
    for (const PartialInfos &infos : std::as_const(converterInfos)) {
        result.configs.append(infos.configs);
        appendUnique(result.groups, infos.groups);
        result.errorCount += infos.errorCount;
    }

    for (const ConfigInfo &info : std::as_const(result.configs)) {
        if (info.value)
            result.values.append(*info.value);
    }
    return result;
}

QString invalidConfigMessage(const QStringList &errors)
{
    return QStringLiteral(
               "Connector configuration is invalid and contains the following %1 error(s):\n%2\n"
               "You can also find the above list of errors at the endpoint "
               "`/connector-plugins/{connectorType}/config/validate`")
        .arg(errors.size())
        .arg(errors.join(QLatin1Char('\n')));
}

QString invalidConfigMessage(const ConnectorValidation &validation)
{
    QString message
        = QStringLiteral("Connector configuration is invalid and contains the following "
                         "%1 error(s):")
              .arg(validation.errorCount);
    for (const QString &error : validation.errors())
        message += QLatin1Char('\n') + error;
    return message
           + QStringLiteral("\nYou can also find the above list of errors at the endpoint "
                            "`/connector-plugins/{connectorType}/config/validate`");
}

} // namespace ConnectDesk::Runtime
