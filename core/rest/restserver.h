// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/workerconfig.h"
#include "core/util/result.h"

#include <QList>
#include <QThread>
#include <QUrl>

#include <memory>

namespace ConnectDesk::Runtime {
class Connect;
}

namespace ConnectDesk::Rest {

class HttpServer;
class Router;
struct RestContext;

/**
 * The Kafka Connect REST API of one worker (Kafka's ConnectRestServer): binds the listeners
 * first, answers `/` and `/health` (503 "starting") while the worker starts, and serves every
 * resource once attach() hands it the running worker.
 *
 * Worker keys read: `listeners`, `listeners.https.ssl.*` (or `ssl.*`), `access.control.allow.*`,
 * `response.http.headers.config`, `admin.listeners` (the admin endpoints, `/admin/loggers`, on
 * their own listeners with `admin.listeners.https.ssl.*`; an empty value disables them, as in
 * Kafka), and ConnectDesk's `rest.basic.auth.users.file` (HTTP basic authentication; see
 * BasicAuth for the file format).
 *
 * Thread: owns the REST thread ("rest"); the HTTP server and every handler run there and wait
 * for the herder with Kafka's 90 s request timeout. start/attach/stop are called from the
 * main thread.
 */
class RestServer
{
public:
    RestServer();
    ~RestServer();

    /** Binds every listener. Errors are start-up errors (exit code 2). */
    Util::Error start(const Config::WorkerConfig &config);
    QList<QUrl> boundUrls() const { return m_urls; }
    /** The admin listeners' URLs when `admin.listeners` names any. */
    QList<QUrl> adminUrls() const { return m_adminUrls; }
    /** Serves the worker's resources from now on. connect must outlive the server or stop(). */
    void attach(Runtime::Connect *connect);
    /** Stops answering and joins the REST thread. */
    void stop();

private:
    QThread m_thread;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<HttpServer> m_adminServer;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<Router> m_adminRouter;
    std::unique_ptr<RestContext> m_context;
    QList<QUrl> m_urls;
    QList<QUrl> m_adminUrls;
};

} // namespace ConnectDesk::Rest
