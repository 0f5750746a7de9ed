// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httptypes.h"

#include "core/util/result.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace ConnectDesk::Rest {

namespace Internal {
class HttpServerPrivate;
}

/**
 * TLS material and settings of the https listeners: Kafka's `listeners.https.ssl.*` keys
 * (fromProperties() applies Kafka's prefix rule). field: key (after the prefix), notes:
 *
 * - keystoreLocation: `ssl.keystore.location`: a PKCS#12 file, or a PEM file holding the key
 *   and the chain when the type is PEM.
 * - keystoreType: `ssl.keystore.type`: `PKCS12` (default) or `PEM`. `JKS` cannot be read
 *   (refused with a clear error; convert it with
 *   `keytool -importkeystore -srckeystore K.jks -destkeystore K.p12 -deststoretype PKCS12`).
 * - keystorePassword: `ssl.keystore.password`.
 * - keyPassword: `ssl.key.password`: also tried on a PKCS#12 file; decrypts a PEM key.
 * - pemCertificateLocation: `ssl.pem.certificate.location` (ConnectDesk): PEM certificate
 *   chain, leaf first.
 * - pemKeyLocation: `ssl.pem.key.location` (ConnectDesk): PEM private key, encrypted with
 *   `ssl.key.password` or not. The PEM pair wins over the keystore when both are set.
 * - clientAuth: `ssl.client.auth`: `none` (default), `requested` or `required`.
 * - truststoreLocation: `ssl.truststore.location`: CAs for client certificates.
 * - truststoreType: `ssl.truststore.type`: `PEM` only (Kafka's default JKS is refused).
 * - enabledProtocols: `ssl.enabled.protocols`: default `TLSv1.2,TLSv1.3`; the lowest listed
 *   is the minimum accepted.
 */
struct HttpsOptions
{
    QString keystoreLocation;
    QString keystoreType = QStringLiteral("PKCS12");
    QString keystorePassword;
    QString keyPassword;
    QString pemCertificateLocation;
    QString pemKeyLocation;
    QString clientAuth = QStringLiteral("none");
    QString truststoreLocation;
    QString truststoreType = QStringLiteral("PEM");
    QStringList enabledProtocols{QStringLiteral("TLSv1.2"), QStringLiteral("TLSv1.3")};

    /** Reads the keys above from worker properties the way Kafka's
     *  `valuesWithPrefixAllOrNothing` does: if any key starts with `prefix`, only prefixed keys
     *  count; otherwise the unprefixed `ssl.*` keys are used. */
    static HttpsOptions fromProperties(const QMap<QString, QString> &properties,
                                       const QString &prefix = QStringLiteral("listeners.https."));
};

/** What HttpServer serves and how. */
struct HttpServerOptions
{
    /** Kafka's `listeners` syntax, `http://host:port` or `https://host:port` (IPv6 literals in
     *  brackets). An empty host (`http://:8083`) binds every interface, as Kafka does; port 0
     *  picks a free port (see HttpServer::boundUrls()). Our default is loopback only. */
    QStringList listeners{QStringLiteral("http://127.0.0.1:8083")};
    /** Used when a listener is https. */
    HttpsOptions https;
    /** `access.control.allow.origin`: CORS is on only when this is not blank. A comma list of
     *  origins; `*` allows any, and a `*` inside an entry matches anything (Jetty's rule, so
     *  `*.example.com` after the scheme allows every subdomain). */
    QString accessControlAllowOrigin;
    /** `access.control.allow.methods`: blank means Jetty's default `GET,POST,HEAD`. */
    QString accessControlAllowMethods;
    /** `response.http.headers.config`: comma-separated `[set|add|setDate|addDate] Name: value`
     *  rules applied to every response (a handler's own header wins over `set`; `*Date`
     *  values are millisecond offsets from now). */
    QString responseHttpHeaders;
    /** Basic-auth users file (see BasicAuth); empty means no authentication. */
    QString basicAuthUsersFile;
    /** Requests that skip basic auth even when it is on (Kafka exempts the worker-to-worker
     *  `POST /connectors/{c}/tasks` and `PUT /connectors/{c}/fence`, which carry their own
     *  signature). CORS preflights are always exempt. Null: none. */
    std::function<bool(const HttpRequest &)> authExempt;
    /** Larger request bodies are refused with 413 before they reach the handler; a declared
     *  Content-Length over the limit is refused as soon as the headers arrive. */
    qint64 maxBodyBytes = 1024 * 1024;
    /** Larger request lines plus headers are refused with 431. */
    qint64 maxHeaderBytes = 64 * 1024;
    /** A connection with no traffic for this long is closed (Jetty's idle timeout); 0: never. */
    int idleTimeoutMs = 30000;
};

/**
 * The REST API's HTTP/1.1 server: the only place that uses QtHttpServer (6.4 API, kept behind
 * this class because 6.8 changed it).
 *
 * Every request reaches one handler (normally Router::dispatch) and the server writes status,
 * headers and body itself, which fixes QtHttpServer 6.4's faults: HEAD never has a body, 204
 * and 202 carry no Content-Type, responses are written in request order, HTTP/1.0 and
 * `Connection: close` close the connection, `Expect: 100-continue` is answered.
 *
 * Around the handler, in this order: request limits (413, 431, 400), basic auth (401 with
 * `WWW-Authenticate: Basic realm="connectdesk"`), the handler (exceptions become 500), then
 * CORS headers (Jetty's CrossOriginFilter as Connect configures it) and the
 * `response.http.headers.config` rules, on every response including errors.
 *
 * Thread: lives on the thread that created it (the REST thread); the handler is called there,
 * synchronously. A connection never has two requests in the handler at once and answers in
 * request order; but if the handler spins an event loop while it waits, requests of other
 * connections may enter the handler meanwhile. Owns its listening sockets and connections;
 * close() or destruction drops them. Do not call close() or delete the server from inside the
 * handler.
 */
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    HttpServer(HttpServerOptions options, Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    /** Checks the options (listeners, TLS material, users file, header rules) and binds every
     *  listener; on error nothing stays bound. Error codes are HttpErrorCode values; messages
     *  never contain passwords. */
    Util::Error listen();
    /** Stops listening and drops open connections. listen() may be called again. */
    void close();
    bool isListening() const;

    /** One URL per listener, in the order of the options, with the real port (port 0
     *  resolved). The host is the listener's, or `0.0.0.0` for an empty host. */
    QList<QUrl> boundUrls() const;

    const HttpServerOptions &options() const;

private:
    std::unique_ptr<Internal::HttpServerPrivate> d;
};

} // namespace ConnectDesk::Rest
