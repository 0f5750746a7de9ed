// SPDX-License-Identifier: Apache-2.0
// The worker id (`worker_id` in statuses): Kafka's advertised URL rules.
#include "core/config/workerconfig.h"
#include "core/runtime/connect.h"

#include <QSysInfo>
#include <QtTest>

using namespace ConnectDesk;

class tst_WorkerId : public QObject
{
    Q_OBJECT

private slots:
    void workerId_data();
    void workerId();
};

void tst_WorkerId::workerId_data()
{
    QTest::addColumn<QStringList>("extra"); // key=value lines
    QTest::addColumn<QList<QUrl>>("bound");
    QTest::addColumn<QString>("expected");
    const QList<QUrl> none;
    QTest::newRow("default listener") << QStringList{} << none << QStringLiteral("127.0.0.1:8083");
    QTest::newRow("bound port 0") << QStringList{"listeners=http://127.0.0.1:0"}
                                  << QList<QUrl>{QUrl("http://127.0.0.1:41234")} << QStringLiteral("127.0.0.1:41234");
    QTest::newRow("advertised host and port")
        << QStringList{"rest.advertised.host.name=worker-1.example", "rest.advertised.port=9999"} << none
        << QStringLiteral("worker-1.example:9999");
    QTest::newRow("advertised listener picks its protocol")
        << QStringList{"listeners=https://127.0.0.1:0,http://127.0.0.1:0", "rest.advertised.listener=http"}
        << QList<QUrl>{QUrl("https://127.0.0.1:5001"), QUrl("http://127.0.0.1:5002")}
        << QStringLiteral("127.0.0.1:5002");
    QTest::newRow("all interfaces: the host name")
        << QStringList{"listeners=http://0.0.0.0:8084"} << none
        << QSysInfo::machineHostName() + QStringLiteral(":8084");
}

void tst_WorkerId::workerId()
{
    QFETCH(QStringList, extra);
    QFETCH(QList<QUrl>, bound);
    QFETCH(QString, expected);
    Api::ConfigMap props{
        {QStringLiteral("key.converter"), QStringLiteral("org.apache.kafka.connect.storage.StringConverter")},
        {QStringLiteral("value.converter"), QStringLiteral("org.apache.kafka.connect.storage.StringConverter")},
        {QStringLiteral("offset.storage.file.filename"), QStringLiteral("offsets")},
    };
    for (const QString &line : extra)
        props.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    auto config = Config::WorkerConfig::standalone(props);
    QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
    QCOMPARE(Runtime::workerIdFor(*config, bound), expected);
}

QTEST_GUILESS_MAIN(tst_WorkerId)
#include "tst_workerid.moc"
