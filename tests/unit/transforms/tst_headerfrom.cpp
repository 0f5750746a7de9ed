// SPDX-License-Identifier: Apache-2.0
// HeaderFrom$Key/$Value: the cases of Kafka's HeaderFromTest, schemaless and with schema, for
// both variants, plus null and missing-field handling and configuration errors.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/headerfrom.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

/** Fields of the operated key or value plus the record's headers (Kafka's RecordBuilder). */
struct RecordSpec
{
    QList<std::tuple<QString, Api::Schema, Api::Value>> fields;
    QList<Api::Header> headers;

    RecordSpec &withField(const QString &name, const Api::Schema &schema, const Api::Value &value)
    {
        fields.append({name, schema, value});
        return *this;
    }
    RecordSpec &addHeader(const QString &key, const Api::Schema &schema, const Api::Value &value)
    {
        headers.append({key, schema, value});
        return *this;
    }

    Api::SourceRecord record(bool key, const Api::Schema &schema, const Api::Value &operated, bool headerSchemas) const
    {
        const Api::SchemaAndValue side{schema, operated};
        auto r = key ? headerTestRecord(side, {Api::Schema(), Api::Value(QStringLiteral("value"))})
                     : headerTestRecord({Api::Schema(), Api::Value(QStringLiteral("key"))}, side);
        for (const auto &h : headers)
            r.headers.add(h.key, headerSchemas ? h.schema : Api::Schema(), h.value);
        return r;
    }

    Api::SourceRecord schemaless(bool key) const
    {
        Api::ValueMap map;
        for (const auto &[name, schema, value] : fields)
            map.emplace_back(Api::Value(name), value);
        return record(key, {}, Api::Value(std::move(map)), false); // schemaless headers have no schema
    }

    Api::SourceRecord withSchema(bool key) const
    {
        Api::SchemaBuilder builder = Api::SchemaBuilder::structBuilder();
        for (const auto &[name, schema, value] : fields)
            builder.field(name, schema);
        const Api::Schema schema = builder.build();
        auto s = Api::Struct::create(schema);
        for (const auto &[name, fieldSchema, value] : fields)
            s->put(name, value);
        return record(key, schema, Api::Value(s), true);
    }
};

Api::ConfigMap config(const QString &fields, const QString &headers, const QString &operation, bool replaceNull = true)
{
    return {{QStringLiteral("fields"), fields},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("operation"), operation},
            {QStringLiteral("replace.null.with.default"), replaceNull ? QStringLiteral("true") : QStringLiteral("false")}};
}

void verifySameRecord(const Api::SourceRecord &expected, const Api::SourceRecord &actual)
{
    verifySameExceptHeaders(expected, actual);
    QCOMPARE(actual.headers.toString(), expected.headers.toString());
    QCOMPARE(actual.headers, expected.headers);
}

Api::Schema optionalStringWithDefault()
{
    return Api::SchemaBuilder::string().defaultValue(QStringLiteral("default")).optional().build();
}

} // namespace

Q_DECLARE_METATYPE(RecordSpec)

class TestHeaderFrom : public QObject
{
    Q_OBJECT

private slots:
    void kafkaCases_data()
    {
        QTest::addColumn<bool>("keyTransform");
        QTest::addColumn<RecordSpec>("original");
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QString>("headers");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<bool>("replaceNull");
        QTest::addColumn<RecordSpec>("expected");
        const Api::Schema str = Api::Schema::string();
        const Api::Schema structSchema = Api::SchemaBuilder::structBuilder().field(QStringLiteral("foo"), str).build();
        auto structValue = Api::Struct::create(structSchema);
        structValue->put(QStringLiteral("foo"), QStringLiteral("foo-value"));
        const Api::Value s(structValue);
        const Api::Schema opt = optionalStringWithDefault();
        for (bool key : {true, false}) {
            const char *side = key ? "key: " : "value: ";
            auto base = [&] {
                return RecordSpec()
                    .withField(QStringLiteral("field1"), str, QStringLiteral("field1-value"))
                    .withField(QStringLiteral("field2"), str, QStringLiteral("field2-value"));
            };
            QTest::addRow("%sbasic copy", side)
                << key << base().addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                << "field1" << "inserted1" << "copy" << true
                << base()
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), str, QStringLiteral("field1-value"));
            QTest::addRow("%sbasic move", side)
                << key << base().addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                << "field1" << "inserted1" << "move" << true
                << RecordSpec()
                       .withField(QStringLiteral("field2"), str, QStringLiteral("field2-value"))
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), str, QStringLiteral("field1-value"));
            QTest::addRow("%scopy with preexisting header", side)
                << key << base().addHeader(QStringLiteral("inserted1"), str, QStringLiteral("existing-value"))
                << "field1" << "inserted1" << "copy" << true
                << base()
                       .addHeader(QStringLiteral("inserted1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), str, QStringLiteral("field1-value"));
            QTest::addRow("%smove with preexisting header", side)
                << key << base().addHeader(QStringLiteral("inserted1"), str, QStringLiteral("existing-value"))
                << "field1" << "inserted1" << "move" << true
                << RecordSpec()
                       .withField(QStringLiteral("field2"), str, QStringLiteral("field2-value"))
                       .addHeader(QStringLiteral("inserted1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), str, QStringLiteral("field1-value"));
            QTest::addRow("%scopy with struct value", side)
                << key
                << RecordSpec()
                       .withField(QStringLiteral("field1"), structSchema, s)
                       .withField(QStringLiteral("field2"), str, QStringLiteral("field2-value"))
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                << "field1" << "inserted1" << "copy" << true
                << RecordSpec()
                       .withField(QStringLiteral("field1"), structSchema, s)
                       .withField(QStringLiteral("field2"), str, QStringLiteral("field2-value"))
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), structSchema, s);
            QTest::addRow("%smove with struct value", side)
                << key
                << RecordSpec()
                       .withField(QStringLiteral("field1"), structSchema, s)
                       .withField(QStringLiteral("field2"), str, QStringLiteral("field2-value"))
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                << "field1" << "inserted1" << "move" << true
                << RecordSpec()
                       .withField(QStringLiteral("field2"), str, QStringLiteral("field2-value"))
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), structSchema, s);
            QTest::addRow("%stwo headers from same field", side)
                << key << base().addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                << "field1,field1" << "inserted1,inserted2" << "move" << true
                << RecordSpec()
                       .withField(QStringLiteral("field2"), str, QStringLiteral("field2-value"))
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), str, QStringLiteral("field1-value"))
                       .addHeader(QStringLiteral("inserted2"), str, QStringLiteral("field1-value"));
            QTest::addRow("%stwo fields to same header", side)
                << key << base().addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                << "field1,field2" << "inserted1,inserted1" << "move" << true
                << RecordSpec()
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), str, QStringLiteral("field1-value"))
                       .addHeader(QStringLiteral("inserted1"), str, QStringLiteral("field2-value"));
            auto withNull = [&] {
                return RecordSpec()
                    .withField(QStringLiteral("field1"), opt, QStringLiteral("field1-value"))
                    .withField(QStringLiteral("field2"), opt, Api::Value());
            };
            QTest::addRow("%scopy null field without default", side)
                << key << withNull().addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                << "field1,field2" << "inserted1,inserted2" << "copy" << false
                << withNull()
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), opt, QStringLiteral("field1-value"))
                       .addHeader(QStringLiteral("inserted2"), opt, Api::Value());
            QTest::addRow("%smove null field without default", side)
                << key << withNull().addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                << "field1,field2" << "inserted1,inserted2" << "move" << false
                << RecordSpec()
                       .addHeader(QStringLiteral("header1"), str, QStringLiteral("existing-value"))
                       .addHeader(QStringLiteral("inserted1"), opt, QStringLiteral("field1-value"))
                       .addHeader(QStringLiteral("inserted2"), opt, Api::Value());
        }
    }

    void kafkaCases()
    {
        QFETCH(bool, keyTransform);
        QFETCH(RecordSpec, original);
        QFETCH(QString, fields);
        QFETCH(QString, headers);
        QFETCH(QString, operation);
        QFETCH(bool, replaceNull);
        QFETCH(RecordSpec, expected);
        const RecordSide side = keyTransform ? RecordSide::Key : RecordSide::Value;
        {
            HeaderFrom xform(side);
            xform.configure(config(fields, headers, operation, replaceNull));
            Api::SourceRecord record = original.schemaless(keyTransform);
            QVERIFY(xform.apply(record));
            verifySameRecord(expected.schemaless(keyTransform), record);
        }
        {
            HeaderFrom xform(side);
            xform.configure(config(fields, headers, operation, replaceNull));
            Api::SourceRecord record = original.withSchema(keyTransform);
            QVERIFY(xform.apply(record));
            verifySameRecord(expected.withSchema(keyTransform), record);
            // Applying again hits the cached move schema and gives the same result.
            Api::SourceRecord again = original.withSchema(keyTransform);
            QVERIFY(xform.apply(again));
            verifySameRecord(expected.withSchema(keyTransform), again);
        }
    }

    void replaceNullWithDefaultReadsTheDefault()
    {
        const RecordSpec spec = RecordSpec().withField(QStringLiteral("f"), optionalStringWithDefault(), Api::Value());
        HeaderFrom xform(RecordSide::Value);
        xform.configure(config(QStringLiteral("f"), QStringLiteral("h"), QStringLiteral("move"), true));
        Api::SourceRecord record = spec.withSchema(false);
        QVERIFY(xform.apply(record));
        QCOMPARE(record.headers.lastWithName(QStringLiteral("h"))->value, Api::Value(QStringLiteral("default")));
    }

    void schemalessMissingFieldGivesNullHeader()
    {
        HeaderFrom xform(RecordSide::Value);
        xform.configure(config(QStringLiteral("absent"), QStringLiteral("h"), QStringLiteral("copy")));
        Api::SourceRecord record = RecordSpec().withField(QStringLiteral("f"), {}, Api::Value::int32(1)).schemaless(false);
        QVERIFY(xform.apply(record));
        QCOMPARE(record.headers.size(), 1);
        QVERIFY(record.headers.lastWithName(QStringLiteral("h"))->value.isNull());
        QVERIFY(record.headers.lastWithName(QStringLiteral("h"))->schema.isNull());
    }

    void missingFieldWithSchemaFails()
    {
        HeaderFrom xform(RecordSide::Value);
        xform.configure(config(QStringLiteral("absent"), QStringLiteral("h"), QStringLiteral("copy")));
        Api::SourceRecord record =
            RecordSpec().withField(QStringLiteral("f"), Api::Schema::int32(), Api::Value::int32(1)).withSchema(false);
        const Api::SourceRecord original = record;
        QVERIFY_THROWS_EXCEPTION(Api::DataException, xform.apply(record));
        QCOMPARE(record.headers, original.headers);
        QCOMPARE(record.value, original.value);
    }

    void nullValueFails_data()
    {
        QTest::addColumn<bool>("withSchema");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("message");
        QTest::newRow("schemaless move") << false << "move"
                                         << "Only Map objects supported in absence of schema for [header move], found: null";
        QTest::newRow("with schema copy") << true << "copy" << "Only Struct objects supported for [header copy], found: null";
    }

    void nullValueFails()
    {
        QFETCH(bool, withSchema);
        QFETCH(QString, operation);
        QFETCH(QString, message);
        HeaderFrom xform(RecordSide::Value);
        xform.configure(config(QStringLiteral("f"), QStringLiteral("h"), operation));
        Api::SinkRecord tombstone;
        tombstone.topic = QStringLiteral("t");
        if (withSchema)
            tombstone.valueSchema = Api::SchemaBuilder::structBuilder().optional().build();
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(tombstone); }),
                 message);
    }

    void wrongTypeFails()
    {
        HeaderFrom xform(RecordSide::Key);
        xform.configure(config(QStringLiteral("f"), QStringLiteral("h"), QStringLiteral("copy")));
        Api::SinkRecord record;
        record.key = QStringLiteral("plain");
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(record); }),
                 QStringLiteral("Only Map objects supported in absence of schema for [header copy], "
                                "found: java.lang.String"));
    }

    void configErrors_data()
    {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QString>("headers");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("message");
        QTest::newRow("extra header") << "foo,bar" << "foo" << "copy"
                                      << "'fields' config must have the same number of elements as 'headers' config.";
        QTest::newRow("extra field") << "foo" << "foo,bar" << "copy"
                                     << "'fields' config must have the same number of elements as 'headers' config.";
        QTest::newRow("empty lists") << "" << "" << "copy" << "Invalid value [] for configuration fields: Empty list";
        QTest::newRow("bad operation") << "a" << "b" << "swap"
                                       << "Invalid value swap for configuration operation: String must be one of: move, copy";
    }

    void configErrors()
    {
        QFETCH(QString, fields);
        QFETCH(QString, headers);
        QFETCH(QString, operation);
        QFETCH(QString, message);
        for (RecordSide side : {RecordSide::Key, RecordSide::Value}) {
            HeaderFrom xform(side);
            QCOMPARE(failureOf<Api::ConfigException>(
                         [&] { xform.configure(config(fields, headers, operation)); }),
                     message);
        }
        QCOMPARE(failureOf<Api::ConfigException>([] {
                     HeaderFrom(RecordSide::Value).configure({{QStringLiteral("headers"), QStringLiteral("h")},
                                                              {QStringLiteral("operation"), QStringLiteral("copy")}});
                 }),
                 QStringLiteral("Missing required configuration \"fields\" which has no default value."));
    }

    void configDefinition()
    {
        const auto def = HeaderFrom(RecordSide::Value).config();
        QCOMPARE(def.names(), (QStringList{QStringLiteral("fields"), QStringLiteral("headers"), QStringLiteral("operation"),
                                           QStringLiteral("replace.null.with.default")}));
        QCOMPARE(def.key(QStringLiteral("fields"))->validator.description, QStringLiteral("non-empty list"));
        QCOMPARE(def.key(QStringLiteral("operation"))->validator.description, QStringLiteral("[move, copy]"));
    }
};

QTEST_GUILESS_MAIN(TestHeaderFrom)
#include "tst_headerfrom.moc"
