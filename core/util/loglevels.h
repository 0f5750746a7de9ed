// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ConnectDesk::Util {

/**
 * Log levels of the process's logging categories, set at runtime with Kafka's level names
 * (OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL): what `/admin/loggers` reads and writes.
 * A category takes the level of its longest dotted prefix that has one (`connectdesk` covers
 * `connectdesk.runtime`), else root's; categories nobody set keep Qt's rules
 * (QT_LOGGING_RULES). Qt has four levels: TRACE and ALL enable debug output like DEBUG, FATAL
 * behaves as ERROR.
 *
 * Process-wide (Qt's category filter is global); thread-safe.
 */
class LogLevels
{
public:
    struct Level
    {
        QString level;
        /** Epoch ms of the last change through setLevel(); nullopt until then. */
        std::optional<qint64> lastModified;
    };

    /** Installs the category filter (idempotent). */
    static void install();
    /** Kafka's level names, upper case; nullopt for anything else. */
    static std::optional<QString> normalizedLevel(const QString &level);
    /** root plus every logger with an explicit level, by name. */
    static QMap<QString, Level> explicitLevels();
    /** The explicit or effective level of a known logger (root is case-insensitive). */
    static std::optional<Level> level(const QString &logger);
    /** Sets the namespace and every known logger under it (plain prefix; root = all). Returns
     *  the affected logger names, sorted. level must be normalized. */
    static QStringList setLevel(const QString &nameSpace, const QString &level);
};

} // namespace ConnectDesk::Util
