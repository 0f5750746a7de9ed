// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace ConnectDesk::Rest {

/** Codes of the HTTP seam's errors (HttpServer::listen(), BasicAuth::load()), carried in
 *  `Util::Error::code`. */
enum class HttpErrorCode {
    /** A `listeners` entry does not parse (Kafka's messages). */
    InvalidListener = 1,
    /** The TLS key material of an https listener cannot be loaded. */
    Tls = 2,
    /** A listener cannot bind (address in use, no such address...). */
    Bind = 3,
    /** The basic-auth users file cannot be read or has a malformed line. */
    UsersFile = 4,
    /** Another option is invalid (e.g. `response.http.headers.config`). */
    InvalidOption = 5,
};

/**
 * One HTTP request as the REST layer sees it: decoded, transport-free. Built by HttpServer,
 * consumed by Router and the resources; tests build them by hand.
 */
struct HttpRequest
{
    /** "GET", "POST", ... (upper case). */
    QByteArray method;
    /** Percent-decoded path, e.g. "/connectors/my conn/status". An encoded "%2F" is decoded
     *  too, so use pathSegments to route. */
    QString path;
    /** Decoded segments, without the leading empty one: "/connectors/a%2Fb/" gives
     *  {"connectors", "a/b", ""}. An encoded "%2F" stays inside its segment. */
    QStringList pathSegments;
    /** Decoded query items in order; repeats allowed (expand=status&expand=info). '+' is a
     *  space, as Jersey decodes query parameters. */
    QList<QPair<QString, QString>> query;
    /** As received (names keep their case). */
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /** The authenticated user (basic auth), empty when the server has no users file or the
     *  request was exempt. */
    QString user;

    /** First header of that name, case-insensitive; null when absent. */
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    /** Every value of a query parameter, in order. */
    QStringList queryValues(const QString &name) const;
    /** The first value of a query parameter; nullopt when absent ("?a" gives an empty value). */
    std::optional<QString> queryValue(const QString &name) const;

    /** Fills path, pathSegments and query from a request target's encoded path and query
     *  ("/connectors/a%2Fb", "expand=status"). */
    void setTarget(const QByteArray &encodedPath, const QByteArray &encodedQuery = QByteArray());
};

/**
 * The answer to an HttpRequest. HttpServer writes Content-Length itself (never on 1xx, 204 or
 * 304), and Content-Type only when there is a body (or, for HEAD, when the GET would have one);
 * `headers` are written as they are, after those.
 */
struct HttpResponse
{
    int status = 200;
    /** Empty: no body. */
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    /** A JSON answer: `status`, `application/json`, the given (already serialized) body. */
    static HttpResponse json(int status, const QByteArray &jsonBody);
    /** No body and no Content-Type header (for 202, 204...). */
    static HttpResponse empty(int status);
    /** Connect's error body: `{"error_code":status,"message":"..."}`, compact. */
    static HttpResponse error(int status, const QString &message);

    /** First header of that name, case-insensitive; null when absent. */
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    /** Replaces every header of that name (case-insensitive) with one. */
    void setHeader(const QByteArray &name, const QByteArray &value);
    /** Appends a header, keeping others of the same name. */
    void addHeader(const QByteArray &name, const QByteArray &value);
    void removeHeader(const QByteArray &name);
};

/** The standard reason phrase of a status ("Not Found"), empty for unknown codes. */
QByteArray reasonPhrase(int status);
/** Jersey's message for a status it produces itself: "HTTP 404 Not Found". */
QString statusMessage(int status);

} // namespace ConnectDesk::Rest
