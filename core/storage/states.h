// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ConnectDesk::Storage {

/** Reported state of a connector or task (Kafka's AbstractStatus.State). */
enum class State { Unassigned, Running, Paused, Failed, Restarting, Stopped, Destroyed };

/** Desired state of a connector (Kafka's TargetState). */
enum class TargetState { Started, Paused, Stopped };

/** "RUNNING", "PAUSED", ... as in the REST API and the status topic. */
QString stateName(State state);
std::optional<State> stateFromName(const QString &name);
/** "STARTED", "PAUSED", "STOPPED" as in the config topic. */
QString targetStateName(TargetState state);
/** Accepts the REST `initial_state` names (RUNNING, PAUSED, STOPPED; case-insensitive) and the
 *  config topic names (STARTED). */
std::optional<TargetState> targetStateFromName(const QString &name);

} // namespace ConnectDesk::Storage
