// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/connector.h"
#include "core/api/task.h"

#include <QThread>

namespace ConnectDesk::TestPlugins {

/** A source connector that does nothing; the bad plugins hand it out (if they ever get that
 *  far). */
class MinimalSourceConnector : public Api::SourceConnector
{
public:
    explicit MinimalSourceConnector(QString taskClass) : m_taskClass(std::move(taskClass)) {}
    void start(const Api::ConfigMap &props) override { m_props = props; }
    QString taskClass() const override { return m_taskClass; }
    QList<Api::ConfigMap> taskConfigs(int maxTasks) override { return {m_props}; }
    void stop() override {}
    Api::ConfigDef config() const override { return {}; }

private:
    QString m_taskClass;
    Api::ConfigMap m_props;
};

/** A source task that never produces anything. */
class IdleSourceTask : public Api::SourceTask
{
public:
    void start(const Api::ConfigMap &) override {}
    QList<Api::SourceRecord> poll() override
    {
        QThread::msleep(100);
        return {};
    }
    void stop() override {}
};

} // namespace ConnectDesk::TestPlugins
