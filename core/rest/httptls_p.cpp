// SPDX-License-Identifier: Apache-2.0
#include "httptls_p.h"

#include "httpserver.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace ConnectDesk::Rest {

namespace Internal {

namespace {

Util::Error tlsError(const QString &message)
{
    return Util::Error{message, int(HttpErrorCode::Tls)};
}

Util::Result<QByteArray> readTlsFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tlsError(
            QStringLiteral("Cannot read the %1 %2: %3").arg(what, path, file.errorString()));
    return file.readAll();
}

QSslKey pemKey(const QByteArray &data, const QByteArray &passphrase)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa, QSsl::Dh}) {
        QSslKey key(data, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            return key;
    }
    return QSslKey();
}

} // namespace

Util::Result<QSslConfiguration> tlsConfiguration(const HttpsOptions &options)
{
    if (!QSslSocket::supportsSsl()) {
        return tlsError(QStringLiteral("An https listener needs TLS, but Qt has no TLS backend "
                                       "(install OpenSSL 3)"));
    }

    QList<QSslCertificate> chain;
    QSslKey key;
    if (!options.pemCertificateLocation.isEmpty() || !options.pemKeyLocation.isEmpty()) {
        if (options.pemCertificateLocation.isEmpty() || options.pemKeyLocation.isEmpty()) {
            return tlsError(QStringLiteral("ssl.pem.certificate.location and ssl.pem.key.location "
                                           "must be set together"));
        }
        auto certificates = readTlsFile(options.pemCertificateLocation,
                                        QStringLiteral("certificate"));
        if (!certificates)
            return certificates.error();
        chain = QSslCertificate::fromData(*certificates, QSsl::Pem);
        if (chain.isEmpty()) {
            return tlsError(
                QStringLiteral("No PEM certificate in %1").arg(options.pemCertificateLocation));
        }
        auto keyData = readTlsFile(options.pemKeyLocation, QStringLiteral("private key"));
        if (!keyData)
            return keyData.error();
        key = pemKey(*keyData, options.keyPassword.toUtf8());
        if (key.isNull()) {
            return tlsError(QStringLiteral("Cannot read the PEM private key %1 (not a private key, "
                                           "or ssl.key.password does not decrypt it)")
                                .arg(options.pemKeyLocation));
        }
    } else if (!options.keystoreLocation.isEmpty()) {
        const QString type = options.keystoreType.trimmed().toUpper();
        auto data = readTlsFile(options.keystoreLocation, QStringLiteral("keystore"));
        if (!data)
            return data.error();
        const bool jksMagic = data->startsWith(QByteArray::fromHex("feedfeed"));
        if (type == QLatin1String("JKS") || type == QLatin1String("JCEKS") || jksMagic) {
            return tlsError(QStringLiteral("The keystore %1 is a Java keystore (JKS), which "
                                           "ConnectDesk cannot read. Convert it with: keytool "
                                           "-importkeystore -srckeystore %1 -destkeystore "
                                           "keystore.p12 -deststoretype PKCS12")
                                .arg(options.keystoreLocation));
        }
        if (type == QLatin1String("PEM")) {
            chain = QSslCertificate::fromData(*data, QSsl::Pem);
            key = pemKey(*data, options.keyPassword.toUtf8());
            if (chain.isEmpty() || key.isNull()) {
                return tlsError(QStringLiteral("The PEM keystore %1 needs a private key and a "
                                               "certificate chain")
                                    .arg(options.keystoreLocation));
            }
        } else if (type == QLatin1String("PKCS12") || type.isEmpty()) {
            QSslCertificate certificate;
            QList<QSslCertificate> caCertificates;
            QStringList passwords{options.keystorePassword};
            if (!options.keyPassword.isEmpty() && options.keyPassword != options.keystorePassword)
                passwords.append(options.keyPassword);
            bool imported = false;
            for (const QString &password : std::as_const(passwords)) {
                QFile file(options.keystoreLocation);
                if (!file.open(QIODevice::ReadOnly))
                    break;
                if (QSslCertificate::importPkcs12(&file,
                                                  &key,
                                                  &certificate,
                                                  &caCertificates,
                                                  password.toUtf8())) {
                    imported = true;
                    break;
                }
            }
            if (!imported) {
                return tlsError(QStringLiteral("Cannot read the PKCS12 keystore %1: wrong "
                                               "ssl.keystore.password, no private key in it, or "
                                               "legacy encryption OpenSSL 3 refuses (re-export "
                                               "it with a current openssl or keytool)")
                                    .arg(options.keystoreLocation));
            }
            chain = QList<QSslCertificate>{certificate} + caCertificates;
        } else {
            return tlsError(QStringLiteral("Unsupported ssl.keystore.type %1 (use PKCS12 or PEM)")
                                .arg(options.keystoreType));
        }
    } else {
        return tlsError(
            QStringLiteral("An https listener needs listeners.https.ssl.keystore.location "
                           "or listeners.https.ssl.pem.certificate.location and "
                           "listeners.https.ssl.pem.key.location"));
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);

    QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater;
    QStringList protocols;
    for (const QString &name : options.enabledProtocols) {
        if (!name.trimmed().isEmpty())
            protocols.append(name.trimmed());
    }
    if (protocols.isEmpty()) {
        return tlsError(QStringLiteral("ssl.enabled.protocols is empty"));
    }
    for (const QString &name : std::as_const(protocols)) {
        if (name != QLatin1String("TLSv1.2") && name != QLatin1String("TLSv1.3")) {
            return tlsError(QStringLiteral("Unsupported protocol %1 in ssl.enabled.protocols "
                                           "(TLSv1.2 and TLSv1.3 are)")
                                .arg(name));
        }
    }
    if (!protocols.contains(QLatin1String("TLSv1.2")))
        protocol = QSsl::TlsV1_3OrLater;
    configuration.setProtocol(protocol);

    const QString clientAuth = options.clientAuth.trimmed().toLower();
    if (clientAuth == QLatin1String("required") || clientAuth == QLatin1String("requested")) {
        configuration.setPeerVerifyMode(clientAuth == QLatin1String("required")
                                            ? QSslSocket::VerifyPeer
                                            : QSslSocket::QueryPeer);
        if (!options.truststoreLocation.isEmpty()) {
            if (options.truststoreType.trimmed().toUpper() != QLatin1String("PEM")) {
                return tlsError(QStringLiteral("ssl.truststore.type %1 is not supported; give "
                                               "the CA certificates as PEM "
                                               "(ssl.truststore.type=PEM)")
                                    .arg(options.truststoreType));
            }
            auto trusted = readTlsFile(options.truststoreLocation, QStringLiteral("truststore"));
            if (!trusted)
                return trusted.error();
            const QList<QSslCertificate> cas = QSslCertificate::fromData(*trusted, QSsl::Pem);
            if (cas.isEmpty()) {
                return tlsError(QStringLiteral("No PEM certificate in the truststore %1")
                                    .arg(options.truststoreLocation));
            }
            configuration.setCaCertificates(cas);
        }
    } else if (clientAuth == QLatin1String("none") || clientAuth.isEmpty()) {
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else {
        return tlsError(QStringLiteral("Invalid ssl.client.auth %1 (none, requested or required)")
                            .arg(options.clientAuth));
    }
    return configuration;
}

} // namespace Internal

HttpsOptions HttpsOptions::fromProperties(const QMap<QString, QString> &properties,
                                          const QString &prefix)
{
    bool prefixed = false;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        if (it.key().startsWith(prefix)) {
            prefixed = true;
            break;
        }
    }
    const auto value = [&](const char *key, const QString &fallback) {
        const QString name = (prefixed ? prefix : QString()) + QLatin1String(key);
        return properties.value(name, fallback);
    };
    HttpsOptions options;
    options.keystoreLocation = value("ssl.keystore.location", options.keystoreLocation);
    options.keystoreType = value("ssl.keystore.type", options.keystoreType);
    options.keystorePassword = value("ssl.keystore.password", options.keystorePassword);
    options.keyPassword = value("ssl.key.password", options.keyPassword);
    options.pemCertificateLocation = value("ssl.pem.certificate.location",
                                           options.pemCertificateLocation);
    options.pemKeyLocation = value("ssl.pem.key.location", options.pemKeyLocation);
    options.clientAuth = value("ssl.client.auth", options.clientAuth);
    options.truststoreLocation = value("ssl.truststore.location", options.truststoreLocation);
    options.truststoreType = value("ssl.truststore.type", options.truststoreType);
    const QString protocols = value("ssl.enabled.protocols", QString());
    if (!protocols.trimmed().isEmpty()) {
        options.enabledProtocols.clear();
        for (const QString &protocol : protocols.split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.enabledProtocols.append(protocol.trimmed());
    }
    return options;
}

} // namespace ConnectDesk::Rest
