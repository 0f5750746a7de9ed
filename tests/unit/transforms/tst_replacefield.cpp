// SPDX-License-Identifier: Apache-2.0
// ReplaceField$Key / $Value: exclude, include and renames on structs and maps, tombstones,
// replace.null.with.default and the renames validator.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/replacefield.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

Api::Schema fourFields()
{
    return Api::SchemaBuilder::structBuilder()
        .name("com.acme.Thing")
        .version(2)
        .field("dont", Api::Schema::string())
        .field("abc", Api::Schema::int32())
        .field("foo", Api::Schema::boolean())
        .field("etc", Api::Schema::string())
        .build();
}

Api::StructPtr fourValues(const Api::Schema &schema)
{
    auto value = Api::Struct::create(schema);
    value->put("dont", Api::Value(QStringLiteral("whatever")));
    value->put("abc", Api::Value::int32(42));
    value->put("foo", Api::Value(true));
    value->put("etc", Api::Value(QStringLiteral("etc")));
    return value;
}

} // namespace

class TestReplaceField : public QObject
{
    Q_OBJECT

private slots:
    void tombstones()
    {
        ReplaceField xform(RecordSide::Value);
        xform.configure({{"include", "abc,foo"}, {"renames", "abc:xyz,foo:bar"}});
        auto schemaless = valueRecord(Api::Schema(), Api::Value());
        xform.apply(schemaless);
        QVERIFY(schemaless.value.isNull());
        QVERIFY(schemaless.valueSchema.isNull());

        auto withSchema = valueRecord(fourFields(), Api::Value());
        xform.apply(withSchema);
        QVERIFY(withSchema.value.isNull());
        QCOMPARE(withSchema.valueSchema, fourFields());
    }

    void schemaless()
    {
        ReplaceField xform(RecordSide::Value);
        xform.configure({{"exclude", "dont"}, {"renames", "abc:xyz,foo:bar"}});
        Api::ValueMap map;
        map.emplace_back(Api::Value("dont"), Api::Value(QStringLiteral("whatever")));
        map.emplace_back(Api::Value("abc"), Api::Value::int32(42));
        map.emplace_back(Api::Value("foo"), Api::Value(true));
        map.emplace_back(Api::Value("etc"), Api::Value(QStringLiteral("etc")));
        auto record = valueRecord(Api::Schema(), Api::Value(map));
        xform.apply(record);
        QVERIFY(record.valueSchema.isNull());
        QCOMPARE(record.value.toMap().size(), size_t(3));
        QCOMPARE(record.value.mapValue("xyz"), Api::Value::int32(42));
        QCOMPARE(record.value.mapValue("bar"), Api::Value(true));
        QCOMPARE(record.value.mapValue("etc"), Api::Value(QStringLiteral("etc")));
    }

    void withSchema()
    {
        ReplaceField xform(RecordSide::Value);
        xform.configure({{"include", "abc,foo"}, {"renames", "abc:xyz,foo:bar"}});
        const auto schema = fourFields();
        auto record = valueRecord(schema, Api::Value(fourValues(schema)));
        xform.apply(record);
        const Api::Struct &updated = *record.value.toStruct();
        QCOMPARE(updated.schema(), record.valueSchema);
        QCOMPARE(record.valueSchema.fields().size(), 2);
        QCOMPARE(record.valueSchema.fields().at(0).name(), QStringLiteral("xyz"));
        QCOMPARE(record.valueSchema.fields().at(1).name(), QStringLiteral("bar"));
        QCOMPARE(updated.get("xyz"), Api::Value::int32(42));
        QCOMPARE(updated.get("bar"), Api::Value(true));
        // Name and version are carried over.
        QCOMPARE(record.valueSchema.name(), QStringLiteral("com.acme.Thing"));
        QCOMPARE(record.valueSchema.version(), std::optional<int>(2));
        // The schema is cached per input schema.
        auto again = valueRecord(schema, Api::Value(fourValues(schema)));
        xform.apply(again);
        QVERIFY(again.valueSchema.data() == record.valueSchema.data());
    }

    void excludeWinsOverInclude()
    {
        ReplaceField xform(RecordSide::Value);
        xform.configure({{"include", "abc,foo"}, {"exclude", "foo"}});
        const auto schema = fourFields();
        auto record = valueRecord(schema, Api::Value(fourValues(schema)));
        xform.apply(record);
        QCOMPARE(record.valueSchema.fields().size(), 1);
        QCOMPARE(record.value.toStruct()->get("abc"), Api::Value::int32(42));
    }

    void keySideLeavesTheValueAlone()
    {
        ReplaceField xform(RecordSide::Key);
        xform.configure({{"exclude", "etc"}});
        const auto schema = fourFields();
        auto record = valueRecord(schema, Api::Value(fourValues(schema)));
        record.keySchema = schema;
        record.key = Api::Value(fourValues(schema));
        xform.apply(record);
        QCOMPARE(record.keySchema.fields().size(), 3);
        QVERIFY(!record.keySchema.field("etc").isValid());
        QCOMPARE(record.valueSchema, schema);
        QCOMPARE(record.value.toStruct()->get("etc"), Api::Value(QStringLiteral("etc")));
    }

    void wrongTypes()
    {
        ReplaceField xform(RecordSide::Value);
        xform.configure({{"exclude", "a"}});
        auto schemaless = valueRecord(Api::Schema(), Api::Value::int32(1));
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(schemaless); }),
                 QStringLiteral("Only Map objects supported in absence of schema for "
                                "[field replacement], found: java.lang.Integer"));
        auto withSchema = valueRecord(Api::Schema::string(), Api::Value(QStringLiteral("x")));
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(withSchema); }),
                 QStringLiteral("Only Struct objects supported for [field replacement], found: "
                                "java.lang.String"));
    }

    void replaceNullWithDefault_data()
    {
        QTest::addColumn<bool>("replace");
        QTest::addColumn<bool>("keySide");
        QTest::newRow("value, false") << false << false;
        QTest::newRow("value, true") << true << false;
        QTest::newRow("key, false") << false << true;
        QTest::newRow("key, true") << true << true;
    }

    void replaceNullWithDefault()
    {
        QFETCH(bool, replace);
        QFETCH(bool, keySide);
        ReplaceField xform(keySide ? RecordSide::Key : RecordSide::Value);
        xform.configure({{"include", "abc"},
                         {"renames", "abc:optional_with_default"},
                         {"replace.null.with.default", replace ? "true" : "false"}});
        const auto schema = Api::SchemaBuilder::structBuilder()
                                .field("abc", Api::SchemaBuilder::int32()
                                                  .optional()
                                                  .defaultValue(Api::Value::int32(42))
                                                  .build())
                                .build();
        Api::SinkRecord record = valueRecord(Api::Schema(), Api::Value());
        (keySide ? record.keySchema : record.valueSchema) = schema;
        (keySide ? record.key : record.value) = Api::Value(Api::Struct::create(schema));
        xform.apply(record);
        const Api::Value &out = keySide ? record.key : record.value;
        QCOMPARE(out.toStruct()->schema().fields().size(), 1);
        QCOMPARE(out.toStruct()->getWithoutDefault("optional_with_default"),
                 replace ? Api::Value::int32(42) : Api::Value());
    }

    void renameMappingsAreValidated()
    {
        ReplaceField xform(RecordSide::Value);
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { xform.configure({{"renames", "foo,abc:xyz"}}); }),
                 QStringLiteral("Invalid value [foo, abc:xyz] for configuration renames: "
                                "Invalid rename mapping: foo"));
        QVERIFY_THROWS_EXCEPTION(Api::ConfigException, xform.configure({{"renames", "a:b:c"}}));
        QVERIFY_THROWS_EXCEPTION(Api::ConfigException, xform.configure({{"renames", "a:"}}));
        // Java's split drops trailing empty parts, so "a:b:" is a valid pair.
        QCOMPARE(ReplaceField::parseRenameMappings({"a:b:"}).value("a"), QStringLiteral("b"));
        QCOMPARE(ReplaceField::parseRenameMappings({":b"}).value(""), QStringLiteral("b"));

        const auto results = xform.config().validate({{"renames", "x"}});
        QCOMPARE(results.at(2).name, QStringLiteral("renames"));
        QCOMPARE(
            results.at(2).errorMessages,
            QStringList{"Invalid value [x] for configuration renames: Invalid rename mapping: x"});
    }

    void configDefMatchesKafka()
    {
        const Api::ConfigDef def = ReplaceField(RecordSide::Value).config();
        QCOMPARE(def.names(),
                 (QStringList{"exclude", "include", "renames", "replace.null.with.default"}));
        QCOMPARE(def.key("exclude")->type, Api::ConfigDef::Type::List);
        QCOMPARE(def.key("renames")->defaultValue->toStringList(), QStringList());
        // The removed blacklist/whitelist aliases are not keys any more.
        QVERIFY(!def.contains("blacklist"));
        QVERIFY(!def.contains("whitelist"));
    }
};

QTEST_GUILESS_MAIN(TestReplaceField)
#include "tst_replacefield.moc"
