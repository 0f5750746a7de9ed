// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httptypes.h"
#include "router.h"

#include "core/util/result.h"

#include <QString>

#include <QList>

#include <atomic>
#include <memory>

namespace ConnectDesk::Runtime {
class Connect;
}

namespace ConnectDesk::Rest {

/**
 * What the resources share: the running worker once it is ready (null while it starts), and
 * Kafka's REST request timeout. Thread: the REST thread.
 */
struct RestContext
{
    std::atomic<Runtime::Connect *> connect{nullptr};
    int requestTimeoutMs = 90000;
    int healthTimeoutMs = 10000;
    /** Resource objects whose handlers are registered in the router. */
    QList<std::shared_ptr<void>> resources;
};

/** An Util::Error (code = HTTP status; 0 = 500) as Connect's error response. */
HttpResponse errorResponse(const Util::Error &error);
/** 503 while the worker starts (resources other than / and /health). */
HttpResponse startingResponse();

void registerRootResource(Router &router, RestContext &context);
void registerConnectorsResource(Router &router, RestContext &context);
void registerOffsetsResource(Router &router, RestContext &context);
void registerPluginsResource(Router &router, RestContext &context);
void registerLoggersResource(Router &router, RestContext &context);

} // namespace ConnectDesk::Rest
