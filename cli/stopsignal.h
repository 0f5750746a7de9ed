// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

namespace ConnectDesk::Util {
class UnixSignals;
}

namespace ConnectDesk::Cli {

/**
 * SIGINT and SIGTERM for a command that runs until stopped (dlq --tail, top): while it lives
 * they ask the loop to end instead of killing the process, so terminals are restored and output
 * flushed. The loop calls check() between its steps, then asks requested().
 * Owner: the command, on the main thread.
 */
class StopSignal
{
public:
    StopSignal();
    ~StopSignal();
    /** Lets the signal through (runs pending events without waiting). */
    void check();
    bool requested() const { return m_requested; }
    /** Waits up to timeoutMs, returning early when a stop is asked. */
    void wait(int timeoutMs);

private:
    std::unique_ptr<Util::UnixSignals> m_signals;
    bool m_requested = false;
};

} // namespace ConnectDesk::Cli
