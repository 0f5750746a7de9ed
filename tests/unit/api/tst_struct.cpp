// SPDX-License-Identifier: Apache-2.0
#include "core/api/exceptions.h"
#include "core/api/schema.h"
#include "core/api/struct.h"

#include <QTest>

using namespace ConnectDesk::Api;

namespace {

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

Schema innerSchema()
{
    return SchemaBuilder::structBuilder()
        .name(QStringLiteral("Inner"))
        .field(QStringLiteral("n"), Schema::int32())
        .build();
}

Schema outerSchema()
{
    return SchemaBuilder::structBuilder()
        .field(QStringLiteral("a"), Schema::int32())
        .field(QStringLiteral("b"), Schema::optionalString())
        .field(QStringLiteral("c"), SchemaBuilder::int64().defaultValue(Value(qint64(9))).build())
        .field(QStringLiteral("inner"), SchemaBuilder::from(innerSchema()).optional().build())
        .field(QStringLiteral("list"),
               SchemaBuilder::array(Schema::string()).optional().build())
        .build();
}

} // namespace

class tst_Struct : public QObject
{
    Q_OBJECT

private slots:
    void putAndGet();
    void defaults();
    void unknownField();
    void putValidates();
    void validate();
    void cloneIsDeep();
    void toStringFormat();
    void equality();
    void requiresStructSchema();
};

void tst_Struct::putAndGet()
{
    Struct s(outerSchema());
    s.put(QStringLiteral("a"), 1).put(QStringLiteral("b"), Value("x"));
    QCOMPARE(s.get(QStringLiteral("a")), Value(1));
    QCOMPARE(s.get(s.schema().field(QStringLiteral("b"))), Value("x"));
    s.put(s.schema().field(QStringLiteral("b")), Value());
    QVERIFY(s.get(QStringLiteral("b")).isNull());
    QVERIFY(s.getWithoutDefault(QStringLiteral("list")).isNull());
}

void tst_Struct::defaults()
{
    Struct s(outerSchema());
    // A null slot reads as the field's default; the raw slot stays null.
    QCOMPARE(s.get(QStringLiteral("c")), Value(qint64(9)));
    QVERIFY(s.getWithoutDefault(QStringLiteral("c")).isNull());
    s.put(QStringLiteral("c"), Value(qint64(3)));
    QCOMPARE(s.get(QStringLiteral("c")), Value(qint64(3)));
}

void tst_Struct::unknownField()
{
    Struct s(outerSchema());
    QCOMPARE(dataError([&] { s.get(QStringLiteral("nope")); }),
             QStringLiteral("nope is not a valid field name"));
    QCOMPARE(dataError([&] { s.put(QStringLiteral("nope"), 1); }),
             QStringLiteral("nope is not a valid field name"));
    QCOMPARE(dataError([&] { s.getWithoutDefault(QStringLiteral("nope")); }),
             QStringLiteral("nope is not a valid field name"));
}

void tst_Struct::putValidates()
{
    Struct s(outerSchema());
    QCOMPARE(dataError([&] { s.put(QStringLiteral("a"), Value("one")); }),
             QStringLiteral("Invalid Java object for schema with type INT32: "
                            "class java.lang.String for field: \"a\""));
    QCOMPARE(
        dataError([&] { s.put(QStringLiteral("a"), Value()); }),
        QStringLiteral("Invalid value: null used for required field: \"a\", schema type: INT32"));
    QCOMPARE(dataError([&] { s.put(QStringLiteral("list"), Value(ValueList{Value(1)})); }),
             QStringLiteral("Invalid Java object for schema with type STRING: class java.lang."
                            "Integer for element of array field: \"list\""));
    // A struct value must carry exactly the field's schema.
    StructPtr inner = Struct::create(innerSchema());
    inner->put(QStringLiteral("n"), 1);
    QCOMPARE(dataError([&] { s.put(QStringLiteral("inner"), Value(inner)); }),
             QStringLiteral("Struct schemas do not match."));
    StructPtr matching = Struct::create(s.schema().field(QStringLiteral("inner")).schema());
    matching->put(QStringLiteral("n"), 1);
    s.put(QStringLiteral("inner"), Value(matching));
    QVERIFY(s.get(QStringLiteral("a")).isNull()); // failed puts left the slot alone
}

void tst_Struct::validate()
{
    Struct s(outerSchema());
    QCOMPARE(
        dataError([&] { s.validate(); }),
        QStringLiteral("Invalid value: null used for required field: \"a\", schema type: INT32"));
    s.put(QStringLiteral("a"), 1);
    s.validate(); // "c" is required but has a default; the rest are optional
}

void tst_Struct::cloneIsDeep()
{
    const Schema innerOpt = SchemaBuilder::from(innerSchema()).optional().build();
    Struct s(outerSchema());
    StructPtr inner = Struct::create(innerOpt);
    inner->put(QStringLiteral("n"), 1);
    s.put(QStringLiteral("a"), 1).put(QStringLiteral("inner"), Value(inner));
    s.put(QStringLiteral("list"), Value(ValueList{Value("x")}));

    StructPtr copy = s.clone();
    QCOMPARE(*copy, s);
    inner->put(QStringLiteral("n"), 2);
    QCOMPARE(copy->get(QStringLiteral("inner")).toStruct()->get(QStringLiteral("n")), Value(1));
    QVERIFY(copy->get(QStringLiteral("inner")).toStruct() != inner);
    copy->put(QStringLiteral("a"), 5);
    QCOMPARE(s.get(QStringLiteral("a")), Value(1));
}

void tst_Struct::toStringFormat()
{
    Struct s(outerSchema());
    QCOMPARE(s.toString(), QStringLiteral("Struct{}"));
    s.put(QStringLiteral("a"), 1).put(QStringLiteral("b"), Value("x"));
    QCOMPARE(s.toString(), QStringLiteral("Struct{a=1,b=x}"));
    s.put(QStringLiteral("list"), Value(ValueList{Value("p"), Value("q")}));
    QCOMPARE(s.toString(), QStringLiteral("Struct{a=1,b=x,list=[p, q]}"));
    StructPtr inner = Struct::create(s.schema().field(QStringLiteral("inner")).schema());
    inner->put(QStringLiteral("n"), 7);
    s.put(QStringLiteral("b"), Value()).put(QStringLiteral("inner"), Value(inner));
    QCOMPARE(s.toString(), QStringLiteral("Struct{a=1,inner=Struct{n=7},list=[p, q]}"));
}

void tst_Struct::equality()
{
    Struct a(outerSchema());
    Struct b(outerSchema());
    QCOMPARE(a, b);
    a.put(QStringLiteral("a"), 1);
    QVERIFY(!(a == b));
    b.put(QStringLiteral("a"), 1);
    QCOMPARE(a, b);
    Struct other(
        SchemaBuilder::structBuilder().field(QStringLiteral("a"), Schema::int32()).build());
    other.put(QStringLiteral("a"), 1);
    QVERIFY(!(a == other));
}

void tst_Struct::requiresStructSchema()
{
    QCOMPARE(dataError([] { Struct s(Schema::string()); }),
             QStringLiteral("Not a struct schema: Schema{STRING}"));
    QCOMPARE(dataError([] { Struct s{Schema()}; }), QStringLiteral("Not a struct schema: null"));
}

QTEST_GUILESS_MAIN(tst_Struct)
#include "tst_struct.moc"
