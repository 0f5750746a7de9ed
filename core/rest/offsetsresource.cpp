// SPDX-License-Identifier: Apache-2.0
// /connectors/{c}/offsets (KIP-875): read in any state; alter and reset only when STOPPED.
#include "entities.h"
#include "requestbody.h"
#include "restcontext.h"

#include "core/runtime/connect.h"
#include "core/runtime/connectoroffsets.h"

namespace ConnectDesk::Rest {

namespace {

/** The connector's offsets helper, or the 404 Kafka gives. Offsets work blocks on the broker,
 *  so it runs here on the REST thread, never on the herder's. */
Util::Result<Runtime::ConnectorOffsets> offsetsOf(Runtime::Connect &connect, const QString &name)
{
    const auto snapshot = connect.herder()->snapshot();
    const auto it = snapshot->constFind(name);
    if (it == snapshot->cend())
        return Util::Error{QStringLiteral("Connector %1 not found").arg(name), 404};
    return Runtime::ConnectorOffsets(connect.worker(), name, it->config, it->type == QLatin1String("sink"));
}

Util::Error checkStopped(Runtime::Connect &connect, const QString &name, int timeoutMs)
{
    Runtime::Herder *herder = connect.herder();
    return herder->run([herder, name] { return herder->checkOffsetsModifiable(name); }, timeoutMs);
}

} // namespace

void registerOffsetsResource(Router &router, RestContext &context)
{
    router.add("GET", QStringLiteral("/connectors/{connector}/offsets"),
               [&context](const HttpRequest &, const PathParams &params) {
                   Runtime::Connect *connect = context.connect.load();
                   if (!connect)
                       return startingResponse();
                   auto offsets = offsetsOf(*connect, params.value(QStringLiteral("connector")));
                   if (!offsets)
                       return errorResponse(offsets.error());
                   auto read = offsets->read();
                   if (!read)
                       return errorResponse(read.error());
                   return HttpResponse::json(200, Entities::connectorOffsets(*read));
               });
    router.add("PATCH", QStringLiteral("/connectors/{connector}/offsets"),
               [&context](const HttpRequest &request, const PathParams &params) {
                   Runtime::Connect *connect = context.connect.load();
                   if (!connect)
                       return startingResponse();
                   const QString name = params.value(QStringLiteral("connector"));
                   auto body = RequestBody::parse(request.body, QStringLiteral("ConnectorOffsets"));
                   if (!body)
                       return errorResponse(body.error());
                   auto entries = RequestBody::connectorOffsets(*body);
                   if (!entries)
                       return errorResponse(entries.error());
                   // Kafka checks the body before the connector and its state.
                   if (entries->isEmpty())
                       return HttpResponse::error(400, QStringLiteral("Partitions / offsets need to be provided for an "
                                                                      "alter offsets request"));
                   auto offsets = offsetsOf(*connect, name);
                   if (!offsets)
                       return errorResponse(offsets.error());
                   if (Util::Error error = checkStopped(*connect, name, context.requestTimeoutMs))
                       return errorResponse(error);
                   auto message = offsets->alter(*entries);
                   if (!message)
                       return errorResponse(message.error());
                   return HttpResponse::json(200, Entities::message(*message));
               });
    router.add("DELETE", QStringLiteral("/connectors/{connector}/offsets"),
               [&context](const HttpRequest &, const PathParams &params) {
                   Runtime::Connect *connect = context.connect.load();
                   if (!connect)
                       return startingResponse();
                   const QString name = params.value(QStringLiteral("connector"));
                   auto offsets = offsetsOf(*connect, name);
                   if (!offsets)
                       return errorResponse(offsets.error());
                   if (Util::Error error = checkStopped(*connect, name, context.requestTimeoutMs))
                       return errorResponse(error);
                   auto message = offsets->reset();
                   if (!message)
                       return errorResponse(message.error());
                   return HttpResponse::json(200, Entities::message(*message));
               });
}

} // namespace ConnectDesk::Rest
