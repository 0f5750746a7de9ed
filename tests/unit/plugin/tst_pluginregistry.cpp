// SPDX-License-Identifier: Apache-2.0
#include "core/api/connector.h"
#include "core/api/converter.h"
#include "core/api/exceptions.h"
#include "core/api/task.h"
#include "core/converters/builtinconverters.h"
#include "core/plugin/pluginregistry.h"
#include "tests/support/testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPluginLoader>
#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk;
using Api::PluginType;
using Plugin::PluginClass;
using Plugin::PluginRegistry;

namespace {

const QList<PluginType> ConnectorTypes{PluginType::Source, PluginType::Sink};

class FakeSourceConnector : public Api::SourceConnector
{
public:
    void start(const Api::ConfigMap &) override {}
    QString taskClass() const override { return QStringLiteral("org.example.FooTask"); }
    QList<Api::ConfigMap> taskConfigs(int) override { return {}; }
    void stop() override {}
    Api::ConfigDef config() const override { return {}; }
    QString version() const override { return QStringLiteral("7.7"); }
};

class FakeComponent : public Api::Component
{
};

std::function<std::unique_ptr<Api::Component>()> fakeFactory()
{
    return [] { return std::make_unique<FakeComponent>(); };
}

// The classes every alias test runs against: names chosen so each of Kafka's rules (§4.4) has
// a case, including collisions across plugin types.
void addFakeClasses(PluginRegistry &registry)
{
    registry.addBuiltin(QStringLiteral("org.example.FileLikeSourceConnector"), PluginType::Source,
                        QStringLiteral("1.0"),
                        [] { return std::make_unique<FakeSourceConnector>(); });
    // Same simple name in two packages: both aliases are ambiguous.
    registry.addBuiltin(QStringLiteral("org.example.a.DupConnector"), PluginType::Source, {},
                        fakeFactory());
    registry.addBuiltin(QStringLiteral("org.example.b.DupConnector"), PluginType::Sink, {},
                        fakeFactory());
    // One class registered as two types (like JsonConverter) is still one class.
    registry.addBuiltin(QStringLiteral("org.example.JsonishConverter"), PluginType::Converter, {},
                        fakeFactory());
    registry.addBuiltin(QStringLiteral("org.example.JsonishConverter"),
                        PluginType::HeaderConverter, {}, fakeFactory());
    registry.addBuiltin(QStringLiteral("org.example.SimpleishHeaderConverter"),
                        PluginType::HeaderConverter, {}, fakeFactory());
    // Nested classes: Key and Value of two transformations collide.
    for (const char *name : {"org.example.Mask$Key", "org.example.Mask$Value",
                             "org.example.Cast$Key", "org.example.Cast$Value"}) {
        registry.addBuiltin(QString::fromLatin1(name), PluginType::Transformation, {},
                            fakeFactory());
    }
    registry.addBuiltin(QStringLiteral("org.example.WidgetTransformation"),
                        PluginType::Transformation, {}, fakeFactory());
    registry.addBuiltin(QStringLiteral("org.example.HasThingPredicate"), PluginType::Predicate,
                        {}, fakeFactory());
    // "Thing" is the pruned alias of a converter and the simple name of a transformation.
    registry.addBuiltin(QStringLiteral("org.example.ThingConverter"), PluginType::Converter, {},
                        fakeFactory());
    registry.addBuiltin(QStringLiteral("org.example.other.Thing"), PluginType::Transformation, {},
                        fakeFactory());
    // The simple name is exactly the suffix: nothing remains after pruning.
    registry.addBuiltin(QStringLiteral("org.example.Connector"), PluginType::Sink, {},
                        fakeFactory());
    // The suffix is pruned at its last occurrence, also when it is not at the end.
    registry.addBuiltin(QStringLiteral("org.example.BarConnectorV2"), PluginType::Sink, {},
                        fakeFactory());
    // Tasks are named by their connectors with the full class name only.
    registry.addBuiltin(QStringLiteral("org.example.FooTask"), PluginType::SourceTask, {},
                        fakeFactory());
    registry.addBuiltin(QStringLiteral("org.example.FooSinkTask"), PluginType::SinkTask, {},
                        fakeFactory());
}

QString onlyLibraryIn(const QString &dir)
{
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("*.so")}, QDir::Files);
    return files.size() == 1 ? files.first().absoluteFilePath() : QString();
}

QString failureReason(const PluginRegistry &registry, const QString &location)
{
    for (const auto &failure : registry.failures()) {
        if (failure.location == location)
            return failure.reason;
    }
    return {};
}

} // namespace

class tst_PluginRegistry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // Aliases (kafka-connect.md §4.4)
    void resolveNames_data();
    void resolveNames();
    void aliasesOfAClass_data();
    void aliasesOfAClass();
    void resolveTrimsTheName();
    void resolveErrorListsAvailableClasses();
    void resolveErrorForOtherKinds();

    // Built-ins
    void builtinCreatesThroughItsFactory();
    void createAsChecksTheKind();
    void builtinWithoutInstance();
    void realBuiltinConverters_data();
    void realBuiltinConverters();

    // Plugin libraries
    void scanFilePlugin();
    void fileLibraryLoadsOnFirstCreate();
    void scanFolderWithSubfolders();
    void scanLibraryPathDirectly();
    void scanTwiceAddsNothing();
    void missingPathIsSkipped();

    // Bad plugins: each is reported with a reason, none takes anything else down.
    void wrongApiVersion();
    void foreignInterface();
    void futureInterface();
    void notAPlugin_data();
    void notAPlugin();
    void unresolvedSymbolFailsOnLoad();
    void badPluginsNextToGoodOnes();

private:
    QString m_fileLibrary;
};

void tst_PluginRegistry::initTestCase()
{
    QVERIFY2(!TestSupport::buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    m_fileLibrary = onlyLibraryIn(TestSupport::pluginDir());
    QVERIFY2(!m_fileLibrary.isEmpty(),
             qPrintable(QStringLiteral("no single FileStream plugin in %1")
                            .arg(TestSupport::pluginDir())));
}

void tst_PluginRegistry::resolveNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<PluginType>>("types");
    QTest::addColumn<QString>("expected"); // empty: must not resolve

    const QList<PluginType> converter{PluginType::Converter};
    const QList<PluginType> header{PluginType::HeaderConverter};
    const QList<PluginType> transformation{PluginType::Transformation};
    const QList<PluginType> predicate{PluginType::Predicate};
    const QList<PluginType> sourceTask{PluginType::SourceTask};
    const QList<PluginType> sinkTask{PluginType::SinkTask};

    QTest::newRow("FQCN") << "org.example.FileLikeSourceConnector" << ConnectorTypes
                          << "org.example.FileLikeSourceConnector";
    QTest::newRow("simple name") << "FileLikeSourceConnector" << ConnectorTypes
                                 << "org.example.FileLikeSourceConnector";
    QTest::newRow("Connector suffix pruned") << "FileLikeSource" << ConnectorTypes
                                             << "org.example.FileLikeSourceConnector";
    QTest::newRow("wrong type") << "FileLikeSource" << converter << "";
    QTest::newRow("FQCN of wrong type") << "org.example.FileLikeSourceConnector" << converter
                                        << "";

    QTest::newRow("ambiguous simple name") << "DupConnector" << ConnectorTypes << "";
    QTest::newRow("ambiguous pruned name") << "Dup" << ConnectorTypes << "";
    QTest::newRow("ambiguous alias, one type asked") << "Dup" << QList<PluginType>{PluginType::Sink}
                                                     << "";
    QTest::newRow("ambiguous FQCN a") << "org.example.a.DupConnector" << ConnectorTypes
                                      << "org.example.a.DupConnector";
    QTest::newRow("ambiguous FQCN b") << "org.example.b.DupConnector" << ConnectorTypes
                                      << "org.example.b.DupConnector";

    QTest::newRow("Converter suffix") << "Jsonish" << converter << "org.example.JsonishConverter";
    QTest::newRow("converter simple name") << "JsonishConverter" << converter
                                           << "org.example.JsonishConverter";
    QTest::newRow("same class as header converter") << "JsonishConverter" << header
                                                    << "org.example.JsonishConverter";
    QTest::newRow("HeaderConverter suffix") << "Simpleish" << header
                                            << "org.example.SimpleishHeaderConverter";
    QTest::newRow("header converter is no converter") << "Simpleish" << converter << "";

    QTest::newRow("nested FQCN") << "org.example.Mask$Key" << transformation
                                 << "org.example.Mask$Key";
    QTest::newRow("nested simple name ambiguous") << "Key" << transformation << "";
    QTest::newRow("nested Value ambiguous") << "Value" << transformation << "";
    QTest::newRow("Transformation suffix") << "Widget" << transformation
                                           << "org.example.WidgetTransformation";
    QTest::newRow("Predicate suffix") << "HasThing" << predicate << "org.example.HasThingPredicate";
    QTest::newRow("collision across types (transformation)") << "Thing" << transformation << "";
    QTest::newRow("collision across types (converter)") << "Thing" << converter << "";
    QTest::newRow("other alias of colliding class") << "ThingConverter" << converter
                                                    << "org.example.ThingConverter";

    QTest::newRow("suffix only: simple name") << "Connector" << ConnectorTypes
                                              << "org.example.Connector";
    QTest::newRow("suffix only: nothing pruned") << "" << ConnectorTypes << "";
    QTest::newRow("suffix pruned at last occurrence") << "Bar" << ConnectorTypes
                                                      << "org.example.BarConnectorV2";
    QTest::newRow("suffix not at end: simple name") << "BarConnectorV2" << ConnectorTypes
                                                    << "org.example.BarConnectorV2";

    QTest::newRow("task FQCN") << "org.example.FooTask" << sourceTask << "org.example.FooTask";
    QTest::newRow("task simple name") << "FooTask" << sourceTask << "";
    QTest::newRow("task pruned name") << "Foo" << sourceTask << "";
    QTest::newRow("sink task simple name") << "FooSinkTask" << sinkTask << "";
    QTest::newRow("sink task FQCN") << "org.example.FooSinkTask" << sinkTask
                                    << "org.example.FooSinkTask";
    QTest::newRow("task is no connector") << "org.example.FooTask" << ConnectorTypes << "";
    QTest::newRow("case matters") << "filelikesource" << ConnectorTypes << "";
}

void tst_PluginRegistry::resolveNames()
{
    QFETCH(QString, name);
    QFETCH(QList<PluginType>, types);
    QFETCH(QString, expected);

    PluginRegistry registry;
    addFakeClasses(registry);
    const auto resolved = registry.resolve(name, types);
    if (expected.isEmpty()) {
        QVERIFY2(!resolved, qPrintable(resolved ? resolved.value().className : QString()));
        QVERIFY(resolved.error().message.startsWith(
            QStringLiteral("Failed to find any class that implements")));
    } else {
        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().message));
        QCOMPARE(resolved.value().className, expected);
        QVERIFY(types.contains(resolved.value().type));
    }
}

void tst_PluginRegistry::aliasesOfAClass_data()
{
    QTest::addColumn<QString>("className");
    QTest::addColumn<PluginType>("type");
    QTest::addColumn<QStringList>("aliases");

    QTest::newRow("connector") << "org.example.FileLikeSourceConnector" << PluginType::Source
                               << QStringList{"FileLikeSource", "FileLikeSourceConnector"};
    QTest::newRow("ambiguous") << "org.example.a.DupConnector" << PluginType::Source
                               << QStringList{};
    QTest::newRow("converter") << "org.example.JsonishConverter" << PluginType::Converter
                               << QStringList{"Jsonish", "JsonishConverter"};
    QTest::newRow("header converter") << "org.example.SimpleishHeaderConverter"
                                      << PluginType::HeaderConverter
                                      << QStringList{"Simpleish", "SimpleishHeaderConverter"};
    QTest::newRow("nested") << "org.example.Mask$Key" << PluginType::Transformation
                            << QStringList{};
    QTest::newRow("suffix only") << "org.example.Connector" << PluginType::Sink
                                 << QStringList{"Connector"};
    QTest::newRow("source task") << "org.example.FooTask" << PluginType::SourceTask
                                 << QStringList{};
    QTest::newRow("sink task") << "org.example.FooSinkTask" << PluginType::SinkTask
                               << QStringList{};
}

void tst_PluginRegistry::aliasesOfAClass()
{
    QFETCH(QString, className);
    QFETCH(PluginType, type);
    QFETCH(QStringList, aliases);

    PluginRegistry registry;
    addFakeClasses(registry);
    PluginClass cls;
    cls.className = className;
    cls.type = type;
    QCOMPARE(registry.aliases(cls), aliases);
}

void tst_PluginRegistry::resolveTrimsTheName()
{
    PluginRegistry registry;
    addFakeClasses(registry);
    const auto resolved = registry.resolve(QStringLiteral("  FileLikeSource \t"), ConnectorTypes);
    QVERIFY(resolved);
    QCOMPARE(resolved.value().className, QStringLiteral("org.example.FileLikeSourceConnector"));
}

void tst_PluginRegistry::resolveErrorListsAvailableClasses()
{
    PluginRegistry registry;
    addFakeClasses(registry);
    const auto resolved = registry.resolve(QStringLiteral("NoSuchThing"), ConnectorTypes);
    QVERIFY(!resolved);
    // Kafka's wording; the list holds the connectors (source and sink), sorted, and nothing else.
    QCOMPARE(resolved.error().message,
             QStringLiteral("Failed to find any class that implements Connector and which name "
                            "matches NoSuchThing, available connectors are: "
                            "org.example.BarConnectorV2, org.example.Connector, "
                            "org.example.FileLikeSourceConnector, org.example.a.DupConnector, "
                            "org.example.b.DupConnector"));
}

void tst_PluginRegistry::resolveErrorForOtherKinds()
{
    PluginRegistry registry;
    addFakeClasses(registry);
    const auto converter = registry.resolve(QStringLiteral("Nope"), {PluginType::Converter});
    QVERIFY(!converter);
    const QString message = converter.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("Failed to find any class that implements "
                                               "Converter and which name matches Nope")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("org.example.JsonishConverter")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("org.example.ThingConverter")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("Connector,")), qPrintable(message));
    // A class registered as two types is listed once.
    QCOMPARE(message.count(QStringLiteral("org.example.JsonishConverter")), 1);

    const auto predicate = registry.resolve(QStringLiteral("Nope"), {PluginType::Predicate});
    QVERIFY(!predicate);
    QVERIFY2(predicate.error().message.contains(QStringLiteral("implements Predicate")),
             qPrintable(predicate.error().message));
    QVERIFY2(predicate.error().message.endsWith(QStringLiteral("org.example.HasThingPredicate")),
             qPrintable(predicate.error().message));
}

void tst_PluginRegistry::builtinCreatesThroughItsFactory()
{
    PluginRegistry registry;
    int calls = 0;
    registry.addBuiltin(QStringLiteral("org.example.CountingSourceConnector"), PluginType::Source,
                        QStringLiteral("3.1"), [&calls] {
                            ++calls;
                            return std::make_unique<FakeSourceConnector>();
                        });
    QCOMPARE(registry.classes().size(), 1);
    const PluginClass cls = registry.classes().first();
    QCOMPARE(cls.location, QStringLiteral("classpath"));
    QCOMPARE(cls.version, QStringLiteral("3.1"));
    QCOMPARE(cls.library, -1);
    QVERIFY(cls.pluginId.isEmpty());
    QCOMPARE(cls.simpleName(), QStringLiteral("CountingSourceConnector"));
    QCOMPARE(registry.classes(PluginType::Source).size(), 1);
    QVERIFY(registry.classes(PluginType::Sink).isEmpty());

    auto first = registry.create(cls);
    QVERIFY(first);
    auto second = registry.createAs<Api::Connector>(QStringLiteral("CountingSource"),
                                                    ConnectorTypes);
    QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
    QCOMPARE(calls, 2);
    QVERIFY(first.value().get() != static_cast<Api::Component *>(second.value().get()));
    QCOMPARE(second.value()->version(), QStringLiteral("7.7"));
}

void tst_PluginRegistry::createAsChecksTheKind()
{
    PluginRegistry registry;
    addFakeClasses(registry);
    // A converter name resolved as a converter, but the instance is not a Converter.
    auto wrongKind = registry.createAs<Api::Converter>(QStringLiteral("Jsonish"),
                                                       {PluginType::Converter});
    QVERIFY(!wrongKind);
    QVERIFY2(wrongKind.error().message.contains(QStringLiteral("Jsonish")),
             qPrintable(wrongKind.error().message));

    auto unknown = registry.createAs<Api::Connector>(QStringLiteral("Missing"), ConnectorTypes);
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message.contains(QStringLiteral("which name matches Missing")));
}

void tst_PluginRegistry::builtinWithoutInstance()
{
    PluginRegistry registry;
    registry.addBuiltin(QStringLiteral("org.example.NullConnector"), PluginType::Source, {},
                        [] { return std::unique_ptr<Api::Component>(); });
    registry.addBuiltin(QStringLiteral("org.example.NoFactoryConnector"), PluginType::Source, {},
                        {});
    for (const PluginClass &cls : registry.classes()) {
        const auto created = registry.create(cls);
        QVERIFY(!created);
        QVERIFY2(created.error().message.contains(cls.className),
                 qPrintable(created.error().message));
    }
}

void tst_PluginRegistry::realBuiltinConverters_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<PluginType>("type");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Json") << "Json" << PluginType::Converter
                          << "org.apache.kafka.connect.json.JsonConverter";
    QTest::newRow("JsonConverter header") << "JsonConverter" << PluginType::HeaderConverter
                                          << "org.apache.kafka.connect.json.JsonConverter";
    QTest::newRow("String") << "String" << PluginType::Converter
                            << "org.apache.kafka.connect.storage.StringConverter";
    QTest::newRow("ByteArray") << "ByteArray" << PluginType::Converter
                               << "org.apache.kafka.connect.converters.ByteArrayConverter";
    QTest::newRow("Simple") << "Simple" << PluginType::HeaderConverter
                            << "org.apache.kafka.connect.storage.SimpleHeaderConverter";
    QTest::newRow("SimpleHeaderConverter")
        << "SimpleHeaderConverter" << PluginType::HeaderConverter
        << "org.apache.kafka.connect.storage.SimpleHeaderConverter";
}

void tst_PluginRegistry::realBuiltinConverters()
{
    QFETCH(QString, name);
    QFETCH(PluginType, type);
    QFETCH(QString, expected);

    PluginRegistry registry;
    for (const auto &converter : Converters::builtinConverters()) {
        for (const PluginType t : converter.types)
            registry.addBuiltin(converter.className, t, converter.version, converter.factory);
    }
    const auto resolved = registry.resolve(name, {type});
    QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().message));
    QCOMPARE(resolved.value().className, expected);
    if (type == PluginType::Converter) {
        auto instance = registry.createAs<Api::Converter>(name, {type});
        QVERIFY2(instance, qPrintable(instance ? QString() : instance.error().message));
    } else {
        auto instance = registry.createAs<Api::HeaderConverter>(name, {type});
        QVERIFY2(instance, qPrintable(instance ? QString() : instance.error().message));
    }
}

void tst_PluginRegistry::scanFilePlugin()
{
    PluginRegistry registry;
    registry.scan({TestSupport::pluginDir()});
    QVERIFY2(registry.failures().isEmpty(),
             qPrintable(registry.failures().isEmpty() ? QString()
                                                      : registry.failures().first().reason));
    const struct
    {
        const char *className;
        PluginType type;
    } expected[] = {
        {"org.apache.kafka.connect.file.FileStreamSourceConnector", PluginType::Source},
        {"org.apache.kafka.connect.file.FileStreamSinkConnector", PluginType::Sink},
        {"org.apache.kafka.connect.file.FileStreamSourceTask", PluginType::SourceTask},
        {"org.apache.kafka.connect.file.FileStreamSinkTask", PluginType::SinkTask},
    };
    for (const auto &e : expected) {
        const QString name = QString::fromLatin1(e.className);
        const auto resolved = registry.resolve(name, {e.type});
        QVERIFY2(resolved, qPrintable(name));
        QCOMPARE(resolved.value().pluginId, QStringLiteral("file"));
        QCOMPARE(resolved.value().location, m_fileLibrary);
        QCOMPARE(resolved.value().version, QStringLiteral(CONNECTDESK_VERSION));
        QVERIFY(resolved.value().library >= 0);
    }
    // Kafka's aliases for the FileStream connectors (§10).
    for (const char *alias : {"FileStreamSource", "FileStreamSourceConnector"}) {
        const auto resolved = registry.resolve(QString::fromLatin1(alias), ConnectorTypes);
        QVERIFY2(resolved, alias);
        QCOMPARE(resolved.value().className,
                 QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceConnector"));
    }
    for (const char *alias : {"FileStreamSink", "FileStreamSinkConnector"}) {
        const auto resolved = registry.resolve(QString::fromLatin1(alias), ConnectorTypes);
        QVERIFY2(resolved, alias);
        QCOMPARE(resolved.value().className,
                 QStringLiteral("org.apache.kafka.connect.file.FileStreamSinkConnector"));
    }
    QVERIFY(!registry.resolve(QStringLiteral("FileStreamSourceTask"), {PluginType::SourceTask}));
    QCOMPARE(registry.classes(PluginType::Source).size(), 1);
    QCOMPARE(registry.classes(PluginType::Sink).size(), 1);
}

void tst_PluginRegistry::fileLibraryLoadsOnFirstCreate()
{
    PluginRegistry registry;
    registry.scan({TestSupport::pluginDir()});
    // QPluginLoader shares one library handle per file: this one sees what the registry did.
    QPluginLoader probe(m_fileLibrary);
    QVERIFY2(!probe.isLoaded(), "scanning must read metadata only, not load the library");

    auto connector = registry.createAs<Api::SourceConnector>(QStringLiteral("FileStreamSource"),
                                                             ConnectorTypes);
    QVERIFY2(connector, qPrintable(connector ? QString() : connector.error().message));
    QVERIFY(probe.isLoaded());
    QCOMPARE(connector.value()->taskClass(),
             QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceTask"));
    QVERIFY(connector.value()->config().contains(QStringLiteral("topic")));

    auto task = registry.createAs<Api::SourceTask>(
        QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceTask"),
        {PluginType::SourceTask});
    QVERIFY2(task, qPrintable(task ? QString() : task.error().message));
    auto sinkTask = registry.createAs<Api::SinkTask>(
        QStringLiteral("org.apache.kafka.connect.file.FileStreamSinkTask"), {PluginType::SinkTask});
    QVERIFY2(sinkTask, qPrintable(sinkTask ? QString() : sinkTask.error().message));
    // Asked for the wrong kind: an error, not a crash.
    auto wrong = registry.createAs<Api::SinkConnector>(QStringLiteral("FileStreamSource"),
                                                       ConnectorTypes);
    QVERIFY(!wrong);
}

void tst_PluginRegistry::scanFolderWithSubfolders()
{
    // lib/connectdesk/plugins holds the folder "1" that holds the library.
    PluginRegistry registry;
    registry.scan({QFileInfo(TestSupport::pluginDir()).absolutePath()});
    QVERIFY(registry.failures().isEmpty());
    QVERIFY(registry.resolve(QStringLiteral("FileStreamSink"), ConnectorTypes));
}

void tst_PluginRegistry::scanLibraryPathDirectly()
{
    PluginRegistry registry;
    registry.scan({m_fileLibrary});
    QVERIFY(registry.failures().isEmpty());
    QCOMPARE(registry.classes().size(), 4);
}

void tst_PluginRegistry::scanTwiceAddsNothing()
{
    PluginRegistry registry;
    registry.scan({TestSupport::pluginDir(), m_fileLibrary});
    registry.scan({TestSupport::pluginDir()});
    QCOMPARE(registry.classes().size(), 4);
    QVERIFY(registry.failures().isEmpty());
    // No alias became ambiguous through the repeated scans.
    QVERIFY(registry.resolve(QStringLiteral("FileStreamSource"), ConnectorTypes));
}

void tst_PluginRegistry::missingPathIsSkipped()
{
    PluginRegistry registry;
    registry.scan({QStringLiteral("/nonexistent/connectdesk/plugins"), QString(),
                   QStringLiteral("   "), TestSupport::pluginDir()});
    QVERIFY(registry.failures().isEmpty());
    QCOMPARE(registry.classes().size(), 4);
}

void tst_PluginRegistry::wrongApiVersion()
{
    const QString library = onlyLibraryIn(TestSupport::testPluginDir(QStringLiteral("wrongapi")));
    QVERIFY(!library.isEmpty());
    PluginRegistry registry;
    registry.scan({TestSupport::testPluginDir(QStringLiteral("wrongapi"))});
    QCOMPARE(registry.failures().size(), 1);
    QCOMPARE(registry.failures().first().location, library);
    const QString reason = registry.failures().first().reason;
    QVERIFY2(reason.contains(QStringLiteral("apiVersion 99")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("supports 1")), qPrintable(reason));
    QVERIFY(registry.classes().isEmpty());
    QVERIFY(!registry.resolve(QStringLiteral("io.connectdesk.test.WrongApiSourceConnector"),
                              ConnectorTypes));
    QVERIFY2(!QPluginLoader(library).isLoaded(), "a refused plugin must not be loaded");
}

void tst_PluginRegistry::foreignInterface()
{
    const QString dir = TestSupport::testPluginDir(QStringLiteral("otheriid"));
    PluginRegistry registry;
    registry.scan({dir});
    QCOMPARE(registry.failures().size(), 1);
    QCOMPARE(registry.failures().first().location, onlyLibraryIn(dir));
    const QString reason = registry.failures().first().reason;
    QVERIFY2(reason.contains(QStringLiteral("not a ConnectDesk plugin")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("org.example.SomeOtherApplication.Plugin/1")),
             qPrintable(reason));
    QVERIFY(registry.classes().isEmpty());
    QVERIFY(!QPluginLoader(onlyLibraryIn(dir)).isLoaded());
}

void tst_PluginRegistry::futureInterface()
{
    const QString dir = TestSupport::testPluginDir(QStringLiteral("nextiid"));
    PluginRegistry registry;
    registry.scan({dir});
    QCOMPARE(registry.failures().size(), 1);
    const QString reason = registry.failures().first().reason;
    QVERIFY2(reason.contains(QStringLiteral("io.connectdesk.ConnectorPlugin/2")),
             qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("io.connectdesk.ConnectorPlugin/1")),
             qPrintable(reason));
    QVERIFY(registry.classes().isEmpty());
}

void tst_PluginRegistry::notAPlugin_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("text") << QByteArray("this is not a shared library\n");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("ELF magic only") << QByteArray("\x7f" "ELF\x02\x01\x01", 7);
    // The first 4 KiB of a real plugin: an ELF header whose sections are cut off.
    QFile file(onlyLibraryIn(TestSupport::pluginDir()));
    QByteArray head;
    if (file.open(QIODevice::ReadOnly))
        head = file.read(4096);
    QTest::newRow("truncated plugin") << head;
}

void tst_PluginRegistry::notAPlugin()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("libbroken.so"));
    QVERIFY(TestSupport::writeFile(path, contents));
    PluginRegistry registry;
    registry.scan({dir.path()});
    QCOMPARE(registry.failures().size(), 1);
    QCOMPARE(registry.failures().first().location, path);
    const QString reason = registry.failures().first().reason;
    QVERIFY2(reason.contains(QStringLiteral("not a Qt plugin")), qPrintable(reason));
    QVERIFY(registry.classes().isEmpty());
}

void tst_PluginRegistry::unresolvedSymbolFailsOnLoad()
{
    const QString dir = TestSupport::testPluginDir(QStringLiteral("unresolved"));
    const QString library = onlyLibraryIn(dir);
    PluginRegistry registry;
    registry.scan({dir});
    // The metadata is fine: the class is known and nothing failed yet.
    QVERIFY(registry.failures().isEmpty());
    const auto cls = registry.resolve(QStringLiteral("UnresolvedSource"), ConnectorTypes);
    QVERIFY(cls);
    QCOMPARE(cls.value().pluginId, QStringLiteral("test_unresolved"));

    const auto created = registry.create(cls.value());
    QVERIFY(!created);
    const QString message = created.error().message;
    QVERIFY2(message.contains(QStringLiteral("could not be loaded")), qPrintable(message));
    QVERIFY2(message.contains(library), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("connectdesk_test_undefined_variable")),
             qPrintable(message));
    QCOMPARE(registry.failures().size(), 1);
    QCOMPARE(registry.failures().first().location, library);
    QVERIFY2(registry.failures().first().reason.contains(
                 QStringLiteral("connectdesk_test_undefined_variable")),
             qPrintable(registry.failures().first().reason));

    // Asking again gives the same answer and does not report the library twice.
    const auto again = registry.create(cls.value());
    QVERIFY(!again);
    QCOMPARE(again.error().message, message);
    QCOMPARE(registry.failures().size(), 1);
}

void tst_PluginRegistry::badPluginsNextToGoodOnes()
{
    QTemporaryDir brokenDir;
    QVERIFY(brokenDir.isValid());
    const QString broken = brokenDir.filePath(QStringLiteral("libbroken.so"));
    QVERIFY(TestSupport::writeFile(broken, "not a plugin"));
    // A non-library file next to it is not even looked at.
    QVERIFY(TestSupport::writeFile(brokenDir.filePath(QStringLiteral("README.txt")), "hello"));

    PluginRegistry registry;
    registry.addBuiltin(QStringLiteral("org.example.FileLikeSourceConnector"), PluginType::Source,
                        {}, [] { return std::make_unique<FakeSourceConnector>(); });
    QStringList paths;
    for (const char *name : {"wrongapi", "otheriid", "nextiid", "unresolved", "throwing"})
        paths.append(TestSupport::testPluginDir(QString::fromLatin1(name)));
    paths.append(brokenDir.path());
    paths.append(TestSupport::pluginDir());
    registry.scan(paths);

    QStringList failed;
    for (const auto &failure : registry.failures())
        failed.append(QFileInfo(failure.location).fileName());
    failed.sort();
    QCOMPARE(failed, (QStringList{"libbroken.so", "libconnectdesk_plugin_test_nextiid.so",
                                  "libconnectdesk_plugin_test_otheriid.so",
                                  "libconnectdesk_plugin_test_wrongapi.so"}));
    QVERIFY(!failureReason(registry, broken).isEmpty());

    // Everything good still works, built-ins included.
    QVERIFY(registry.createAs<Api::Connector>(QStringLiteral("FileStreamSource"), ConnectorTypes));
    QVERIFY(registry.createAs<Api::Connector>(QStringLiteral("FileLikeSource"), ConnectorTypes));
    auto throwing = registry.createAs<Api::SourceConnector>(QStringLiteral("ThrowingSource"),
                                                            ConnectorTypes);
    QVERIFY2(throwing, qPrintable(throwing ? QString() : throwing.error().message));
    // The throwing connector's start() throws the SDK's exception, which the caller can catch.
    QVERIFY_THROWS_EXCEPTION(Api::ConnectException, throwing.value()->start({}));
    QVERIFY(registry.createAs<Api::SinkConnector>(QStringLiteral("ThrowingSink"), ConnectorTypes));
    QVERIFY(!registry.createAs<Api::Connector>(QStringLiteral("UnresolvedSource"), ConnectorTypes));
    QCOMPARE(registry.failures().size(), 5);
}

QTEST_GUILESS_MAIN(tst_PluginRegistry)
#include "tst_pluginregistry.moc"
