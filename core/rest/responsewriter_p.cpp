// SPDX-License-Identifier: Apache-2.0
#include "responsewriter_p.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>

namespace ConnectDesk::Rest::Internal {

namespace {

/** Header names and values go out verbatim; CR and LF would let a value start a new header. */
QByteArray headerSafe(QByteArray text)
{
    text.replace('\r', ' ');
    text.replace('\n', ' ');
    return text;
}

} // namespace

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

void writeResponse(QTcpSocket *socket,
                   const HttpResponse &response,
                   bool head,
                   ConnectionHeader connection)
{
    const int status = response.status;
    const bool bodyForbidden = status < 200 || status == 204 || status == 304;
    qint64 length = response.body.size();
    const QByteArray explicitLength = response.header("Content-Length");
    if (head && !explicitLength.isNull())
        length = explicitLength.trimmed().toLongLong();

    // A large body is handed to the socket on its own (one copy less: GET /connectors with a
    // thousand connectors is about 200 KiB); a small one goes in the same write as the head.
    const bool withBody = !head && !bodyForbidden;
    const bool separateBody = withBody && response.body.size() > 16 * 1024;
    QByteArray out;
    out.reserve(256 + (withBody && !separateBody ? response.body.size() : 0));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!bodyForbidden && length > 0 && !response.contentType.isEmpty()
        && !response.hasHeader("Content-Type")) {
        out += "Content-Type: " + headerSafe(response.contentType) + "\r\n";
    }
    if (!bodyForbidden)
        out += "Content-Length: " + QByteArray::number(length) + "\r\n";
    for (const auto &header : response.headers) {
        if (header.first.compare("Content-Length", Qt::CaseInsensitive) == 0
            || header.first.compare("Connection", Qt::CaseInsensitive) == 0) {
            continue;
        }
        out += headerSafe(header.first) + ": " + headerSafe(header.second) + "\r\n";
    }
    if (!response.hasHeader("Date"))
        out += "Date: " + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
    if (connection == ConnectionHeader::Close)
        out += "Connection: close\r\n";
    else if (connection == ConnectionHeader::KeepAlive)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (withBody && !separateBody)
        out += response.body;
    socket->write(out);
    if (separateBody)
        socket->write(response.body);
}

} // namespace ConnectDesk::Rest::Internal
