// SPDX-License-Identifier: Apache-2.0
#include "tlsconfiguration.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace ConnectDesk::Client {

QSslConfiguration tlsConfiguration(const ClusterProfile &profile)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (profile.insecureSkipTlsVerify)
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!profile.caCertificateFile.isEmpty()) {
        QList<QSslCertificate> cas = tls.caCertificates();
        cas += QSslCertificate::fromPath(profile.caCertificateFile, QSsl::Pem);
        tls.setCaCertificates(cas);
    }
    if (!profile.clientCertificateFile.isEmpty()) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(profile.clientCertificateFile, QSsl::Pem);
        if (!chain.isEmpty())
            tls.setLocalCertificateChain(chain);
    }
    if (!profile.clientKeyFile.isEmpty()) {
        QFile file(profile.clientKeyFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray pem = file.readAll();
            QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
            if (key.isNull())
                key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
            if (!key.isNull())
                tls.setPrivateKey(key);
        }
    }
    return tls;
}

} // namespace ConnectDesk::Client
