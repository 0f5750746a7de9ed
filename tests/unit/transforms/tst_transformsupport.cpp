// SPDX-License-Identifier: Apache-2.0
// The helpers every transform uses: Kafka's Requirements messages, the schema cache and
// copySchemaBasics.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/api/transformation.h"
#include "core/transforms/builtintransforms.h"
#include "core/transforms/requirements.h"
#include "core/transforms/schemacache.h"
#include "core/transforms/schemautil.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

class TestTransformSupport : public QObject
{
    Q_OBJECT

private slots:
    void requirementsNameTheJavaClass()
    {
        QCOMPARE(failureOf<Api::DataException>(
                     [&] { requireMap(Api::Value(QStringLiteral("x")), QStringLiteral("field insertion")); }),
                 QStringLiteral("Only Map objects supported in absence of schema for "
                                "[field insertion], found: java.lang.String"));
        QCOMPARE(failureOf<Api::DataException>(
                     [&] { requireStruct(Api::Value(Api::ValueMap{}), QStringLiteral("masking")); }),
                 QStringLiteral("Only Struct objects supported for [masking], found: java.util.HashMap"));
        QVERIFY(requireMapOrNull(Api::Value(), QStringLiteral("p")) == nullptr);
        QVERIFY(requireStructOrNull(Api::Value(), QStringLiteral("p")) == nullptr);
        QVERIFY_THROWS_EXCEPTION(Api::DataException, requireSchema(Api::Schema(), QStringLiteral("p")));
        Api::SourceRecord source;
        QCOMPARE(failureOf<Api::DataException>(
                     [&] { requireSinkRecord(source, QStringLiteral("offset field insertion")); }),
                 QStringLiteral("Only SinkRecord supported for [offset field insertion], found: "
                                "org.apache.kafka.connect.source.SourceRecord"));
    }

    void schemaCacheEvictsLeastRecentlyUsed()
    {
        SchemaCache cache(2);
        const auto a = Api::SchemaBuilder::string().name(QStringLiteral("a")).build();
        const auto b = Api::SchemaBuilder::string().name(QStringLiteral("b")).build();
        const auto c = Api::SchemaBuilder::string().name(QStringLiteral("c")).build();
        cache.put(a, Api::Schema::int8());
        cache.put(b, Api::Schema::int16());
        QCOMPARE(cache.get(a), Api::Schema::int8()); // a is now the most recent
        cache.put(c, Api::Schema::int32());           // evicts b
        QVERIFY(cache.get(b).isNull());
        QCOMPARE(cache.get(a), Api::Schema::int8());
        // An equal schema built separately hits too.
        QCOMPARE(cache.get(Api::SchemaBuilder::string().name(QStringLiteral("c")).build()), Api::Schema::int32());
    }

    void copySchemaBasicsKeepsNameVersionDocAndParameters()
    {
        const auto source = Api::SchemaBuilder::structBuilder()
                                .name(QStringLiteral("com.acme.Order"))
                                .version(3)
                                .doc(QStringLiteral("an order"))
                                .parameter(QStringLiteral("k"), QStringLiteral("v"))
                                .field(QStringLiteral("id"), Api::Schema::int64())
                                .build();
        const auto copy = copySchemaBasics(source).field(QStringLiteral("other"), Api::Schema::string()).build();
        QCOMPARE(copy.name(), source.name());
        QCOMPARE(copy.version(), source.version());
        QCOMPARE(copy.doc(), source.doc());
        QCOMPARE(copy.parameters(), source.parameters());
        QCOMPARE(copy.fields().size(), 1);
        QVERIFY(!copy.isOptional());
    }

    void copySchemaBasicsKeepsTheElementSchemaOfArrays()
    {
        const auto source = Api::SchemaBuilder::array(Api::Schema::int32()).name(QStringLiteral("ids")).build();
        const auto copy = copySchemaBasics(source).build();
        QCOMPARE(copy.valueSchema(), Api::Schema::int32());
        QCOMPARE(copy.name(), QStringLiteral("ids"));
    }

    void everyClassOfKafkaIsRegistered()
    {
        // Reference §11: the classes of Kafka's service files, with their plugin type and version.
        QStringList transformations;
        for (const char *name : {"Cast", "ExtractField", "Flatten", "HeaderFrom", "HoistField", "InsertField",
                                 "MaskField", "ReplaceField", "SetSchemaMetadata", "TimestampConverter"}) {
            transformations << QLatin1String(name) + QStringLiteral("$Key") << QLatin1String(name) + QStringLiteral("$Value");
        }
        transformations << QStringLiteral("DropHeaders") << QStringLiteral("Filter") << QStringLiteral("InsertHeader")
                        << QStringLiteral("RegexRouter") << QStringLiteral("TimestampRouter") << QStringLiteral("ValueToKey");
        QStringList expected;
        for (const QString &name : std::as_const(transformations))
            expected << QStringLiteral("org.apache.kafka.connect.transforms.") + name;
        for (const char *name : {"HasHeaderKey", "RecordIsTombstone", "TopicNameMatches"})
            expected << QStringLiteral("org.apache.kafka.connect.transforms.predicates.") + QLatin1String(name);
        QStringList registered;
        for (const BuiltinTransform &t : builtinTransforms()) {
            registered << t.className;
            const auto component = t.factory();
            if (t.type == Api::PluginType::Predicate)
                QVERIFY2(dynamic_cast<Api::Predicate *>(component.get()), qPrintable(t.className));
            else
                QVERIFY2(dynamic_cast<Api::Transformation *>(component.get()), qPrintable(t.className));
            QVERIFY2(t.className.startsWith(QStringLiteral("org.apache.kafka.connect.transforms.predicates."))
                         == (t.type == Api::PluginType::Predicate),
                     qPrintable(t.className));
            // Every built-in class reports the one version of the transforms module.
            QVERIFY2(component->version() == builtinTransformVersion(),
                     qPrintable(t.className + QStringLiteral(" reports version ") + component->version()));
        }
        registered.sort();
        expected.sort();
        QCOMPARE(registered, expected);
    }

    void fieldValueHonoursReplaceNullWithDefault()
    {
        const auto schema = Api::SchemaBuilder::structBuilder()
                                .field(QStringLiteral("n"),
                                       Api::SchemaBuilder::int32().optional().defaultValue(Api::Value::int32(7)).build())
                                .build();
        Api::Struct value(schema);
        QCOMPARE(fieldValue(value, QStringLiteral("n"), true), Api::Value::int32(7));
        QVERIFY(fieldValue(value, QStringLiteral("n"), false).isNull());
    }
};

QTEST_GUILESS_MAIN(TestTransformSupport)
#include "tst_transformsupport.moc"
