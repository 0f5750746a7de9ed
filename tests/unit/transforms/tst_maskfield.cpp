// SPDX-License-Identifier: Apache-2.0
// MaskField$Key / $Value: empty values per type, custom replacements, unsupported types,
// null values and Kafka's configuration errors.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/maskfield.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

Api::Schema maskSchema()
{
    return Api::SchemaBuilder::structBuilder()
        .field("magic", Api::Schema::int32())
        .field("bool", Api::Schema::boolean())
        .field("byte", Api::Schema::int8())
        .field("short", Api::Schema::int16())
        .field("int", Api::Schema::int32())
        .field("long", Api::Schema::int64())
        .field("float", Api::Schema::float32())
        .field("double", Api::Schema::float64())
        .field("string", Api::Schema::string())
        .field("date", Api::Logical::dateSchema())
        .field("time", Api::Logical::timeSchema())
        .field("timestamp", Api::Logical::timestampSchema())
        .field("decimal", Api::Logical::decimalSchema(0))
        .field("array", Api::SchemaBuilder::array(Api::Schema::int32()).build())
        .field("map", Api::SchemaBuilder::map(Api::Schema::string(), Api::Schema::string()).build())
        .field("withDefault",
               Api::SchemaBuilder::string().optional().defaultValue(Api::Value("default")).build())
        .build();
}

Api::StructPtr structValues()
{
    auto v = Api::Struct::create(maskSchema());
    v->put("magic", Api::Value::int32(42));
    v->put("bool", Api::Value(true));
    v->put("byte", Api::Value::int8(42));
    v->put("short", Api::Value::int16(42));
    v->put("int", Api::Value::int32(42));
    v->put("long", Api::Value::int64(42));
    v->put("float", Api::Value::float32(42));
    v->put("double", Api::Value::float64(42));
    v->put("string", Api::Value(QStringLiteral("hmm")));
    v->put("date", Api::Value(Api::Instant{86400000}));
    v->put("time", Api::Value(Api::Instant{1000}));
    v->put("timestamp", Api::Value(Api::Instant{1234567}));
    v->put("decimal", Api::Value(Api::Decimal::fromInt64(42)));
    v->put("array", Api::Value(Api::ValueList{Api::Value::int32(1), Api::Value::int32(2),
                                              Api::Value::int32(3)}));
    v->put("map", Api::Value(Api::ValueMap{{Api::Value("what"), Api::Value("what")}}));
    return v;
}

Api::Value mapValues()
{
    Api::ValueMap m;
    auto add = [&m](const char *k, const Api::Value &v) {
        m.emplace_back(Api::Value(k), v);
    };
    add("magic", Api::Value::int32(42));
    add("bool", Api::Value(true));
    add("byte", Api::Value::int8(42));
    add("short", Api::Value::int16(42));
    add("int", Api::Value::int32(42));
    add("long", Api::Value::int64(42));
    add("float", Api::Value::float32(42));
    add("double", Api::Value::float64(42));
    add("string", Api::Value(QStringLiteral("55.121.20.20")));
    add("date", Api::Value(Api::Instant{1700000000000}));
    add("bigdec", Api::Value(Api::Decimal::fromString(u"42.0")));
    add("list", Api::Value(Api::ValueList{Api::Value::int32(42)}));
    add("map", Api::Value(Api::ValueMap{{Api::Value("key"), Api::Value("value")}}));
    add("bytes", Api::Value(QByteArray("x")));
    add("nothing", Api::Value());
    return Api::Value(std::move(m));
}

std::unique_ptr<MaskField> transform(const QString &fields, const QString &replacement = QString())
{
    auto xform = std::make_unique<MaskField>(RecordSide::Value);
    Api::ConfigMap props{{"fields", fields}, {"replace.null.with.default", "false"}};
    if (!replacement.isNull())
        props.insert(QStringLiteral("replacement"), replacement);
    xform->configure(props);
    return xform;
}

Api::SinkRecord record(const Api::Schema &schema, const Api::Value &value)
{
    return makeRecord(QStringLiteral("t"), {Api::Schema(), Api::Value(QStringLiteral("key"))},
                      {schema, value});
}

Api::Value maskedSchemaless(const QString &fields, const QString &replacement, const char *field)
{
    auto r = record(Api::Schema(), mapValues());
    transform(fields, replacement)->apply(r);
    return r.value.mapValue(QString::fromLatin1(field));
}

Api::Value maskedWithSchema(const QString &fields, const QString &replacement, const char *field)
{
    auto r = record(maskSchema(), Api::Value(structValues()));
    transform(fields, replacement)->apply(r);
    return r.value.toStruct()->get(QString::fromLatin1(field));
}


} // namespace

class TestMaskField : public QObject
{
    Q_OBJECT

private slots:
    void schemaless()
    {
        auto r = record(Api::Schema(), mapValues());
        transform(
            "bool,byte,short,int,long,float,double,string,date,bigdec,list,map,nothing,absent")
            ->apply(r);
        const Api::Value &v = r.value;
        QCOMPARE(v.mapValue("magic"), Api::Value::int32(42));
        QCOMPARE(v.mapValue("bool"), Api::Value(false));
        QCOMPARE(v.mapValue("byte"), Api::Value::int8(0));
        QCOMPARE(v.mapValue("short"), Api::Value::int16(0));
        QCOMPARE(v.mapValue("int"), Api::Value::int32(0));
        QCOMPARE(v.mapValue("long"), Api::Value::int64(0));
        QCOMPARE(v.mapValue("float"), Api::Value::float32(0));
        QCOMPARE(v.mapValue("double"), Api::Value::float64(0));
        QCOMPARE(v.mapValue("string"), Api::Value(QString(QLatin1String(""))));
        QCOMPARE(v.mapValue("date"), Api::Value(Api::Instant{0}));
        QCOMPARE(v.mapValue("bigdec"), Api::Value(Api::Decimal::fromInt64(0)));
        QCOMPARE(v.mapValue("list"), Api::Value(Api::ValueList()));
        QCOMPARE(v.mapValue("map"), Api::Value(Api::ValueMap()));
        QVERIFY(v.mapValue("nothing").isNull());
        // A listed field the map lacks gets a null entry, as Kafka's map.put does.
        QCOMPARE(v.toMap().size(), mapValues().toMap().size() + 1);
        QCOMPARE(v.toMap().back().first, Api::Value("absent"));
        QVERIFY(v.toMap().back().second.isNull());
        // The other side of the record stays.
        QCOMPARE(r.key, Api::Value(QStringLiteral("key")));
    }

    void withSchema()
    {
        const auto schema = maskSchema();
        QStringList fields;
        for (const Api::Field &f : schema.fields()) {
            if (f.name() != QLatin1String("magic"))
                fields.append(f.name());
        }
        auto r = record(schema, Api::Value(structValues()));
        transform(fields.join(','))->apply(r);
        QCOMPARE(r.valueSchema, schema);
        const Api::Struct &v = *r.value.toStruct();
        QCOMPARE(v.get("magic"), Api::Value::int32(42));
        QCOMPARE(v.get("bool"), Api::Value(false));
        QCOMPARE(v.get("byte"), Api::Value::int8(0));
        QCOMPARE(v.get("short"), Api::Value::int16(0));
        QCOMPARE(v.get("int"), Api::Value::int32(0));
        QCOMPARE(v.get("long"), Api::Value::int64(0));
        QCOMPARE(v.get("float"), Api::Value::float32(0));
        QCOMPARE(v.get("double"), Api::Value::float64(0));
        QCOMPARE(v.get("string"), Api::Value(QString(QLatin1String(""))));
        QCOMPARE(v.get("date"), Api::Value(Api::Instant{0}));
        QCOMPARE(v.get("time"), Api::Value(Api::Instant{0}));
        QCOMPARE(v.get("timestamp"), Api::Value(Api::Instant{0}));
        QCOMPARE(v.get("decimal"), Api::Value(Api::Decimal::fromInt64(0)));
        QCOMPARE(v.get("array"), Api::Value(Api::ValueList()));
        QCOMPARE(v.get("map"), Api::Value(Api::ValueMap()));
        QVERIFY(v.getWithoutDefault("withDefault").isNull());
    }

    void nullFieldWithDefaultIsMaskedWhenDefaultsAreRead()
    {
        MaskField xform(RecordSide::Value);
        xform.configure({{"fields", "withDefault"}});
        auto r = record(maskSchema(), Api::Value(structValues()));
        xform.apply(r);
        QCOMPARE(r.value.toStruct()->getWithoutDefault("withDefault"),
                 Api::Value(QString(QLatin1String(""))));
    }

    void schemalessWithReplacement()
    {
        QCOMPARE(maskedSchemaless("short", "123", "short"), Api::Value::int16(123));
        QCOMPARE(maskedSchemaless("byte", "123", "byte"), Api::Value::int8(123));
        QCOMPARE(maskedSchemaless("int", "123", "int"), Api::Value::int32(123));
        QCOMPARE(maskedSchemaless("long", "123", "long"), Api::Value::int64(123));
        QCOMPARE(maskedSchemaless("float", "123.0", "float"), Api::Value::float32(123));
        QCOMPARE(maskedSchemaless("double", "123.0", "double"), Api::Value::float64(123));
        QCOMPARE(maskedSchemaless("string", "123", "string"), Api::Value(QStringLiteral("123")));
        QCOMPARE(maskedSchemaless("bigdec", "123.0", "bigdec"),
                 Api::Value(Api::Decimal::fromString(u"123.0")));
        // Untouched fields keep their values.
        QCOMPARE(maskedSchemaless("short", "123", "int"), Api::Value::int32(42));
    }

    void withSchemaAndReplacement()
    {
        QCOMPARE(maskedWithSchema("short", "123", "short"), Api::Value::int16(123));
        QCOMPARE(maskedWithSchema("byte", "123", "byte"), Api::Value::int8(123));
        QCOMPARE(maskedWithSchema("int", "123", "int"), Api::Value::int32(123));
        QCOMPARE(maskedWithSchema("long", "123", "long"), Api::Value::int64(123));
        QCOMPARE(maskedWithSchema("float", "123.0", "float"), Api::Value::float32(123));
        QCOMPARE(maskedWithSchema("double", "123.0", "double"), Api::Value::float64(123));
        QCOMPARE(maskedWithSchema("string", "123", "string"), Api::Value(QStringLiteral("123")));
        QCOMPARE(maskedWithSchema("decimal", "123.0", "decimal"),
                 Api::Value(Api::Decimal::fromString(u"123.0")));
    }

    void unsupportedReplacementTypes()
    {
        QCOMPARE(failureOf<Api::DataException>([] { maskedSchemaless("date", "x", "date"); }),
                 QStringLiteral("Cannot mask value of type class java.util.Date with custom replacement."));
        QCOMPARE(failureOf<Api::DataException>([] { maskedSchemaless("bool", "false", "bool"); }),
                 QStringLiteral("Cannot mask value of type class java.lang.Boolean with custom replacement."));
        QVERIFY(failureOf<Api::DataException>([] {
                    maskedSchemaless("int,date", "1", "int");
                }).startsWith(QStringLiteral("Cannot mask value of type")));
        QVERIFY(failureOf<Api::DataException>([] {
                    maskedSchemaless("list", "[123]", "list");
                }).startsWith(QStringLiteral("Cannot mask value of type class java.util.")));
        QVERIFY(failureOf<Api::DataException>([] {
                    maskedSchemaless("map", "{}", "map");
                }).startsWith(QStringLiteral("Cannot mask value of type class java.util.")));
        QCOMPARE(failureOf<Api::DataException>([] { maskedWithSchema("time", "x", "time"); }),
                 QStringLiteral("Cannot mask value of type class java.util.Date with custom replacement."));
        QCOMPARE(failureOf<Api::DataException>([] { maskedWithSchema("timestamp", "x", "timestamp"); }),
                 QStringLiteral("Cannot mask value of type class java.util.Date with custom replacement."));
        QVERIFY(failureOf<Api::DataException>([] {
                    maskedWithSchema("array", "1", "array");
                }).startsWith(QStringLiteral("Cannot mask value of type class java.util.")));
    }

    void unmaskableTypes()
    {
        QCOMPARE(failureOf<Api::DataException>([] { maskedSchemaless("bytes", QString(), "bytes"); }),
                 QStringLiteral("Cannot mask value of type: class [B"));
    }

    void replacementTypeMismatch()
    {
        for (const char *field : {"byte", "short", "int", "long", "float", "double", "bigdec"}) {
            const QString message
                = failureOf<Api::DataException>([field] { maskedSchemaless(field, "foo", field); });
            QVERIFY2(message.startsWith(QStringLiteral("Unable to convert foo ")),
                     qPrintable(message));
        }
        QCOMPARE(failureOf<Api::DataException>([] { maskedSchemaless("bigdec", "foo", "bigdec"); }),
                 QStringLiteral("Unable to convert foo (class java.lang.String) to number"));
        QVERIFY(failureOf<Api::DataException>([] {
                    maskedSchemaless("string,int", "foo", "int");
                }).startsWith(QStringLiteral("Unable to convert foo")));
    }

    void nullAndTombstoneValuesFail()
    {
        MaskField xform(RecordSide::Value);
        xform.configure({{"fields", "a"}});
        auto schemaless = record(Api::Schema(), Api::Value());
        QCOMPARE(
            failureOf<Api::DataException>([&] { xform.apply(schemaless); }),
            QStringLiteral("Only Map objects supported in absence of schema for [mask fields], found: null"));
        auto withSchema = record(maskSchema(), Api::Value());
        QCOMPARE(failureOf<Api::DataException>([&] { xform.apply(withSchema); }),
                 QStringLiteral("Only Struct objects supported for [mask fields], found: null"));
    }

    void keySide()
    {
        MaskField xform(RecordSide::Key);
        xform.configure({{"fields", "int"}});
        auto r = record(Api::Schema(), mapValues());
        r.key = mapValues();
        xform.apply(r);
        QCOMPARE(r.key.mapValue("int"), Api::Value::int32(0));
        QCOMPARE(r.value.mapValue("int"), Api::Value::int32(42));
    }

    void badConfigs()
    {
        MaskField xform(RecordSide::Value);
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { xform.configure({{"fields", "short"}, {"replacement", ""}}); }),
                 QStringLiteral("Invalid value  for configuration replacement: String must be non-empty"));
        QCOMPARE(failureOf<Api::ConfigException>([&] { xform.configure({{"fields", ""}}); }),
                 QStringLiteral("Invalid value [] for configuration fields: Empty list"));
        QCOMPARE(failureOf<Api::ConfigException>([&] { xform.configure({}); }),
                 QStringLiteral("Missing required configuration \"fields\" which has no default value."));
        const Api::ConfigDef def = xform.config();
        QCOMPARE(def.names(), (QStringList{"fields", "replacement", "replace.null.with.default"}));
        QCOMPARE(def.key("fields")->importance, Api::ConfigDef::Importance::High);
        QCOMPARE(def.key("replacement")->importance, Api::ConfigDef::Importance::Low);
        QCOMPARE(def.key("fields")->validator.description, QStringLiteral("non-empty list"));
    }
};

QTEST_GUILESS_MAIN(TestMaskField)
#include "tst_maskfield.moc"
