// SPDX-License-Identifier: Apache-2.0
// /connector-plugins (Kafka's ConnectorPluginsResource): list, config keys, validate.
#include "configinfos.h"
#include "requestbody.h"
#include "restcontext.h"

#include "core/runtime/connect.h"
#include "core/runtime/connectorvalidator.h"
#include "core/runtime/pluginconfigs.h"

namespace ConnectDesk::Rest {

void registerPluginsResource(Router &router, RestContext &context)
{
    router.add("GET", QStringLiteral("/connector-plugins"), [&context](const HttpRequest &request, const PathParams &) {
        Runtime::Connect *connect = context.connect.load();
        if (!connect)
            return startingResponse();
        // Jersey's Boolean.valueOf: anything but "true" is false; absent means true.
        const auto only = request.queryValue(QStringLiteral("connectorsOnly"));
        const bool connectorsOnly = !only || only->compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        return HttpResponse::json(200, pluginListJson(Runtime::listPlugins(*connect->registry(), connectorsOnly)));
    });
    router.add("GET", QStringLiteral("/connector-plugins/{plugin}/config"),
               [&context](const HttpRequest &, const PathParams &params) {
                   Runtime::Connect *connect = context.connect.load();
                   if (!connect)
                       return startingResponse();
                   auto keys = Runtime::pluginConfigKeys(params.value(QStringLiteral("plugin")), *connect->registry());
                   if (!keys)
                       return errorResponse(keys.error());
                   return HttpResponse::json(200, configKeyInfosJson(*keys));
               });
    router.add("PUT", QStringLiteral("/connector-plugins/{plugin}/config/validate"),
               [&context](const HttpRequest &request, const PathParams &params) {
                   Runtime::Connect *connect = context.connect.load();
                   if (!connect)
                       return startingResponse();
                   auto config = RequestBody::parseStringMap(request.body, QStringLiteral("the connector config"));
                   if (!config)
                       return errorResponse(config.error());
                   const QString bodyClass = config->value(QStringLiteral("connector.class"));
                   if (Util::Error error = Runtime::checkValidateRequestType(params.value(QStringLiteral("plugin")), bodyClass))
                       return errorResponse(error);
                   auto validation = Runtime::validateConnectorConfig(*config, *connect->registry(),
                                                                      connect->config().groupId());
                   if (!validation)
                       return errorResponse(validation.error());
                   return HttpResponse::json(200, configInfosJson(*validation));
               });
}

} // namespace ConnectDesk::Rest
