// SPDX-License-Identifier: Apache-2.0
#include "router.h"

#include "logging.h"

#include <exception>

namespace ConnectDesk::Rest {

namespace {

/** The request's segments with one trailing empty segment (a trailing slash) dropped. */
QStringList routingSegments(const QStringList &segments)
{
    QStringList result = segments;
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    Q_ASSERT(pattern.startsWith(QLatin1Char('/')));
    Q_ASSERT(handler);

    Route route;
    route.method = method.toUpper();
    route.pattern = pattern;
    QStringList shape;
    const QStringList parts = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        Segment segment;
        if (part.size() >= 2 && part.startsWith(QLatin1Char('{'))
            && part.endsWith(QLatin1Char('}'))) {
            segment.variable = true;
            segment.text = part.mid(1, part.size() - 2);
            ++route.variables;
            shape.append(QStringLiteral("{}"));
        } else {
            segment.text = part;
            route.literalChars += int(part.size()) + 1; // the '/' counts, as in JAX-RS
            shape.append(part);
        }
        route.segments.append(segment);
    }
    route.shape = QLatin1Char('/') + shape.join(QLatin1Char('/'));
    route.handler = std::move(handler);

    for (Route &existing : m_routes) {
        if (existing.method == route.method && existing.shape == route.shape) {
            existing = std::move(route);
            return;
        }
    }
    m_routes.append(std::move(route));
}

bool Router::matches(const Route &route, const QStringList &segments)
{
    if (route.segments.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Segment &segment = route.segments.at(i);
        if (segment.variable) {
            if (segments.at(i).isEmpty())
                return false;
        } else if (segment.text != segments.at(i)) {
            return false;
        }
    }
    return true;
}

PathParams Router::params(const Route &route, const QStringList &segments)
{
    PathParams result;
    for (qsizetype i = 0; i < route.segments.size(); ++i) {
        if (route.segments.at(i).variable)
            result.insert(route.segments.at(i).text, segments.at(i));
    }
    return result;
}

QList<const Router::Route *> Router::bestMatch(const QStringList &segments) const
{
    const Route *best = nullptr;
    for (const Route &route : m_routes) {
        if (!matches(route, segments))
            continue;
        if (!best || route.literalChars > best->literalChars
            || (route.literalChars == best->literalChars && route.variables > best->variables)) {
            best = &route;
        }
    }
    QList<const Route *> result;
    if (!best)
        return result;
    for (const Route &route : m_routes) {
        if (route.shape == best->shape)
            result.append(&route);
    }
    return result;
}

QList<QByteArray> Router::allowOf(const QList<const Route *> &routes)
{
    QList<QByteArray> methods;
    bool hasGet = false;
    for (const Route *route : routes) {
        if (!methods.contains(route->method))
            methods.append(route->method);
        hasGet = hasGet || route->method == "GET";
    }
    if (hasGet && !methods.contains("HEAD"))
        methods.append("HEAD");
    if (!methods.contains("OPTIONS"))
        methods.append("OPTIONS");
    return methods;
}

QList<QByteArray> Router::allowedMethods(const QStringList &pathSegments) const
{
    const QList<const Route *> routes = bestMatch(routingSegments(pathSegments));
    return routes.isEmpty() ? QList<QByteArray>() : allowOf(routes);
}

HttpResponse Router::invoke(const Route &route,
                            const HttpRequest &request,
                            const QStringList &segments)
{
    try {
        return route.handler(request, params(route, segments));
    } catch (const std::exception &e) {
        // ConnectExceptionMapper: anything unmapped is a 500 carrying the exception's message.
        qCDebug(lcRest).noquote() << "Uncaught exception in REST call to" << request.path << ':'
                                  << e.what();
        return HttpResponse::error(500, QString::fromUtf8(e.what()));
    } catch (...) {
        qCDebug(lcRest).noquote() << "Uncaught non-standard exception in REST call to"
                                  << request.path;
        return HttpResponse::error(500, QStringLiteral("Unknown error"));
    }
}

HttpResponse Router::dispatch(const HttpRequest &request) const
{
    const QStringList segments = routingSegments(request.pathSegments);
    const QList<const Route *> routes = bestMatch(segments);
    if (routes.isEmpty())
        return HttpResponse::error(404, statusMessage(404));

    const QByteArray method = request.method.toUpper();
    for (const Route *route : routes) {
        if (route->method == method)
            return invoke(*route, request, segments);
    }

    if (method == "HEAD") {
        for (const Route *route : routes) {
            if (route->method != "GET")
                continue;
            HttpResponse response = invoke(*route, request, segments);
            // Same status and headers as GET, no body; the length is what GET would send.
            if (!response.body.isEmpty() && !response.hasHeader("Content-Length"))
                response.setHeader("Content-Length", QByteArray::number(response.body.size()));
            response.body.clear();
            return response;
        }
    }

    const QList<QByteArray> allow = allowOf(routes);
    if (method == "OPTIONS") {
        // Jersey's OptionsMethodProcessor (WADL disabled): the methods as text, and in Allow.
        HttpResponse response;
        response.contentType = "text/plain";
        response.body = allow.join(", ");
        response.setHeader("Allow", allow.join(','));
        return response;
    }

    HttpResponse response = HttpResponse::error(405, statusMessage(405));
    response.setHeader("Allow", allow.join(','));
    return response;
}

} // namespace ConnectDesk::Rest
