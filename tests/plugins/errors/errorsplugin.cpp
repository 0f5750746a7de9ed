// SPDX-License-Identifier: Apache-2.0
// Plugin code that fails the ways Kafka Connect's error handling is built for, so the tests can
// drive errors.retry.*, errors.tolerance, the log and the dead-letter queue end to end.
//
// - FlakyTransform: throws RetriableException("flaky attempt N") for the first `failures`
//   attempts at each record whose value contains `match` (every record when empty; -1 =
//   forever), then passes the record on unchanged. Each attempt is appended to `attempts.file`
//   (milliseconds since the epoch), so a test can see the back-off.
// - ErrantSinkConnector/Task: appends each record's value to `file`, except records whose value
//   contains `reject`: those go to the ErrantRecordReporter with a DataException.
#include "core/api/connector.h"
#include "core/api/exceptions.h"
#include "core/api/plugin.h"
#include "core/api/task.h"
#include "core/api/transformation.h"

#include <QDateTime>
#include <QFile>
#include <QObject>

namespace ConnectDesk::TestPlugins {

namespace {
QString text(const Api::Value &value)
{
    return value.kind() == Api::Value::Kind::Bytes ? QString::fromUtf8(value.toBytes()) : value.toJavaString();
}

void appendLine(const QString &path, const QString &line)
{
    QFile file(path);
    if (!path.isEmpty() && file.open(QIODevice::Append))
        file.write(line.toUtf8() + '\n');
}
} // namespace

class FlakyTransform : public Api::Transformation
{
public:
    void configure(const Api::ConfigMap &configs) override
    {
        const Api::AbstractConfig parsed(config(), configs);
        m_failures = parsed.getInt(QStringLiteral("failures"));
        m_match = parsed.getString(QStringLiteral("match"));
        m_attemptsFile = parsed.getString(QStringLiteral("attempts.file"));
    }
    bool apply(Api::ConnectRecord &record) override
    {
        if (!m_match.isEmpty() && !text(record.value).contains(m_match))
            return true;
        appendLine(m_attemptsFile, QString::number(QDateTime::currentMSecsSinceEpoch()));
        if (m_failures < 0 || m_attempt < m_failures)
            throw Api::RetriableException(QStringLiteral("flaky attempt %1").arg(++m_attempt));
        m_attempt = 0;
        return true;
    }
    Api::ConfigDef config() const override
    {
        using T = Api::ConfigDef::Type;
        using I = Api::ConfigDef::Importance;
        Api::ConfigDef def;
        def.define(QStringLiteral("failures"), T::Int, -1, I::High, QStringLiteral("attempts that fail, -1 = all"));
        def.define(QStringLiteral("match"), T::String, QString(), I::Low, QStringLiteral("only values containing this"));
        def.define(QStringLiteral("attempts.file"), T::String, QString(), I::Low, QStringLiteral("log of attempts"));
        return def;
    }

private:
    int m_failures = -1;
    int m_attempt = 0;
    QString m_match;
    QString m_attemptsFile;
};

class ErrantSinkConnector : public Api::SinkConnector
{
public:
    void start(const Api::ConfigMap &props) override { m_props = props; }
    QString taskClass() const override { return QStringLiteral("io.connectdesk.test.ErrantSinkTask"); }
    QList<Api::ConfigMap> taskConfigs(int maxTasks) override { return QList<Api::ConfigMap>(maxTasks, m_props); }
    void stop() override {}
    Api::ConfigDef config() const override { return {}; }

private:
    Api::ConfigMap m_props;
};

class ErrantSinkTask : public Api::SinkTask
{
public:
    void start(const Api::ConfigMap &props) override
    {
        m_file = props.value(QStringLiteral("file"));
        m_reject = props.value(QStringLiteral("reject"));
    }
    void put(const QList<Api::SinkRecord> &records) override
    {
        for (const Api::SinkRecord &record : records) {
            const QString value = text(record.value);
            if (m_reject.isEmpty() || !value.contains(m_reject)) {
                appendLine(m_file, value);
                continue;
            }
            Api::ErrantRecordReporter *reporter = context()->errantRecordReporter();
            if (!reporter)
                throw Api::ConnectException(QStringLiteral("no errant record reporter for: ") + value);
            reporter->report(record, Api::DataException(QStringLiteral("rejected: ") + value));
        }
    }
    void stop() override {}

private:
    QString m_file;
    QString m_reject;
};

class ErrorsPlugin : public QObject, public Api::PluginFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ConnectDeskPluginFactory_iid FILE "test_errors.json")
    Q_INTERFACES(ConnectDesk::Api::PluginFactory)

public:
    std::unique_ptr<Api::Component> create(const QString &className) override
    {
        if (className == QLatin1String("io.connectdesk.test.FlakyTransform"))
            return std::make_unique<FlakyTransform>();
        if (className == QLatin1String("io.connectdesk.test.ErrantSinkConnector"))
            return std::make_unique<ErrantSinkConnector>();
        if (className == QLatin1String("io.connectdesk.test.ErrantSinkTask"))
            return std::make_unique<ErrantSinkTask>();
        return nullptr;
    }
};

} // namespace ConnectDesk::TestPlugins

#include "errorsplugin.moc"
