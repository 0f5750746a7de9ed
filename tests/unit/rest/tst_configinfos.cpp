// SPDX-License-Identifier: Apache-2.0
#include "core/api/connector.h"
#include "core/api/transformation.h"
#include "core/plugin/pluginregistry.h"
#include "core/rest/configinfos.h"
#include "core/runtime/connect.h"
#include "core/runtime/connectorvalidator.h"
#include "core/runtime/pluginconfigs.h"
#include "core/transforms/builtintransforms.h"
#include "tests/support/testfiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ConnectDesk;
using Api::ConfigDef;
using Api::ConfigMap;
using Api::PluginType;
using Plugin::PluginRegistry;

namespace {

const QString SourceClass
    = QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceConnector");
const QString SinkClass = QStringLiteral("org.apache.kafka.connect.file.FileStreamSinkConnector");
const QString JsonConverterClass = QStringLiteral("org.apache.kafka.connect.json.JsonConverter");
const QString SecretConnectorClass = QStringLiteral("org.example.test.SecretSourceConnector");
const QString MaskFieldClass = QStringLiteral("org.example.test.MaskField$Value");

/** The built-in transformations or predicates plus the test's own class, sorted. */
QStringList classesOfType(ConnectDesk::Api::PluginType type, const QString &testClass)
{
    QStringList names{testClass};
    for (const auto &builtin : ConnectDesk::Transforms::builtinTransforms())
        if (builtin.type == type)
            names.append(builtin.className);
    names.sort();
    return names;
}
const QString TombstoneClass = QStringLiteral("org.example.test.IsTombstone");

// A source connector with a password and a grouped key of its own.
class SecretSourceConnector : public Api::SourceConnector
{
public:
    void start(const ConfigMap &) override {}
    QString taskClass() const override { return QStringLiteral("org.example.test.SecretTask"); }
    QList<ConfigMap> taskConfigs(int) override { return {}; }
    void stop() override {}
    ConfigDef config() const override
    {
        ConfigDef def;
        def.define({.name = QStringLiteral("secret"),
                    .type = ConfigDef::Type::Password,
                    .defaultValue = std::nullopt,
                    .importance = ConfigDef::Importance::High,
                    .documentation = QStringLiteral("The secret.")});
        def.define(
            {.name = QStringLiteral("mode"),
             .type = ConfigDef::Type::String,
             .defaultValue = QStringLiteral("fast"),
             .validator = ConfigDef::validString({QStringLiteral("fast"), QStringLiteral("slow")}),
             .importance = ConfigDef::Importance::Low,
             .documentation = QStringLiteral("How."),
             .group = QStringLiteral("Advanced"),
             .orderInGroup = 1,
             .width = ConfigDef::Width::Short,
             .displayName = QStringLiteral("Mode")});
        return def;
    }
};

// A transform with a required key, an optional one and a key masked by the implicit
// `predicate`.
class MaskField : public Api::Transformation
{
public:
    void configure(const ConfigMap &) override {}
    bool apply(Api::ConnectRecord &) override { return true; }
    ConfigDef config() const override
    {
        ConfigDef def;
        def.define(QStringLiteral("replacement"), ConfigDef::Type::String, QVariant(),
                   ConfigDef::Importance::Low, QStringLiteral("Replacement."));
        def.define(QStringLiteral("fields"), ConfigDef::Type::List, std::nullopt,
                   ConfigDef::Importance::High, QStringLiteral("Fields to mask."));
        def.define(QStringLiteral("predicate"), ConfigDef::Type::Int, 5,
                   ConfigDef::Importance::High, QStringLiteral("Masked by the implicit one."));
        return def;
    }
};

class IsTombstone : public Api::Predicate
{
public:
    void configure(const ConfigMap &) override {}
    bool test(const Api::ConnectRecord &) const override { return false; }
    ConfigDef config() const override { return {}; }
};

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "bad JSON" << error.errorString() << json;
    return doc.object();
}

QJsonArray parseArray(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).array();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result.append(item.toString());
    return result;
}

// The config entry of a key in a ConfigInfos document (by value name, else definition name).
QJsonObject entry(const QJsonObject &infos, const QString &name)
{
    for (const QJsonValue &item : infos.value(QLatin1String("configs")).toArray()) {
        const QJsonObject object = item.toObject();
        const QJsonObject value = object.value(QLatin1String("value")).toObject();
        const QJsonObject definition = object.value(QLatin1String("definition")).toObject();
        if (value.value(QLatin1String("name")).toString() == name
            || definition.value(QLatin1String("name")).toString() == name)
            return object;
    }
    return {};
}

QStringList entryNames(const QJsonObject &infos)
{
    QStringList names;
    for (const QJsonValue &item : infos.value(QLatin1String("configs")).toArray()) {
        const QJsonObject object = item.toObject();
        const QJsonValue definition = object.value(QLatin1String("definition"));
        names.append(definition.isObject()
                         ? definition.toObject().value(QLatin1String("name")).toString()
                         : object.value(QLatin1String("value"))
                               .toObject()
                               .value(QLatin1String("name"))
                               .toString());
    }
    return names;
}

QStringList errorsOf(const QJsonObject &configEntry)
{
    return stringList(
        configEntry.value(QLatin1String("value")).toObject().value(QLatin1String("errors")));
}

// The raw JSON text of one config entry, to check member order byte for byte.
QByteArray entryText(const QByteArray &json, const QString &name)
{
    const QByteArray marker = "{\"definition\":{\"name\":\"" + name.toUtf8() + "\"";
    const qsizetype start = json.indexOf(marker);
    if (start < 0)
        return {};
    int depth = 0;
    bool inString = false;
    for (qsizetype i = start; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{')
            ++depth;
        else if (c == '}' && --depth == 0)
            return json.mid(start, i - start + 1);
    }
    return {};
}

const QStringList SourceFrameworkKeys = {QStringLiteral("name"),
                                         QStringLiteral("connector.class"),
                                         QStringLiteral("tasks.max"),
                                         QStringLiteral("tasks.max.enforce"),
                                         QStringLiteral("key.converter"),
                                         QStringLiteral("value.converter"),
                                         QStringLiteral("header.converter"),
                                         QStringLiteral("transforms"),
                                         QStringLiteral("predicates"),
                                         QStringLiteral("config.action.reload"),
                                         QStringLiteral("errors.retry.timeout"),
                                         QStringLiteral("errors.retry.delay.max.ms"),
                                         QStringLiteral("errors.tolerance"),
                                         QStringLiteral("errors.log.enable"),
                                         QStringLiteral("errors.log.include.messages"),
                                         QStringLiteral("topic.creation.groups"),
                                         QStringLiteral("exactly.once.support"),
                                         QStringLiteral("transaction.boundary"),
                                         QStringLiteral("transaction.boundary.interval.ms"),
                                         QStringLiteral("offsets.storage.topic")};

const QStringList SourceGroups
    = {QStringLiteral("Common"),         QStringLiteral("Transforms"),
       QStringLiteral("Predicates"),     QStringLiteral("Error Handling"),
       QStringLiteral("Topic Creation"), QStringLiteral("Exactly Once Support"),
       QStringLiteral("offsets.topic")};

} // namespace

class tst_ConfigInfos : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sinkGroupMustDifferFromTheWorkers();

    // PUT /connector-plugins/{p}/config/validate
    void sourceMissingTopic();
    void definitionMemberOrder();
    void sinkWithTopicsAndRegex();
    void transformWithoutType();
    void transformUnknownAndWrongKind();
    void transformKeysEmbedded();
    void negateWithoutPredicate();
    void predicateAlias();
    void converterKeysPrefixed();
    void converterErrors();
    void passwordHidden();
    void undeclaredNullValues();
    void validationFailures();
    void invalidConfigMessageCountsLikeKafka();

    // GET /connector-plugins/{p}/config
    void configOfFileStreamSink();
    void configOfJsonConverter();
    void configOfTransformation();
    void configUnknownPlugin();
    void configOfTaskClass();

    // GET /connector-plugins
    void pluginListConnectorsOnly();
    void pluginListAll();

    void validateRequestType_data();
    void validateRequestType();

private:
    QJsonObject validate(const ConfigMap &config, QByteArray *json = nullptr);

    PluginRegistry m_registry;
};

void tst_ConfigInfos::initTestCase()
{
    Runtime::registerBuiltinPlugins(m_registry);
    const QString pluginDir = TestSupport::buildDir().isEmpty() ? PluginRegistry::defaultPluginDir()
                                                                : TestSupport::pluginDir();
    m_registry.scan({pluginDir});
    QVERIFY2(m_registry.resolve(SourceClass, {PluginType::Source}).ok(),
             qPrintable(QStringLiteral("no FileStream plugin in %1").arg(pluginDir)));
    m_registry.addBuiltin(SecretConnectorClass, PluginType::Source, QStringLiteral("undefined"),
                          [] { return std::make_unique<SecretSourceConnector>(); });
    m_registry.addBuiltin(MaskFieldClass, PluginType::Transformation, QStringLiteral("1.2"),
                          [] { return std::make_unique<MaskField>(); });
    m_registry.addBuiltin(TombstoneClass, PluginType::Predicate, {},
                          [] { return std::make_unique<IsTombstone>(); });
}

QJsonObject tst_ConfigInfos::validate(const ConfigMap &config, QByteArray *json)
{
    auto result = Runtime::validateConnectorConfig(config, m_registry);
    if (!result) {
        qWarning() << "validation did not run:" << result.error().message;
        return {};
    }
    const QByteArray bytes = Rest::configInfosJson(result.value());
    if (json)
        *json = bytes;
    return parseObject(bytes);
}

void tst_ConfigInfos::sourceMissingTopic()
{
    QByteArray json;
    const QJsonObject infos
        = validate({{QStringLiteral("name"), QStringLiteral("src")},
                    {QStringLiteral("connector.class"), QStringLiteral("FileStreamSource")},
                    {QStringLiteral("file"), QStringLiteral("/tmp/in.txt")}},
                   &json);
    QVERIFY(json.startsWith("{\"name\":\"FileStreamSource\",\"error_count\":1,\"groups\":["));
    QCOMPARE(infos.value(QLatin1String("name")).toString(), QStringLiteral("FileStreamSource"));
    QCOMPARE(infos.value(QLatin1String("error_count")).toInt(), 1);
    QCOMPARE(stringList(infos.value(QLatin1String("groups"))), SourceGroups);
    QCOMPARE(entryNames(infos), SourceFrameworkKeys
                                    + QStringList({QStringLiteral("file"), QStringLiteral("topic"),
                                                   QStringLiteral("batch.size")}));
    QCOMPARE(errorsOf(entry(infos, QStringLiteral("topic"))),
             QStringList{QStringLiteral(
                 "Missing required configuration \"topic\" which has no default value.")});
    const QJsonObject tasksMax = entry(infos, QStringLiteral("tasks.max"));
    QCOMPARE(
        tasksMax.value(QLatin1String("value")).toObject().value(QLatin1String("value")).toString(),
        QStringLiteral("1"));
    // connector.class keeps the value as given; header.converter stays null.
    QCOMPARE(entry(infos, QStringLiteral("connector.class"))
                 .value(QLatin1String("value"))
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             QStringLiteral("FileStreamSource"));
    QVERIFY(entry(infos, QStringLiteral("header.converter"))
                .value(QLatin1String("value"))
                .toObject()
                .value(QLatin1String("value"))
                .isNull());
    QCOMPARE(entry(infos, QStringLiteral("transforms"))
                 .value(QLatin1String("value"))
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             QString(QLatin1String("")));
}

void tst_ConfigInfos::definitionMemberOrder()
{
    QByteArray json;
    validate({{QStringLiteral("name"), QStringLiteral("src")},
              {QStringLiteral("connector.class"), SourceClass}},
             &json);
    QCOMPARE(entryText(json, QStringLiteral("topic")),
             QByteArray("{\"definition\":{\"name\":\"topic\",\"type\":\"STRING\",\"required\":true,"
                        "\"default_value\":null,\"importance\":\"HIGH\","
                        "\"documentation\":\"The topic to publish data to\",\"group\":null,"
                        "\"width\":\"NONE\",\"display_name\":\"topic\",\"dependents\":[],"
                        "\"order\":-1},"
                        "\"value\":{\"name\":\"topic\",\"value\":null,\"recommended_values\":[],"
                        "\"errors\":[\"Missing required configuration \\\"topic\\\" which has no "
                        "default value.\"],\"visible\":true}}"));
    const QByteArray tasksMax = entryText(json, QStringLiteral("tasks.max"));
    QVERIFY2(
        tasksMax.startsWith("{\"definition\":{\"name\":\"tasks.max\",\"type\":\"INT\","
                            "\"required\":false,\"default_value\":\"1\",\"importance\":\"HIGH\","
                            "\"documentation\":"),
        tasksMax.constData());
    QVERIFY2(tasksMax.endsWith(
                 "\"group\":\"Common\",\"width\":\"SHORT\",\"display_name\":\"Tasks max\","
                 "\"dependents\":[],\"order\":3},"
                 "\"value\":{\"name\":\"tasks.max\",\"value\":\"1\",\"recommended_values\":[],"
                 "\"errors\":[],\"visible\":true}}"),
             tasksMax.constData());
    // Lists default to "" and the error_count covers both missing keys... here only topic.
    const QByteArray transforms = entryText(json, QStringLiteral("transforms"));
    QVERIFY2(transforms.contains("\"type\":\"LIST\",\"required\":false,\"default_value\":\"\","),
             transforms.constData());
}

void tst_ConfigInfos::sinkWithTopicsAndRegex()
{
    const QJsonObject infos
        = validate({{QStringLiteral("name"), QStringLiteral("snk")},
                    {QStringLiteral("connector.class"), QStringLiteral("FileStreamSink")},
                    {QStringLiteral("topics"), QStringLiteral("a,b")},
                    {QStringLiteral("topics.regex"), QStringLiteral("a.*")}});
    const QString both = QStringLiteral(
        "topics and topics.regex are mutually exclusive options, but both are set.");
    QCOMPARE(infos.value(QLatin1String("error_count")).toInt(), 2);
    QCOMPARE(errorsOf(entry(infos, QStringLiteral("topics"))), QStringList{both});
    QCOMPARE(errorsOf(entry(infos, QStringLiteral("topics.regex"))), QStringList{both});
    QCOMPARE(stringList(infos.value(QLatin1String("groups"))),
             (QStringList{QStringLiteral("Common"), QStringLiteral("Transforms"),
                          QStringLiteral("Predicates"), QStringLiteral("Error Handling")}));
    QCOMPARE(entry(infos, QStringLiteral("topics"))
                 .value(QLatin1String("value"))
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             QStringLiteral("a,b"));
    const QStringList names = entryNames(infos);
    QCOMPARE(names.first(), QStringLiteral("name"));
    QCOMPARE(names.last(), QStringLiteral("file"));
    QVERIFY(names.indexOf(QStringLiteral("errors.deadletterqueue.context.headers.enable"))
            < names.indexOf(QStringLiteral("file")));

    const QJsonObject neither = validate({{QStringLiteral("name"), QStringLiteral("snk")},
                                          {QStringLiteral("connector.class"), SinkClass}});
    QCOMPARE(neither.value(QLatin1String("error_count")).toInt(), 2);
    QCOMPARE(errorsOf(entry(neither, QStringLiteral("topics.regex"))),
             QStringList{QStringLiteral("Must configure one of topics or topics.regex")});
}

void tst_ConfigInfos::transformWithoutType()
{
    const QJsonObject infos = validate({{QStringLiteral("name"), QStringLiteral("src")},
                                        {QStringLiteral("connector.class"), SourceClass},
                                        {QStringLiteral("topic"), QStringLiteral("t")},
                                        {QStringLiteral("transforms"), QStringLiteral("a")}});
    QCOMPARE(infos.value(QLatin1String("error_count")).toInt(), 1);
    QCOMPARE(stringList(infos.value(QLatin1String("groups"))),
             SourceGroups + QStringList{QStringLiteral("Transforms: a")});
    const QJsonObject type = entry(infos, QStringLiteral("transforms.a.type"));
    QCOMPARE(
        errorsOf(type),
        QStringList{QStringLiteral(
            "Missing required configuration \"transforms.a.type\" which has no default value.")});
    const QJsonObject definition = type.value(QLatin1String("definition")).toObject();
    QCOMPARE(definition.value(QLatin1String("type")).toString(), QStringLiteral("CLASS"));
    QCOMPARE(definition.value(QLatin1String("required")).toBool(), true);
    QCOMPARE(definition.value(QLatin1String("importance")).toString(), QStringLiteral("HIGH"));
    QCOMPARE(definition.value(QLatin1String("documentation")).toString(),
             QStringLiteral("Class for the 'a' transformation."));
    QCOMPARE(definition.value(QLatin1String("group")).toString(), QStringLiteral("Transforms: a"));
    QCOMPARE(definition.value(QLatin1String("width")).toString(), QStringLiteral("LONG"));
    QCOMPARE(definition.value(QLatin1String("display_name")).toString(),
             QStringLiteral("Transformation type for a"));
    QCOMPARE(definition.value(QLatin1String("order")).toInt(), 0);
    const QJsonObject value = type.value(QLatin1String("value")).toObject();
    QVERIFY(value.value(QLatin1String("value")).isNull());
    QCOMPARE(stringList(value.value(QLatin1String("recommended_values"))),
             classesOfType(PluginType::Transformation, MaskFieldClass));
    // Only the type key: no class, so no keys of its own and no implicit predicate/negate.
    const QStringList names = entryNames(infos);
    QCOMPARE(names.indexOf(QStringLiteral("transforms.a.type")), SourceFrameworkKeys.size());
    QVERIFY(!names.contains(QStringLiteral("transforms.a.negate")));
    QCOMPARE(names.mid(SourceFrameworkKeys.size() + 1),
             (QStringList{QStringLiteral("file"), QStringLiteral("topic"),
                          QStringLiteral("batch.size")}));
}

void tst_ConfigInfos::transformUnknownAndWrongKind()
{
    const QJsonObject infos
        = validate({{QStringLiteral("name"), QStringLiteral("src")},
                    {QStringLiteral("connector.class"), SourceClass},
                    {QStringLiteral("topic"), QStringLiteral("t")},
                    {QStringLiteral("transforms"), QStringLiteral("x, y")},
                    {QStringLiteral("transforms.x.type"), QStringLiteral("Nope")},
                    {QStringLiteral("transforms.y.type"), QStringLiteral("JsonConverter")}});
    QCOMPARE(
        errorsOf(entry(infos, QStringLiteral("transforms.x.type"))),
        QStringList{QStringLiteral(
            "Invalid value Nope for configuration transforms.x.type: Class Nope could not be found.")});
    QCOMPARE(
        errorsOf(entry(infos, QStringLiteral("transforms.y.type"))),
        QStringList{QStringLiteral("Class class %1 does not implement the Transformation interface")
                        .arg(JsonConverterClass)});
    // The value of a found class is its full name.
    QCOMPARE(entry(infos, QStringLiteral("transforms.y.type"))
                 .value(QLatin1String("value"))
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             JsonConverterClass);
    QCOMPARE(infos.value(QLatin1String("error_count")).toInt(), 2);
    QCOMPARE(stringList(infos.value(QLatin1String("groups"))),
             SourceGroups
                 + QStringList({QStringLiteral("Transforms: x"), QStringLiteral("Transforms: y")}));
}

void tst_ConfigInfos::transformKeysEmbedded()
{
    QByteArray json;
    const QJsonObject infos
        = validate({{QStringLiteral("name"), QStringLiteral("src")},
                    {QStringLiteral("connector.class"), SourceClass},
                    {QStringLiteral("topic"), QStringLiteral("t")},
                    {QStringLiteral("transforms"), QStringLiteral("mask")},
                    {QStringLiteral("transforms.mask.type"),
                     QStringLiteral("org.example.test.MaskField$Value")},
                    {QStringLiteral("transforms.mask.fields"), QStringLiteral("a, b")}},
                   &json);
    QCOMPARE(infos.value(QLatin1String("error_count")).toInt(), 0);
    // Kafka embeds the transform's keys sorted: required first, then by importance and name;
    // the implicit predicate masks the transform's own.
    const QStringList names = entryNames(infos);
    const qsizetype at = names.indexOf(QStringLiteral("transforms.mask.type"));
    QCOMPARE(names.mid(at, 5), (QStringList{QStringLiteral("transforms.mask.type"),
                                            QStringLiteral("transforms.mask.fields"),
                                            QStringLiteral("transforms.mask.negate"),
                                            QStringLiteral("transforms.mask.predicate"),
                                            QStringLiteral("transforms.mask.replacement")}));
    QCOMPARE(
        entryText(json, QStringLiteral("transforms.mask.negate")),
        QByteArray("{\"definition\":{\"name\":\"transforms.mask.negate\",\"type\":\"BOOLEAN\","
                   "\"required\":false,\"default_value\":\"false\",\"importance\":\"MEDIUM\","
                   "\"documentation\":\"Whether the configured predicate should be negated.\","
                   "\"group\":\"Transforms: mask\",\"width\":\"NONE\",\"display_name\":\"negate\","
                   "\"dependents\":[],\"order\":2},"
                   "\"value\":{\"name\":\"transforms.mask.negate\",\"value\":\"false\","
                   "\"recommended_values\":[],\"errors\":[],\"visible\":true}}"));
    const QJsonObject predicate = entry(infos, QStringLiteral("transforms.mask.predicate"))
                                      .value(QLatin1String("definition"))
                                      .toObject();
    QCOMPARE(predicate.value(QLatin1String("type")).toString(), QStringLiteral("STRING"));
    QCOMPARE(predicate.value(QLatin1String("order")).toInt(), 3);
    QCOMPARE(entry(infos, QStringLiteral("transforms.mask.fields"))
                 .value(QLatin1String("value"))
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             QStringLiteral("a,b"));
    QCOMPARE(entry(infos, QStringLiteral("transforms.mask.type"))
                 .value(QLatin1String("value"))
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             MaskFieldClass);

    // A missing required transform key is reported with its full name.
    const QJsonObject missing
        = validate({{QStringLiteral("name"), QStringLiteral("src")},
                    {QStringLiteral("connector.class"), SourceClass},
                    {QStringLiteral("topic"), QStringLiteral("t")},
                    {QStringLiteral("transforms"), QStringLiteral("mask")},
                    {QStringLiteral("transforms.mask.type"), MaskFieldClass}});
    QCOMPARE(
        errorsOf(entry(missing, QStringLiteral("transforms.mask.fields"))),
        QStringList{QStringLiteral(
            "Missing required configuration \"transforms.mask.fields\" which has no default value.")});
}

void tst_ConfigInfos::negateWithoutPredicate()
{
    const QJsonObject infos
        = validate({{QStringLiteral("name"), QStringLiteral("src")},
                    {QStringLiteral("connector.class"), SourceClass},
                    {QStringLiteral("topic"), QStringLiteral("t")},
                    {QStringLiteral("transforms"), QStringLiteral("mask")},
                    {QStringLiteral("transforms.mask.type"), MaskFieldClass},
                    {QStringLiteral("transforms.mask.fields"), QStringLiteral("a")},
                    {QStringLiteral("transforms.mask.negate"), QStringLiteral("true")}});
    QCOMPARE(errorsOf(entry(infos, QStringLiteral("transforms.mask.type"))),
             QStringList{QStringLiteral(
                 "Config 'transforms.mask.negate' was provided but there is no config "
                 "'transforms.mask.predicate' defining a predicate to be negated.")});
    QCOMPARE(infos.value(QLatin1String("error_count")).toInt(), 1);
}

void tst_ConfigInfos::predicateAlias()
{
    const QJsonObject infos
        = validate({{QStringLiteral("name"), QStringLiteral("src")},
                    {QStringLiteral("connector.class"), SourceClass},
                    {QStringLiteral("topic"), QStringLiteral("t")},
                    {QStringLiteral("predicates"), QStringLiteral("tomb,tomb")},
                    {QStringLiteral("predicates.tomb.type"), QStringLiteral("IsTombstone")}});
    // The duplicate is an error of `predicates`; the alias is enriched once.
    QCOMPARE(
        errorsOf(entry(infos, QStringLiteral("predicates"))),
        QStringList{QStringLiteral(
            "Invalid value [tomb, tomb] for configuration predicates: Duplicate alias provided.")});
    const QJsonObject type = entry(infos, QStringLiteral("predicates.tomb.type"));
    QCOMPARE(errorsOf(type), QStringList());
    QCOMPARE(type.value(QLatin1String("definition"))
                 .toObject()
                 .value(QLatin1String("display_name"))
                 .toString(),
             QStringLiteral("Predicate type for tomb"));
    QCOMPARE(type.value(QLatin1String("value")).toObject().value(QLatin1String("value")).toString(),
             TombstoneClass);
    QCOMPARE(stringList(type.value(QLatin1String("value"))
                            .toObject()
                            .value(QLatin1String("recommended_values"))),
             classesOfType(PluginType::Predicate, TombstoneClass));
    QCOMPARE(stringList(infos.value(QLatin1String("groups"))),
             SourceGroups + QStringList{QStringLiteral("Predicates: tomb")});
    QCOMPARE(entryNames(infos).count(QStringLiteral("predicates.tomb.type")), 1);
    QVERIFY(!entryNames(infos).contains(QStringLiteral("predicates.tomb.negate")));
}

void tst_ConfigInfos::converterKeysPrefixed()
{
    QByteArray json;
    const QJsonObject infos
        = validate({{QStringLiteral("name"), QStringLiteral("src")},
                    {QStringLiteral("connector.class"), SourceClass},
                    {QStringLiteral("topic"), QStringLiteral("t")},
                    {QStringLiteral("key.converter"), QStringLiteral("JsonConverter")},
                    {QStringLiteral("key.converter.schemas.enable"), QStringLiteral("false")},
                    {QStringLiteral("value.converter"),
                     QStringLiteral("org.apache.kafka.connect.storage.StringConverter")}},
                   &json);
    QCOMPARE(infos.value(QLatin1String("error_count")).toInt(), 0);
    QCOMPARE(entry(infos, QStringLiteral("key.converter"))
                 .value(QLatin1String("value"))
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             JsonConverterClass);
    // After the connector's keys: the key converter's (in Java HashMap order, as Kafka), then
    // the value converter's.
    const QStringList names = entryNames(infos);
    const qsizetype at = names.indexOf(QStringLiteral("batch.size")) + 1;
    QCOMPARE(names.mid(at, 5),
             (QStringList{QStringLiteral("key.converter.decimal.format"),
                          QStringLiteral("key.converter.converter.type"),
                          QStringLiteral("key.converter.schemas.cache.size"),
                          QStringLiteral("key.converter.replace.null.with.default"),
                          QStringLiteral("key.converter.schemas.enable")}));
    QVERIFY(names.mid(at + 5).contains(QStringLiteral("value.converter.converter.type")));
    const QJsonObject type = entry(infos, QStringLiteral("key.converter.converter.type"));
    QCOMPARE(type.value(QLatin1String("value")).toObject().value(QLatin1String("value")).toString(),
             QStringLiteral("key"));
    QCOMPARE(entry(infos, QStringLiteral("value.converter.converter.type"))
                 .value(QLatin1String("value"))
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             QStringLiteral("value"));
    const QJsonObject schemas = entry(infos, QStringLiteral("key.converter.schemas.enable"));
    QCOMPARE(
        schemas.value(QLatin1String("value")).toObject().value(QLatin1String("value")).toString(),
        QStringLiteral("false"));
    const QJsonObject definition = schemas.value(QLatin1String("definition")).toObject();
    QCOMPARE(definition.value(QLatin1String("group")).toString(), QStringLiteral("Schemas"));
    QCOMPARE(definition.value(QLatin1String("display_name")).toString(),
             QStringLiteral("Enable Schemas"));
    // Converter groups come last.
    QCOMPARE(stringList(infos.value(QLatin1String("groups"))),
             SourceGroups
                 + QStringList({QStringLiteral("Serialization"), QStringLiteral("Schemas")}));
}

void tst_ConfigInfos::converterErrors()
{
    const QJsonObject unknown
        = validate({{QStringLiteral("name"), QStringLiteral("src")},
                    {QStringLiteral("connector.class"), SourceClass},
                    {QStringLiteral("topic"), QStringLiteral("t")},
                    {QStringLiteral("key.converter"), QStringLiteral(" Nope ")},
                    {QStringLiteral("key.converter.schemas.enable"), QStringLiteral("false")},
                    {QStringLiteral("header.converter"), SourceClass}});
    QCOMPARE(
        errorsOf(entry(unknown, QStringLiteral("key.converter"))),
        QStringList{QStringLiteral(
            "Invalid value  Nope  for configuration key.converter: Class  Nope  could not be found.")});
    QCOMPARE(errorsOf(entry(unknown, QStringLiteral("header.converter"))),
             QStringList{
                 QStringLiteral("Class class %1 does not implement the HeaderConverter interface")
                     .arg(SourceClass)});
    QVERIFY(!entryNames(unknown).contains(QStringLiteral("key.converter.schemas.enable")));
    QCOMPARE(unknown.value(QLatin1String("error_count")).toInt(), 2);

    // A converter setting that does not parse: one error entry counts once.
    const QJsonObject bad
        = validate({{QStringLiteral("name"), QStringLiteral("src")},
                    {QStringLiteral("connector.class"), SourceClass},
                    {QStringLiteral("topic"), QStringLiteral("t")},
                    {QStringLiteral("header.converter"), QStringLiteral("Json")},
                    {QStringLiteral("header.converter.schemas.enable"), QStringLiteral("maybe")}});
    QCOMPARE(
        errorsOf(entry(bad, QStringLiteral("header.converter.schemas.enable"))),
        QStringList{QStringLiteral(
            "Invalid value maybe for configuration schemas.enable: Expected value to be either true or false")});
    QCOMPARE(entry(bad, QStringLiteral("header.converter.converter.type"))
                 .value(QLatin1String("value"))
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             QStringLiteral("header"));
    QCOMPARE(bad.value(QLatin1String("error_count")).toInt(), 1);
}

void tst_ConfigInfos::passwordHidden()
{
    QByteArray json;
    const QJsonObject infos
        = validate({{QStringLiteral("name"), QStringLiteral("s")},
                    {QStringLiteral("connector.class"), QStringLiteral("SecretSource")},
                    {QStringLiteral("secret"), QStringLiteral("hunter2")},
                    {QStringLiteral("mode"), QStringLiteral("warp")}},
                   &json);
    QVERIFY2(!json.contains("hunter2"), json.constData());
    const QJsonObject secret = entry(infos, QStringLiteral("secret"));
    QCOMPARE(
        secret.value(QLatin1String("value")).toObject().value(QLatin1String("value")).toString(),
        QStringLiteral("[hidden]"));
    QCOMPARE(secret.value(QLatin1String("definition"))
                 .toObject()
                 .value(QLatin1String("type"))
                 .toString(),
             QStringLiteral("PASSWORD"));
    QCOMPARE(errorsOf(entry(infos, QStringLiteral("mode"))),
             QStringList{QStringLiteral(
                 "Invalid value warp for configuration mode: String must be one of: fast, slow")});
    // The connector's group follows the framework's.
    QCOMPARE(stringList(infos.value(QLatin1String("groups"))),
             SourceGroups + QStringList{QStringLiteral("Advanced")});
    QCOMPARE(infos.value(QLatin1String("error_count")).toInt(), 1);

    // A missing password is null, not hidden.
    const QJsonObject missing
        = validate({{QStringLiteral("name"), QStringLiteral("s")},
                    {QStringLiteral("connector.class"), SecretConnectorClass}});
    QVERIFY(entry(missing, QStringLiteral("secret"))
                .value(QLatin1String("value"))
                .toObject()
                .value(QLatin1String("value"))
                .isNull());
}

void tst_ConfigInfos::undeclaredNullValues()
{
    QByteArray json;
    const QJsonObject infos = validate({{QStringLiteral("name"), QStringLiteral("src")},
                                        {QStringLiteral("connector.class"), SourceClass},
                                        {QStringLiteral("topic"), QStringLiteral("t")},
                                        {QStringLiteral("tasks.max"), QString()},
                                        {QStringLiteral("extra.a"), QString()},
                                        {QStringLiteral("extra.n"), QString()}},
                                       &json);
    const QString nullMessage
        = QStringLiteral("Null value can not be supplied as the configuration value.");
    // Undeclared keys come first, without definition, in Kafka's (HashMap) order.
    const QJsonArray configs = infos.value(QLatin1String("configs")).toArray();
    QVERIFY(configs.at(0).toObject().value(QLatin1String("definition")).isNull());
    QVERIFY(configs.at(1).toObject().value(QLatin1String("definition")).isNull());
    QCOMPARE(entryNames(infos).mid(0, 3),
             (QStringList{QStringLiteral("extra.n"), QStringLiteral("extra.a"),
                          QStringLiteral("name")}));
    QVERIFY2(
        json.contains("{\"definition\":null,\"value\":{\"name\":\"extra.n\",\"value\":null,"
                      "\"recommended_values\":[],\"errors\":[\"Null value can not be supplied as "
                      "the configuration value.\"],\"visible\":true}}"),
        json.constData());
    QCOMPARE(
        errorsOf(entry(infos, QStringLiteral("tasks.max"))),
        (QStringList{QStringLiteral(
                         "Invalid value null for configuration tasks.max: Value must be non-null"),
                     nullMessage}));
    QCOMPARE(infos.value(QLatin1String("error_count")).toInt(), 4);
}

void tst_ConfigInfos::validationFailures()
{
    auto noClass
        = Runtime::validateConnectorConfig({{QStringLiteral("name"), QStringLiteral("x")},
                                            {QStringLiteral("tasks.max"), QStringLiteral("1")}},
                                           m_registry);
    QVERIFY(!noClass);
    QCOMPARE(noClass.error().code, 400);
    QCOMPARE(noClass.error().message,
             QStringLiteral("Connector config {name=x, tasks.max=1} contains no connector type"));

    auto unknown = Runtime::validateConnectorConfig(
        {{QStringLiteral("connector.class"), QStringLiteral("Nope")}}, m_registry);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, 500);
    QVERIFY2(unknown.error().message.startsWith(QStringLiteral(
                 "Failed to find any class that implements Connector and which name matches Nope")),
             qPrintable(unknown.error().message));
}

void tst_ConfigInfos::sinkGroupMustDifferFromTheWorkers()
{
    // Distributed mode only (a worker group id is given): Kafka's DistributedHerder checks.
    const ConfigMap sink{{QStringLiteral("name"), QStringLiteral("cluster")},
                         {QStringLiteral("connector.class"), SinkClass},
                         {QStringLiteral("topics"), QStringLiteral("t")}};
    auto standalone = Runtime::validateConnectorConfig(sink, m_registry);
    QVERIFY(standalone);
    QCOMPARE(standalone->errors(), QStringList());
    auto byName = Runtime::validateConnectorConfig(sink, m_registry, QStringLiteral("connect-cluster"));
    QVERIFY(byName);
    QCOMPARE(byName->errors(), (QStringList{QStringLiteral("Consumer group for sink connector named cluster "
                                                           "conflicts with Connect worker group connect-cluster")}));
    ConfigMap overridden = sink;
    overridden.insert(QStringLiteral("consumer.override.group.id"), QStringLiteral("workers"));
    auto byOverride = Runtime::validateConnectorConfig(overridden, m_registry, QStringLiteral("workers"));
    QVERIFY(byOverride);
    QCOMPARE(byOverride->errors(), (QStringList{QStringLiteral("Consumer group workers conflicts with Connect "
                                                               "worker group workers")}));
    QVERIFY(Runtime::validateConnectorConfig(overridden, m_registry, QStringLiteral("connect-cluster"))->errors().isEmpty());
}

void tst_ConfigInfos::invalidConfigMessageCountsLikeKafka()
{
    auto validation
        = Runtime::validateConnectorConfig({{QStringLiteral("connector.class"), SinkClass},
                                            {QStringLiteral("tasks.max"), QStringLiteral("0")}},
                                           m_registry);
    QVERIFY(validation);
    const QStringList errors = validation->errors();
    QCOMPARE(validation->errorCount, errors.size());
    QCOMPARE(
        errors,
        (QStringList{
            QStringLiteral("Missing required configuration \"name\" which has no default value."),
            QStringLiteral("Invalid value 0 for configuration tasks.max: Value must be at least 1"),
            QStringLiteral("Must configure one of topics or topics.regex"),
            QStringLiteral("Must configure one of topics or topics.regex")}));
    QCOMPARE(Runtime::invalidConfigMessage(validation.value()),
             Runtime::invalidConfigMessage(errors));
    QVERIFY(Runtime::invalidConfigMessage(validation.value())
                .startsWith(QStringLiteral(
                    "Connector configuration is invalid and contains the following 4 error(s):\n"
                    "Missing required configuration \"name\" which has no default value.\n")));
    QCOMPARE(validation->type, QStringLiteral("sink"));
    QCOMPARE(validation->connectorClass, SinkClass);
    // values: one per reported value, in the same order as configs.
    QCOMPARE(validation->values.size(), validation->configs.size());
    QCOMPARE(validation->values.first().name, QStringLiteral("name"));
}

void tst_ConfigInfos::configOfFileStreamSink()
{
    auto keys = Runtime::pluginConfigKeys(QStringLiteral("FileStreamSink"), m_registry);
    QVERIFY2(keys, qPrintable(keys ? QString() : keys.error().message));
    const QJsonArray array = parseArray(Rest::configKeyInfosJson(keys.value()));
    QStringList names;
    for (const QJsonValue &item : array)
        names.append(item.toObject().value(QLatin1String("name")).toString());
    QCOMPARE(names.first(), QStringLiteral("file"));
    QCOMPARE(names.mid(1, 3),
             (QStringList{QStringLiteral("name"), QStringLiteral("connector.class"),
                          QStringLiteral("tasks.max")}));
    QVERIFY(names.contains(QStringLiteral("topics")));
    QVERIFY(names.contains(QStringLiteral("errors.deadletterqueue.topic.name")));
    QVERIFY(!names.contains(QStringLiteral("exactly.once.support")));
    QCOMPARE(names.count(QStringLiteral("file")), 1);
    QCOMPARE(
        Rest::configKeyInfosJson({keys.value().first()}),
        QByteArray(
            "[{\"name\":\"file\",\"type\":\"STRING\",\"required\":false,\"default_value\":null,"
            "\"importance\":\"HIGH\",\"documentation\":\"Destination filename. If not specified, "
            "the standard output will be used\",\"group\":null,\"width\":\"NONE\","
            "\"display_name\":\"file\",\"dependents\":[],\"order\":-1}]"));
    const QJsonObject topics = array.at(names.indexOf(QStringLiteral("topics"))).toObject();
    QCOMPARE(topics.value(QLatin1String("default_value")).toString(), QString(QLatin1String("")));
    QCOMPARE(topics.value(QLatin1String("order")).toInt(), 4);
}

void tst_ConfigInfos::configOfJsonConverter()
{
    auto keys = Runtime::pluginConfigKeys(QStringLiteral("JsonConverter"), m_registry);
    QVERIFY(keys);
    const QJsonArray array = parseArray(Rest::configKeyInfosJson(keys.value()));
    QStringList names;
    for (const QJsonValue &item : array)
        names.append(item.toObject().value(QLatin1String("name")).toString());
    QCOMPARE(names,
             (QStringList{QStringLiteral("converter.type"), QStringLiteral("schemas.enable"),
                          QStringLiteral("schemas.cache.size"), QStringLiteral("decimal.format"),
                          QStringLiteral("replace.null.with.default")}));
    const QJsonObject cacheSize = array.at(2).toObject();
    QCOMPARE(cacheSize.value(QLatin1String("type")).toString(), QStringLiteral("INT"));
    QCOMPARE(cacheSize.value(QLatin1String("default_value")).toString(), QStringLiteral("1000"));
    QCOMPARE(cacheSize.value(QLatin1String("group")).toString(), QStringLiteral("Schemas"));
    QCOMPARE(cacheSize.value(QLatin1String("order")).toInt(), 1);
    QCOMPARE(array.at(0).toObject().value(QLatin1String("required")).toBool(), true);
    // The FQCN and the header-converter view give the same keys.
    auto byName = Runtime::pluginConfigKeys(JsonConverterClass, m_registry);
    QVERIFY(byName);
    QCOMPARE(byName->size(), keys->size());
}

void tst_ConfigInfos::configOfTransformation()
{
    auto keys = Runtime::pluginConfigKeys(MaskFieldClass, m_registry);
    QVERIFY(keys);
    QStringList names;
    for (const auto &key : keys.value())
        names.append(key.name);
    // Just the transform's own keys, as declared (no implicit predicate/negate added).
    QCOMPARE(names, (QStringList{QStringLiteral("replacement"), QStringLiteral("fields"),
                                 QStringLiteral("predicate")}));
}

void tst_ConfigInfos::configUnknownPlugin()
{
    auto keys = Runtime::pluginConfigKeys(QStringLiteral("NoSuchThing"), m_registry);
    QVERIFY(!keys);
    QCOMPARE(keys.error().code, 404);
    QCOMPARE(keys.error().message, QStringLiteral("Unknown plugin NoSuchThing."));
}

void tst_ConfigInfos::configOfTaskClass()
{
    const QString task = QStringLiteral("org.apache.kafka.connect.file.FileStreamSourceTask");
    auto keys = Runtime::pluginConfigKeys(task, m_registry);
    QVERIFY(!keys);
    QCOMPARE(keys.error().code, 400);
    QCOMPARE(keys.error().message,
             QStringLiteral("Invalid plugin class %1. Valid types are sink, source, converter, "
                            "header_converter, transformation, predicate.")
                 .arg(task));
}

void tst_ConfigInfos::pluginListConnectorsOnly()
{
    const auto plugins = Runtime::listPlugins(m_registry, true);
    QStringList entries;
    for (const auto &plugin : plugins)
        entries.append(plugin.type + QLatin1Char(' ') + plugin.className);
    QCOMPARE(entries, (QStringList{QStringLiteral("sink ") + SinkClass,
                                   QStringLiteral("source ") + SourceClass,
                                   QStringLiteral("source ") + SecretConnectorClass}));
    const QByteArray json = Rest::pluginListJson(plugins);
    QVERIFY2(json.startsWith("[{\"class\":\"" + SinkClass.toUtf8()
                             + "\",\"type\":\"sink\",\"version\":\""),
             json.constData());
    // "undefined" versions are left out.
    QVERIFY2(
        json.endsWith("{\"class\":\"" + SecretConnectorClass.toUtf8() + "\",\"type\":\"source\"}]"),
        json.constData());
}

void tst_ConfigInfos::pluginListAll()
{
    const auto plugins = Runtime::listPlugins(m_registry, false);
    QStringList entries;
    for (const auto &plugin : plugins)
        entries.append(plugin.type + QLatin1Char(' ') + plugin.className);
    const QStringList converters = {
        QStringLiteral("org.apache.kafka.connect.converters.BooleanConverter"),
        QStringLiteral("org.apache.kafka.connect.converters.ByteArrayConverter"),
        QStringLiteral("org.apache.kafka.connect.converters.DoubleConverter"),
        QStringLiteral("org.apache.kafka.connect.converters.FloatConverter"),
        QStringLiteral("org.apache.kafka.connect.converters.IntegerConverter"),
        QStringLiteral("org.apache.kafka.connect.converters.LongConverter"),
        QStringLiteral("org.apache.kafka.connect.converters.ShortConverter"),
        QStringLiteral("org.apache.kafka.connect.json.JsonConverter"),
        QStringLiteral("org.apache.kafka.connect.storage.StringConverter"),
    };
    QStringList expected
        = {QStringLiteral("sink ") + SinkClass, QStringLiteral("source ") + SourceClass,
           QStringLiteral("source ") + SecretConnectorClass};
    for (const QString &cls : classesOfType(PluginType::Transformation, MaskFieldClass))
        expected.append(QStringLiteral("transformation ") + cls);
    for (const QString &cls : classesOfType(PluginType::Predicate, TombstoneClass))
        expected.append(QStringLiteral("predicate ") + cls);
    for (const QString &cls : converters)
        expected.append(QStringLiteral("converter ") + cls);
    QStringList headerConverters = converters;
    headerConverters.insert(
        headerConverters.size() - 1,
        QStringLiteral("org.apache.kafka.connect.storage.SimpleHeaderConverter"));
    for (const QString &cls : std::as_const(headerConverters))
        expected.append(QStringLiteral("header_converter ") + cls);
    QCOMPARE(entries, expected);

    const QJsonArray array = parseArray(Rest::pluginListJson(plugins));
    QCOMPARE(array.size(), expected.size());
    const QJsonObject mask = array.at(int(expected.indexOf(QStringLiteral("transformation ") + MaskFieldClass))).toObject();
    QCOMPARE(mask.keys().size(), 3);
    QCOMPARE(mask.value(QLatin1String("version")).toString(), QStringLiteral("1.2"));
    // empty version
    QVERIFY(!array.at(int(expected.indexOf(QStringLiteral("predicate ") + TombstoneClass))).toObject().contains(QLatin1String("version")));
}

void tst_ConfigInfos::validateRequestType_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("ok");

    QTest::newRow("alias and FQCN") << "FileStreamSource" << SourceClass << true;
    QTest::newRow("simple name and alias") << "FileStreamSourceConnector"
                                           << "FileStreamSource" << true;
    QTest::newRow("FQCN both") << SinkClass << SinkClass << true;
    QTest::newRow("suffix only") << "Source" << SourceClass << true;
    QTest::newRow("no class in body") << "FileStreamSource" << QString() << true;
    QTest::newRow("mismatch") << "FileStreamSink" << SourceClass << false;
    QTest::newRow("bare Connector") << "Connector"
                                    << "FileStreamSourceConnector" << false;
    QTest::newRow("empty body class") << "FileStreamSource" << QString(QLatin1String("")) << false;
}

void tst_ConfigInfos::validateRequestType()
{
    QFETCH(QString, path);
    QFETCH(QString, body);
    QFETCH(bool, ok);
    const Util::Error error = Runtime::checkValidateRequestType(path, body);
    QCOMPARE(!error, ok);
    if (!ok) {
        QCOMPARE(error.code, 400);
        QCOMPARE(error.message,
                 QStringLiteral("Included connector type %1 does not match request type %2")
                     .arg(body, path));
    }
}

QTEST_GUILESS_MAIN(tst_ConfigInfos)
#include "tst_configinfos.moc"
