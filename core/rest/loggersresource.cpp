// SPDX-License-Identifier: Apache-2.0
// /admin/loggers (Kafka's LoggingResource), applied to the worker's logging categories.
#include "requestbody.h"
#include "restcontext.h"

#include "core/converters/json/jsonwriter.h"
#include "core/runtime/connect.h"
#include "core/util/loglevels.h"

namespace ConnectDesk::Rest {

namespace {

using L = QLatin1StringView;

void writeLevel(Converters::JsonWriter &out, const Util::LogLevels::Level &level)
{
    out.beginObject().key(L("level")).writeString(level.level).key(L("last_modified"));
    if (level.lastModified)
        out.writeInt64(*level.lastModified);
    else
        out.writeNull();
    out.endObject();
}

} // namespace

void registerLoggersResource(Router &router, RestContext &context)
{
    Util::LogLevels::install();
    router.add("GET", QStringLiteral("/admin/loggers"), [](const HttpRequest &, const PathParams &) {
        Converters::JsonWriter out;
        out.beginObject();
        const auto levels = Util::LogLevels::explicitLevels();
        for (auto it = levels.cbegin(); it != levels.cend(); ++it) {
            out.key(it.key());
            writeLevel(out, it.value());
        }
        out.endObject();
        return HttpResponse::json(200, out.take());
    });
    router.add("GET", QStringLiteral("/admin/loggers/{logger}"), [](const HttpRequest &, const PathParams &params) {
        const QString name = params.value(QStringLiteral("logger"));
        const auto level = Util::LogLevels::level(name);
        if (!level)
            return HttpResponse::error(404, QStringLiteral("Logger %1 not found.").arg(name));
        Converters::JsonWriter out;
        writeLevel(out, *level);
        return HttpResponse::json(200, out.take());
    });
    router.add("PUT", QStringLiteral("/admin/loggers/{logger}"), [&context](const HttpRequest &request,
                                                                           const PathParams &params) {
        auto map = RequestBody::parseStringMap(request.body, QStringLiteral("the request"));
        if (!map)
            return errorResponse(map.error());
        const QString levelText = map->value(QStringLiteral("level"));
        if (levelText.isNull())
            return HttpResponse::error(400, QStringLiteral("Desired 'level' parameter was not specified in request."));
        const auto level = Util::LogLevels::normalizedLevel(levelText);
        if (!level)
            return HttpResponse::error(404, QStringLiteral("invalid log level '%1'.").arg(levelText));
        const QString scope = request.queryValue(QStringLiteral("scope")).value_or(QStringLiteral("worker"));
        const QString nameSpace = params.value(QStringLiteral("logger"));
        if (scope.compare(QLatin1String("cluster"), Qt::CaseInsensitive) == 0) {
            // Kafka writes logger-cluster-<namespace> to the config topic and every worker
            // applies it; with one node the cluster is this worker.
            if (Runtime::Connect *connect = context.connect.load()) {
                Runtime::Herder *herder = connect->herder();
                const QString value = *level;
                if (Util::Error error = herder->run([herder, nameSpace, value] { return herder->putLoggerLevel(nameSpace, value); },
                                                    context.requestTimeoutMs))
                    return errorResponse(error);
            }
            Util::LogLevels::setLevel(nameSpace, *level);
            return HttpResponse::empty(204);
        }
        const QStringList affected = Util::LogLevels::setLevel(nameSpace, *level);
        Converters::JsonWriter out;
        out.beginArray();
        for (const QString &name : affected)
            out.writeString(name);
        out.endArray();
        return HttpResponse::json(200, out.take());
    });
}

} // namespace ConnectDesk::Rest
