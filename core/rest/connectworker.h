// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "restserver.h"

#include "core/runtime/connect.h"
#include "core/util/result.h"

#include <functional>
#include <memory>

namespace ConnectDesk::Rest {

/**
 * A whole worker process as `connectdesk-worker standalone|distributed` runs it, and as the
 * desktop console embeds it: reads the worker file, binds the REST listeners (so the worker id
 * has the real port), starts the worker (Runtime::Connect), then serves every REST resource.
 * Prints `REST API: <url>` for each listener.
 *
 * Error codes: 1 usage, 2 start-up failure, 3 a command-line connector could not be created.
 * Thread: the main thread.
 */
class ConnectWorker
{
public:
    enum class Mode { Standalone, Distributed };

    static Util::Result<std::unique_ptr<ConnectWorker>> start(Mode mode, const QString &workerFile,
                                                              const QStringList &connectorFiles,
                                                              const std::function<void(const QString &)> &say);
    ~ConnectWorker();

    Runtime::Connect *connect() const { return m_connect.get(); }
    QList<QUrl> restUrls() const { return m_rest.boundUrls(); }
    /** Stops REST first (no new requests), then the worker. */
    void stop();

private:
    ConnectWorker() = default;

    RestServer m_rest;
    std::unique_ptr<Runtime::Connect> m_connect;
};

} // namespace ConnectDesk::Rest
