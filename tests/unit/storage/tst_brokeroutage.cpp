// SPDX-License-Identifier: Apache-2.0
// The config topic while the broker is away: a connector write fails with a clear error, is not
// applied, and does not reach the topic later when the broker comes back.
#include "core/kafka/embeddedbroker.h"
#include "core/storage/configstore.h"
#include "core/storage/kafkabasedlog.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace ConnectDesk;

class tst_BrokerOutage : public QObject
{
    Q_OBJECT

private slots:
    void failedWriteNeverLands();
};

void tst_BrokerOutage::failedWriteNeverLands()
{
    auto broker = Kafka::EmbeddedBroker::start(1);
    QVERIFY(broker);
    QVERIFY(!(*broker)->createTopic(QStringLiteral("configs"), 1));
    const QMap<QString, QString> props{{QStringLiteral("bootstrap.servers"), (*broker)->bootstrapServers()}};
    auto open = [&] {
        auto log = Storage::KafkaBasedLog::open(QStringLiteral("configs"), 1, props);
        return log ? log.takeValue() : nullptr;
    };
    Storage::ConfigStore store(open());
    QVERIFY(!store.load());
    QVERIFY(!store.putConnectorConfig(QStringLiteral("before"), {{QStringLiteral("k"), QStringLiteral("v")}}));

    QVERIFY(!(*broker)->setAvailable(false));
    const Util::Error error = store.putConnectorConfig(QStringLiteral("during"), {{QStringLiteral("k"), QStringLiteral("v")}});
    QVERIFY(error);
    QVERIFY2(error.message.startsWith(QStringLiteral("Cannot write to topic configs")), qPrintable(error.message));
    QVERIFY(!store.connectors().contains(QStringLiteral("during")));

    QVERIFY(!(*broker)->setAvailable(true));
    const Util::Error after = store.putConnectorConfig(QStringLiteral("after"), {{QStringLiteral("k"), QStringLiteral("v")}});
    QVERIFY2(!after, qPrintable(after.message));
    Storage::ConfigStore reread(open());
    QVERIFY(!reread.load());
    QCOMPARE(reread.connectors().keys(), (QStringList{"after", "before"}));
}

QTEST_GUILESS_MAIN(tst_BrokerOutage)
#include "tst_brokeroutage.moc"
