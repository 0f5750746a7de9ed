// SPDX-License-Identifier: Apache-2.0
// A good plugin whose connectors fail the way plugin code is allowed to: by throwing the SDK's
// ConnectException. The runtime must turn each failure into a FAILED status with its trace and
// keep everything else running.
//
// - ThrowingSourceConnector: start() throws "boom".
// - ThrowingSinkConnector: starts fine; its task's put() throws "put boom" on the first batch
//   that holds records.
#include "../minimalconnector.h"

#include "core/api/exceptions.h"
#include "core/api/plugin.h"

#include <QObject>

namespace ConnectDesk::TestPlugins {

class ThrowingSourceConnector : public Api::SourceConnector
{
public:
    void start(const Api::ConfigMap &) override
    {
        throw Api::ConnectException(QStringLiteral("boom"));
    }
    QString taskClass() const override
    {
        return QStringLiteral("io.connectdesk.test.ThrowingSourceTask");
    }
    QList<Api::ConfigMap> taskConfigs(int) override { return {}; }
    void stop() override {}
    Api::ConfigDef config() const override { return {}; }
};

class ThrowingSinkConnector : public Api::SinkConnector
{
public:
    void start(const Api::ConfigMap &props) override { m_props = props; }
    QString taskClass() const override
    {
        return QStringLiteral("io.connectdesk.test.ThrowingSinkTask");
    }
    QList<Api::ConfigMap> taskConfigs(int maxTasks) override
    {
        return QList<Api::ConfigMap>(maxTasks, m_props);
    }
    void stop() override {}
    Api::ConfigDef config() const override { return {}; }

private:
    Api::ConfigMap m_props;
};

class ThrowingSinkTask : public Api::SinkTask
{
public:
    void start(const Api::ConfigMap &) override {}
    void put(const QList<Api::SinkRecord> &records) override
    {
        if (!records.isEmpty())
            throw Api::ConnectException(
                QStringLiteral("put boom after %1 records").arg(records.size()));
    }
    void stop() override {}
};

class ThrowingPlugin : public QObject, public Api::PluginFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ConnectDeskPluginFactory_iid FILE "test_throwing.json")
    Q_INTERFACES(ConnectDesk::Api::PluginFactory)

public:
    std::unique_ptr<Api::Component> create(const QString &className) override
    {
        if (className == QLatin1String("io.connectdesk.test.ThrowingSourceConnector"))
            return std::make_unique<ThrowingSourceConnector>();
        if (className == QLatin1String("io.connectdesk.test.ThrowingSourceTask"))
            return std::make_unique<IdleSourceTask>();
        if (className == QLatin1String("io.connectdesk.test.ThrowingSinkConnector"))
            return std::make_unique<ThrowingSinkConnector>();
        if (className == QLatin1String("io.connectdesk.test.ThrowingSinkTask"))
            return std::make_unique<ThrowingSinkTask>();
        return nullptr;
    }
};

} // namespace ConnectDesk::TestPlugins

#include "throwingplugin.moc"
