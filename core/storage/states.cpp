// SPDX-License-Identifier: Apache-2.0
#include "states.h"

namespace ConnectDesk::Storage {

QString stateName(State state)
{
    switch (state) {
    case State::Unassigned:
        return QStringLiteral("UNASSIGNED");
    case State::Running:
        return QStringLiteral("RUNNING");
    case State::Paused:
        return QStringLiteral("PAUSED");
    case State::Failed:
        return QStringLiteral("FAILED");
    case State::Restarting:
        return QStringLiteral("RESTARTING");
    case State::Stopped:
        return QStringLiteral("STOPPED");
    case State::Destroyed:
        return QStringLiteral("DESTROYED");
    }
    return {};
}

std::optional<State> stateFromName(const QString &name)
{
    for (State s : {State::Unassigned, State::Running, State::Paused, State::Failed,
                    State::Restarting, State::Stopped, State::Destroyed}) {
        if (stateName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString targetStateName(TargetState state)
{
    switch (state) {
    case TargetState::Started:
        return QStringLiteral("STARTED");
    case TargetState::Paused:
        return QStringLiteral("PAUSED");
    case TargetState::Stopped:
        return QStringLiteral("STOPPED");
    }
    return {};
}

std::optional<TargetState> targetStateFromName(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    if (upper == QLatin1String("RUNNING") || upper == QLatin1String("STARTED"))
        return TargetState::Started;
    if (upper == QLatin1String("PAUSED"))
        return TargetState::Paused;
    if (upper == QLatin1String("STOPPED"))
        return TargetState::Stopped;
    return std::nullopt;
}

} // namespace ConnectDesk::Storage
