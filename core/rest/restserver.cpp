// SPDX-License-Identifier: Apache-2.0
#include "restserver.h"

#include "httpserver.h"
#include "restcontext.h"
#include "router.h"

#include "core/config/workerconfig.h"

#include <future>

namespace ConnectDesk::Rest {

namespace {

/** Runs f on the object's thread and waits for it (start-up and shutdown only). */
template <typename F>
auto runOn(QObject *context, F f) -> decltype(f())
{
    using R = decltype(f());
    std::promise<R> promise;
    std::future<R> future = promise.get_future();
    QMetaObject::invokeMethod(context, [&] { promise.set_value(f()); }, Qt::QueuedConnection);
    return future.get();
}

} // namespace

RestServer::RestServer()
    : m_router(std::make_unique<Router>())
    , m_adminRouter(std::make_unique<Router>())
    , m_context(std::make_unique<RestContext>())
{
    m_thread.setObjectName(QStringLiteral("rest"));
    registerRootResource(*m_router, *m_context);
    registerConnectorsResource(*m_router, *m_context);
    registerOffsetsResource(*m_router, *m_context);
    registerPluginsResource(*m_router, *m_context);
    registerLoggersResource(*m_adminRouter, *m_context);
}

RestServer::~RestServer()
{
    stop();
}

Util::Error RestServer::start(const Config::WorkerConfig &config)
{
    HttpServerOptions options;
    options.listeners = config.listeners();
    options.https = HttpsOptions::fromProperties(config.originals());
    options.accessControlAllowOrigin = config.accessControlAllowOrigin();
    options.accessControlAllowMethods = config.accessControlAllowMethods();
    options.responseHttpHeaders = config.responseHttpHeaders();
    options.basicAuthUsersFile = config.originals().value(QStringLiteral("rest.basic.auth.users.file"));
    // The worker's internal endpoints carry their own signature in Kafka; we have none yet.

    // Admin endpoints: on the main listeners unless admin.listeners says where (an empty value
    // turns them off: 404).
    const std::optional<QStringList> adminListeners = config.adminListeners();
    const bool adminOnMain = !adminListeners;
    HttpServerOptions adminOptions = options;
    if (adminListeners) {
        adminOptions.listeners = *adminListeners;
        adminOptions.https = HttpsOptions::fromProperties(config.originals(), QStringLiteral("admin.listeners.https."));
    }

    m_thread.start();
    QObject anchor;
    anchor.moveToThread(&m_thread);
    Router *router = m_router.get();
    Router *adminRouter = m_adminRouter.get();
    auto created = runOn(&anchor, [&]() -> Util::Error {
        m_server = std::make_unique<HttpServer>(options, [router, adminRouter, adminOnMain](const HttpRequest &request) {
            // Admin paths go to the admin routes when they share the main listeners.
            if (adminOnMain && request.pathSegments.value(0) == QLatin1String("admin"))
                return adminRouter->dispatch(request);
            return router->dispatch(request);
        });
        if (Util::Error error = m_server->listen())
            return error;
        m_urls = m_server->boundUrls();
        if (adminListeners && !adminListeners->isEmpty()) {
            m_adminServer = std::make_unique<HttpServer>(adminOptions, [adminRouter](const HttpRequest &request) {
                return adminRouter->dispatch(request);
            });
            if (Util::Error error = m_adminServer->listen())
                return Util::Error{QStringLiteral("admin listeners: %1").arg(error.message), error.code};
            m_adminUrls = m_adminServer->boundUrls();
        }
        return Util::Error{};
    });
    if (created) {
        stop();
        return Util::Error{QStringLiteral("REST server: %1").arg(created.message), 2};
    }
    return {};
}

void RestServer::attach(Runtime::Connect *connect)
{
    m_context->connect.store(connect);
}

void RestServer::stop()
{
    m_context->connect.store(nullptr);
    if (m_thread.isRunning()) {
        if (m_adminServer) {
            HttpServer *raw = m_adminServer.release();
            runOn(raw, [raw] {
                raw->close();
                delete raw;
                return 0;
            });
        }
        if (m_server) {
            HttpServer *server = m_server.get();
            runOn(server, [server] {
                server->close();
                return 0;
            });
            // Destroyed on its own thread.
            HttpServer *raw = m_server.release();
            runOn(raw, [raw] {
                delete raw;
                return 0;
            });
        }
        m_thread.quit();
        m_thread.wait();
    }
    m_server.reset();
    m_adminServer.reset();
}

} // namespace ConnectDesk::Rest
