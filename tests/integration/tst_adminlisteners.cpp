// SPDX-License-Identifier: Apache-2.0
// admin.listeners, as Kafka has it: the admin endpoints (/admin/loggers) on listeners of their
// own, or nowhere when the value is empty; the rest of the API stays where it was.
#include "tests/support/childprocess.h"
#include "tests/support/restclient.h"
#include "tests/support/testfiles.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk::TestSupport;

class tst_AdminListeners : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adminEndpointsMove_data();
    void adminEndpointsMove();
};

void tst_AdminListeners::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY2(QFileInfo(workerBinary()).isExecutable(), qPrintable(workerBinary()));
}

void tst_AdminListeners::adminEndpointsMove_data()
{
    QTest::addColumn<QString>("adminListeners"); // null: not set
    QTest::addColumn<int>("mainStatus");
    QTest::newRow("unset: on the main listeners") << QString() << 200;
    QTest::newRow("empty: disabled") << QStringLiteral("") << 404;
    QTest::newRow("own listener") << QStringLiteral("http://127.0.0.1:0") << 404;
}

void tst_AdminListeners::adminEndpointsMove()
{
    QFETCH(QString, adminListeners);
    QFETCH(int, mainStatus);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QMap<QString, QString> props = workerProperties(dir.path());
    if (!adminListeners.isNull())
        props.insert(QStringLiteral("admin.listeners"), adminListeners);
    const QString workerFile = dir.filePath(QStringLiteral("worker.properties"));
    QVERIFY(writeProperties(workerFile, props));

    ChildProcess worker(QStringLiteral("worker"));
    QVERIFY(worker.startWorker({QStringLiteral("standalone"), workerFile}));
    const QString url = worker.waitForLine(QStringLiteral("REST API: "), 60000);
    QVERIFY2(!url.isEmpty(), qPrintable(worker.transcript()));
    RestClient rest{QUrl(url)};
    QTRY_COMPARE_WITH_TIMEOUT(rest.get(QStringLiteral("/health")).status, 200, 60000);
    QCOMPARE(rest.get(QStringLiteral("/connectors")).status, 200);
    const RestReply loggers = rest.get(QStringLiteral("/admin/loggers"));
    QVERIFY2(loggers.status == mainStatus, qPrintable(loggers.describe()));

    if (adminListeners.startsWith(QLatin1String("http"))) {
        const QString adminUrl = worker.waitForLine(QStringLiteral("REST admin API: "), 0);
        QVERIFY2(!adminUrl.isEmpty(), qPrintable(worker.transcript()));
        RestClient admin{QUrl(adminUrl)};
        const RestReply adminLoggers = admin.get(QStringLiteral("/admin/loggers"));
        QVERIFY2(adminLoggers.status == 200 && adminLoggers.json().object().contains(QStringLiteral("root")),
                 qPrintable(adminLoggers.describe()));
        QCOMPARE(admin.get(QStringLiteral("/connectors")).status, 404);
    }
    QVERIFY(worker.terminate());
}

QTEST_GUILESS_MAIN(tst_AdminListeners)
#include "tst_adminlisteners.moc"
