// SPDX-License-Identifier: Apache-2.0
// The herder on its own thread: requests from other threads, Kafka's request timeout with the
// stage summary, and the errors and state rules REST relies on.
#include "core/api/connector.h"
#include "core/config/workerconfig.h"
#include "core/plugin/pluginregistry.h"
#include "core/runtime/connect.h"
#include "core/runtime/herder.h"
#include "core/storage/configstore.h"
#include "core/storage/fileoffsetstore.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace ConnectDesk;
using Api::ConfigMap;
using Runtime::TargetState;

namespace {

const QString SlowClass = QStringLiteral("org.example.test.SlowSourceConnector");
std::atomic<int> g_startDelayMs{0};

/** A source connector with no tasks whose start() takes as long as the test says. */
class SlowSourceConnector : public Api::SourceConnector
{
public:
    void start(const ConfigMap &) override { QThread::msleep(g_startDelayMs.load()); }
    QString taskClass() const override { return QStringLiteral("org.example.test.NoTask"); }
    QList<ConfigMap> taskConfigs(int) override { return {}; }
    void stop() override {}
    Api::ConfigDef config() const override { return {}; }
};

ConfigMap connectorConfig(const QString &name)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("connector.class"), SlowClass}};
}

} // namespace

class tst_Herder : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void runsOnTheHerderThread();
    void requestTimesOutWithTheStage();
    void errorsCarryKafkasCodes();
    void offsetsNeedAStoppedConnector();

private:
    Util::Error onHerder(const std::function<Util::Error()> &op, int timeoutMs = 30000)
    {
        return m_herder->run(op, timeoutMs);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Plugin::PluginRegistry> m_registry;
    std::unique_ptr<Storage::StatusStore> m_status;
    std::unique_ptr<Runtime::Worker> m_worker;
    std::unique_ptr<Runtime::Herder> m_herder;
    QThread m_thread;
};

void tst_Herder::init()
{
    g_startDelayMs = 0;
    m_dir = std::make_unique<QTemporaryDir>();
    m_registry = std::make_unique<Plugin::PluginRegistry>();
    Runtime::registerBuiltinPlugins(*m_registry);
    m_registry->addBuiltin(SlowClass, Api::PluginType::Source, QStringLiteral("1.0"),
                           [] { return std::make_unique<SlowSourceConnector>(); });
    auto config = Config::WorkerConfig::standalone({
        {QStringLiteral("bootstrap.servers"), QStringLiteral("127.0.0.1:1")},
        {QStringLiteral("key.converter"), QStringLiteral("org.apache.kafka.connect.storage.StringConverter")},
        {QStringLiteral("value.converter"), QStringLiteral("org.apache.kafka.connect.storage.StringConverter")},
        {QStringLiteral("offset.storage.file.filename"), m_dir->filePath(QStringLiteral("offsets"))},
    });
    QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
    auto offsets = std::make_shared<Storage::FileOffsetStore>(m_dir->filePath(QStringLiteral("offsets")));
    QVERIFY(!offsets->load());
    m_status = std::make_unique<Storage::StatusStore>();
    m_worker = std::make_unique<Runtime::Worker>(*config, QStringLiteral("127.0.0.1:1"), QStringLiteral("host:8083"),
                                                 m_registry.get(), offsets, m_status.get());
    m_herder = std::make_unique<Runtime::Herder>(m_worker.get(), std::make_unique<Storage::ConfigStore>());
    m_worker->moveToThread(&m_thread);
    m_herder->moveToThread(&m_thread);
    m_thread.start();
}

void tst_Herder::cleanup()
{
    Runtime::Herder *herder = m_herder.get();
    (void)onHerder([herder] {
        herder->stop();
        return Util::Error{};
    });
    m_thread.quit();
    m_thread.wait();
    m_herder.reset();
    m_worker.reset();
}

void tst_Herder::runsOnTheHerderThread()
{
    QThread *ran = nullptr;
    QVERIFY(!onHerder([&ran] {
        ran = QThread::currentThread();
        return Util::Error{};
    }));
    QCOMPARE(ran, &m_thread);
}

void tst_Herder::requestTimesOutWithTheStage()
{
    // The herder is busy starting a slow connector; a request waits 200 ms and gives up with
    // Kafka's message, naming what the herder is doing.
    g_startDelayMs = 1500;
    Runtime::Herder *herder = m_herder.get();
    QMetaObject::invokeMethod(herder, [herder] {
        herder->putConnectorConfig(QStringLiteral("slow"), connectorConfig(QStringLiteral("slow")), std::nullopt, false);
    }, Qt::QueuedConnection);
    QTest::qWait(100);
    const Util::Error timedOut = onHerder([] { return Util::Error{}; }, 200);
    QCOMPARE(timedOut.code, 500);
    QVERIFY2(QRegularExpression(QStringLiteral("^Request timed out\\. The worker is currently writing the config of "
                                               "connector slow, which began at \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\.$"))
                 .match(timedOut.message).hasMatch(),
             qPrintable(timedOut.message));

    // Once it is done, requests go through and the stage says what was completed.
    QVERIFY(!onHerder([] { return Util::Error{}; }));
    QVERIFY2(m_herder->stage().startsWith(QStringLiteral("The last operation the worker completed was writing the "
                                                         "config of connector slow, which began at ")),
             qPrintable(m_herder->stage()));
    QVERIFY(m_herder->snapshot()->contains(QStringLiteral("slow")));
}

void tst_Herder::errorsCarryKafkasCodes()
{
    Runtime::Herder *herder = m_herder.get();
    QVERIFY(!onHerder([herder] {
        return herder->putConnectorConfig(QStringLiteral("c"), connectorConfig(QStringLiteral("c")), std::nullopt, false);
    }));
    const Util::Error exists = onHerder([herder] {
        return herder->putConnectorConfig(QStringLiteral("c"), connectorConfig(QStringLiteral("c")), std::nullopt, false);
    });
    QCOMPARE(exists.code, 409);
    QCOMPARE(exists.message, QStringLiteral("Connector c already exists"));
    const Util::Error missing = onHerder([herder] { return herder->deleteConnector(QStringLiteral("nope")); });
    QCOMPARE(missing.code, 404);
    QCOMPARE(missing.message, QStringLiteral("Connector nope not found"));
    const Util::Error pause = onHerder([herder] { return herder->pauseConnector(QStringLiteral("nope")); });
    QCOMPARE(pause.code, 404);
    QCOMPARE(pause.message, QStringLiteral("Unknown connector nope"));
    const Util::Error task = onHerder([herder] { return herder->restartTask(QStringLiteral("c"), 7); });
    QCOMPARE(task.code, 404);
    QCOMPARE(task.message, QStringLiteral("Unknown task: c-7"));
    const Util::Error restart = onHerder([herder] { return herder->restartConnector(QStringLiteral("nope")); });
    QCOMPARE(restart.message, QStringLiteral("Unknown connector: nope"));
}

void tst_Herder::offsetsNeedAStoppedConnector()
{
    Runtime::Herder *herder = m_herder.get();
    QVERIFY(!onHerder([herder] {
        return herder->putConnectorConfig(QStringLiteral("c"), connectorConfig(QStringLiteral("c")), std::nullopt, false);
    }));
    const Util::Error running = onHerder([herder] { return herder->checkOffsetsModifiable(QStringLiteral("c")); });
    QCOMPARE(running.code, 400);
    QVERIFY(running.message.startsWith(QStringLiteral("Connectors must be in the STOPPED state")));
    QVERIFY(running.message.contains(QStringLiteral("'/connectors/c/stop'")));
    QVERIFY(!onHerder([herder] { return herder->stopConnector(QStringLiteral("c")); }));
    QVERIFY(!onHerder([herder] { return herder->checkOffsetsModifiable(QStringLiteral("c")); }));
    QCOMPARE(m_herder->snapshot()->value(QStringLiteral("c")).target, TargetState::Stopped);
    QCOMPARE(m_status->connector(QStringLiteral("c"))->state, Storage::State::Stopped);
    // Pausing a stopped connector: PAUSED, still without tasks; offsets locked again.
    QVERIFY(!onHerder([herder] { return herder->pauseConnector(QStringLiteral("c")); }));
    QCOMPARE(m_status->connector(QStringLiteral("c"))->state, Storage::State::Paused);
    QVERIFY(m_herder->snapshot()->value(QStringLiteral("c")).taskConfigs.isEmpty());
    QCOMPARE(onHerder([herder] { return herder->checkOffsetsModifiable(QStringLiteral("c")); }).code, 400);
    const Util::Error unknown = onHerder([herder] { return herder->checkOffsetsModifiable(QStringLiteral("x")); });
    QCOMPARE(unknown.code, 404);
}

QTEST_GUILESS_MAIN(tst_Herder)
#include "tst_herder.moc"
