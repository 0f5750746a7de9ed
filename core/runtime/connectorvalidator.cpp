// SPDX-License-Identifier: Apache-2.0
#include "connectorvalidator.h"

#include "core/api/connector.h"
#include "core/api/exceptions.h"
#include "core/api/transformation.h"
#include "core/config/connectorconfig.h"
#include "core/plugin/pluginregistry.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ConnectDesk::Runtime {

namespace {

void addError(QList<Api::ConfigDef::ConfigValue> &values, const QString &name, const QString &message)
{
    for (auto &value : values) {
        if (value.name == name) {
            value.errorMessages.append(message);
            return;
        }
    }
    Api::ConfigDef::ConfigValue value;
    value.name = name;
    value.errorMessages.append(message);
    values.append(value);
}

void validatePlugins(const Api::ConfigMap &config, Plugin::PluginRegistry &registry,
                     const QString &listKey, Api::PluginType type,
                     QList<Api::ConfigDef::ConfigValue> &values)
{
    const QStringList aliases = Config::splitList(config.value(listKey));
    if (QSet<QString>(aliases.cbegin(), aliases.cend()).size() != aliases.size())
        addError(values, listKey, QStringLiteral("Invalid value %1 for configuration %2: Duplicate alias provided.")
                                      .arg(config.value(listKey), listKey));
    for (const QString &alias : aliases) {
        const QString typeKey = QStringLiteral("%1.%2.type").arg(listKey, alias);
        const QString className = config.value(typeKey).trimmed();
        if (className.isEmpty()) {
            addError(values, typeKey, QStringLiteral("Missing required configuration \"%1\" which has no default value.").arg(typeKey));
            continue;
        }
        auto cls = registry.resolve(className, {type});
        if (!cls) {
            addError(values, typeKey, QStringLiteral("Invalid value %1 for configuration %2: Class %1 could not be found.")
                                          .arg(className, typeKey));
            continue;
        }
        if (type != Api::PluginType::Transformation)
            continue;
        const QString prefix = QStringLiteral("transforms.%1.").arg(alias);
        const bool hasNegate = config.contains(prefix + QStringLiteral("negate"));
        if (hasNegate && config.value(prefix + QStringLiteral("predicate")).trimmed().isEmpty())
            addError(values, prefix + QStringLiteral("negate"),
                     QStringLiteral("Invalid value %1 for configuration %2negate: negate can only be used in "
                                    "combination with a predicate").arg(config.value(prefix + QStringLiteral("negate")), prefix));
    }
}

QString configAsText(const Api::ConfigMap &config)
{
    QJsonObject object;
    for (auto it = config.cbegin(); it != config.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QStringList ConnectorValidation::errors() const
{
    QStringList result;
    for (const auto &value : values)
        result.append(value.errorMessages);
    return result;
}

Util::Result<ConnectorValidation> validateConnectorConfig(const Api::ConfigMap &config,
                                                          Plugin::PluginRegistry &registry)
{
    const QString className = config.value(QStringLiteral("connector.class")).trimmed();
    if (className.isEmpty())
        return Util::Error{QStringLiteral("Connector config %1 contains no connector type").arg(configAsText(config)), 400};
    auto cls = registry.resolve(className, {Api::PluginType::Source, Api::PluginType::Sink});
    if (!cls)
        return Util::Error{cls.error().message, 500};
    auto connector = registry.createAs<Api::Connector>(className, {Api::PluginType::Source, Api::PluginType::Sink});
    if (!connector)
        return Util::Error{connector.error().message, 500};

    ConnectorValidation result;
    result.connectorClass = className;
    const bool sink = cls.value().type == Api::PluginType::Sink;
    result.type = sink ? QStringLiteral("sink") : QStringLiteral("source");
    const Api::ConfigDef framework = sink ? Config::sinkConnectorConfigDef() : Config::sourceConnectorConfigDef();
    result.values = framework.validate(config);
    if (sink)
        Config::addSinkTopicErrors(config, result.values);
    validatePlugins(config, registry, QStringLiteral("transforms"), Api::PluginType::Transformation, result.values);
    validatePlugins(config, registry, QStringLiteral("predicates"), Api::PluginType::Predicate, result.values);
    try {
        const auto own = connector.value()->validate(config);
        for (const auto &value : own) {
            if (framework.contains(value.name)) {
                for (const QString &message : value.errorMessages)
                    addError(result.values, value.name, message);
            } else {
                result.values.append(value);
            }
        }
    } catch (const std::exception &e) {
        return Util::Error{QStringLiteral("Connector %1 failed to validate its configuration: %2")
                               .arg(className, Api::exceptionMessage(e)),
                           500};
    }
    return result;
}

QString invalidConfigMessage(const QStringList &errors)
{
    return QStringLiteral("Connector configuration is invalid and contains the following %1 error(s):\n%2\n"
                          "You can also find the above list of errors at the endpoint "
                          "`/connector-plugins/{connectorType}/config/validate`")
        .arg(errors.size())
        .arg(errors.join(QLatin1Char('\n')));
}

} // namespace ConnectDesk::Runtime
