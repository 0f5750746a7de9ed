// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/component.h"
#include "core/api/plugin.h"
#include "core/util/result.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QPluginLoader;

namespace ConnectDesk::Plugin {

/** One class the worker can instantiate: built in, or provided by a plugin library. */
struct PluginClass
{
    QString className;
    Api::PluginType type = Api::PluginType::Source;
    /** Empty = undefined. */
    QString version;
    /** "classpath" for built-in classes (Kafka's word), else the library's path. */
    QString location;
    /** Plugin id from the metadata, empty for built-ins. */
    QString pluginId;
    /** Built-in classes only. */
    std::function<std::unique_ptr<Api::Component>()> factory;
    /** Index into the registry's libraries, -1 for built-ins. */
    int library = -1;

    /** Kafka's simple name: the part after the last '.' or '$'. */
    QString simpleName() const;
};

/** A library that could not be used, with the reason shown to users. */
struct PluginFailure
{
    QString location;
    QString reason;
};

/**
 * Every plugin class the worker knows: built-in converters/transforms plus the classes of the
 * Qt plugin libraries found under `plugin.path` and the install's own plugin folder.
 *
 * Metadata is read and checked (IID, apiVersion, provided classes, duplicates) before any code
 * is loaded; a library is loaded only when one of its classes is first instantiated. A library
 * that fails either step is recorded in failures() and never takes the worker down. Libraries
 * are never unloaded.
 *
 * Names resolve by Kafka's rules: the full class name, the simple name, and the simple name
 * without its type suffix (`Connector`, `Converter`, ...); aliases that match several classes
 * are dropped.
 *
 * Thread: filled on the main thread at start-up; lookups and create() are thread-safe.
 */
class PluginRegistry
{
public:
    PluginRegistry();
    ~PluginRegistry();

    void addBuiltin(const QString &className, Api::PluginType type, const QString &version,
                    std::function<std::unique_ptr<Api::Component>()> factory);
    /** Scans each entry: a plugin library, or a folder holding libraries (one level of
     *  sub-folders too). */
    void scan(const QStringList &paths);
    /** The plugin folder of this installation (or build tree), next to the executable. */
    static QString defaultPluginDir();

    const QList<PluginClass> &classes() const { return m_classes; }
    QList<PluginClass> classes(Api::PluginType type) const;
    const QList<PluginFailure> &failures() const { return m_failures; }

    /** Looks up a class or alias among the given types. The error reads like Kafka's. */
    Util::Result<PluginClass> resolve(const QString &name, const QList<Api::PluginType> &types) const;
    /** Aliases (simple name, and the name without suffix) that resolve to this class. */
    QStringList aliases(const PluginClass &pluginClass) const;

    /** A new instance; loads the library on first use. */
    Util::Result<std::unique_ptr<Api::Component>> create(const PluginClass &pluginClass);

    /** Resolve + create + downcast in one step. */
    template<typename T>
    Util::Result<std::unique_ptr<T>> createAs(const QString &name, const QList<Api::PluginType> &types)
    {
        auto cls = resolve(name, types);
        if (!cls)
            return cls.error();
        auto component = create(cls.value());
        if (!component)
            return component.error();
        T *typed = dynamic_cast<T *>(component.value().get());
        if (!typed)
            return Util::Error{QStringLiteral("Class %1 is not of the expected kind").arg(name)};
        component.value().release();
        return std::unique_ptr<T>(typed);
    }

private:
    void scanLibrary(const QString &path);
    void rebuildAliases();

    struct Library;
    QList<PluginClass> m_classes;
    std::vector<std::unique_ptr<Library>> m_libraries;
    QList<PluginFailure> m_failures;
    QMultiHash<QString, qsizetype> m_aliases;
    mutable QMutex m_loadMutex;
};

} // namespace ConnectDesk::Plugin
