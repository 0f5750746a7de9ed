// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "errorhandler.h"

#include "core/api/transformation.h"
#include "core/util/result.h"

#include <memory>
#include <vector>

namespace ConnectDesk::Plugin {
class PluginRegistry;
}

namespace ConnectDesk::Runtime {

/**
 * The connector's `transforms` in order, each with its optional predicate (`predicate`,
 * `negate`). A stage applies when it has no predicate or `test(record) XOR negate`; a stage that
 * drops the record ends the chain. Thread: one task thread.
 */
class TransformationChain
{
public:
    /** Instantiates and configures every transform and predicate; an error names the alias. */
    static Util::Result<std::shared_ptr<TransformationChain>> build(const Api::ConfigMap &connectorConfig,
                                                                    Plugin::PluginRegistry &registry);
    ~TransformationChain();

    bool isEmpty() const { return m_stages.empty(); }
    /** Applies every stage through the error handler; false when the record was dropped or
     *  skipped (check skipped to tell). Throws when an error is not tolerated. */
    bool apply(Api::ConnectRecord &record, ErrorHandler &errors, bool *skipped);

private:
    struct Stage
    {
        QString alias;
        QString className;
        std::unique_ptr<Api::Transformation> transformation;
        std::shared_ptr<Api::Predicate> predicate;
        bool negate = false;
    };
    std::vector<Stage> m_stages;
};

} // namespace ConnectDesk::Runtime
