// SPDX-License-Identifier: Apache-2.0
// SetSchemaMetadata$Key/$Value: Kafka's SetSchemaMetadataTest cases plus the Key variant,
// nested structs and configuration errors.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/setschemametadata.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

Api::ConfigMap nameAndVersion(const QString &name, const QString &version)
{
    Api::ConfigMap map;
    if (!name.isNull())
        map.insert(QStringLiteral("schema.name"), name);
    if (!version.isNull())
        map.insert(QStringLiteral("schema.version"), version);
    return map;
}

/** Kafka's assertMatchingSchema: the struct carries exactly the record's schema. */
void verifyMatchingSchema(const Api::Value &value, const Api::Schema &schema)
{
    QCOMPARE(value.kind(), Api::Value::Kind::Struct);
    const Api::Struct &s = *value.toStruct();
    QVERIFY(s.schema().data() == schema.data()); // the same object, not just an equal one
    QCOMPARE(s.schema().name(), schema.name());
    for (const Api::Field &field : schema.fields()) {
        QCOMPARE(s.schema().field(field.name()).index(), field.index());
        QCOMPARE(s.schema().field(field.name()).schema(), field.schema());
    }
}

} // namespace

class TestSetSchemaMetadata : public QObject
{
    Q_OBJECT

private slots:
    void schemaNameUpdate()
    {
        SetSchemaMetadata xform(RecordSide::Value);
        xform.configure(nameAndVersion(QStringLiteral("foo"), {}));
        auto record = valueRecord(Api::SchemaBuilder::structBuilder().build(), {});
        QVERIFY(xform.apply(record));
        QCOMPARE(record.valueSchema.name(), QStringLiteral("foo"));
        QVERIFY(!record.valueSchema.version());
    }

    void schemaVersionUpdate()
    {
        SetSchemaMetadata xform(RecordSide::Value);
        xform.configure(nameAndVersion({}, QStringLiteral("42")));
        auto record = valueRecord(Api::SchemaBuilder::structBuilder().name(QStringLiteral("keep")).build(), {});
        QVERIFY(xform.apply(record));
        QCOMPARE(record.valueSchema.version(), std::optional<int>(42));
        QCOMPARE(record.valueSchema.name(), QStringLiteral("keep"));
    }

    void schemaNameAndVersionUpdateWithStruct()
    {
        const auto schema = Api::SchemaBuilder::structBuilder()
                                .name(QStringLiteral("my.orig.SchemaDefn"))
                                .doc(QStringLiteral("kept"))
                                .field(QStringLiteral("f1"), Api::Schema::string())
                                .field(QStringLiteral("f2"), Api::Schema::int32())
                                .build();
        auto value = Api::Struct::create(schema);
        value->put(QStringLiteral("f1"), QStringLiteral("value1")).put(QStringLiteral("f2"), Api::Value::int32(1));
        SetSchemaMetadata xform(RecordSide::Value);
        xform.configure(nameAndVersion(QStringLiteral("foo"), QStringLiteral("42")));
        auto record = valueRecord(schema, Api::Value(value));
        QVERIFY(xform.apply(record));
        QCOMPARE(record.valueSchema.name(), QStringLiteral("foo"));
        QCOMPARE(record.valueSchema.version(), std::optional<int>(42));
        QCOMPARE(record.valueSchema.doc(), QStringLiteral("kept"));
        verifyMatchingSchema(record.value, record.valueSchema);
        QCOMPARE(record.value.toStruct()->get(QStringLiteral("f1")), Api::Value(QStringLiteral("value1")));
        QCOMPARE(record.value.toStruct()->get(QStringLiteral("f2")), Api::Value::int32(1));
        // The input struct is not modified.
        QCOMPARE(value->schema().name(), QStringLiteral("my.orig.SchemaDefn"));
    }

    void nullFieldHonoursReplaceNullWithDefault_data()
    {
        QTest::addColumn<bool>("replaceNullWithDefault");
        QTest::addColumn<QString>("expected");
        QTest::newRow("false keeps null") << false << QString();
        QTest::newRow("true takes the default") << true << QStringLiteral("default");
    }

    void nullFieldHonoursReplaceNullWithDefault()
    {
        QFETCH(bool, replaceNullWithDefault);
        QFETCH(QString, expected);
        const auto schema = Api::SchemaBuilder::structBuilder()
                                .name(QStringLiteral("my.orig.SchemaDefn"))
                                .field(QStringLiteral("f1"), Api::SchemaBuilder::string()
                                                                 .defaultValue(QStringLiteral("default"))
                                                                 .optional()
                                                                 .build())
                                .field(QStringLiteral("f2"), Api::Schema::int32())
                                .build();
        auto value = Api::Struct::create(schema);
        value->put(QStringLiteral("f1"), Api::Value()).put(QStringLiteral("f2"), Api::Value::int32(1));
        SetSchemaMetadata xform(RecordSide::Value);
        auto config = nameAndVersion(QStringLiteral("foo"), QStringLiteral("42"));
        config.insert(QStringLiteral("replace.null.with.default"),
                      replaceNullWithDefault ? QStringLiteral("true") : QStringLiteral("false"));
        xform.configure(config);
        auto record = valueRecord(schema, Api::Value(value));
        QVERIFY(xform.apply(record));
        verifyMatchingSchema(record.value, record.valueSchema);
        const Api::Value f1 = record.value.toStruct()->getWithoutDefault(QStringLiteral("f1"));
        QCOMPARE(f1, expected.isNull() ? Api::Value() : Api::Value(expected));
    }

    void nestedStructsKeepTheirSchemas()
    {
        // Kafka rebuilds only the top-level struct; nested field schemas are unchanged.
        const auto inner = Api::SchemaBuilder::structBuilder()
                               .name(QStringLiteral("inner"))
                               .field(QStringLiteral("x"), Api::Schema::int64())
                               .build();
        const auto outer = Api::SchemaBuilder::structBuilder()
                               .name(QStringLiteral("outer"))
                               .field(QStringLiteral("in"), inner)
                               .build();
        auto innerValue = Api::Struct::create(inner);
        innerValue->put(QStringLiteral("x"), Api::Value::int64(5));
        auto outerValue = Api::Struct::create(outer);
        outerValue->put(QStringLiteral("in"), Api::Value(innerValue));
        SetSchemaMetadata xform(RecordSide::Value);
        xform.configure(nameAndVersion(QStringLiteral("renamed"), {}));
        auto record = valueRecord(outer, Api::Value(outerValue));
        QVERIFY(xform.apply(record));
        verifyMatchingSchema(record.value, record.valueSchema);
        QCOMPARE(record.valueSchema.field(QStringLiteral("in")).schema().name(), QStringLiteral("inner"));
        QCOMPARE(record.value.toStruct()->get(QStringLiteral("in")), Api::Value(innerValue));
    }

    void keyVariantLeavesTheValueAlone()
    {
        const auto keySchema = Api::SchemaBuilder::structBuilder()
                                   .field(QStringLiteral("id"), Api::Schema::int32())
                                   .build();
        auto key = Api::Struct::create(keySchema);
        key->put(QStringLiteral("id"), Api::Value::int32(9));
        Api::SourceRecord record;
        record.topic = QStringLiteral("t");
        record.kafkaPartition = 1;
        record.keySchema = keySchema;
        record.key = Api::Value(key);
        record.valueSchema = Api::Schema::string();
        record.value = QStringLiteral("v");
        record.timestamp = 5;
        record.headers.addString(QStringLiteral("h"), QStringLiteral("x"));
        record.sourceOffset.insert(QStringLiteral("pos"), Api::Value::int64(3));
        const Api::SourceRecord original = record;
        SetSchemaMetadata xform(RecordSide::Key);
        xform.configure(nameAndVersion(QStringLiteral("key.name"), QStringLiteral("2")));
        QVERIFY(xform.apply(record));
        QCOMPARE(record.keySchema.name(), QStringLiteral("key.name"));
        QCOMPARE(record.keySchema.version(), std::optional<int>(2));
        verifyMatchingSchema(record.key, record.keySchema);
        QCOMPARE(record.valueSchema, original.valueSchema);
        QCOMPARE(record.value, original.value);
        QCOMPARE(record.topic, original.topic);
        QCOMPARE(record.kafkaPartition, original.kafkaPartition);
        QCOMPARE(record.timestamp, original.timestamp);
        QCOMPARE(record.headers, original.headers);
        QCOMPARE(record.sourceOffset, original.sourceOffset);
    }

    void valueSchemaRequired()
    {
        SetSchemaMetadata xform(RecordSide::Value);
        xform.configure(nameAndVersion(QStringLiteral("foo"), {}));
        auto record = valueRecord({}, Api::Value::int32(42));
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(record); }),
                 QStringLiteral("Schema required for [updating schema metadata]"));
    }

    void ignoreRecordWithNullValue()
    {
        SetSchemaMetadata xform(RecordSide::Value);
        xform.configure(nameAndVersion(QStringLiteral("foo"), {}));
        auto record = valueRecord({}, {});
        QVERIFY(xform.apply(record));
        QVERIFY(record.valueSchema.isNull());
        QVERIFY(record.value.isNull());
        QVERIFY(record.keySchema.isNull());
        QVERIFY(record.key.isNull());
    }

    void tombstoneWithSchemaIsRenamed()
    {
        SetSchemaMetadata xform(RecordSide::Value);
        xform.configure(nameAndVersion(QStringLiteral("foo"), {}));
        auto record = valueRecord(Api::SchemaBuilder::structBuilder().optional().build(), {});
        QVERIFY(xform.apply(record));
        QCOMPARE(record.valueSchema.name(), QStringLiteral("foo"));
        QVERIFY(record.valueSchema.isOptional());
        QVERIFY(record.value.isNull());
    }

    void nonStructSchemaFailsAsInKafka()
    {
        // Kafka copies schema.fields() unconditionally, which throws for non-struct schemas.
        SetSchemaMetadata xform(RecordSide::Value);
        xform.configure(nameAndVersion(QStringLiteral("foo"), {}));
        auto record = valueRecord(Api::Schema::string(), QStringLiteral("x"));
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(record); }),
                 QStringLiteral("Cannot list fields on non-struct type"));
    }

    void updateSchemaIn()
    {
        SetSchemaMetadata xform(RecordSide::Value);
        const auto schema = Api::SchemaBuilder::structBuilder()
                                .name(QStringLiteral("my.orig.SchemaDefn"))
                                .field(QStringLiteral("f1"), Api::Schema::string())
                                .field(QStringLiteral("f2"), Api::Schema::int32())
                                .build();
        auto value = Api::Struct::create(schema);
        value->put(QStringLiteral("f1"), QStringLiteral("value1")).put(QStringLiteral("f2"), Api::Value::int32(1));
        const auto newSchema = Api::SchemaBuilder::structBuilder()
                                   .name(QStringLiteral("my.updated.SchemaDefn"))
                                   .field(QStringLiteral("f1"), Api::Schema::string())
                                   .field(QStringLiteral("f2"), Api::Schema::int32())
                                   .build();
        verifyMatchingSchema(xform.updateSchemaIn(Api::Value(value), newSchema), newSchema);
        QCOMPARE(xform.updateSchemaIn(Api::Value::int32(1), Api::Schema::int32()), Api::Value::int32(1));
        QVERIFY(xform.updateSchemaIn(Api::Value(), Api::Schema::int32()).isNull());
    }

    void configErrors()
    {
        SetSchemaMetadata xform(RecordSide::Value);
        QCOMPARE(failureOf<Api::ConfigException>([&] { xform.configure({}); }),
                 QStringLiteral("Neither schema name nor version configured"));
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { xform.configure(nameAndVersion({}, QStringLiteral("x"))); }),
                 QStringLiteral("Invalid value x for configuration schema.version: Not a number of type INT"));
        const auto def = xform.config();
        QCOMPARE(def.names(), (QStringList{QStringLiteral("schema.name"), QStringLiteral("schema.version"),
                                           QStringLiteral("replace.null.with.default")}));
    }
};

QTEST_GUILESS_MAIN(TestSetSchemaMetadata)
#include "tst_setschemametadata.moc"
