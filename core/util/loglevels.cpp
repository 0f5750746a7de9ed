// SPDX-License-Identifier: Apache-2.0
#include "loglevels.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>

namespace ConnectDesk::Util {

namespace {

const QString Root = QStringLiteral("root");

struct State
{
    QMutex mutex;
    QLoggingCategory::CategoryFilter previous = nullptr;
    bool installed = false;
    QMap<QString, LogLevels::Level> explicitLevels;
    /** Categories seen by the filter, plus ours, which exist before their first use. */
    QSet<QString> known{QStringLiteral("connectdesk.config"), QStringLiteral("connectdesk.converters"),
                        QStringLiteral("connectdesk.kafka"), QStringLiteral("connectdesk.plugin"),
                        QStringLiteral("connectdesk.rest"), QStringLiteral("connectdesk.runtime"),
                        QStringLiteral("connectdesk.storage"), QStringLiteral("connectdesk.util")};
};

State &state()
{
    static State s;
    return s;
}

const QStringList Levels{QStringLiteral("OFF"), QStringLiteral("FATAL"), QStringLiteral("ERROR"),
                         QStringLiteral("WARN"), QStringLiteral("INFO"), QStringLiteral("DEBUG"),
                         QStringLiteral("TRACE"), QStringLiteral("ALL")};

/** The explicit level governing a logger; caller holds the lock. */
std::optional<QString> governingLevel(const State &s, const QString &name)
{
    QString candidate = name;
    for (;;) {
        const auto it = s.explicitLevels.constFind(candidate);
        if (it != s.explicitLevels.cend())
            return it->level;
        const qsizetype dot = candidate.lastIndexOf(QLatin1Char('.'));
        if (dot < 0)
            break;
        candidate.truncate(dot);
    }
    const auto root = s.explicitLevels.constFind(Root);
    if (root != s.explicitLevels.cend() && root->lastModified)
        return root->level;
    return std::nullopt;
}

void apply(QLoggingCategory *category, const QString &level)
{
    const qsizetype rank = Levels.indexOf(level);
    category->setEnabled(QtDebugMsg, rank >= Levels.indexOf(QStringLiteral("DEBUG")));
    category->setEnabled(QtInfoMsg, rank >= Levels.indexOf(QStringLiteral("INFO")));
    category->setEnabled(QtWarningMsg, rank >= Levels.indexOf(QStringLiteral("WARN")));
    category->setEnabled(QtCriticalMsg, rank >= Levels.indexOf(QStringLiteral("FATAL")));
}

void filter(QLoggingCategory *category)
{
    State &s = state();
    const QString name = QString::fromLatin1(category->categoryName());
    QMutexLocker lock(&s.mutex);
    if (s.previous)
        s.previous(category);
    s.known.insert(name);
    if (const auto level = governingLevel(s, name))
        apply(category, *level);
}

QString levelOf(const QLoggingCategory &category)
{
    if (category.isDebugEnabled())
        return QStringLiteral("DEBUG");
    if (category.isInfoEnabled())
        return QStringLiteral("INFO");
    if (category.isWarningEnabled())
        return QStringLiteral("WARN");
    if (category.isCriticalEnabled())
        return QStringLiteral("ERROR");
    return QStringLiteral("OFF");
}

} // namespace

void LogLevels::install()
{
    State &s = state();
    {
        QMutexLocker lock(&s.mutex);
        if (s.installed)
            return;
        s.installed = true;
        s.explicitLevels.insert(Root, Level{QStringLiteral("INFO"), std::nullopt});
    }
    QLoggingCategory::CategoryFilter previous = QLoggingCategory::installFilter(filter);
    QMutexLocker lock(&s.mutex);
    s.previous = previous;
}

std::optional<QString> LogLevels::normalizedLevel(const QString &level)
{
    const QString upper = level.trimmed().toUpper();
    if (Levels.contains(upper))
        return upper;
    return std::nullopt;
}

QMap<QString, LogLevels::Level> LogLevels::explicitLevels()
{
    install();
    QMutexLocker lock(&state().mutex);
    return state().explicitLevels;
}

std::optional<LogLevels::Level> LogLevels::level(const QString &logger)
{
    install();
    State &s = state();
    const QString name = logger.compare(Root, Qt::CaseInsensitive) == 0 ? Root : logger;
    QMutexLocker lock(&s.mutex);
    const auto it = s.explicitLevels.constFind(name);
    if (it != s.explicitLevels.cend())
        return *it;
    if (!s.known.contains(name))
        return std::nullopt;
    if (const auto level = governingLevel(s, name))
        return Level{*level, std::nullopt};
    const QByteArray latin1 = name.toLatin1();
    QLoggingCategory probe(latin1.constData()); // Qt's rules for that name
    lock.unlock();
    return Level{levelOf(probe), std::nullopt};
}

QStringList LogLevels::setLevel(const QString &nameSpace, const QString &level)
{
    install();
    State &s = state();
    const bool root = nameSpace.compare(Root, Qt::CaseInsensitive) == 0;
    const QString target = root ? Root : nameSpace;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList affected;
    {
        QMutexLocker lock(&s.mutex);
        QSet<QString> loggers = s.known;
        for (auto it = s.explicitLevels.cbegin(); it != s.explicitLevels.cend(); ++it)
            loggers.insert(it.key());
        loggers.insert(target);
        for (const QString &name : std::as_const(loggers)) {
            if (!root && !name.startsWith(target))
                continue;
            Level &entry = s.explicitLevels[name];
            // An identical level is not a change: last_modified stays (Kafka's rule).
            if (entry.level != level) {
                entry.level = level;
                entry.lastModified = now;
            }
            affected.append(name);
        }
        s.known.insert(target);
    }
    // Re-installing runs the filter over every existing category.
    QLoggingCategory::installFilter(filter);
    affected.sort();
    return affected;
}

} // namespace ConnectDesk::Util
