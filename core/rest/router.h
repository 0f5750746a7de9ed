// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httptypes.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace ConnectDesk::Rest {

/** Template values of a matched route, decoded: `{connector}` → "my conn". */
using PathParams = QMap<QString, QString>;

/**
 * Maps (method, path template) to handlers the way Jersey does for Connect's resources:
 *
 * - Templates are literal segments and `{name}` segments; a `{name}` matches one whole,
 *   non-empty decoded segment (an encoded "%2F" stays inside it). One trailing slash on the
 *   request is tolerated.
 * - When several templates match a path, the most specific wins (more literal characters,
 *   then more variables: JAX-RS's order), and the method is chosen among that template's
 *   routes only.
 * - Unknown path → 404 `{"error_code":404,"message":"HTTP 404 Not Found"}`; known path without
 *   a route for the method → 405 `{"error_code":405,"message":"HTTP 405 Method Not Allowed"}`
 *   with an `Allow` header (Connect drops Allow; we keep it, HTTP requires it).
 * - HEAD on a template with GET runs the GET handler and returns its status and headers with
 *   the body removed and `Content-Length` set to the body's size.
 * - OPTIONS on a template without an OPTIONS route answers 200 with `Allow: GET,HEAD,OPTIONS`
 *   and the same list as a `text/plain` body ("GET, HEAD, OPTIONS"), as Jersey does; CORS
 *   headers are added by HttpServer.
 * - A handler that throws std::exception gives 500 with the exception's text as the message;
 *   anything else thrown gives 500 too.
 *
 * Build it once (add() is not thread-safe), then dispatch() from any thread: dispatch is
 * const and calls handlers on the caller's thread.
 */
class Router
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &, const PathParams &)>;

    /** Registers a handler. `method` is upper case; `pattern` starts with '/', e.g.
     *  `/connectors/{connector}/tasks/{task}/status`. Registering the same method and template
     *  (variables renamed or not) twice replaces the handler. */
    void add(const QByteArray &method, const QString &pattern, Handler handler);

    /** Routes a request (see the class comment). Never throws. */
    HttpResponse dispatch(const HttpRequest &request) const;

    /** The methods a path answers, as sent in `Allow` (includes HEAD when GET is routed, and
     *  OPTIONS); empty for an unknown path. */
    QList<QByteArray> allowedMethods(const QStringList &pathSegments) const;

private:
    struct Segment
    {
        QString text;
        bool variable = false;
    };
    struct Route
    {
        QByteArray method;
        QString pattern;
        QString shape; // the template with variables blanked, grouping same-path routes
        QList<Segment> segments;
        int literalChars = 0;
        int variables = 0;
        Handler handler;
    };

    /** The routes of the most specific template matching the segments; empty when none. */
    QList<const Route *> bestMatch(const QStringList &segments) const;
    static bool matches(const Route &route, const QStringList &segments);
    static PathParams params(const Route &route, const QStringList &segments);
    static QList<QByteArray> allowOf(const QList<const Route *> &routes);
    static HttpResponse invoke(const Route &route,
                               const HttpRequest &request,
                               const QStringList &segments);

    QList<Route> m_routes;
};

} // namespace ConnectDesk::Rest
