// SPDX-License-Identifier: Apache-2.0
// TimestampConverter$Key / $Value: Kafka's TimestampConverterTest cases.
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/timestampconverter.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;
using Api::Schema;
using Api::SchemaBuilder;
using Api::Value;

namespace {

constexpr qint64 DatePlusTime = 86401234; // 1970-01-02T00:00:01.234Z
const Value DatePlusTimeValue(Api::Instant{DatePlusTime});
const Value DateValue(Api::Instant{86400000});
const Value TimeValue(Api::Instant{1234});
const char StringFormat[] = "yyyy MM dd HH mm ss SSS z";
const char DatePlusTimeString[] = "1970 01 02 00 00 01 234 UTC";

std::unique_ptr<TimestampConverter> configured(RecordSide side, Api::ConfigMap configs)
{
    auto converter = std::make_unique<TimestampConverter>(side);
    converter->configure(configs);
    return converter;
}

std::unique_ptr<TimestampConverter> to(const char *target, Api::ConfigMap more = {})
{
    more.insert(QStringLiteral("target.type"), QString::fromLatin1(target));
    return configured(RecordSide::Value, more);
}

/** The converted schema and value. */
Api::SchemaAndValue convert(TimestampConverter &converter, const Schema &schema, const Value &value)
{
    auto record = valueRecord<Api::SourceRecord>(schema, value);
    converter.apply(record);
    return {record.valueSchema, record.value};
}

QString configError(Api::ConfigMap configs)
{
    return failureOf<Api::ConfigException>([&] { configured(RecordSide::Value, configs); });
}

QString applyError(TimestampConverter &converter, const Schema &schema, const Value &value)
{
    return failureOf<Api::ConnectException>([&] { convert(converter, schema, value); });
}

} // namespace

class TestTimestampConverter : public QObject
{
    Q_OBJECT

private slots:
    void rejectsBadConfigs()
    {
        QCOMPARE(configError({}), QStringLiteral("Missing required configuration \"target.type\" which has no default value."));
        QCOMPARE(configError({{QStringLiteral("target.type"), QStringLiteral("invalid")}}),
                 QStringLiteral("Invalid value invalid for configuration target.type: String must be one of: string, "
                                "unix, Date, Time, Timestamp"));
        QCOMPARE(configError({{QStringLiteral("target.type"), QStringLiteral("timestamp")}}).left(20),
                 QStringLiteral("Invalid value timest"));
        QCOMPARE(configError({{QStringLiteral("target.type"), QStringLiteral("unix")},
                              {QStringLiteral("unix.precision"), QStringLiteral("invalid")}}),
                 QStringLiteral("Invalid value invalid for configuration unix.precision: String must be one of: "
                                "nanoseconds, microseconds, milliseconds, seconds"));
        QCOMPARE(configError({{QStringLiteral("target.type"), QStringLiteral("unix")},
                              {QStringLiteral("unix.precision"), QStringLiteral("seconds")}}),
                 noFailure());
        QCOMPARE(configError({{QStringLiteral("target.type"), QStringLiteral("string")}}),
                 QStringLiteral("TimestampConverter requires format option to be specified when using string timestamps"));
        QCOMPARE(configError({{QStringLiteral("target.type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("  ")}}),
                 QStringLiteral("TimestampConverter requires format option to be specified when using string timestamps"));
        QCOMPARE(configError({{QStringLiteral("target.type"), QStringLiteral("string")},
                              {QStringLiteral("format"), QStringLiteral("bad-format")}}),
                 QStringLiteral("TimestampConverter requires a SimpleDateFormat-compatible pattern for string "
                                "timestamps: bad-format"));
        QCOMPARE(configError({{QStringLiteral("target.type"), QStringLiteral("Date")},
                              {QStringLiteral("format"), QStringLiteral("yyyy 'unterminated")}}),
                 QStringLiteral("TimestampConverter requires a SimpleDateFormat-compatible pattern for string "
                                "timestamps: yyyy 'unterminated"));
    }

    void convertsSchemalessValues()
    {
        QCOMPARE(convert(*to("Timestamp"), {}, DatePlusTimeValue).value, DatePlusTimeValue);
        QCOMPARE(convert(*to("Date"), {}, DatePlusTimeValue).value, DateValue);
        QCOMPARE(convert(*to("Time"), {}, DatePlusTimeValue).value, TimeValue);
        QCOMPARE(convert(*to("unix"), {}, DatePlusTimeValue).value, Value::int64(DatePlusTime));
        const auto asString = convert(*to("string", {{QStringLiteral("format"), QString::fromLatin1(StringFormat)}}), {}, DatePlusTimeValue);
        QVERIFY(asString.schema.isNull());
        QCOMPARE(asString.value, Value(DatePlusTimeString));
        QCOMPARE(convert(*to("Timestamp"), {}, Value::int64(DatePlusTime)).value, DatePlusTimeValue);
        QCOMPARE(convert(*to("Timestamp", {{QStringLiteral("format"), QString::fromLatin1(StringFormat)}}), {},
                         Value(DatePlusTimeString)).value,
                 DatePlusTimeValue);
        for (const char *target : {"string", "Date", "Timestamp", "unix", "Time"}) {
            auto converter = to(target, {{QStringLiteral("format"), QString::fromLatin1(StringFormat)}});
            const auto out = convert(*converter, {}, Value());
            QVERIFY(out.schema.isNull());
            QVERIFY(out.value.isNull());
        }
    }

    void convertsWithSchema()
    {
        const auto ts = convert(*to("Date"), Api::Logical::timestampSchema(), DatePlusTimeValue);
        QCOMPARE(ts.schema, Api::Logical::dateSchema());
        QCOMPARE(ts.value, DateValue);
        const auto time = convert(*to("Time"), Api::Logical::timestampSchema(), DatePlusTimeValue);
        QCOMPARE(time.schema, Api::Logical::timeSchema());
        QCOMPARE(time.value, TimeValue);
        const auto unix = convert(*to("unix"), Api::Logical::timestampSchema(), DatePlusTimeValue);
        QCOMPARE(unix.schema, Schema::int64());
        QCOMPARE(unix.value, Value::int64(DatePlusTime));
        const auto text = convert(*to("string", {{QStringLiteral("format"), QString::fromLatin1(StringFormat)}}),
                                  Api::Logical::timestampSchema(), DatePlusTimeValue);
        QCOMPARE(text.schema, Schema::string());
        QCOMPARE(text.value, Value(DatePlusTimeString));
        const auto fromDate = convert(*to("Timestamp"), Api::Logical::dateSchema(), DateValue);
        QCOMPARE(fromDate.schema, Api::Logical::timestampSchema());
        QCOMPARE(fromDate.value, DateValue);
        QCOMPARE(convert(*to("Timestamp"), Api::Logical::timeSchema(), TimeValue).value, TimeValue);
        QCOMPARE(convert(*to("Timestamp"), Schema::int64(), Value::int64(DatePlusTime)).value, DatePlusTimeValue);
        const auto parsed = convert(*to("Timestamp", {{QStringLiteral("format"), QString::fromLatin1(StringFormat)}}),
                                    Schema::string(), Value(DatePlusTimeString));
        QCOMPARE(parsed.schema, Api::Logical::timestampSchema());
        QCOMPARE(parsed.value, DatePlusTimeValue);
    }

    void keepsOptionalityForNullValues()
    {
        const auto optionalTs = Api::Logical::timestampBuilder().optional().build();
        for (const char *target : {"Timestamp", "unix", "Time", "Date", "string"}) {
            auto converter = to(target, {{QStringLiteral("format"), QString::fromLatin1(StringFormat)}});
            const auto out = convert(*converter, optionalTs, Value());
            QVERIFY(out.schema.isOptional());
            QVERIFY(out.value.isNull());

            auto fieldConverter = to(target, {{QStringLiteral("format"), QString::fromLatin1(StringFormat)},
                                              {QStringLiteral("field"), QStringLiteral("ts")}});
            const Schema structSchema = SchemaBuilder::structBuilder()
                                            .field(QStringLiteral("ts"), optionalTs)
                                            .field(QStringLiteral("other"), Schema::string())
                                            .build();
            auto value = Api::Struct::create(structSchema);
            value->put(QStringLiteral("other"), Value("test"));
            const auto fieldOut = convert(*fieldConverter, structSchema, Value(value));
            QVERIFY(fieldOut.schema.field(QStringLiteral("ts")).schema().isOptional());
            QVERIFY(fieldOut.value.toStruct()->get(QStringLiteral("ts")).isNull());
            QCOMPARE(fieldOut.value.toStruct()->get(QStringLiteral("other")), Value("test"));
        }
    }

    void convertsOneField()
    {
        auto converter = to("Date", {{QStringLiteral("field"), QStringLiteral("ts")}});
        Api::ValueMap map{{Value("ts"), DatePlusTimeValue}, {Value("other"), Value("test")}};
        const auto schemaless = convert(*converter, {}, Value(map));
        QCOMPARE(schemaless.value.mapValue(QStringLiteral("ts")), DateValue);
        QCOMPARE(schemaless.value.mapValue(QStringLiteral("other")), Value("test"));

        const Schema schema = SchemaBuilder::structBuilder()
                                  .name(QStringLiteral("com.acme.Event"))
                                  .field(QStringLiteral("ts"), Api::Logical::timestampSchema())
                                  .field(QStringLiteral("other"), Schema::string())
                                  .build();
        auto value = Api::Struct::create(schema);
        value->put(QStringLiteral("ts"), DatePlusTimeValue);
        value->put(QStringLiteral("other"), Value("test"));
        const auto out = convert(*converter, schema, Value(value));
        const Schema expected = SchemaBuilder::structBuilder()
                                    .name(QStringLiteral("com.acme.Event"))
                                    .field(QStringLiteral("ts"), Api::Logical::dateSchema())
                                    .field(QStringLiteral("other"), Schema::string())
                                    .build();
        QCOMPARE(out.schema, expected);
        QCOMPARE(out.value.toStruct()->get(QStringLiteral("ts")), DateValue);
        QCOMPARE(out.value.toStruct()->get(QStringLiteral("other")), Value("test"));

        // A tombstone keeps the converted schema.
        const auto tombstone = convert(*converter, schema, Value());
        QCOMPARE(tombstone.schema, expected);
        QVERIFY(tombstone.value.isNull());
    }

    void honoursReplaceNullWithDefault()
    {
        const Schema schema = SchemaBuilder::structBuilder()
                                  .field(QStringLiteral("ts"), SchemaBuilder::int64().optional().defaultValue(Value::int64(0)).build())
                                  .field(QStringLiteral("other"), Schema::string())
                                  .build();
        for (bool replace : {false, true}) {
            auto converter = to("Timestamp", {{QStringLiteral("field"), QStringLiteral("ts")},
                                              {QStringLiteral("replace.null.with.default"), replace ? "true" : "false"}});
            auto value = Api::Struct::create(schema);
            value->put(QStringLiteral("other"), Value("test"));
            const auto out = convert(*converter, schema, Value(value));
            QCOMPARE(out.schema.field(QStringLiteral("ts")).schema(), Api::Logical::timestampBuilder().optional().build());
            QCOMPARE(out.value.toStruct()->get(QStringLiteral("ts")), replace ? Value(Api::Instant{0}) : Value());
        }
    }

    void convertsUnixPrecisions()
    {
        const Schema schema = SchemaBuilder::structBuilder().field(QStringLiteral("ts"), Schema::int64()).build();
        auto fromUnit = [&](const char *precision, qint64 input) {
            auto converter = to("Timestamp", {{QStringLiteral("field"), QStringLiteral("ts")},
                                              {QStringLiteral("unix.precision"), QString::fromLatin1(precision)}});
            auto value = Api::Struct::create(schema);
            value->put(QStringLiteral("ts"), Value::int64(input));
            return convert(*converter, schema, Value(value)).value.toStruct()->get(QStringLiteral("ts"));
        };
        QCOMPARE(fromUnit("microseconds", DatePlusTime * 1000 + 123), DatePlusTimeValue);
        QCOMPARE(fromUnit("nanoseconds", DatePlusTime * 1000000 + 123456), DatePlusTimeValue);
        QCOMPARE(fromUnit("seconds", 86401), Value(Api::Instant{86401000}));

        auto toUnit = [&](const char *precision) {
            auto converter = to("unix", {{QStringLiteral("unix.precision"), QString::fromLatin1(precision)},
                                         {QStringLiteral("format"), QString::fromLatin1(StringFormat)}});
            return convert(*converter, {}, Value(DatePlusTimeString)).value;
        };
        QCOMPARE(toUnit("microseconds"), Value::int64(86401234000));
        QCOMPARE(toUnit("nanoseconds"), Value::int64(86401234000000));
        QCOMPARE(toUnit("seconds"), Value::int64(86401));
        QCOMPARE(toUnit("milliseconds"), Value::int64(86401234));
    }

    void convertsTheKey()
    {
        auto converter = configured(RecordSide::Key, {{QStringLiteral("target.type"), QStringLiteral("Timestamp")}});
        auto record = makeRecord<Api::SourceRecord>(QStringLiteral("topic"), {Schema(), DatePlusTimeValue},
                                                     {Schema(), Value("untouched")});
        converter->apply(record);
        QVERIFY(record.keySchema.isNull());
        QCOMPARE(record.key, DatePlusTimeValue);
        QCOMPARE(record.value, Value("untouched"));
    }

    void reportsBadInputs()
    {
        auto parsing = to("unix", {{QStringLiteral("format"), QStringLiteral("yyyy-MM-dd")}});
        QCOMPARE(applyError(*parsing, {}, Value("not a date")),
                 QStringLiteral("Could not parse timestamp: value (not a date) does not match pattern (yyyy-MM-dd)"));
        QCOMPARE(applyError(*to("unix"), {}, Value::int32(5)),
                 QStringLiteral("TimestampConverter does not support class java.lang.Integer objects as timestamps"));
        QCOMPARE(applyError(*to("unix"), Schema::int64(), Value::int32(5)),
                 QStringLiteral("Expected Unix timestamp to be a Long, but found class java.lang.Integer"));
        QCOMPARE(applyError(*to("unix"), Api::Logical::dateSchema(), Value::int32(5)),
                 QStringLiteral("Expected Date to be a java.util.Date, but found class java.lang.Integer"));
        QCOMPARE(applyError(*to("unix"), Schema::int32(), Value::int32(5)),
                 QStringLiteral("Schema Schema{INT32} does not correspond to a known timestamp type format"));
        QCOMPARE(applyError(*to("unix", {{QStringLiteral("field"), QStringLiteral("ts")}}), {}, Value("x")),
                 QStringLiteral("Only Map objects supported in absence of schema for [converting timestamp formats], "
                                "found: java.lang.String"));
    }
};

QTEST_GUILESS_MAIN(TestTimestampConverter)
#include "tst_timestampconverter.moc"
