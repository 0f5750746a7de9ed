// SPDX-License-Identifier: Apache-2.0
#include "pluginregistry.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLibrary>
#include <QPluginLoader>
#include <QSet>

namespace ConnectDesk::Plugin {

struct PluginRegistry::Library
{
    QString path;
    QString id;
    std::unique_ptr<QPluginLoader> loader;
    Api::PluginFactory *factory = nullptr;
    QString loadError;
};

namespace {

QString typeSuffix(Api::PluginType type)
{
    switch (type) {
    case Api::PluginType::Source:
    case Api::PluginType::Sink:
        return QStringLiteral("Connector");
    case Api::PluginType::Converter:
        return QStringLiteral("Converter");
    case Api::PluginType::HeaderConverter:
        return QStringLiteral("HeaderConverter");
    case Api::PluginType::Transformation:
        return QStringLiteral("Transformation");
    case Api::PluginType::Predicate:
        return QStringLiteral("Predicate");
    case Api::PluginType::SourceTask:
    case Api::PluginType::SinkTask:
        return QStringLiteral("Task");
    }
    return {};
}

QString typeListText(const QList<Api::PluginType> &types)
{
    if (types.contains(Api::PluginType::Source) || types.contains(Api::PluginType::Sink))
        return QStringLiteral("Connector");
    if (types.contains(Api::PluginType::Converter))
        return QStringLiteral("Converter");
    if (types.contains(Api::PluginType::HeaderConverter))
        return QStringLiteral("HeaderConverter");
    if (types.contains(Api::PluginType::Transformation))
        return QStringLiteral("Transformation");
    if (types.contains(Api::PluginType::Predicate))
        return QStringLiteral("Predicate");
    return QStringLiteral("Task");
}

bool looksLikeLibrary(const QFileInfo &info)
{
    return info.isFile() && QLibrary::isLibrary(info.fileName());
}

} // namespace

QString PluginClass::simpleName() const
{
    const qsizetype cut = std::max(className.lastIndexOf(QLatin1Char('.')),
                                   className.lastIndexOf(QLatin1Char('$')));
    return className.mid(cut + 1);
}

PluginRegistry::PluginRegistry() = default;
PluginRegistry::~PluginRegistry() = default;

void PluginRegistry::addBuiltin(const QString &className, Api::PluginType type,
                                const QString &version,
                                std::function<std::unique_ptr<Api::Component>()> factory)
{
    PluginClass cls;
    cls.className = className;
    cls.type = type;
    cls.version = version;
    cls.location = QStringLiteral("classpath");
    cls.factory = std::move(factory);
    m_classes.append(cls);
    rebuildAliases();
}

QString PluginRegistry::defaultPluginDir()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/')
                           + QStringLiteral(CONNECTDESK_PLUGIN_REL_DIR));
}

void PluginRegistry::scan(const QStringList &paths)
{
    for (const QString &entry : paths) {
        const QString path = entry.trimmed();
        if (path.isEmpty())
            continue;
        const QFileInfo info(path);
        if (!info.exists()) {
            qCWarning(lcPlugin).noquote() << "plugin path" << path << "does not exist; skipped";
            continue;
        }
        if (info.isFile()) {
            scanLibrary(info.absoluteFilePath());
            continue;
        }
        const QDir dir(info.absoluteFilePath());
        const auto entries = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot,
                                               QDir::Name);
        for (const QFileInfo &child : entries) {
            if (looksLikeLibrary(child)) {
                scanLibrary(child.absoluteFilePath());
            } else if (child.isDir()) {
                const auto nested = QDir(child.absoluteFilePath()).entryInfoList(QDir::Files, QDir::Name);
                for (const QFileInfo &file : nested) {
                    if (looksLikeLibrary(file))
                        scanLibrary(file.absoluteFilePath());
                }
            }
        }
    }
    rebuildAliases();
}

void PluginRegistry::scanLibrary(const QString &path)
{
    for (const auto &library : m_libraries) {
        if (library->path == path)
            return; // the same folder listed twice
    }
    auto fail = [&](const QString &reason) {
        qCWarning(lcPlugin).noquote() << "plugin" << path << "not loaded:" << reason;
        m_failures.append({path, reason});
    };
    auto loader = std::make_unique<QPluginLoader>(path);
    // Bind every symbol when loading: a missing one fails instance(), not the first call.
    loader->setLoadHints(loader->loadHints() | QLibrary::ResolveAllSymbolsHint);
    const QJsonObject metaData = loader->metaData();
    if (metaData.isEmpty()) {
        fail(QStringLiteral("not a Qt plugin (no plugin metadata found)"));
        return;
    }
    const QString iid = metaData.value(QLatin1String("IID")).toString();
    if (!iid.startsWith(QLatin1String("io.connectdesk.ConnectorPlugin/"))) {
        fail(QStringLiteral("not a ConnectDesk plugin (interface %1)").arg(iid));
        return;
    }
    if (iid != QLatin1String(ConnectDeskPluginFactory_iid)) {
        fail(QStringLiteral("built for plugin interface %1; this worker implements %2")
                 .arg(iid, QLatin1String(ConnectDeskPluginFactory_iid)));
        return;
    }
    const QJsonObject meta = metaData.value(QLatin1String("MetaData")).toObject();
    const int apiVersion = meta.value(QLatin1String("apiVersion")).toInt(-1);
    if (apiVersion != Api::PluginApiVersion) {
        fail(QStringLiteral("plugin apiVersion %1 is not supported (this worker supports %2)")
                 .arg(apiVersion)
                 .arg(Api::PluginApiVersion));
        return;
    }
    const QString id = meta.value(QLatin1String("id")).toString();
    const QJsonArray provides = meta.value(QLatin1String("provides")).toArray();
    if (id.isEmpty() || provides.isEmpty()) {
        fail(QStringLiteral("metadata must name an \"id\" and list the classes it \"provides\""));
        return;
    }
    QList<PluginClass> found;
    for (const auto &item : provides) {
        const QJsonObject object = item.toObject();
        PluginClass cls;
        cls.className = object.value(QLatin1String("class")).toString();
        const auto type = Api::pluginTypeFromName(object.value(QLatin1String("type")).toString());
        if (cls.className.isEmpty() || !type) {
            fail(QStringLiteral("metadata lists an entry without a valid \"class\" and \"type\""));
            return;
        }
        cls.type = *type;
        cls.version = object.value(QLatin1String("version"))
                          .toString(meta.value(QLatin1String("version")).toString());
        cls.location = path;
        cls.pluginId = id;
        cls.library = int(m_libraries.size());
        bool duplicate = false;
        for (const auto &existing : std::as_const(m_classes)) {
            if (existing.className == cls.className && existing.type == cls.type) {
                qCWarning(lcPlugin).noquote()
                    << "plugin" << path << "provides" << cls.className
                    << "which is already provided by" << existing.location << "; keeping the first";
                duplicate = true;
            }
        }
        if (!duplicate)
            found.append(cls);
    }
    auto library = std::make_unique<Library>();
    library->path = path;
    library->id = id;
    library->loader = std::move(loader);
    m_libraries.push_back(std::move(library));
    m_classes.append(found);
    qCInfo(lcPlugin).noquote() << "found plugin" << id << "at" << path << "with" << found.size()
                               << "classes";
}

void PluginRegistry::rebuildAliases()
{
    // Kafka's rules: simple name, and simple name without the type suffix; an alias naming
    // more than one distinct class is dropped.
    QHash<QString, QSet<QString>> classesByAlias;
    QMultiHash<QString, qsizetype> candidates;
    for (qsizetype i = 0; i < m_classes.size(); ++i) {
        const PluginClass &cls = m_classes.at(i);
        if (cls.type == Api::PluginType::SourceTask || cls.type == Api::PluginType::SinkTask)
            continue; // tasks are named by connectors with their full class name only
        const QString simple = cls.simpleName();
        QStringList names{simple};
        const QString suffix = typeSuffix(cls.type);
        if (const qsizetype cut = simple.lastIndexOf(suffix); cut > 0)
            names.append(simple.left(cut));
        for (const QString &alias : std::as_const(names)) {
            if (alias == cls.className)
                continue;
            classesByAlias[alias].insert(cls.className);
            candidates.insert(alias, i);
        }
    }
    m_aliases.clear();
    for (auto it = candidates.cbegin(); it != candidates.cend(); ++it) {
        if (classesByAlias.value(it.key()).size() == 1)
            m_aliases.insert(it.key(), it.value());
    }
}

QList<PluginClass> PluginRegistry::classes(Api::PluginType type) const
{
    QList<PluginClass> result;
    for (const auto &cls : m_classes) {
        if (cls.type == type)
            result.append(cls);
    }
    return result;
}

Util::Result<PluginClass> PluginRegistry::resolve(const QString &name,
                                                  const QList<Api::PluginType> &types) const
{
    const QString wanted = name.trimmed();
    for (const auto &cls : m_classes) {
        if (cls.className == wanted && types.contains(cls.type))
            return cls;
    }
    QList<PluginClass> matches;
    const auto range = m_aliases.equal_range(wanted);
    for (auto it = range.first; it != range.second; ++it) {
        const PluginClass &cls = m_classes.at(it.value());
        if (types.contains(cls.type))
            matches.append(cls);
    }
    if (!matches.isEmpty())
        return matches.first();
    QStringList available;
    for (const auto &cls : m_classes) {
        if (types.contains(cls.type) && !available.contains(cls.className))
            available.append(cls.className);
    }
    available.sort();
    const QString kind = typeListText(types);
    return Util::Error{QStringLiteral("Failed to find any class that implements %1 and which name "
                                      "matches %2, available %3s are: %4")
                           .arg(kind, wanted, kind.toLower() == QLatin1String("connector")
                                                  ? QStringLiteral("connector")
                                                  : kind,
                                available.join(QStringLiteral(", ")))};
}

QStringList PluginRegistry::aliases(const PluginClass &pluginClass) const
{
    QStringList result;
    for (auto it = m_aliases.cbegin(); it != m_aliases.cend(); ++it) {
        const PluginClass &cls = m_classes.at(it.value());
        if (cls.className == pluginClass.className && cls.type == pluginClass.type
            && !result.contains(it.key()))
            result.append(it.key());
    }
    result.sort();
    return result;
}

Util::Result<std::unique_ptr<Api::Component>> PluginRegistry::create(const PluginClass &pluginClass)
{
    std::unique_ptr<Api::Component> component;
    if (pluginClass.library < 0) {
        component = pluginClass.factory ? pluginClass.factory() : nullptr;
    } else {
        QMutexLocker lock(&m_loadMutex);
        Library &library = *m_libraries.at(size_t(pluginClass.library));
        if (!library.factory && library.loadError.isEmpty()) {
            QObject *instance = library.loader->instance();
            library.factory = qobject_cast<Api::PluginFactory *>(instance);
            if (!library.factory) {
                library.loadError = instance ? QStringLiteral("its root object does not implement %1")
                                                   .arg(QLatin1String(ConnectDeskPluginFactory_iid))
                                             : library.loader->errorString();
                qCWarning(lcPlugin).noquote() << "plugin" << library.path
                                              << "failed to load:" << library.loadError;
                m_failures.append({library.path, library.loadError});
            }
        }
        if (!library.factory)
            return Util::Error{QStringLiteral("Plugin %1 (%2) could not be loaded: %3")
                                   .arg(library.id, library.path, library.loadError)};
        try {
            component = library.factory->create(pluginClass.className);
        } catch (const std::exception &e) {
            return Util::Error{QStringLiteral("Could not instantiate %1: %2")
                                   .arg(pluginClass.className, QString::fromUtf8(e.what()))};
        }
    }
    if (!component)
        return Util::Error{QStringLiteral("Plugin %1 did not create an instance of %2")
                               .arg(pluginClass.pluginId, pluginClass.className)};
    return component;
}

} // namespace ConnectDesk::Plugin
