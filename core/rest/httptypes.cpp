// SPDX-License-Identifier: Apache-2.0
#include "httptypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace ConnectDesk::Rest {

namespace {

template<typename Headers>
QByteArray findHeader(const Headers &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second.isNull() ? QByteArray("") : header.second;
    }
    return QByteArray();
}

template<typename Headers>
bool containsHeader(const Headers &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString decodeComponent(QByteArray encoded, bool plusIsSpace)
{
    if (plusIsSpace)
        encoded.replace('+', ' ');
    return QUrl::fromPercentEncoding(encoded);
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    return containsHeader(headers, name);
}

QStringList HttpRequest::queryValues(const QString &name) const
{
    QStringList values;
    for (const auto &item : query) {
        if (item.first == name)
            values.append(item.second);
    }
    return values;
}

std::optional<QString> HttpRequest::queryValue(const QString &name) const
{
    for (const auto &item : query) {
        if (item.first == name)
            return item.second;
    }
    return std::nullopt;
}

void HttpRequest::setTarget(const QByteArray &encodedPath, const QByteArray &encodedQuery)
{
    pathSegments.clear();
    // Split before decoding, so that an encoded '/' stays inside its segment (Jersey matches
    // templates on the encoded path and decodes the captured values).
    QList<QByteArray> parts = encodedPath.split('/');
    if (!parts.isEmpty() && parts.first().isEmpty())
        parts.removeFirst();
    for (const QByteArray &part : std::as_const(parts))
        pathSegments.append(decodeComponent(part, false));
    path = QLatin1Char('/') + pathSegments.join(QLatin1Char('/'));

    query.clear();
    if (encodedQuery.isEmpty())
        return;
    for (const QByteArray &item : encodedQuery.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        const QByteArray key = eq < 0 ? item : item.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        query.append({decodeComponent(key, true), decodeComponent(value, true)});
    }
}

HttpResponse HttpResponse::json(int status, const QByteArray &jsonBody)
{
    HttpResponse response;
    response.status = status;
    response.body = jsonBody;
    return response;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse response;
    response.status = status;
    response.contentType.clear();
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &message)
{
    // QJsonDocument writes keys in sorted order, which is Connect's order as well
    // (ErrorMessage: error_code, message).
    const QJsonObject object{{QStringLiteral("error_code"), status},
                             {QStringLiteral("message"), message}};
    return json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

bool HttpResponse::hasHeader(const QByteArray &name) const
{
    return containsHeader(headers, name);
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    headers.append({name, value});
}

void HttpResponse::addHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
}

void HttpResponse::removeHeader(const QByteArray &name)
{
    headers.removeIf([&name](const QPair<QByteArray, QByteArray> &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 203:
        return "Non-Authoritative Information";
    case 204:
        return "No Content";
    case 205:
        return "Reset Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return QByteArray();
    }
}

QString statusMessage(int status)
{
    // javax.ws.rs.WebApplicationException.computeExceptionMessage(): "HTTP " + code + ' ' + reason.
    return QStringLiteral("HTTP %1 %2").arg(status).arg(QString::fromLatin1(reasonPhrase(status)));
}

} // namespace ConnectDesk::Rest
