// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFuture>
#include <QString>

#include <optional>

namespace ConnectDesk::Ui {

/**
 * Cluster passwords in the OS keychain (service "ConnectDesk", key = profile name), through
 * QtKeychain when the console was built with it. Without it, or when the keychain does not
 * answer (no Secret Service running), nothing is stored and fetch() finds nothing: the console
 * then asks. Jobs are asynchronous. Thread: GUI.
 */
class PasswordVault
{
public:
    static bool isAvailable();
    static void store(const QString &profile, const QString &password);
    static void remove(const QString &profile);
    /** Finishes with the password, or nothing when none is stored or the keychain failed. */
    static QFuture<std::optional<QString>> fetch(const QString &profile);
};

} // namespace ConnectDesk::Ui
