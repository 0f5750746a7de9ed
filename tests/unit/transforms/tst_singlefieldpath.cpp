// SPDX-License-Identifier: Apache-2.0
// Kafka's field paths (KIP-821): V1/V2 parsing with backticks and escapes, lookups in schemas,
// structs and schemaless maps, and the field.syntax.version key.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/singlefieldpath.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

QStringList v2(const QString &path)
{
    return SingleFieldPath(path, FieldSyntaxVersion::V2).steps();
}

SingleFieldPath pathV2(const QString &path)
{
    return SingleFieldPath(path, FieldSyntaxVersion::V2);
}

} // namespace

class TestSingleFieldPath : public QObject
{
    Q_OBJECT

private slots:
    void v1KeepsTheWholeTextAsOneStep()
    {
        for (const QString &path : {QStringLiteral("foo.bar.baz"), QStringLiteral("foo`bar`"),
                                    QStringLiteral("foo.`bar.baz`"), QString()}) {
            QCOMPARE(SingleFieldPath(path, FieldSyntaxVersion::V1).steps(), QStringList{path});
        }
    }

    void v2SplitsOnDots_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("steps");
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("no dots") << "foobarbaz" << QStringList{"foobarbaz"};
        QTest::newRow("dots") << "foo.bar.baz" << QStringList{"foo", "bar", "baz"};
        QTest::newRow("only dots") << ".." << QStringList{"", "", ""};
        QTest::newRow("trailing dots") << "foo.." << QStringList{"foo", "", ""};
        QTest::newRow("leading and trailing") << ".bar." << QStringList{"", "bar", ""};
        QTest::newRow("leading dots") << "..baz" << QStringList{"", "", "baz"};
        QTest::newRow("inner backticks are text") << "foo`bar`baz" << QStringList{"foo`bar`baz"};
        QTest::newRow("wrapped whole") << "`foo.bar.baz`" << QStringList{"foo.bar.baz"};
        QTest::newRow("wrapped last") << "foo.`bar.baz`" << QStringList{"foo", "bar.baz"};
        QTest::newRow("wrapped first") << "`foo.bar`.baz" << QStringList{"foo.bar", "baz"};
        QTest::newRow("wrapped middle") << "foo.`bar`.baz" << QStringList{"foo", "bar", "baz"};
        QTest::newRow("wrapped then trailing dot") << "`a.b`." << QStringList{"a.b", ""};
        QTest::newRow("double opening") << "foo.``bar.baz`" << QStringList{"foo", "`bar.baz"};
        QTest::newRow("double closing") << "foo.`bar.baz``" << QStringList{"foo", "bar.baz`"};
        QTest::newRow("backtick inside") << "foo.`ba`r.baz`" << QStringList{"foo", "ba`r.baz"};
        QTest::newRow("unwrapped backtick") << "foo.ba`r.baz" << QStringList{"foo", "ba`r", "baz"};
        QTest::newRow("doubled pair") << "foo.``bar``.baz" << QStringList{"foo", "`bar`", "baz"};
        QTest::newRow("doubled whole") << "``foo.bar.baz``" << QStringList{"`foo.bar.baz`"};
        QTest::newRow("empty wrapped") << "``" << QStringList{""};
        // A backslash before a backtick-dot keeps the step open and the backtick in the name.
        QTest::newRow("escaped") << "foo.`bar\\`.baz`" << QStringList{"foo", "bar`.baz"};
        QTest::newRow("backtick-dot inside") << "foo.`bar.`baz`" << QStringList{"foo", "bar.`baz"};
        QTest::newRow("escaped then wrapped")
            << "foo.`bar\\`.`baz`" << QStringList{"foo", "bar`.`baz"};
        QTest::newRow("escaped backslash")
            << "foo.`bar\\\\`.\\`baz`" << QStringList{"foo", "bar\\`.\\`baz"};
        QTest::newRow("escape not before dot stays") << "`a\\`b`" << QStringList{"a\\`b"};
    }

    void v2SplitsOnDots()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, steps);
        QCOMPARE(v2(path), steps);
    }

    void v2RejectsAnUnclosedBacktick_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("position");
        QTest::newRow("first") << "`foo.bar.baz" << 0;
        QTest::newRow("middle") << "foo.`bar.baz" << 4;
        QTest::newRow("last") << "foo.bar.`baz" << 8;
        QTest::newRow("escaped closing") << "foo.bar.`baz\\`" << 8;
        QTest::newRow("lone") << "`" << 0;
    }

    void v2RejectsAnUnclosedBacktick()
    {
        QFETCH(QString, path);
        QFETCH(int, position);
        QCOMPARE(failureOf<Api::ConfigException>([&] { pathV2(path); }),
                 QStringLiteral("Incomplete backtick pair in path: [%1], consider adding a "
                                "backslash before backtick at position %2 to escape it")
                                .arg(path)
                                .arg(position));
    }

    void findsFieldsInSchemas()
    {
        const auto bar
            = Api::SchemaBuilder::structBuilder().field("bar", Api::Schema::int32()).build();
        const auto schema = Api::SchemaBuilder::structBuilder().field("foo", bar).build();
        QCOMPARE(pathV2("foo.bar").fieldFrom(schema), bar.field("bar"));
        QCOMPARE(pathV2("foo").fieldFrom(schema), schema.field("foo"));
        QVERIFY(!pathV2("un.known").fieldFrom(schema).isValid());
        QVERIFY(!pathV2("foo.unknown").fieldFrom(schema).isValid());
        QVERIFY(!pathV2("unknown").fieldFrom(schema).isValid());
        QVERIFY(!pathV2("test").fieldFrom(Api::Schema()).isValid());
        // V1 reads the dotted text as one name.
        const auto dotted
            = Api::SchemaBuilder::structBuilder().field("foo.bar", Api::Schema::string()).build();
        QVERIFY(SingleFieldPath("foo.bar", FieldSyntaxVersion::V1).fieldFrom(dotted).isValid());
        QVERIFY(!pathV2("foo.bar").fieldFrom(dotted).isValid());
        QVERIFY(pathV2("`foo.bar`").fieldFrom(dotted).isValid());
        // Stepping into a primitive is the schema's own error.
        QVERIFY_THROWS_EXCEPTION(Api::DataException, pathV2("foo.bar.baz").fieldFrom(schema));
    }

    void findsValuesInMaps()
    {
        const Api::Value map
            = entries({{"foo", entries({{"bar", Api::Value::int32(42)}, {"baz", Api::Value()}})},
                       {"top", Api::Value::int32(7)}});
        QCOMPARE(pathV2("foo.bar").valueFrom(&map.toMap()), Api::Value::int32(42));
        QVERIFY(pathV2("foo.baz").valueFrom(&map.toMap()).isNull());
        QVERIFY(pathV2("un.known").valueFrom(&map.toMap()).isNull());
        QVERIFY(pathV2("foo.unknown").valueFrom(&map.toMap()).isNull());
        QVERIFY(pathV2("unknown").valueFrom(&map.toMap()).isNull());
        QVERIFY(pathV2("foo.baz.inner").valueFrom(&map.toMap()).isNull());
        QVERIFY(pathV2("x").valueFrom(static_cast<const Api::ValueMap *>(nullptr)).isNull());
        QCOMPARE(failureOf<Api::DataException>(
                     [&] { pathV2("top.inner").valueFrom(&map.toMap()); }),
                 QStringLiteral("Only Map objects supported in absence of schema for "
                                "[nested field access], found: java.lang.Integer"));
    }

    void findsValuesInStructs()
    {
        const auto baz = Api::SchemaBuilder::structBuilder()
                             .field("inner", Api::Schema::string())
                             .optional()
                             .build();
        const auto bar = Api::SchemaBuilder::structBuilder()
                             .field("bar", Api::Schema::int32())
                             .field("baz", baz)
                             .field("dflt", Api::SchemaBuilder::int32()
                                                .optional()
                                                .defaultValue(Api::Value::int32(5))
                                                .build())
                             .build();
        const auto schema = Api::SchemaBuilder::structBuilder().field("foo", bar).build();
        auto foo = Api::Struct::create(bar);
        foo->put("bar", Api::Value::int32(42));
        Api::Struct root(schema);
        root.put("foo", Api::Value(foo));

        QCOMPARE(pathV2("foo.bar").valueFrom(&root), Api::Value::int32(42));
        QVERIFY(pathV2("foo.baz").valueFrom(&root).isNull());
        QVERIFY(pathV2("un.known").valueFrom(&root).isNull());
        QVERIFY(pathV2("foo.unknown").valueFrom(&root).isNull());
        QVERIFY(pathV2("unknown").valueFrom(&root).isNull());
        QVERIFY(pathV2("foo.baz.inner").valueFrom(&root).isNull());
        QCOMPARE(pathV2("foo.dflt").valueFrom(&root), Api::Value::int32(5));
        QVERIFY(pathV2("foo.dflt").valueFrom(&root, false).isNull());
        QVERIFY(pathV2("foo").valueFrom(static_cast<const Api::Struct *>(nullptr)).isNull());
        QCOMPARE(failureOf<Api::DataException>([&] { pathV2("foo.bar.x").valueFrom(&root); }),
                 QStringLiteral("Only Struct objects supported for [nested field access], "
                                "found: java.lang.Integer"));
    }

    void emptyV2PathFailsOnUseAsInKafka()
    {
        const SingleFieldPath empty = pathV2(QString());
        QVERIFY(empty.steps().isEmpty());
        const Api::ValueMap map;
        QVERIFY_THROWS_EXCEPTION(Api::IllegalArgumentException, empty.valueFrom(&map));
        QVERIFY_THROWS_EXCEPTION(Api::IllegalArgumentException,
                                 empty.fieldFrom(Api::SchemaBuilder::structBuilder().build()));
        QVERIFY(!empty.fieldFrom(Api::Schema()).isValid());
    }

    void printsAndComparesLikeKafka()
    {
        QCOMPARE(pathV2("a.`b.c`").toString(),
                 QStringLiteral("SingleFieldPath{version=V2, path=a.b.c}"));
        QCOMPARE(SingleFieldPath("a.b", FieldSyntaxVersion::V1).toString(),
                 QStringLiteral("SingleFieldPath{version=V1, path=a.b}"));
        QVERIFY(pathV2("a.b") == pathV2("`a`.b"));
        QVERIFY(!(pathV2("a.b") == SingleFieldPath("a.b", FieldSyntaxVersion::V1)));
    }

    void syntaxVersionKey()
    {
        Api::ConfigDef def;
        appendFieldSyntaxVersionConfig(def);
        QCOMPARE(def.keys().size(), 1);
        const Api::ConfigDef::Key *key = def.key(QStringLiteral("field.syntax.version"));
        QVERIFY(key);
        QCOMPARE(key->defaultValue->toString(), QStringLiteral("V1"));
        QCOMPARE(key->importance, Api::ConfigDef::Importance::High);
        QCOMPARE(failureOf<Api::ConfigException>([&] { appendFieldSyntaxVersionConfig(def); }),
                 QStringLiteral("Configuration field.syntax.version is defined twice."));
    }

    void syntaxVersionFromConfig_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("version");
        QTest::newRow("v1") << "v1" << int(FieldSyntaxVersion::V1);
        QTest::newRow("v2") << "v2" << int(FieldSyntaxVersion::V2);
        QTest::newRow("V1") << "V1" << int(FieldSyntaxVersion::V1);
        QTest::newRow("V2") << "V2" << int(FieldSyntaxVersion::V2);
        QTest::newRow("default") << QString() << int(FieldSyntaxVersion::V1);
    }

    void syntaxVersionFromConfig()
    {
        QFETCH(QString, input);
        QFETCH(int, version);
        Api::ConfigDef def;
        appendFieldSyntaxVersionConfig(def);
        Api::ConfigMap configs;
        if (!input.isNull())
            configs.insert(QStringLiteral("field.syntax.version"), input);
        QCOMPARE(int(fieldSyntaxVersionFromConfig(Api::AbstractConfig(def, configs))), version);
    }

    void wrongSyntaxVersionIsRejected_data()
    {
        QTest::addColumn<QString>("input");
        for (const char *bad : {"v3", "V 1", "v", "V 2", "2", "1"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }

    void wrongSyntaxVersionIsRejected()
    {
        QFETCH(QString, input);
        Api::ConfigDef def;
        appendFieldSyntaxVersionConfig(def);
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { Api::AbstractConfig(def, {{QStringLiteral("field.syntax.version"), input}}); }),
                 QStringLiteral("Invalid value %1 for configuration field.syntax.version: "
                                "String must be one of (case insensitive): V1, V2")
                                .arg(input));
    }
};

QTEST_GUILESS_MAIN(TestSingleFieldPath)
#include "tst_singlefieldpath.moc"
