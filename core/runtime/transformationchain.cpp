// SPDX-License-Identifier: Apache-2.0
#include "transformationchain.h"

#include "core/api/exceptions.h"
#include "core/config/connectorconfig.h"
#include "core/plugin/pluginregistry.h"

#include <QHash>

namespace ConnectDesk::Runtime {

using Config::splitList;
using Config::withPrefixStripped;

TransformationChain::~TransformationChain()
{
    for (auto &stage : m_stages)
        stage.transformation->close();
}

Util::Result<std::shared_ptr<TransformationChain>>
TransformationChain::build(const Api::ConfigMap &config, Plugin::PluginRegistry &registry)
{
    auto chain = std::make_shared<TransformationChain>();
    QHash<QString, std::shared_ptr<Api::Predicate>> predicates;
    for (const QString &alias : splitList(config.value(QStringLiteral("predicates")))) {
        const QString prefix = QStringLiteral("predicates.%1.").arg(alias);
        const QString type = config.value(prefix + QStringLiteral("type")).trimmed();
        auto predicate = registry.createAs<Api::Predicate>(type, {Api::PluginType::Predicate});
        if (!predicate)
            return Util::Error{QStringLiteral("Invalid value %1 for configuration %2type: %3")
                                   .arg(type, prefix, predicate.error().message)};
        try {
            predicate.value()->configure(withPrefixStripped(config, prefix));
        } catch (const std::exception &e) {
            return Util::Error{QStringLiteral("Predicate %1 (%2) rejected its configuration: %3")
                                   .arg(alias, type, Api::exceptionMessage(e))};
        }
        predicates.insert(alias, std::shared_ptr<Api::Predicate>(predicate.takeValue()));
    }
    for (const QString &alias : splitList(config.value(QStringLiteral("transforms")))) {
        const QString prefix = QStringLiteral("transforms.%1.").arg(alias);
        const QString type = config.value(prefix + QStringLiteral("type")).trimmed();
        auto cls = registry.resolve(type, {Api::PluginType::Transformation});
        if (!cls)
            return Util::Error{QStringLiteral("Invalid value %1 for configuration %2type: %3")
                                   .arg(type, prefix, cls.error().message)};
        auto component = registry.createAs<Api::Transformation>(type, {Api::PluginType::Transformation});
        if (!component)
            return component.error();
        Stage stage;
        stage.alias = alias;
        stage.className = cls.value().className;
        stage.transformation = component.takeValue();
        try {
            stage.transformation->configure(withPrefixStripped(config, prefix));
        } catch (const std::exception &e) {
            return Util::Error{QStringLiteral("Transformation %1 (%2) rejected its configuration: %3")
                                   .arg(alias, type, Api::exceptionMessage(e))};
        }
        const QString predicateAlias = config.value(prefix + QStringLiteral("predicate")).trimmed();
        if (!predicateAlias.isEmpty()) {
            stage.predicate = predicates.value(predicateAlias);
            if (!stage.predicate)
                return Util::Error{QStringLiteral("Transformation %1 refers to unknown predicate %2")
                                       .arg(alias, predicateAlias)};
        }
        stage.negate = config.value(prefix + QStringLiteral("negate")).trimmed()
                           .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        chain->m_stages.push_back(std::move(stage));
    }
    return chain;
}

bool TransformationChain::apply(Api::ConnectRecord &record, ErrorHandler &errors, bool *skipped)
{
    *skipped = false;
    for (Stage &stage : m_stages) {
        bool keep = true;
        const bool ok = errors.execute(ErrorStage::Transformation, stage.className, &record, [&] {
            if (stage.predicate && stage.predicate->test(record) == stage.negate)
                return; // predicate says: leave this record alone
            keep = stage.transformation->apply(record);
        });
        if (!ok) {
            *skipped = true;
            return false;
        }
        if (!keep)
            return false;
    }
    return true;
}

} // namespace ConnectDesk::Runtime
