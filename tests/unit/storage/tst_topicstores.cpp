// SPDX-License-Identifier: Apache-2.0
// The config, offsets and status stores over internal topics of the development broker:
// Kafka Connect's read-back rules (last write wins, commit records, tombstones, state.v2).
#include "core/kafka/embeddedbroker.h"
#include "core/storage/configstore.h"
#include "core/storage/kafkabasedlog.h"
#include "core/storage/kafkaoffsetstore.h"
#include "core/storage/statusstore.h"

#include <QtTest>

using namespace ConnectDesk;
using Storage::KafkaBasedLog;
using Storage::TargetState;

class tst_TopicStores : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void configRoundTrip();
    void configReadBackRules();
    void offsetsLastWriteWins();
    void statusGenerationAndTopics();

private:
    std::unique_ptr<KafkaBasedLog> openLog(const QString &topic, int partitions = 1);

    std::unique_ptr<Kafka::EmbeddedBroker> m_broker;
    int m_topics = 0;
    QSet<QString> m_created;
};

void tst_TopicStores::initTestCase()
{
    auto broker = Kafka::EmbeddedBroker::start(1);
    QVERIFY2(broker, qPrintable(broker ? QString() : broker.error().message));
    m_broker = broker.takeValue();
}

std::unique_ptr<KafkaBasedLog> tst_TopicStores::openLog(const QString &topic, int partitions)
{
    if (!m_created.contains(topic)) {
        if (m_broker->createTopic(topic, partitions))
            return nullptr;
        m_created.insert(topic);
    }
    auto log = KafkaBasedLog::open(topic, partitions, {{QStringLiteral("bootstrap.servers"), m_broker->bootstrapServers()}});
    return log ? log.takeValue() : nullptr;
}

void tst_TopicStores::configRoundTrip()
{
    const QString topic = QStringLiteral("configs-%1").arg(++m_topics);
    {
        Storage::ConfigStore store(openLog(topic));
        QVERIFY(store.isPersistent());
        QVERIFY(!store.load());
        QVERIFY(!store.putConnectorConfig(QStringLiteral("a"), {{QStringLiteral("k"), QStringLiteral("v")}},
                                          TargetState::Paused));
        QVERIFY(!store.putTaskConfigs(QStringLiteral("a"), {{{QStringLiteral("t"), QStringLiteral("0")}}}));
        QVERIFY(!store.putConnectorConfig(QStringLiteral("b"), {{QStringLiteral("x"), QStringLiteral("y")}}));
        QVERIFY(!store.putTargetState(QStringLiteral("b"), TargetState::Stopped));
        QVERIFY(!store.putTaskConfigs(QStringLiteral("b"), {}));
        QVERIFY(!store.putConnectorConfig(QStringLiteral("gone"), {{QStringLiteral("k"), QStringLiteral("v")}}));
        QVERIFY(!store.removeConnector(QStringLiteral("gone")));
    }
    Storage::ConfigStore reread(openLog(topic));
    QVERIFY(!reread.load());
    const auto connectors = reread.connectors();
    QCOMPARE(connectors.keys(), (QStringList{"a", "b"}));
    QCOMPARE(connectors.value("a").target, TargetState::Paused);
    QCOMPARE(connectors.value("a").config.value("k"), QStringLiteral("v"));
    QCOMPARE(connectors.value("a").taskConfigs.size(), 1);
    QCOMPARE(connectors.value("a").taskConfigs.first().value("t"), QStringLiteral("0"));
    QCOMPARE(connectors.value("b").target, TargetState::Stopped);
    QVERIFY(connectors.value("b").taskConfigs.isEmpty());
}

void tst_TopicStores::configReadBackRules()
{
    // Records as other writers (older Kafka versions, a crash between writes) leave them.
    const QString topic = QStringLiteral("configs-%1").arg(++m_topics);
    auto writer = openLog(topic);
    QVERIFY(writer);
    const QList<KafkaBasedLog::Record> records{
        {"connector-c", QByteArray("{\"properties\":{\"name\":\"c\",\"v\":\"1\"}}"), 0, 0},
        {"task-c-0", QByteArray("{\"properties\":{\"n\":\"old0\"}}"), 0, 0},
        {"commit-c", QByteArray("{\"tasks\":1}"), 0, 0},
        // A later config wins; task configs only change with their commit record.
        {"connector-c", QByteArray("{\"properties\":{\"name\":\"c\",\"v\":\"2\"}}"), 0, 0},
        {"task-c-0", QByteArray("{\"properties\":{\"n\":\"new0\"}}"), 0, 0},
        {"task-c-1", QByteArray("{\"properties\":{\"n\":\"new1\"}}"), 0, 0},
        // Connector names may contain '-': the task number is after the last one.
        {"connector-my-conn", QByteArray("{\"properties\":{\"name\":\"my-conn\"}}"), 0, 0},
        {"task-my-conn-0", QByteArray("{\"properties\":{\"n\":\"m0\"}}"), 0, 0},
        {"commit-my-conn", QByteArray("{\"tasks\":1}"), 0, 0},
        // A pre-3.5 writer: only "state".
        {"target-state-my-conn", QByteArray("{\"state\":\"PAUSED\"}"), 0, 0},
        // state.v2 wins over state.
        {"connector-s", QByteArray("{\"properties\":{\"name\":\"s\"}}"), 0, 0},
        {"target-state-s", QByteArray("{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}"), 0, 0},
        // An incomplete commit (task 1 missing) leaves no task set.
        {"connector-i", QByteArray("{\"properties\":{\"name\":\"i\"}}"), 0, 0},
        {"task-i-0", QByteArray("{\"properties\":{\"n\":\"i0\"}}"), 0, 0},
        {"commit-i", QByteArray("{\"tasks\":2}"), 0, 0},
        // A deleted connector stays deleted, with its target state.
        {"connector-d", QByteArray("{\"properties\":{\"name\":\"d\"}}"), 0, 0},
        {"target-state-d", QByteArray("{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}"), 0, 0},
        {"connector-d", std::nullopt, 0, 0},
        {"target-state-d", std::nullopt, 0, 0},
        // Garbage is skipped, not fatal.
        {"connector-bad", QByteArray("{not json"), 0, 0},
        {"session-key", QByteArray("{\"key\":\"x\",\"algorithm\":\"HmacSHA256\",\"creation-timestamp\":1}"), 0, 0},
    };
    QVERIFY(!writer->send(records, 0));

    Storage::ConfigStore store(openLog(topic));
    QVERIFY(!store.load());
    const auto connectors = store.connectors();
    QCOMPARE(connectors.keys(), (QStringList{"c", "i", "my-conn", "s"}));
    QCOMPARE(connectors.value("c").config.value("v"), QStringLiteral("2"));
    QCOMPARE(connectors.value("c").target, TargetState::Started);
    QCOMPARE(connectors.value("c").taskConfigs.size(), 1);
    QCOMPARE(connectors.value("c").taskConfigs.first().value("n"), QStringLiteral("old0"));
    QCOMPARE(connectors.value("my-conn").taskConfigs.first().value("n"), QStringLiteral("m0"));
    QCOMPARE(connectors.value("my-conn").target, TargetState::Paused);
    QCOMPARE(connectors.value("s").target, TargetState::Stopped);
    QVERIFY(connectors.value("i").taskConfigs.isEmpty());

    // The encodings Kafka Connect writes.
    QCOMPARE(Storage::ConfigStore::encodeTargetState(TargetState::Stopped),
             QByteArray("{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}"));
    QCOMPARE(Storage::ConfigStore::encodeCommit(3), QByteArray("{\"tasks\":3}"));
    QCOMPARE(Storage::ConfigStore::encodeProperties({{"b", "2"}, {"a", "x\"y"}}),
             QByteArray("{\"properties\":{\"a\":\"x\\\"y\",\"b\":\"2\"}}"));
}

void tst_TopicStores::offsetsLastWriteWins()
{
    const QString topic = QStringLiteral("offsets-%1").arg(++m_topics);
    {
        Storage::KafkaOffsetStore store(openLog(topic, 5));
        QVERIFY(!store.load());
        QVERIFY(!store.write({{"k1", "1"}, {"k2", "2"}}));
        QVERIFY(!store.write({{"k1", "10"}}));
        QVERIFY(!store.write({{"k2", QByteArray()}})); // tombstone
        QCOMPARE(store.get("k1"), std::optional<QByteArray>("10"));
    }
    Storage::KafkaOffsetStore reread(openLog(topic, 5));
    QVERIFY(!reread.load());
    QCOMPARE(reread.get("k1"), std::optional<QByteArray>("10"));
    QVERIFY(!reread.get("k2"));
    QCOMPARE(reread.entries().size(), 1);
}

void tst_TopicStores::statusGenerationAndTopics()
{
    const QString topic = QStringLiteral("status-%1").arg(++m_topics);
    {
        Storage::StatusStore store;
        QVERIFY(!store.attachLog(openLog(topic, 2)));
        QCOMPARE(store.generation(), 0);
        store.putConnector(QStringLiteral("c"), {Storage::State::Running, {}, QStringLiteral("h:1"), 0});
        store.putTopic(QStringLiteral("c"), QStringLiteral("t1"), 0);
        store.putTopic(QStringLiteral("c"), QStringLiteral("t2"), 0);
        store.putTopic(QStringLiteral("gone"), QStringLiteral("t1"), 0);
        store.remove(QStringLiteral("gone"));
    }
    Storage::StatusStore second;
    QVERIFY(!second.attachLog(openLog(topic, 2)));
    QCOMPARE(second.generation(), 1); // each start is a new generation
    QCOMPARE(second.topics(QStringLiteral("c")), (QStringList{"t1", "t2"}));
    QVERIFY(second.topics(QStringLiteral("gone")).isEmpty());
    second.resetTopics(QStringLiteral("c"));
    Storage::StatusStore third;
    QVERIFY(!third.attachLog(openLog(topic, 2)));
    QVERIFY(third.topics(QStringLiteral("c")).isEmpty());
    QCOMPARE(Storage::StatusStore::encodeStatus({Storage::State::Failed, QStringLiteral("boom\n\tat x"), QStringLiteral("h:1"), 3}),
             QByteArray("{\"state\":\"FAILED\",\"trace\":\"boom\\n\\tat x\",\"worker_id\":\"h:1\",\"generation\":3}"));
}

QTEST_GUILESS_MAIN(tst_TopicStores)
#include "tst_topicstores.moc"
