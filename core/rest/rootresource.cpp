// SPDX-License-Identifier: Apache-2.0
// GET / and GET /health (Kafka's RootResource).
#include "restcontext.h"

#include "core/converters/json/jsonwriter.h"
#include "core/runtime/connect.h"

namespace ConnectDesk::Rest {

namespace {

using L = QLatin1StringView;

HttpResponse health(int status, const char *state, const QString &message)
{
    Converters::JsonWriter out;
    out.beginObject().key(L("status")).writeString(L(state)).key(L("message")).writeString(message).endObject();
    return HttpResponse::json(status, out.take());
}

} // namespace

HttpResponse errorResponse(const Util::Error &error)
{
    const int status = error.code >= 400 && error.code < 600 ? error.code : 500;
    return HttpResponse::error(status, error.message);
}

HttpResponse startingResponse()
{
    return HttpResponse::error(503, QStringLiteral("Worker is still starting up."));
}

void registerRootResource(Router &router, RestContext &context)
{
    router.add("GET", QStringLiteral("/"), [&context](const HttpRequest &, const PathParams &) {
        Runtime::Connect *connect = context.connect.load();
        Converters::JsonWriter out;
        // version is the Kafka Connect version whose API this worker implements, so that
        // consoles enable the features they probe for; the product version is in the
        // Server header.
        out.beginObject()
            .key(L("version")).writeString(L(CONNECTDESK_KAFKA_COMPAT_VERSION))
            .key(L("commit")).writeString(L(CONNECTDESK_COMMIT))
            .key(L("kafka_cluster_id"));
        if (connect && !connect->kafkaClusterId().isEmpty())
            out.writeString(connect->kafkaClusterId());
        else
            out.writeNull();
        out.endObject();
        return HttpResponse::json(200, out.take());
    });

    router.add("GET", QStringLiteral("/health"), [&context](const HttpRequest &, const PathParams &) {
        Runtime::Connect *connect = context.connect.load();
        if (!connect || !connect->herder()->isReady())
            return health(503, "starting", QStringLiteral("Worker is still starting up."));
        const Util::Error error = connect->herder()->run([] { return Util::Error{}; }, context.healthTimeoutMs);
        if (error) {
            QString message = QStringLiteral("Worker was unable to handle this request and may be unable to handle other requests.");
            const QString stage = connect->herder()->stage();
            if (!stage.isEmpty())
                message += QLatin1Char(' ') + stage;
            return health(500, "unhealthy", message);
        }
        return health(200, "healthy", QStringLiteral("Worker has completed startup and is ready to handle requests."));
    });
}

} // namespace ConnectDesk::Rest
