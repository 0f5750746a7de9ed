// SPDX-License-Identifier: Apache-2.0
#include "core/api/exceptions.h"
#include "core/api/schema.h"
#include "core/api/struct.h"

#include <QTest>

using namespace ConnectDesk::Api;

namespace {

/** The message of the DataException thrown by f, or "<no exception>". */
template<typename F>
QString dataError(F f)
{
    try {
        f();
    } catch (const DataException &e) {
        return e.message();
    }
    return QStringLiteral("<no exception>");
}

template<typename F>
QString builderError(F f)
{
    try {
        f();
    } catch (const SchemaBuilderException &e) {
        return e.message();
    } catch (const DataException &e) {
        return QStringLiteral("<DataException, not SchemaBuilderException: %1>").arg(e.message());
    }
    return QStringLiteral("<no exception>");
}

} // namespace

class tst_Schema : public QObject
{
    Q_OBJECT

private slots:
    void predefined();
    void nullSchema();
    void builderProperties();
    void equality();
    void nestedEquality();
    void builderErrors();
    void builderCopiesAreIndependent();
    void builderFrom();
    void validateValueAccepts();
    void validateValueMessages();
    void validateLogicalTypes();
    void validateCollections();
    void validateStruct();
    void typeNames();
    void logicalSchemas();
    void accessorsOnWrongType();
    void toStringFormat();
};

void tst_Schema::predefined()
{
    QCOMPARE(Schema::int32().type(), SchemaType::Int32);
    QVERIFY(!Schema::int32().isOptional());
    QVERIFY(Schema::optionalString().isOptional());
    QCOMPARE(Schema::optionalBytes().type(), SchemaType::Bytes);
    QVERIFY(Schema::boolean().isPrimitive());
    // The same shared instance each time, like Kafka's constants.
    QCOMPARE(Schema::string().data(), Schema::string().data());
    QCOMPARE(Schema::primitive(SchemaType::Float64, true), Schema::optionalFloat64());
    QVERIFY(Schema::primitive(SchemaType::Struct, false).isNull());
    QCOMPARE(Schema::int8(), SchemaBuilder::int8().build());
    QVERIFY(Schema::int8() != Schema::optionalInt8());
    QVERIFY(Schema::int8() != Schema::int16());
}

void tst_Schema::nullSchema()
{
    const Schema none;
    QVERIFY(none.isNull());
    QVERIFY(!none);
    QVERIFY(none.isOptional());
    QVERIFY(none.defaultValue().isNull());
    QVERIFY(none.name().isEmpty());
    QCOMPARE(none, Schema());
    QVERIFY(none != Schema::optionalString());
    QCOMPARE(none.toString(), QStringLiteral("null"));
    QVERIFY(dataError([&] { none.type(); }) != QStringLiteral("<no exception>"));
}

void tst_Schema::builderProperties()
{
    const Schema s = SchemaBuilder::int64()
                         .optional()
                         .name(QStringLiteral("com.acme.Id"))
                         .version(3)
                         .doc(QStringLiteral("an id"))
                         .parameter(QStringLiteral("p"), QStringLiteral("1"))
                         .defaultValue(Value(qint64(7)))
                         .build();
    QCOMPARE(s.type(), SchemaType::Int64);
    QVERIFY(s.isOptional());
    QCOMPARE(s.name(), QStringLiteral("com.acme.Id"));
    QCOMPARE(s.version(), std::optional<int>(3));
    QCOMPARE(s.doc(), QStringLiteral("an id"));
    QCOMPARE(s.parameters().value(QStringLiteral("p")), QStringLiteral("1"));
    QCOMPARE(s.defaultValue(), Value(qint64(7)));

    const Schema st = SchemaBuilder::structBuilder()
                          .field(QStringLiteral("a"), Schema::int32())
                          .field(QStringLiteral("b"), Schema::optionalString())
                          .build();
    QCOMPARE(st.fields().size(), 2);
    QCOMPARE(st.fields().at(1).name(), QStringLiteral("b"));
    QCOMPARE(st.fields().at(1).index(), 1);
    QCOMPARE(st.fields().at(1).schema(), Schema::optionalString());
    QCOMPARE(st.field(QStringLiteral("a")).index(), 0);
    QVERIFY(!st.field(QStringLiteral("zz")).isValid());
}

void tst_Schema::equality()
{
    auto base = [] {
        return SchemaBuilder::string().name(QStringLiteral("n")).version(1).doc(
            QStringLiteral("d"));
    };
    QCOMPARE(base().build(), base().build());
    QVERIFY(base().build() != base().optional().build());
    QVERIFY(base().build() != SchemaBuilder::string().name(QStringLiteral("m")).version(1).doc(
                QStringLiteral("d")).build());
    QVERIFY(base().build() != SchemaBuilder::string().name(QStringLiteral("n")).version(2).doc(
                QStringLiteral("d")).build());
    QVERIFY(base().build() != SchemaBuilder::string().name(QStringLiteral("n")).version(1).build());
    QVERIFY(base().build() != base().parameter(QStringLiteral("k"), QStringLiteral("v")).build());
    QVERIFY(base().build() != base().defaultValue(Value("x")).build());
    QCOMPARE(base().defaultValue(Value("x")).build(), base().defaultValue(Value("x")).build());
    QVERIFY(SchemaBuilder::bytes().build() != SchemaBuilder::string().build());
}

void tst_Schema::nestedEquality()
{
    auto make = [](const Schema &inner) {
        return SchemaBuilder::structBuilder()
            .field(QStringLiteral("list"), SchemaBuilder::array(inner).build())
            .field(QStringLiteral("map"), SchemaBuilder::map(Schema::string(), inner).build())
            .build();
    };
    QCOMPARE(make(Schema::int32()), make(Schema::int32()));
    QVERIFY(make(Schema::int32()) != make(Schema::optionalInt32()));
    // Field names and order matter.
    const Schema ab = SchemaBuilder::structBuilder()
                          .field(QStringLiteral("a"), Schema::int32())
                          .field(QStringLiteral("b"), Schema::int32())
                          .build();
    const Schema ba = SchemaBuilder::structBuilder()
                          .field(QStringLiteral("b"), Schema::int32())
                          .field(QStringLiteral("a"), Schema::int32())
                          .build();
    QVERIFY(ab != ba);
    QVERIFY(SchemaBuilder::array(Schema::int8()).build()
            != SchemaBuilder::map(Schema::int8(), Schema::int8()).build());
}

void tst_Schema::builderErrors()
{
    QCOMPARE(builderError([] {
                 SchemaBuilder::int32().field(QStringLiteral("f"), Schema::int8());
             }),
             QStringLiteral("Cannot create fields on type INT32"));
    QCOMPARE(builderError([] {
                 SchemaBuilder::structBuilder()
                     .field(QStringLiteral("f"), Schema::int8())
                     .field(QStringLiteral("f"), Schema::string());
             }),
             QStringLiteral("Cannot create field because of field name duplication f"));
    QCOMPARE(builderError([] { SchemaBuilder::structBuilder().field(QString(), Schema::int8()); }),
             QStringLiteral("fieldName cannot be null."));
    QCOMPARE(
        builderError([] { SchemaBuilder::structBuilder().field(QStringLiteral("f"), Schema()); }),
        QStringLiteral("fieldSchema for field f cannot be null."));
    QCOMPARE(builderError([] { SchemaBuilder::int32().defaultValue(Value("text")); }),
             QStringLiteral("Invalid default value"));
    // A null default needs an optional schema.
    QCOMPARE(builderError([] { SchemaBuilder::int32().defaultValue(Value()); }),
             QStringLiteral("Invalid default value"));
    SchemaBuilder::int32().optional().defaultValue(Value());
    QCOMPARE(builderError([] { SchemaBuilder::string().optional().required(); }),
             QStringLiteral("Invalid SchemaBuilder call: optional has already been set."));
    QCOMPARE(builderError([] {
                 SchemaBuilder::string().name(QStringLiteral("a")).name(QStringLiteral("b"));
             }),
             QStringLiteral("Invalid SchemaBuilder call: name has already been set."));
    QCOMPARE(builderError([] { SchemaBuilder::string().version(1).version(2); }),
             QStringLiteral("Invalid SchemaBuilder call: version has already been set."));
    QCOMPARE(builderError([] {
                 SchemaBuilder::string().doc(QStringLiteral("a")).doc(QStringLiteral("b"));
             }),
             QStringLiteral("Invalid SchemaBuilder call: doc has already been set."));
    QCOMPARE(builderError([] {
                 SchemaBuilder::string().defaultValue(Value("a")).defaultValue(Value("b"));
             }),
             QStringLiteral("Invalid SchemaBuilder call: default has already been set."));
    QCOMPARE(builderError([] { SchemaBuilder::array(Schema()); }),
             QStringLiteral("valueSchema cannot be null."));
    QCOMPARE(builderError([] { SchemaBuilder::map(Schema(), Schema::string()); }),
             QStringLiteral("keySchema cannot be null."));
    // Setting the same value again is fine, as in Kafka.
    SchemaBuilder::string().optional().optional().name(QStringLiteral("a")).name(
        QStringLiteral("a"));

    // The cause of an invalid default is kept.
    try {
        SchemaBuilder::int32().defaultValue(Value("text"));
        QFAIL("no exception");
    } catch (const SchemaBuilderException &e) {
        QVERIFY(e.causeText().contains(QStringLiteral("Invalid Java object")));
        QCOMPARE(e.javaClassName(),
                 QStringLiteral("org.apache.kafka.connect.errors.SchemaBuilderException"));
    }
}

void tst_Schema::builderCopiesAreIndependent()
{
    SchemaBuilder a = SchemaBuilder::structBuilder();
    a.field(QStringLiteral("x"), Schema::int32());
    SchemaBuilder b = a;
    b.field(QStringLiteral("y"), Schema::int32());
    QCOMPARE(a.build().fields().size(), 1);
    QCOMPARE(b.build().fields().size(), 2);
    // A built schema does not change when its builder does.
    const Schema before = a.build();
    a.field(QStringLiteral("z"), Schema::int8());
    QCOMPARE(before.fields().size(), 1);
}

void tst_Schema::builderFrom()
{
    const Schema original = SchemaBuilder::string().name(QStringLiteral("n")).version(2).build();
    QCOMPARE(SchemaBuilder::from(original).build(), original);
    // Copied properties may be changed (SMTs rename schemas this way).
    const Schema renamed
        = SchemaBuilder::from(original).name(QStringLiteral("m")).optional().build();
    QCOMPARE(renamed.name(), QStringLiteral("m"));
    QVERIFY(renamed.isOptional());
    QCOMPARE(renamed.version(), std::optional<int>(2));
}

void tst_Schema::validateValueAccepts()
{
    Schema::validateValue(Schema::int8(), Value::int8(1));
    Schema::validateValue(Schema::int16(), Value::int16(1));
    Schema::validateValue(Schema::int32(), Value(1));
    Schema::validateValue(Schema::int64(), Value(qint64(1)));
    Schema::validateValue(Schema::float32(), Value::float32(1));
    Schema::validateValue(Schema::float64(), Value(1.0));
    Schema::validateValue(Schema::boolean(), Value(true));
    Schema::validateValue(Schema::string(), Value("s"));
    Schema::validateValue(Schema::bytes(), Value(QByteArray("b")));
    Schema::validateValue(Schema::optionalInt32(), Value());
}

void tst_Schema::validateValueMessages()
{
    QCOMPARE(
        dataError([] { Schema::validateValue(Schema::int32(), Value(), QStringLiteral("f")); }),
        QStringLiteral("Invalid value: null used for required field: \"f\", schema type: INT32"));
    QCOMPARE(dataError([] {
                 Schema::validateValue(Schema::int32(), Value("x"), QStringLiteral("f"));
             }),
             QStringLiteral("Invalid Java object for schema with type INT32: "
                            "class java.lang.String for field: \"f\""));
    QCOMPARE(dataError([] { Schema::validateValue(Schema::int32(), Value(qint64(1))); }),
             QStringLiteral("Invalid Java object for schema with type INT32: "
                            "class java.lang.Long for value"));
    QCOMPARE(dataError([] { Schema::validateValue(Schema::string(), Value()); }),
             QStringLiteral("Invalid value: null used for required value, schema type: STRING"));
    QCOMPARE(dataError([] { Schema::validateValue(Schema::int8(), Value(QByteArray("x"))); }),
             QStringLiteral("Invalid Java object for schema with type INT8: class [B for value"));
}

void tst_Schema::validateLogicalTypes()
{
    const Schema decimal = Logical::decimalSchema(2);
    Schema::validateValue(decimal, Value(Decimal::fromString(u"1.25")));
    QCOMPARE(
        dataError([&] { Schema::validateValue(decimal, Value(QByteArray("\x01"))); }),
        QStringLiteral("Invalid Java object for schema \"org.apache.kafka.connect.data.Decimal\""
                       " with type BYTES: class [B for value"));
    Schema::validateValue(Logical::dateSchema(), Value(Instant{0}));
    Schema::validateValue(Logical::timeSchema(), Value(Instant{1000}));
    Schema::validateValue(Logical::timestampSchema(), Value(Instant{1000}));
    QCOMPARE(dataError([] {
                 Schema::validateValue(Logical::timestampSchema(), Value(qint64(5)),
                                       QStringLiteral("ts"));
             }),
             QStringLiteral("Invalid Java object for schema \"org.apache.kafka.connect.data."
                            "Timestamp\" with type INT64: class java.lang.Long for field: \"ts\""));
    QCOMPARE(dataError([] { Schema::validateValue(Schema::int32(), Value(Instant{0})); }),
             QStringLiteral("Invalid Java object for schema with type INT32: "
                            "class java.util.Date for value"));
}

void tst_Schema::validateCollections()
{
    const Schema list = SchemaBuilder::array(Schema::int32()).build();
    Schema::validateValue(list, Value(ValueList{Value(1), Value(2)}));
    QCOMPARE(dataError([&] {
                 Schema::validateValue(list, Value(ValueList{Value(1), Value("x")}),
                                       QStringLiteral("l"));
             }),
             QStringLiteral("Invalid Java object for schema with type INT32: class java.lang.String"
                            " for element of array field: \"l\""));
    QCOMPARE(dataError([&] { Schema::validateValue(list, Value(ValueList{Value()})); }),
             QStringLiteral("Invalid value: null used for required element of array value, "
                            "schema type: INT32"));
    const Schema map = SchemaBuilder::map(Schema::string(), Schema::optionalInt64()).build();
    Schema::validateValue(map,
                          Value(ValueMap{{Value("a"), Value(qint64(1))}, {Value("b"), Value()}}));
    QCOMPARE(dataError([&] { Schema::validateValue(map, Value(ValueMap{{Value(1), Value()}})); }),
             QStringLiteral("Invalid Java object for schema with type STRING: "
                            "class java.lang.Integer for key of map value"));
    QCOMPARE(dataError([&] {
                 Schema::validateValue(map, Value(ValueMap{{Value("k"), Value(1)}}));
             }),
             QStringLiteral("Invalid Java object for schema with type INT64: "
                            "class java.lang.Integer for value of map value"));
    QCOMPARE(dataError([&] { Schema::validateValue(list, Value(ValueMap{})); }),
             QStringLiteral("Invalid Java object for schema with type ARRAY: "
                            "class java.util.HashMap for value"));
}

void tst_Schema::validateStruct()
{
    const Schema a = SchemaBuilder::structBuilder()
                         .field(QStringLiteral("x"), Schema::int32())
                         .build();
    const Schema b = SchemaBuilder::structBuilder()
                         .field(QStringLiteral("x"), Schema::int64())
                         .build();
    StructPtr s = Struct::create(a);
    s->put(QStringLiteral("x"), 1);
    Schema::validateValue(a, Value(s));
    QCOMPARE(dataError([&] { Schema::validateValue(b, Value(s)); }),
             QStringLiteral("Struct schemas do not match."));
    // The nested struct itself is validated.
    StructPtr empty = Struct::create(a);
    QCOMPARE(
        dataError([&] { Schema::validateValue(a, Value(empty)); }),
        QStringLiteral("Invalid value: null used for required field: \"x\", schema type: INT32"));
}

void tst_Schema::typeNames()
{
    QCOMPARE(Schema::typeName(SchemaType::Float32), QStringLiteral("float32"));
    QCOMPARE(Schema::typeName(SchemaType::Struct), QStringLiteral("struct"));
    QCOMPARE(Schema::typeEnumName(SchemaType::Boolean), QStringLiteral("BOOLEAN"));
    QCOMPARE(Schema::typeFromName(QStringLiteral("int16")), std::optional(SchemaType::Int16));
    QCOMPARE(Schema::typeFromName(QStringLiteral("bytes")), std::optional(SchemaType::Bytes));
    QCOMPARE(Schema::typeFromName(QStringLiteral("INT16")), std::optional<SchemaType>());
    QCOMPARE(Schema::typeFromName(QStringLiteral("float")), std::optional<SchemaType>());
}

void tst_Schema::logicalSchemas()
{
    const Schema d = Logical::decimalSchema(4);
    QCOMPARE(d.type(), SchemaType::Bytes);
    QCOMPARE(d.name(), QStringLiteral("org.apache.kafka.connect.data.Decimal"));
    QCOMPARE(d.version(), std::optional<int>(1));
    QCOMPARE(d.parameters().value(QStringLiteral("scale")), QStringLiteral("4"));
    QCOMPARE(Logical::decimalScale(d), 4);
    QVERIFY(Logical::isDecimal(d));
    QVERIFY(Logical::decimalBuilder(4).optional().build().isOptional());

    QCOMPARE(Logical::dateSchema().type(), SchemaType::Int32);
    QCOMPARE(Logical::timeSchema().type(), SchemaType::Int32);
    QCOMPARE(Logical::timestampSchema().type(), SchemaType::Int64);
    QCOMPARE(Logical::timestampSchema().version(), std::optional<int>(1));
    QVERIFY(Logical::isDate(Logical::dateSchema()));
    QVERIFY(Logical::isTime(Logical::timeSchema()));
    QVERIFY(Logical::isTimestamp(Logical::timestampSchema()));
    QVERIFY(!Logical::isTimestamp(Schema::int64()));
    QCOMPARE(Logical::dateBuilder().build(), Logical::dateSchema());

    QCOMPARE(dataError([] { Logical::decimalScale(SchemaBuilder::bytes().build()); }),
             QStringLiteral("Invalid Decimal schema: scale parameter not found."));
    QVERIFY(dataError([] {
                Logical::decimalScale(SchemaBuilder::bytes()
                                          .parameter(QStringLiteral("scale"), QStringLiteral("x"))
                                          .build());
            }).startsWith(QStringLiteral("Invalid scale parameter found in Decimal schema")));
}

void tst_Schema::accessorsOnWrongType()
{
    QCOMPARE(dataError([] { Schema::int32().fields(); }),
             QStringLiteral("Cannot list fields on non-struct type"));
    QCOMPARE(dataError([] { Schema::int32().field(QStringLiteral("f")); }),
             QStringLiteral("Cannot look up fields on non-struct type"));
    QCOMPARE(dataError([] { SchemaBuilder::array(Schema::int8()).build().keySchema(); }),
             QStringLiteral("Cannot look up key schema on non-map type"));
    QCOMPARE(dataError([] { Schema::string().valueSchema(); }),
             QStringLiteral("Cannot look up value schema on non-array and non-map type"));
    QCOMPARE(SchemaBuilder::array(Schema::int8()).build().valueSchema(), Schema::int8());
}

void tst_Schema::toStringFormat()
{
    QCOMPARE(Schema::string().toString(), QStringLiteral("Schema{STRING}"));
    QCOMPARE(Logical::dateSchema().toString(),
             QStringLiteral("Schema{org.apache.kafka.connect.data.Date:INT32}"));
    const Schema st
        = SchemaBuilder::structBuilder().field(QStringLiteral("f"), Schema::int8()).build();
    QCOMPARE(st.fields().first().toString(),
             QStringLiteral("Field{name=f, index=0, schema=Schema{INT8}}"));
}

QTEST_GUILESS_MAIN(tst_Schema)
#include "tst_schema.moc"
