// SPDX-License-Identifier: Apache-2.0
// /connectors (Kafka's ConnectorsResource): list, create, config, status, tasks, lifecycle,
// restart, topics. Offsets live in offsetsresource.cpp.
#include "entities.h"
#include "logging.h"
#include "requestbody.h"
#include "restcontext.h"

#include "core/converters/json/jsonwriter.h"
#include "core/runtime/connect.h"
#include "core/runtime/connectorvalidator.h"
#include "core/plugin/pluginregistry.h"

#include <QUrl>

namespace ConnectDesk::Rest {

namespace {

using Converters::JsonValue;
using Converters::JsonWriter;
using L = QLatin1StringView;

const QString CreateRequestEntity = QStringLiteral("org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest");

/** Jersey reads a Boolean query parameter with Boolean.valueOf: only "true" is true. */
bool booleanQuery(const HttpRequest &request, const QString &name)
{
    return request.queryValue(name).value_or(QString()).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

/** Kafka's name rule for a config given under a URL or request name. */
Util::Error checkAndPutName(const QString &name, Api::ConfigMap &config)
{
    const auto it = config.constFind(QStringLiteral("name"));
    if (it != config.cend() && !it->isNull()) {
        if (*it != name)
            return Util::Error{QStringLiteral("Connector name configuration (%1) doesn't match connector name in the URL (%2)")
                                   .arg(*it, name), 400};
    } else {
        config.insert(QStringLiteral("name"), name);
    }
    return {};
}

/**
 * Kafka's validation before a config is written (null values are reported by it, with
 * Kafka's message), plus one check of ours: a name that a URL cannot address ('/', "." or
 * "..") is refused, because every other endpoint would then miss the connector.
 */
Util::Error validateForWrite(const Api::ConfigMap &config, Runtime::Connect &connect)
{
    const QString name = config.value(QStringLiteral("name"));
    QStringList extra;
    if (name.contains(QLatin1Char('/')) || name == QLatin1String(".") || name == QLatin1String(".."))
        extra.append(QStringLiteral("Invalid value %1 for configuration name: a connector name cannot contain '/' or "
                                    "be '.' or '..', because it could not be addressed in a REST path").arg(name));
    auto validation = Runtime::validateConnectorConfig(config, *connect.registry(), connect.config().groupId());
    if (!validation)
        return Util::Error{validation.error().message, validation.error().code ? validation.error().code : 500};
    if (!extra.isEmpty())
        return Util::Error{Runtime::invalidConfigMessage(extra + validation->errors()), 400};
    if (validation->errorCount > 0)
        return Util::Error{Runtime::invalidConfigMessage(*validation), 400};
    return {};
}

/** Answers from one connector of the snapshot, or Kafka's 404 when it does not exist. */
HttpResponse withConnector(Runtime::Connect &connect, const QString &name,
                           const std::function<HttpResponse(const Runtime::ConnectorSnapshot &)> &answer)
{
    const auto snapshot = connect.herder()->snapshot();
    const auto it = snapshot->constFind(name);
    if (it == snapshot->cend())
        return HttpResponse::error(404, QStringLiteral("Connector %1 not found").arg(name));
    return answer(*it);
}

/** The GET /connectors?expand=... body, rebuilt only when configs or statuses changed. */
struct ExpandCache
{
    std::shared_ptr<const Runtime::ClusterSnapshot> snapshot;
    quint64 statusVersion = 0;
    int flags = -1;
    QByteArray body;
};

class ConnectorsResource
{
public:
    explicit ConnectorsResource(RestContext &context)
        : m_context(context)
    {}

    void registerRoutes(Router &router);

private:
    using Handler = std::function<HttpResponse(Runtime::Connect &, const HttpRequest &, const PathParams &)>;
    Router::Handler ready(Handler handler)
    {
        return [this, handler = std::move(handler)](const HttpRequest &request, const PathParams &params) {
            Runtime::Connect *connect = m_context.connect.load();
            if (!connect)
                return startingResponse();
            return handler(*connect, request, params);
        };
    }

    Util::Error onHerder(Runtime::Connect &connect, std::function<Util::Error()> op)
    {
        return connect.herder()->run(std::move(op), m_context.requestTimeoutMs);
    }

    HttpResponse list(Runtime::Connect &connect, const HttpRequest &request);
    HttpResponse create(Runtime::Connect &connect, const HttpRequest &request);
    HttpResponse putConfig(Runtime::Connect &connect, const QString &name, Api::ConfigMap config, bool patch);
    HttpResponse restart(Runtime::Connect &connect, const QString &name, const HttpRequest &request);

    RestContext &m_context;
    ExpandCache m_expandCache;
};

HttpResponse ConnectorsResource::list(Runtime::Connect &connect, const HttpRequest &request)
{
    const auto snapshot = connect.herder()->snapshot();
    const QStringList expand = request.queryValues(QStringLiteral("expand"));
    if (expand.isEmpty())
        return HttpResponse::json(200, Entities::stringList(snapshot->keys()));
    const bool withStatus = expand.contains(QLatin1String("status"));
    const bool withInfo = expand.contains(QLatin1String("info"));
    const int flags = (withStatus ? 1 : 0) | (withInfo ? 2 : 0);
    Storage::StatusStore *status = connect.status();
    const quint64 version = status->version();
    if (m_expandCache.snapshot == snapshot && m_expandCache.statusVersion == version && m_expandCache.flags == flags)
        return HttpResponse::json(200, m_expandCache.body);

    JsonWriter out(qsizetype(snapshot->size()) * 256 + 16);
    out.beginObject();
    for (auto it = snapshot->cbegin(); it != snapshot->cend(); ++it) {
        const auto connectorStatus = withStatus ? status->connector(it.key()) : std::nullopt;
        if (withStatus && !connectorStatus && !withInfo)
            continue; // no status yet: omitted, as Kafka does
        out.key(it.key()).beginObject();
        if (withStatus && connectorStatus) {
            out.key(L("status"));
            Entities::writeConnectorState(out, it.key(), *connectorStatus, status->tasks(it.key()), it->type);
        }
        if (withInfo) {
            out.key(L("info"));
            Entities::writeConnectorInfo(out, it.key(), *it);
        }
        out.endObject();
    }
    out.endObject();
    m_expandCache = {snapshot, version, flags, out.take()};
    return HttpResponse::json(200, m_expandCache.body);
}

HttpResponse ConnectorsResource::create(Runtime::Connect &connect, const HttpRequest &request)
{
    auto body = RequestBody::parse(request.body, CreateRequestEntity);
    if (!body)
        return errorResponse(body.error());
    if (!body->isObject())
        return HttpResponse::error(500, QStringLiteral("Cannot deserialize value of type `%1` from a JSON %2; a JSON "
                                                       "object {\"name\": ..., \"config\": {...}} is required")
                                            .arg(CreateRequestEntity, body->typeName()));
    if (Util::Error error = RequestBody::checkFields(*body, {QStringLiteral("name"), QStringLiteral("config"),
                                                             QStringLiteral("initial_state")}, CreateRequestEntity))
        return errorResponse(error);
    const JsonValue *nameValue = body->find(u"name");
    if (nameValue && !nameValue->isNull() && !nameValue->isString())
        return HttpResponse::error(500, QStringLiteral("Cannot deserialize value of type `java.lang.String` from a JSON %1 "
                                                       "(\"name\" must be a string)").arg(nameValue->typeName()));
    // A missing name is "" (Kafka's rule), so validation reports the empty name.
    const QString name = nameValue && nameValue->isString() ? nameValue->toString().trimmed()
                                                            : QString::fromLatin1("");
    const JsonValue *configValue = body->find(u"config");
    if (!configValue || configValue->isNull())
        return HttpResponse::error(500, QStringLiteral("The request has no \"config\" object; a connector needs one"));
    auto config = RequestBody::stringMap(*configValue, QStringLiteral("\"config\""));
    if (!config)
        return errorResponse(config.error());
    std::optional<Runtime::TargetState> initial;
    if (const JsonValue *state = body->find(u"initial_state"); state && !state->isNull()) {
        const QString text = state->isString() ? state->toString().toUpper() : QString();
        if (text == QLatin1String("RUNNING"))
            initial = Runtime::TargetState::Started;
        else if (text == QLatin1String("PAUSED"))
            initial = Runtime::TargetState::Paused;
        else if (text == QLatin1String("STOPPED"))
            initial = Runtime::TargetState::Stopped;
        else
            return HttpResponse::error(500, QStringLiteral("Cannot deserialize value of type `InitialState` from %1: "
                                                           "not one of the values accepted for Enum class: "
                                                           "[RUNNING, PAUSED, STOPPED]")
                                                .arg(QString::fromUtf8(Converters::JsonWriter::toJson(*state))));
    }
    if (Util::Error error = checkAndPutName(name, *config))
        return errorResponse(error);
    if (Util::Error error = validateForWrite(*config, connect))
        return errorResponse(error);
    Runtime::Herder *herder = connect.herder();
    const Api::ConfigMap stored = *config;
    const Util::Error error = onHerder(connect, [herder, name, stored, initial] {
        return herder->putConnectorConfig(name, stored, initial, false);
    });
    if (error)
        return errorResponse(error);
    Runtime::ConnectorSnapshot info = herder->snapshot()->value(name);
    info.taskConfigs.clear(); // Kafka answers before any task config exists
    HttpResponse response = HttpResponse::json(201, Entities::connectorInfo(name, info));
    response.setHeader("Location", "/connectors/" + QUrl::toPercentEncoding(name));
    return response;
}

HttpResponse ConnectorsResource::putConfig(Runtime::Connect &connect, const QString &name, Api::ConfigMap config,
                                           bool patch)
{
    Runtime::Herder *herder = connect.herder();
    if (patch) {
        const auto snapshot = herder->snapshot();
        if (!snapshot->contains(name))
            return HttpResponse::error(404, QStringLiteral("Connector %1 not found").arg(name));
        Api::ConfigMap merged = snapshot->value(name).config;
        for (auto it = config.cbegin(); it != config.cend(); ++it) {
            if (it->isNull())
                merged.remove(it.key());
            else
                merged.insert(it.key(), it.value());
        }
        config = merged;
    }
    if (Util::Error error = checkAndPutName(name, config))
        return errorResponse(error);
    if (Util::Error error = validateForWrite(config, connect))
        return errorResponse(error);
    auto created = std::make_shared<bool>(false);
    const Util::Error error = onHerder(connect, [herder, name, config, created, patch] {
        if (patch && !herder->snapshot()->contains(name))
            return Util::Error{QStringLiteral("Connector %1 not found").arg(name), 404};
        return herder->putConnectorConfig(name, config, std::nullopt, true, created.get());
    });
    if (error)
        return errorResponse(error);
    Runtime::ConnectorSnapshot info = herder->snapshot()->value(name);
    if (*created)
        info.taskConfigs.clear();
    HttpResponse response = HttpResponse::json(*created ? 201 : 200, Entities::connectorInfo(name, info));
    if (*created)
        response.setHeader("Location", "/connectors/" + QUrl::toPercentEncoding(name));
    return response;
}

HttpResponse ConnectorsResource::restart(Runtime::Connect &connect, const QString &name, const HttpRequest &request)
{
    const bool includeTasks = booleanQuery(request, QStringLiteral("includeTasks"));
    const bool onlyFailed = booleanQuery(request, QStringLiteral("onlyFailed"));
    Runtime::Herder *herder = connect.herder();
    if (!includeTasks && !onlyFailed) {
        const Util::Error error = onHerder(connect, [herder, name] { return herder->restartConnector(name); });
        return error ? errorResponse(error) : HttpResponse::empty(204);
    }
    Storage::StatusStore *status = connect.status();
    const auto before = status->connector(name);
    const auto tasksBefore = status->tasks(name);
    auto plan = std::make_shared<Runtime::RestartPlan>();
    const Util::Error error = onHerder(connect, [herder, name, includeTasks, onlyFailed, plan] {
        auto result = herder->restartConnectorAndTasks(name, includeTasks, onlyFailed);
        if (!result)
            return result.error();
        *plan = *result;
        return Util::Error{};
    });
    if (error)
        return errorResponse(error);
    // The answer shows what is being restarted as RESTARTING, the rest as it was.
    Storage::Status connectorState = before.value_or(Storage::Status{});
    if (plan->connector)
        connectorState.state = Storage::State::Restarting;
    QMap<int, Storage::Status> tasks = tasksBefore;
    for (int task : std::as_const(plan->tasks))
        tasks[task].state = Storage::State::Restarting;
    const QString type = herder->snapshot()->value(name).type;
    return HttpResponse::json(202, Entities::connectorState(name, connectorState, tasks, type));
}

void ConnectorsResource::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/connectors"), ready([this](Runtime::Connect &connect, const HttpRequest &request,
                                                                   const PathParams &) { return list(connect, request); }));
    router.add("POST", QStringLiteral("/connectors"), ready([this](Runtime::Connect &connect, const HttpRequest &request,
                                                                    const PathParams &) { return create(connect, request); }));

    router.add("GET", QStringLiteral("/connectors/{connector}"),
               ready([](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   const QString name = params.value(QStringLiteral("connector"));
                   return withConnector(connect, name, [&](const Runtime::ConnectorSnapshot &connector) {
                       return HttpResponse::json(200, Entities::connectorInfo(name, connector));
                   });
               }));
    router.add("DELETE", QStringLiteral("/connectors/{connector}"),
               ready([this](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   const QString name = params.value(QStringLiteral("connector"));
                   Runtime::Herder *herder = connect.herder();
                   const Util::Error error = onHerder(connect, [herder, name] { return herder->deleteConnector(name); });
                   return error ? errorResponse(error) : HttpResponse::empty(204);
               }));

    router.add("GET", QStringLiteral("/connectors/{connector}/config"),
               ready([](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   const QString name = params.value(QStringLiteral("connector"));
                   return withConnector(connect, name, [](const Runtime::ConnectorSnapshot &connector) {
                       JsonWriter out;
                       Entities::writeStringMap(out, connector.config);
                       return HttpResponse::json(200, out.take());
                   });
               }));
    for (const bool patch : {false, true}) {
        router.add(patch ? "PATCH" : "PUT", QStringLiteral("/connectors/{connector}/config"),
                   ready([this, patch](Runtime::Connect &connect, const HttpRequest &request, const PathParams &params) {
                       auto config = RequestBody::parseStringMap(request.body, QStringLiteral("the connector config"));
                       if (!config)
                           return errorResponse(config.error());
                       return putConfig(connect, params.value(QStringLiteral("connector")), *config, patch);
                   }));
    }

    router.add("GET", QStringLiteral("/connectors/{connector}/status"),
               ready([](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   const QString name = params.value(QStringLiteral("connector"));
                   const auto status = connect.status()->connector(name);
                   if (!status)
                       return HttpResponse::error(404, QStringLiteral("No status found for connector %1").arg(name));
                   const auto snapshot = connect.herder()->snapshot();
                   const QString type = snapshot->contains(name) ? snapshot->value(name).type : QStringLiteral("unknown");
                   return HttpResponse::json(200, Entities::connectorState(name, *status, connect.status()->tasks(name), type));
               }));
    router.add("GET", QStringLiteral("/connectors/{connector}/tasks"),
               ready([](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   const QString name = params.value(QStringLiteral("connector"));
                   return withConnector(connect, name, [&](const Runtime::ConnectorSnapshot &connector) {
                       return HttpResponse::json(200, Entities::taskInfos(name, connector.taskConfigs));
                   });
               }));
    router.add("GET", QStringLiteral("/connectors/{connector}/tasks-config"),
               ready([](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   const QString name = params.value(QStringLiteral("connector"));
                   qCWarning(lcRest).noquote()
                       << "The /connectors/{connector}/tasks-config endpoint is deprecated; use /connectors/{connector}/tasks";
                   return withConnector(connect, name, [&](const Runtime::ConnectorSnapshot &connector) {
                       return HttpResponse::json(200, Entities::taskConfigsByTaskId(name, connector.taskConfigs));
                   });
               }));
    router.add("GET", QStringLiteral("/connectors/{connector}/tasks/{task}/status"),
               ready([](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   const QString name = params.value(QStringLiteral("connector"));
                   bool ok = false;
                   const int task = params.value(QStringLiteral("task")).toInt(&ok);
                   if (!ok)
                       return HttpResponse::error(404, statusMessage(404));
                   const auto status = connect.status()->task(name, task);
                   if (!status)
                       return HttpResponse::error(404, QStringLiteral("No status found for task %1-%2").arg(name).arg(task));
                   JsonWriter out;
                   Entities::writeTaskState(out, task, *status);
                   return HttpResponse::json(200, out.take());
               }));

    struct Action
    {
        const char *path;
        int status;
        Util::Error (Runtime::Herder::*op)(const QString &);
    };
    const QList<Action> actions{{"pause", 202, &Runtime::Herder::pauseConnector},
                                {"resume", 202, &Runtime::Herder::resumeConnector},
                                {"stop", 204, &Runtime::Herder::stopConnector}};
    for (const Action &action : actions) {
        router.add("PUT", QStringLiteral("/connectors/{connector}/%1").arg(QLatin1String(action.path)),
                   ready([this, action](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                       const QString name = params.value(QStringLiteral("connector"));
                       Runtime::Herder *herder = connect.herder();
                       const Util::Error error = onHerder(connect, [herder, name, action] { return (herder->*action.op)(name); });
                       return error ? errorResponse(error) : HttpResponse::empty(action.status);
                   }));
    }
    router.add("POST", QStringLiteral("/connectors/{connector}/restart"),
               ready([this](Runtime::Connect &connect, const HttpRequest &request, const PathParams &params) {
                   return restart(connect, params.value(QStringLiteral("connector")), request);
               }));
    router.add("POST", QStringLiteral("/connectors/{connector}/tasks/{task}/restart"),
               ready([this](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   const QString name = params.value(QStringLiteral("connector"));
                   bool ok = false;
                   const int task = params.value(QStringLiteral("task")).toInt(&ok);
                   if (!ok)
                       return HttpResponse::error(404, statusMessage(404));
                   Runtime::Herder *herder = connect.herder();
                   const Util::Error error = onHerder(connect, [herder, name, task] { return herder->restartTask(name, task); });
                   return error ? errorResponse(error) : HttpResponse::empty(204);
               }));

    router.add("GET", QStringLiteral("/connectors/{connector}/topics"),
               ready([](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   if (!connect.config().topicTrackingEnable())
                       return HttpResponse::error(403, QStringLiteral("Topic tracking is disabled."));
                   const QString name = params.value(QStringLiteral("connector"));
                   JsonWriter out;
                   out.beginObject().key(name).beginObject().key(L("topics")).beginArray();
                   for (const QString &topic : connect.status()->topics(name))
                       out.writeString(topic);
                   out.endArray().endObject().endObject();
                   return HttpResponse::json(200, out.take());
               }));
    router.add("PUT", QStringLiteral("/connectors/{connector}/topics/reset"),
               ready([](Runtime::Connect &connect, const HttpRequest &, const PathParams &params) {
                   if (!connect.config().topicTrackingEnable())
                       return HttpResponse::error(403, QStringLiteral("Topic tracking is disabled."));
                   if (!connect.config().topicTrackingAllowReset())
                       return HttpResponse::error(403, QStringLiteral("Topic tracking reset is disabled."));
                   connect.status()->resetTopics(params.value(QStringLiteral("connector")));
                   return HttpResponse::empty(202);
               }));
}

} // namespace

void registerConnectorsResource(Router &router, RestContext &context)
{
    auto resource = std::make_shared<ConnectorsResource>(context);
    resource->registerRoutes(router);
    context.resources.append(resource);
}

} // namespace ConnectDesk::Rest
