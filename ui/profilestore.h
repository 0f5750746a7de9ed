// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/clusterprofile.h"

#include <QList>

namespace ConnectDesk::Ui {

/**
 * The attached clusters the console remembers (QSettings, group "clusters"), by name. Passwords
 * are never written there: the console asks for them when it connects (and keeps them for the
 * session). Thread: GUI.
 */
class ProfileStore
{
public:
    static QList<Client::ClusterProfile> load();
    /** Adds or replaces the profile of that name. */
    static void save(const Client::ClusterProfile &profile);
    static void remove(const QString &name);
    /** The profile shown last ("" = the Local sandbox). */
    static QString lastUsed();
    static void setLastUsed(const QString &name);
};

} // namespace ConnectDesk::Ui
