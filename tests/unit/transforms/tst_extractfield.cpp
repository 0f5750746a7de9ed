// SPDX-License-Identifier: Apache-2.0
// ExtractField$Key / $Value: top-level and nested (field.syntax.version=V2) extraction from
// structs and maps, nulls, unknown fields and replace.null.with.default.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/extractfield.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

const Api::ConfigMap NestedMagicFoo{{"field.syntax.version", "V2"}, {"field", "magic.foo"}};

} // namespace

class TestExtractField : public QObject
{
    Q_OBJECT

private slots:
    void schemaless()
    {
        ExtractField xform(RecordSide::Key);
        xform.configure({{"field", "magic"}});
        auto record = keyRecord(Api::Schema(), entries({{"magic", Api::Value::int32(42)}}));
        record.value = Api::Value(QStringLiteral("v"));
        xform.apply(record);
        QVERIFY(record.keySchema.isNull());
        QCOMPARE(record.key, Api::Value::int32(42));
        QCOMPARE(record.value, Api::Value(QStringLiteral("v")));
    }

    void schemalessAndNestedPath()
    {
        ExtractField xform(RecordSide::Key);
        xform.configure(NestedMagicFoo);
        auto record = keyRecord(Api::Schema(),
                                entries({{"magic", entries({{"foo", Api::Value::int32(42)}})}}));
        xform.apply(record);
        QVERIFY(record.keySchema.isNull());
        QCOMPARE(record.key, Api::Value::int32(42));
    }

    void v1ReadsDottedNamesAtTheTop()
    {
        ExtractField xform(RecordSide::Key);
        xform.configure({{"field", "magic.foo"}});
        auto record = keyRecord(Api::Schema(),
                                entries({{"magic.foo", Api::Value::int32(1)},
                                         {"magic", entries({{"foo", Api::Value::int32(2)}})}}));
        xform.apply(record);
        QCOMPARE(record.key, Api::Value::int32(1));
    }

    void nullSchemaless()
    {
        ExtractField xform(RecordSide::Key);
        xform.configure({{"field", "magic"}});
        auto record = keyRecord(Api::Schema(), Api::Value());
        xform.apply(record);
        QVERIFY(record.keySchema.isNull());
        QVERIFY(record.key.isNull());
    }

    void withSchema()
    {
        ExtractField xform(RecordSide::Key);
        xform.configure({{"field", "magic"}});
        const auto schema
            = Api::SchemaBuilder::structBuilder().field("magic", Api::Schema::int32()).build();
        auto key = Api::Struct::create(schema);
        key->put("magic", Api::Value::int32(42));
        auto record = keyRecord(schema, Api::Value(key));
        xform.apply(record);
        QCOMPARE(record.keySchema, Api::Schema::int32());
        QCOMPARE(record.key, Api::Value::int32(42));
    }

    void withSchemaAndNestedPath()
    {
        ExtractField xform(RecordSide::Key);
        xform.configure(NestedMagicFoo);
        const auto foo
            = Api::SchemaBuilder::structBuilder().field("foo", Api::Schema::int32()).build();
        const auto schema = Api::SchemaBuilder::structBuilder().field("magic", foo).build();
        auto inner = Api::Struct::create(foo);
        inner->put("foo", Api::Value::int32(42));
        auto key = Api::Struct::create(schema);
        key->put("magic", Api::Value(inner));
        auto record = keyRecord(schema, Api::Value(key));
        xform.apply(record);
        QCOMPARE(record.keySchema, Api::Schema::int32());
        QCOMPARE(record.key, Api::Value::int32(42));
    }

    void nullWithSchemaNarrowsTheSchema()
    {
        ExtractField xform(RecordSide::Key);
        xform.configure({{"field", "magic"}});
        const auto schema = Api::SchemaBuilder::structBuilder()
                                .field("magic", Api::Schema::int32())
                                .optional()
                                .build();
        auto record = keyRecord(schema, Api::Value());
        xform.apply(record);
        QCOMPARE(record.keySchema, Api::Schema::int32());
        QVERIFY(record.key.isNull());
    }

    void nonExistentFieldSchemalessGivesNull()
    {
        ExtractField xform(RecordSide::Key);
        xform.configure({{"field", "nonexistent"}});
        auto record = keyRecord(Api::Schema(), entries({{"magic", Api::Value::int32(42)}}));
        xform.apply(record);
        QVERIFY(record.keySchema.isNull());
        QVERIFY(record.key.isNull());

        ExtractField nested(RecordSide::Key);
        nested.configure({{"field.syntax.version", "v2"}, {"field", "magic.nonexistent"}});
        auto nestedRecord = keyRecord(
            Api::Schema(), entries({{"magic", entries({{"foo", Api::Value::int32(42)}})}}));
        nested.apply(nestedRecord);
        QVERIFY(nestedRecord.key.isNull());
    }

    void nonExistentFieldWithSchemaFails()
    {
        const auto foo
            = Api::SchemaBuilder::structBuilder().field("foo", Api::Schema::int32()).build();
        const auto schema = Api::SchemaBuilder::structBuilder().field("magic", foo).build();
        auto inner = Api::Struct::create(foo);
        inner->put("foo", Api::Value::int32(42));
        auto key = Api::Struct::create(schema);
        key->put("magic", Api::Value(inner));

        ExtractField top(RecordSide::Key);
        top.configure({{"field", "nonexistent"}});
        auto record = keyRecord(schema, Api::Value(key));
        QCOMPARE(failureOf<Api::IllegalArgumentException>([&] { top.apply(record); }),
                 QStringLiteral("Unknown field: nonexistent"));

        ExtractField nested(RecordSide::Key);
        nested.configure({{"field.syntax.version", "V2"}, {"field", "magic.nonexistent"}});
        auto nestedRecord = keyRecord(schema, Api::Value(key));
        QCOMPARE(failureOf<Api::IllegalArgumentException>([&] { nested.apply(nestedRecord); }),
                 QStringLiteral("Unknown field: magic.nonexistent"));
    }

    void wrongTypes()
    {
        ExtractField xform(RecordSide::Value);
        xform.configure({{"field", "x"}});
        Api::SinkRecord schemaless;
        schemaless.value = Api::Value(QStringLiteral("text"));
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(schemaless); }),
                 QStringLiteral("Only Map objects supported in absence of schema for "
                                "[field extraction], found: java.lang.String"));
        Api::SinkRecord withSchema;
        withSchema.valueSchema = Api::Schema::int32();
        withSchema.value = Api::Value::int32(1);
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(withSchema); }),
                 QStringLiteral("Only Struct objects supported for [field extraction], found: "
                                "java.lang.Integer"));
    }

    void replaceNullWithDefault_data()
    {
        QTest::addColumn<bool>("replace");
        QTest::addColumn<bool>("keySide");
        QTest::newRow("key, false") << false << true;
        QTest::newRow("key, true") << true << true;
        QTest::newRow("value, false") << false << false;
        QTest::newRow("value, true") << true << false;
    }

    void replaceNullWithDefault()
    {
        QFETCH(bool, replace);
        QFETCH(bool, keySide);
        ExtractField xform(keySide ? RecordSide::Key : RecordSide::Value);
        xform.configure({{"field", "optional_with_default"},
                         {"replace.null.with.default", replace ? "true" : "false"}});
        const auto fieldSchema
            = Api::SchemaBuilder::int32().optional().defaultValue(Api::Value::int32(42)).build();
        const auto schema = Api::SchemaBuilder::structBuilder()
                                .field("optional_with_default", fieldSchema)
                                .build();
        Api::SinkRecord record;
        (keySide ? record.keySchema : record.valueSchema) = schema;
        (keySide ? record.key : record.value) = Api::Value(Api::Struct::create(schema));
        xform.apply(record);
        QCOMPARE(keySide ? record.key : record.value,
                 replace ? Api::Value::int32(42) : Api::Value());
        QCOMPARE(keySide ? record.keySchema : record.valueSchema, fieldSchema);
    }

    void badConfigs()
    {
        ExtractField xform(RecordSide::Value);
        QCOMPARE(failureOf<Api::ConfigException>([&] { xform.configure({}); }),
                 QStringLiteral("Missing required configuration \"field\" which has no default value."));
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { xform.configure({{"field", "a"}, {"field.syntax.version", "V3"}}); }),
                 QStringLiteral("Invalid value V3 for configuration field.syntax.version: "
                                "String must be one of (case insensitive): V1, V2"));
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { xform.configure({{"field", "`a.b"}, {"field.syntax.version", "V2"}}); }),
                 QStringLiteral("Incomplete backtick pair in path: [`a.b], consider adding a "
                                "backslash before backtick at position 0 to escape it"));
        // V1 takes any text.
        xform.configure({{"field", "`a.b"}});
        QCOMPARE(xform.config().names(),
                 (QStringList{"field", "replace.null.with.default", "field.syntax.version"}));
    }
};

QTEST_GUILESS_MAIN(TestExtractField)
#include "tst_extractfield.moc"
