// SPDX-License-Identifier: Apache-2.0
// connectdesk-ctl against an HTTPS worker: the server's certificate verified with --ca-cert,
// skipped with --insecure, refused otherwise; a client certificate with --cert/--key.
#include "ctlfixture.h"

#include "tests/support/childprocess.h"
#include "tests/support/testfiles.h"

#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::TestSupport;

class tst_CtlTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverCertificate();
    void clientCertificate();

private:
    bool openssl(const QStringList &arguments);
    /** A self-signed certificate and key for 127.0.0.1, as PEM files named NAME.pem/NAME-key.pem. */
    bool makeCertificate(const QString &name, const QString &commonName);
    /** A standalone worker with an HTTPS listener and these extra listener settings; its URL. */
    QString startWorker(ChildProcess &worker, const QString &folder, const QMap<QString, QString> &tls);
    CtlRun ctl(const QString &url, const QStringList &options) const
    {
        return m_ctl.ctlBare(QStringList{QStringLiteral("--url"), url} + options + QStringList{QStringLiteral("info")});
    }

    CtlFixture m_ctl;
};

bool tst_CtlTls::openssl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning().noquote() << "openssl" << arguments.join(QLatin1Char(' ')) << process.readAllStandardError();
        return false;
    }
    return true;
}

bool tst_CtlTls::makeCertificate(const QString &name, const QString &commonName)
{
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_ctl.path(name + QStringLiteral("-key.pem")),
                    QStringLiteral("-out"), m_ctl.path(name + QStringLiteral(".pem")), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                    QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
}

QString tst_CtlTls::startWorker(ChildProcess &worker, const QString &folder, const QMap<QString, QString> &tls)
{
    QMap<QString, QString> props = workerProperties(m_ctl.path(folder));
    props.insert(QStringLiteral("listeners"), QStringLiteral("https://127.0.0.1:0"));
    props.insert(QStringLiteral("listeners.https.ssl.pem.certificate.location"), m_ctl.path(QStringLiteral("server.pem")));
    props.insert(QStringLiteral("listeners.https.ssl.pem.key.location"), m_ctl.path(QStringLiteral("server-key.pem")));
    for (auto it = tls.begin(); it != tls.end(); ++it)
        props.insert(it.key(), it.value());
    const QString file = m_ctl.path(folder + QStringLiteral("/worker.properties"));
    m_ctl.writeFile(folder + QStringLiteral("/worker.properties"), {});
    if (!writeProperties(file, props) || !worker.startWorker({QStringLiteral("standalone"), file}))
        return {};
    return worker.waitForLine(QStringLiteral("REST API: "), 60000).trimmed();
}

void tst_CtlTls::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed (packaging/install-build-deps.sh installs it)");
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend");
    QVERIFY(makeCertificate(QStringLiteral("server"), QStringLiteral("connectdesk-test-server")));
    QVERIFY(makeCertificate(QStringLiteral("client"), QStringLiteral("connectdesk-test-client")));
    QVERIFY(makeCertificate(QStringLiteral("stranger"), QStringLiteral("someone-else")));
}

void tst_CtlTls::serverCertificate()
{
    ChildProcess worker(QStringLiteral("worker"));
    const QString url = startWorker(worker, QStringLiteral("plain"), {});
    QVERIFY2(url.startsWith(QStringLiteral("https://")), qPrintable(worker.transcript()));

    const CtlRun untrusted = ctl(url, {});
    QCOMPARE(untrusted.exitCode, 3);
    QVERIFY2(untrusted.err.startsWith("connectdesk-ctl: error: cannot reach " + url.toUtf8()), untrusted.describe());

    const CtlRun trusted = ctl(url, {QStringLiteral("--ca-cert"), m_ctl.path(QStringLiteral("server.pem"))});
    QVERIFY2(trusted.exitCode == 0 && trusted.text().contains(QStringLiteral("Version:")), trusted.describe());
    const CtlRun wrongCa = ctl(url, {QStringLiteral("--ca-cert"), m_ctl.path(QStringLiteral("stranger.pem"))});
    QCOMPARE(wrongCa.exitCode, 3);
    const CtlRun insecure = ctl(url, {QStringLiteral("--insecure")});
    QVERIFY2(insecure.exitCode == 0, insecure.describe());

    // The same through a context.
    QCOMPARE(m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("set-context"), QStringLiteral("tls"), QStringLiteral("--url"), url,
                            QStringLiteral("--ca-cert"), m_ctl.path(QStringLiteral("server.pem"))})
                 .exitCode,
             0);
    const CtlRun viaContext = m_ctl.ctlBare({QStringLiteral("--context"), QStringLiteral("tls"), QStringLiteral("info")});
    QVERIFY2(viaContext.exitCode == 0, viaContext.describe());
    QVERIFY(worker.terminate());
}

void tst_CtlTls::clientCertificate()
{
    ChildProcess worker(QStringLiteral("worker"));
    const QString url = startWorker(worker, QStringLiteral("mutual"),
                                    {{QStringLiteral("listeners.https.ssl.client.auth"), QStringLiteral("required")},
                                     {QStringLiteral("listeners.https.ssl.truststore.location"), m_ctl.path(QStringLiteral("client.pem"))},
                                     {QStringLiteral("listeners.https.ssl.truststore.type"), QStringLiteral("PEM")}});
    QVERIFY2(url.startsWith(QStringLiteral("https://")), qPrintable(worker.transcript()));
    const QStringList trustServer{QStringLiteral("--ca-cert"), m_ctl.path(QStringLiteral("server.pem"))};

    const CtlRun anonymous = ctl(url, trustServer);
    QVERIFY2(anonymous.exitCode == 3 || anonymous.exitCode == 1, anonymous.describe());
    const CtlRun stranger = ctl(url, trustServer + QStringList{QStringLiteral("--cert"), m_ctl.path(QStringLiteral("stranger.pem")),
                                                               QStringLiteral("--key"), m_ctl.path(QStringLiteral("stranger-key.pem"))});
    QVERIFY2(stranger.exitCode != 0, stranger.describe());
    const CtlRun known = ctl(url, trustServer + QStringList{QStringLiteral("--cert"), m_ctl.path(QStringLiteral("client.pem")),
                                                            QStringLiteral("--key"), m_ctl.path(QStringLiteral("client-key.pem"))});
    QVERIFY2(known.exitCode == 0, known.describe());
    QVERIFY(worker.terminate());
}

QTEST_GUILESS_MAIN(tst_CtlTls)
#include "tst_ctltls.moc"
