// SPDX-License-Identifier: Apache-2.0
#pragma once

// A real Local sandbox for GUI tests: the embedded worker (distributed mode) on its development
// broker, in the test process, reached over REST on a loopback port like any cluster.
#include "core/client/clusterprofile.h"
#include "core/client/sandboxworker.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// QTRY_VERIFY_WITH_TIMEOUT returns void; this one returns false from a bool function.
#ifndef QTRY_VERIFY_WITH_TIMEOUT_RETURN
#define QTRY_VERIFY_WITH_TIMEOUT_RETURN(expr, timeout)                                             \
    do {                                                                                           \
        QTRY_LOOP_IMPL(QTest::currentTestFailed() || (expr), timeout, 50);                         \
        if (!(expr)) {                                                                             \
            qWarning("timed out waiting for " #expr);                                              \
            return false;                                                                          \
        }                                                                                          \
    } while (false)
#endif

namespace ConnectDesk::TestSupport {

class SandboxFixture
{
public:
    /** Starts the worker; false (with a warning) when it did not come up within timeoutMs. */
    bool start(int timeoutMs = 60000)
    {
        m_sandbox = std::make_unique<Client::SandboxWorker>(m_dir.filePath(QStringLiteral("sandbox")));
        QSignalSpy started(m_sandbox.get(), &Client::SandboxWorker::started);
        QSignalSpy failed(m_sandbox.get(), &Client::SandboxWorker::failed);
        m_sandbox->start();
        QTRY_VERIFY_WITH_TIMEOUT_RETURN(!started.isEmpty() || !failed.isEmpty(), timeoutMs);
        if (!failed.isEmpty()) {
            qWarning().noquote() << "sandbox failed:" << failed.first().first().toString();
            return false;
        }
        return true;
    }

    Client::ClusterProfile profile() const
    {
        Client::ClusterProfile profile;
        profile.name = QStringLiteral("Local sandbox");
        profile.restUrl = m_sandbox->restUrl();
        profile.bootstrapServers = m_sandbox->bootstrapServers();
        profile.sandbox = true;
        return profile;
    }

    Client::SandboxWorker *sandbox() const { return m_sandbox.get(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Client::SandboxWorker> m_sandbox;
};

} // namespace ConnectDesk::TestSupport
