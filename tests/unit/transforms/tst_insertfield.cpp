// SPDX-License-Identifier: Apache-2.0
// InsertField$Key / $Value: metadata and static fields into structs and maps, optionality
// suffixes, tombstones, sink-only offsets and Kafka's configuration errors.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/insertfield.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

Api::ConfigMap allFields()
{
    return {{"topic.field", "topic_field!"},
            {"partition.field", "partition_field"},
            {"timestamp.field", "timestamp_field?"},
            {"static.field", "instance_id"},
            {"static.value", "my-instance-id"}};
}

} // namespace

class TestInsertField : public QObject
{
    Q_OBJECT

private slots:
    void topLevelStructRequired()
    {
        InsertField xform(RecordSide::Value);
        xform.configure({{"topic.field", "topic_field"}});
        auto record = valueRecord<Api::SourceRecord>(Api::Schema::int32(), Api::Value::int32(42));
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(record); }),
                 QStringLiteral("Only Struct objects supported for [field insertion], found: "
                                "java.lang.Integer"));
        auto schemaless = valueRecord<Api::SourceRecord>(Api::Schema(), Api::Value(QStringLiteral("x")));
        QVERIFY_THROWS_EXCEPTION(Api::DataException, xform.apply(schemaless));
    }

    void copySchemaAndInsertConfiguredFields()
    {
        InsertField xform(RecordSide::Value);
        xform.configure(allFields());
        const auto schema = Api::SchemaBuilder::structBuilder()
                                .name("name")
                                .version(1)
                                .doc("doc")
                                .field("magic", Api::Schema::optionalInt64())
                                .build();
        auto value = Api::Struct::create(schema);
        value->put("magic", Api::Value::int64(42));
        auto record = valueRecord<Api::SourceRecord>(schema, Api::Value(value));
        record.timestamp = 789;
        record.keySchema = Api::Schema::string();
        record.key = Api::Value(QStringLiteral("k"));
        record.sourceOffset.insert(QStringLiteral("pos"), Api::Value::int64(3));
        QVERIFY(xform.apply(record));

        const Api::Schema &out = record.valueSchema;
        QCOMPARE(out.name(), schema.name());
        QCOMPARE(out.version(), schema.version());
        QCOMPARE(out.doc(), schema.doc());
        QCOMPARE(out.fields().size(), 5);
        QCOMPARE(out.field("magic").schema(), Api::Schema::optionalInt64());
        QCOMPARE(out.field("topic_field").schema(), Api::Schema::string());
        QCOMPARE(out.field("partition_field").schema(), Api::Schema::optionalInt32());
        QCOMPARE(out.field("timestamp_field").schema(),
                 Api::Logical::timestampBuilder().optional().build());
        QCOMPARE(out.field("instance_id").schema(), Api::Schema::optionalString());

        const Api::Struct &updated = *record.value.toStruct();
        QCOMPARE(updated.get("magic"), Api::Value::int64(42));
        QCOMPARE(updated.get("topic_field"), Api::Value(QStringLiteral("test")));
        QCOMPARE(updated.get("partition_field"), Api::Value::int32(0));
        QCOMPARE(updated.get("timestamp_field"), Api::Value(Api::Instant{789}));
        QCOMPARE(updated.get("instance_id"), Api::Value(QStringLiteral("my-instance-id")));
        // The rest of the record is untouched.
        QCOMPARE(record.key, Api::Value(QStringLiteral("k")));
        QCOMPARE(record.keySchema, Api::Schema::string());
        QCOMPARE(record.timestamp, std::optional<qint64>(789));
        QCOMPARE(record.sourceOffset.value(QStringLiteral("pos")), Api::Value::int64(3));
        // The input struct itself is not modified.
        QCOMPARE(value->schema(), schema);

        // The derived schema is cached: the same instance comes back.
        auto second = valueRecord<Api::SourceRecord>(schema, Api::Value(Api::Struct::create(schema)));
        second.kafkaPartition = 1;
        xform.apply(second);
        QVERIFY(second.valueSchema.data() == out.data());
    }

    void schemalessInsertConfiguredFields()
    {
        InsertField xform(RecordSide::Value);
        xform.configure(allFields());
        auto record = valueRecord<Api::SourceRecord>(Api::Schema(), entries({{"magic", Api::Value::int64(42)}}));
        record.timestamp = 123;
        xform.apply(record);
        QVERIFY(record.valueSchema.isNull());
        const Api::Value &v = record.value;
        QCOMPARE(v.toMap().size(), size_t(5));
        QCOMPARE(v.mapValue("magic"), Api::Value::int64(42));
        QCOMPARE(v.mapValue("topic_field"), Api::Value(QStringLiteral("test")));
        QCOMPARE(v.mapValue("partition_field"), Api::Value::int32(0));
        QCOMPARE(v.mapValue("timestamp_field"), Api::Value::int64(123));
        QCOMPARE(v.mapValue("instance_id"), Api::Value(QStringLiteral("my-instance-id")));
    }

    void schemalessOverwritesAnExistingEntry()
    {
        InsertField xform(RecordSide::Value);
        xform.configure({{"topic.field", "t"}});
        auto record
            = valueRecord<Api::SourceRecord>(Api::Schema(), entries({{"t", Api::Value(QStringLiteral("old"))}}));
        xform.apply(record);
        QCOMPARE(record.value.toMap().size(), size_t(1));
        QCOMPARE(record.value.mapValue("t"), Api::Value(QStringLiteral("test")));
    }

    void tombstonesLeaveTheValueUnchanged()
    {
        InsertField xform(RecordSide::Value);
        xform.configure(allFields());
        auto schemaless = valueRecord<Api::SourceRecord>(Api::Schema(), Api::Value());
        xform.apply(schemaless);
        QVERIFY(schemaless.value.isNull());
        QVERIFY(schemaless.valueSchema.isNull());

        const auto schema = Api::SchemaBuilder::structBuilder()
                                .name("name")
                                .field("magic", Api::Schema::optionalInt64())
                                .optional()
                                .build();
        auto withSchema = valueRecord<Api::SourceRecord>(schema, Api::Value());
        xform.apply(withSchema);
        QVERIFY(withSchema.value.isNull());
        QCOMPARE(withSchema.valueSchema, schema);
    }

    void insertKeyFieldsIntoTombstoneEvent()
    {
        InsertField xform(RecordSide::Key);
        xform.configure(allFields());
        auto record = valueRecord<Api::SourceRecord>(Api::Schema(), Api::Value());
        record.key = entries({{"magic", Api::Value::int64(42)}});
        xform.apply(record);
        QCOMPARE(record.key.mapValue("magic"), Api::Value::int64(42));
        QCOMPARE(record.key.mapValue("topic_field"), Api::Value(QStringLiteral("test")));
        QCOMPARE(record.key.mapValue("partition_field"), Api::Value::int32(0));
        QCOMPARE(record.key.mapValue("instance_id"), Api::Value(QStringLiteral("my-instance-id")));
        // No timestamp on the record: no entry at all.
        QCOMPARE(record.key.toMap().size(), size_t(4));
        QVERIFY(record.value.isNull());
    }

    void insertIntoNullKeyLeavesRecordUnchanged()
    {
        InsertField xform(RecordSide::Key);
        xform.configure(allFields());
        auto record = valueRecord<Api::SourceRecord>(Api::Schema(), entries({{"magic", Api::Value::int64(42)}}));
        const Api::Value before = record.value;
        xform.apply(record);
        QVERIFY(record.key.isNull());
        QVERIFY(record.keySchema.isNull());
        QCOMPARE(record.value, before);
    }

    void requiredFieldsWithoutMetadataStayUnset()
    {
        // Kafka adds the field to the schema but leaves the slot null when the record lacks it.
        InsertField xform(RecordSide::Value);
        xform.configure({{"partition.field", "p!"}, {"timestamp.field", "ts!"}});
        const auto schema
            = Api::SchemaBuilder::structBuilder().field("a", Api::Schema::int32()).build();
        auto value = Api::Struct::create(schema);
        value->put("a", Api::Value::int32(1));
        auto record = valueRecord<Api::SourceRecord>(schema, Api::Value(value));
        record.kafkaPartition.reset();
        xform.apply(record);
        QCOMPARE(record.valueSchema.field("p").schema(), Api::Schema::int32());
        QCOMPARE(record.valueSchema.field("ts").schema(), Api::Logical::timestampSchema());
        QVERIFY(record.value.toStruct()->getWithoutDefault("p").isNull());
        QVERIFY(record.value.toStruct()->getWithoutDefault("ts").isNull());
    }

    void offsetOnlyForSinkRecords()
    {
        InsertField xform(RecordSide::Value);
        xform.configure({{"offset.field", "offset"}});
        Api::SinkRecord sink;
        sink.topic = QStringLiteral("t");
        sink.kafkaOffset = 77;
        sink.value = entries({});
        xform.apply(sink);
        QCOMPARE(sink.value.mapValue("offset"), Api::Value::int64(77));

        const auto schema = Api::SchemaBuilder::structBuilder().build();
        sink.valueSchema = schema;
        sink.value = Api::Value(Api::Struct::create(schema));
        xform.apply(sink);
        QCOMPARE(sink.valueSchema.field("offset").schema(), Api::Schema::optionalInt64());
        QCOMPARE(sink.value.toStruct()->get("offset"), Api::Value::int64(77));

        auto source = valueRecord<Api::SourceRecord>(Api::Schema(), entries({}));
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(source); }),
                 QStringLiteral("Only SinkRecord supported for [field insertion], found: "
                                "org.apache.kafka.connect.source.SourceRecord"));
    }

    void replaceNullWithDefault_data()
    {
        QTest::addColumn<bool>("replace");
        QTest::newRow("false") << false;
        QTest::newRow("true") << true;
    }

    void replaceNullWithDefault()
    {
        QFETCH(bool, replace);
        const Api::Value expected = replace ? Api::Value::int64(42) : Api::Value();
        InsertField xform(RecordSide::Value);
        Api::ConfigMap props = allFields();
        props.insert(QStringLiteral("replace.null.with.default"), replace ? "true" : "false");
        xform.configure(props);
        const auto magic
            = Api::SchemaBuilder::int64().optional().defaultValue(Api::Value::int64(42)).build();
        const auto schema
            = Api::SchemaBuilder::structBuilder().field("magic_with_default", magic).build();
        auto record = valueRecord<Api::SourceRecord>(schema, Api::Value(Api::Struct::create(schema)));
        xform.apply(record);
        QCOMPARE(record.valueSchema.field("magic_with_default").schema(), magic);
        QCOMPARE(record.value.toStruct()->getWithoutDefault("magic_with_default"), expected);
    }

    void badConfigs()
    {
        InsertField xform(RecordSide::Value);
        QCOMPARE(failureOf<Api::ConfigException>([&] { xform.configure({}); }),
                 QStringLiteral("No field insertion configured"));
        const QString noStaticValue
            = failureOf<Api::ConfigException>([&] { xform.configure({{"static.field", "instance_id"}}); });
        QVERIFY2(noStaticValue.startsWith(
                     QStringLiteral("Invalid value null for configuration static.value: No value "
                                    "specified for static field: "
                                    "org.apache.kafka.connect.transforms.InsertField$InsertionSpec@")),
                 qPrintable(noStaticValue));
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { xform.configure({{"topic.field", "t"}, {"replace.null.with.default", "maybe"}}); }),
                 QStringLiteral("Invalid value maybe for configuration replace.null.with.default: "
                                "Expected value to be either true or false"));
        // An empty static value is a value.
        xform.configure({{"static.field", "s"}, {"static.value", ""}});
    }

    void configDefMatchesKafka()
    {
        const Api::ConfigDef def = InsertField(RecordSide::Key).config();
        QCOMPARE(def.names(),
                 (QStringList{"topic.field", "partition.field", "offset.field", "timestamp.field",
                              "static.field", "static.value", "replace.null.with.default"}));
        for (const Api::ConfigDef::Key &key : def.keys()) {
            QCOMPARE(key.importance, Api::ConfigDef::Importance::Medium);
            QVERIFY(key.hasDefault());
        }
        QCOMPARE(def.key("replace.null.with.default")->defaultValue->toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestInsertField)
#include "tst_insertfield.moc"
