// SPDX-License-Identifier: Apache-2.0
#include "core/api/configdef.h"
#include "core/api/exceptions.h"

#include <QtTest>

using namespace ConnectDesk::Api;
using Type = ConfigDef::Type;
using Importance = ConfigDef::Importance;

namespace {

// The message of the ConfigException a call throws; empty when it does not throw.
template<typename F>
QString thrownMessage(F &&f)
{
    try {
        f();
    } catch (const ConfigException &e) {
        return e.message();
    }
    return {};
}

QString parseError(const QString &value, Type type)
{
    return thrownMessage([&] { ConfigDef::parseType(QStringLiteral("k"), value, type); });
}

QString validatorError(const ConfigDef::Validator &v, const QVariant &value)
{
    return thrownMessage([&] { v.ensureValid(QStringLiteral("k"), value); });
}

} // namespace

class tst_ConfigDef : public QObject
{
    Q_OBJECT

private slots:
    void parseBoolean_data();
    void parseBoolean();
    void parseNumbers_data();
    void parseNumbers();
    void parseNumberErrors_data();
    void parseNumberErrors();
    void parseLists_data();
    void parseLists();
    void parseStringsAreTrimmed();
    void parseNullStaysNull();
    void parseTypedValues();
    void convertToString();
    void valueToString();
    void requiredKeyMissing();
    void parseStopsAtFirstErrorInDefinitionOrder();
    void validateCollectsErrors();
    void validateUsesDefaultsAndKeepsOrder();
    void validateRecommender();
    void undefinedDependents();
    void rangeValidators();
    void validStringValidators();
    void caseInsensitiveValidString();
    void stringValidators();
    void validListAndComposite();
    void defineRejectsDuplicatesAndBadDefaults();
    void groupsNamesMerge();
    void withPrefix();
    void abstractConfig();
    void typeNames();
};

void tst_ConfigDef::parseBoolean_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");
    QTest::newRow("true") << "true" << true;
    QTest::newRow("TRUE padded") << "  TRUE " << true;
    QTest::newRow("False") << "False" << false;
    QTest::newRow("tab") << "\tfalse\n" << false;
}

void tst_ConfigDef::parseBoolean()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    const QVariant v = ConfigDef::parseType(QStringLiteral("k"), text, Type::Boolean);
    QCOMPARE(v.typeId(), QMetaType::Bool);
    QCOMPARE(v.toBool(), expected);
    QCOMPARE(parseError(QStringLiteral("yes"), Type::Boolean),
             QStringLiteral("Invalid value yes for configuration k: Expected value to be either "
                            "true or false"));
    QCOMPARE(parseError(QString(""), Type::Boolean),
             QStringLiteral("Invalid value  for configuration k: Expected value to be either "
                            "true or false"));
}

void tst_ConfigDef::parseNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("int") << " 42 " << int(Type::Int) << QVariant(42);
    QTest::newRow("int plus") << "+7" << int(Type::Int) << QVariant(7);
    QTest::newRow("int min") << "-2147483648" << int(Type::Int) << QVariant(int(-2147483647 - 1));
    QTest::newRow("short") << "-32768" << int(Type::Short) << QVariant(-32768);
    QTest::newRow("long") << "9223372036854775807" << int(Type::Long)
                          << QVariant(qint64(9223372036854775807LL));
    QTest::newRow("long min") << "-9223372036854775808" << int(Type::Long)
                              << QVariant(std::numeric_limits<qint64>::min());
    QTest::newRow("double") << "1.5" << int(Type::Double) << QVariant(1.5);
    QTest::newRow("double exp") << "1e3" << int(Type::Double) << QVariant(1000.0);
    QTest::newRow("double suffix") << "2.5d" << int(Type::Double) << QVariant(2.5);
    QTest::newRow("double leading dot") << ".25" << int(Type::Double) << QVariant(0.25);
}

void tst_ConfigDef::parseNumbers()
{
    QFETCH(QString, text);
    QFETCH(int, type);
    QFETCH(QVariant, expected);
    const QVariant v = ConfigDef::parseType(QStringLiteral("k"), text, Type(type));
    QCOMPARE(v, expected);
    if (Type(type) == Type::Long)
        QCOMPARE(v.typeId(), QMetaType::LongLong);
    if (Type(type) == Type::Double)
        QCOMPARE(v.typeId(), QMetaType::Double);
}

void tst_ConfigDef::parseNumberErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("message");
    QTest::newRow("int float") << "4.2" << int(Type::Int)
                               << "Invalid value 4.2 for configuration k: Not a number of type INT";
    QTest::newRow("int overflow")
        << "2147483648" << int(Type::Int)
        << "Invalid value 2147483648 for configuration k: Not a number of type INT";
    QTest::newRow("int empty") << "" << int(Type::Int)
                               << "Invalid value  for configuration k: Not a number of type INT";
    QTest::newRow("int sign only")
        << "-" << int(Type::Int)
        << "Invalid value - for configuration k: Not a number of type INT";
    QTest::newRow("short overflow")
        << "40000" << int(Type::Short)
        << "Invalid value 40000 for configuration k: Not a number of type SHORT";
    QTest::newRow("long text")
        << " 12ab " << int(Type::Long)
        << "Invalid value  12ab  for configuration k: Not a number of type LONG";
    QTest::newRow("double text")
        << "abc" << int(Type::Double)
        << "Invalid value abc for configuration k: Not a number of type DOUBLE";
}

void tst_ConfigDef::parseNumberErrors()
{
    QFETCH(QString, text);
    QFETCH(int, type);
    QFETCH(QString, message);
    QCOMPARE(parseError(text, Type(type)), message);
}

void tst_ConfigDef::parseLists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("plain") << "a,b,c" << QStringList{"a", "b", "c"};
    QTest::newRow("spaces") << " a , b ,\tc " << QStringList{"a", "b", "c"};
    QTest::newRow("empty") << "" << QStringList{};
    QTest::newRow("blank") << "   " << QStringList{};
    QTest::newRow("empty item") << "a,,b" << QStringList{"a", "", "b"};
    QTest::newRow("trailing comma") << "a," << QStringList{"a", ""};
    QTest::newRow("single") << "http://:8083" << QStringList{"http://:8083"};
}

void tst_ConfigDef::parseLists()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const QVariant v = ConfigDef::parseType(QStringLiteral("k"), text, Type::List);
    QCOMPARE(v.typeId(), QMetaType::QStringList);
    QCOMPARE(v.toStringList(), expected);
}

void tst_ConfigDef::parseStringsAreTrimmed()
{
    for (Type type : {Type::String, Type::Class, Type::Password}) {
        const QVariant v = ConfigDef::parseType(QStringLiteral("k"), QStringLiteral("  x y \n"),
                                                type);
        QCOMPARE(v.toString(), QStringLiteral("x y"));
    }
    QCOMPARE(ConfigDef::parseType(QStringLiteral("k"), QString(""), Type::String).toString(),
             QString(""));
}

void tst_ConfigDef::parseNullStaysNull()
{
    for (Type type : {Type::Boolean, Type::Int, Type::List, Type::String}) {
        QVERIFY(!ConfigDef::parseType(QStringLiteral("k"), QVariant(), type).isValid());
        QVERIFY(!ConfigDef::parseType(QStringLiteral("k"), QString(), type).isValid());
    }
}

void tst_ConfigDef::parseTypedValues()
{
    QCOMPARE(ConfigDef::parseType("k", QVariant(true), Type::Boolean), QVariant(true));
    QCOMPARE(ConfigDef::parseType("k", QVariant(5), Type::Long), QVariant(qint64(5)));
    QCOMPARE(ConfigDef::parseType("k", QVariant(QStringList{"a"}), Type::List),
             QVariant(QStringList{"a"}));
    QCOMPARE(thrownMessage([] { ConfigDef::parseType("k", QVariant(5), Type::String); }),
             QStringLiteral("Invalid value 5 for configuration k: Expected value to be a string, "
                            "but it was a java.lang.Integer"));
    QCOMPARE(thrownMessage([] { ConfigDef::parseType("k", QVariant(1.5), Type::Int); }),
             QStringLiteral("Invalid value 1.5 for configuration k: Expected value to be a 32-bit "
                            "integer, but it was a java.lang.Double"));
}

void tst_ConfigDef::convertToString()
{
    QCOMPARE(ConfigDef::convertToString(QStringList{"a", "b"}, Type::List), QStringLiteral("a,b"));
    QCOMPARE(ConfigDef::convertToString(QStringList{}, Type::List), QString(""));
    QCOMPARE(ConfigDef::convertToString(true, Type::Boolean), QStringLiteral("true"));
    QCOMPARE(ConfigDef::convertToString(false, Type::Boolean), QStringLiteral("false"));
    QCOMPARE(ConfigDef::convertToString(qint64(60000), Type::Long), QStringLiteral("60000"));
    QCOMPARE(ConfigDef::convertToString(1.0, Type::Double), QStringLiteral("1.0"));
    QCOMPARE(ConfigDef::convertToString(QStringLiteral("secret"), Type::Password),
             QStringLiteral("[hidden]"));
    QCOMPARE(ConfigDef::convertToString(QStringLiteral("a.B"), Type::Class), QStringLiteral("a.B"));
    QVERIFY(ConfigDef::convertToString(QVariant(), Type::String).isNull());
    QVERIFY(ConfigDef::convertToString(QVariant(), Type::Password).isNull());
    QVERIFY(!ConfigDef::convertToString(QString(""), Type::String).isNull());
}

void tst_ConfigDef::valueToString()
{
    QCOMPARE(ConfigDef::valueToString(QVariant()), QStringLiteral("null"));
    QCOMPARE(ConfigDef::valueToString(QStringList{"a", "b"}), QStringLiteral("[a, b]"));
    QCOMPARE(ConfigDef::valueToString(2.0), QStringLiteral("2.0"));
    QCOMPARE(ConfigDef::valueToString(false), QStringLiteral("false"));
}

void tst_ConfigDef::requiredKeyMissing()
{
    ConfigDef def;
    def.define(QStringLiteral("k"), Type::String, std::nullopt, Importance::High, QString());
    QCOMPARE(thrownMessage([&] { def.parse({}); }),
             QStringLiteral("Missing required configuration \"k\" which has no default value."));
    // A null value is "set": no missing-key error, the value is null.
    const QVariantMap parsed = def.parse({{QStringLiteral("k"), QString()}});
    QVERIFY(parsed.contains(QStringLiteral("k")));
    QVERIFY(!parsed.value(QStringLiteral("k")).isValid());
}

void tst_ConfigDef::parseStopsAtFirstErrorInDefinitionOrder()
{
    ConfigDef def;
    def.define("z", Type::Int, std::nullopt, Importance::High, {})
        .define("a", Type::Int, std::nullopt, Importance::High, {});
    QCOMPARE(thrownMessage([&] { def.parse({}); }),
             QStringLiteral("Missing required configuration \"z\" which has no default value."));
}

void tst_ConfigDef::validateCollectsErrors()
{
    ConfigDef def;
    def.define({.name = "tasks.max", .type = Type::Int, .defaultValue = 1,
                .validator = ConfigDef::atLeast(1)})
        .define({.name = "name", .type = Type::String, .defaultValue = std::nullopt})
        .define({.name = "flag", .type = Type::Boolean, .defaultValue = false});
    const auto values = def.validate({{"tasks.max", "abc"}, {"flag", "maybe"}});
    QCOMPARE(values.size(), 3);
    QCOMPARE(values.at(0).name, QStringLiteral("tasks.max"));
    // The parse error, then the validator on the resulting null value, as Kafka reports.
    QCOMPARE(values.at(0).errorMessages,
             QStringList(
                 {"Invalid value abc for configuration tasks.max: Not a number of type INT",
                  "Invalid value null for configuration tasks.max: Value must be non-null"}));
    QVERIFY(!values.at(0).value.isValid());
    QCOMPARE(values.at(1).errorMessages,
             QStringList{"Missing required configuration \"name\" which has no default value."});
    QCOMPARE(values.at(2).errorMessages,
             QStringList{"Invalid value maybe for configuration flag: Expected value to be either "
                         "true or false"});
}

void tst_ConfigDef::validateUsesDefaultsAndKeepsOrder()
{
    ConfigDef def;
    def.define("b", Type::Int, 7, Importance::Low, {})
        .define("a", Type::List, QString("x, y"), Importance::Low, {})
        .define("c", Type::String, QVariant(), Importance::Low, {});
    const auto values = def.validate({{"c", " v "}});
    QCOMPARE(values.size(), 3);
    QCOMPARE(values.at(0).name, QStringLiteral("b"));
    QCOMPARE(values.at(0).value, QVariant(7));
    QCOMPARE(values.at(1).value.toStringList(), QStringList({"x", "y"}));
    QCOMPARE(values.at(2).value.toString(), QStringLiteral("v"));
    for (const auto &v : values) {
        QVERIFY(v.errorMessages.isEmpty());
        QVERIFY(v.visible);
    }
}

void tst_ConfigDef::validateRecommender()
{
    ConfigDef::Recommender recommender;
    recommender.validValues = [](const QString &, const QVariantMap &parsed) {
        return parsed.value("mode").toString() == "fancy" ? QVariantList{"x", "y"}
                                                          : QVariantList{};
    };
    recommender.visible = [](const QString &, const QVariantMap &parsed) {
        return parsed.value("mode").toString() == "fancy";
    };
    ConfigDef def;
    def.define({.name = "mode", .type = Type::String, .defaultValue = "plain",
                .dependents = {"detail"}})
        .define({.name = "detail", .type = Type::String, .defaultValue = QVariant(),
                 .recommender = recommender});
    auto values = def.validate({});
    QCOMPARE(values.at(1).visible, false);
    QVERIFY(values.at(1).recommendedValues.isEmpty());
    values = def.validate({{"mode", "fancy"}});
    QCOMPARE(values.at(1).visible, true);
    QCOMPARE(values.at(1).recommendedValues, (QVariantList{"x", "y"}));

    ConfigDef::Recommender failing;
    failing.visible = [](const QString &name, const QVariantMap &) -> bool {
        throw ConfigException(name, "v", "no recommendation");
    };
    ConfigDef def2;
    def2.define({.name = "r", .type = Type::String, .defaultValue = QVariant(),
                 .recommender = failing});
    QCOMPARE(def2.validate({}).at(0).errorMessages,
             QStringList{"Invalid value v for configuration r: no recommendation"});
}

void tst_ConfigDef::undefinedDependents()
{
    ConfigDef def;
    def.define({.name = "a", .type = Type::String, .defaultValue = "x", .dependents = {"ghost"}});
    QCOMPARE(thrownMessage([&] { def.parse({}); }),
             QStringLiteral("Some configurations in are referred in the dependents, but not "
                            "defined: ghost"));
    const auto values = def.validate({});
    QCOMPARE(values.size(), 2);
    QCOMPARE(values.at(1).name, QStringLiteral("ghost"));
    QCOMPARE(values.at(1).visible, false);
    QCOMPARE(values.at(1).errorMessages,
             QStringList{"ghost is referred in the dependents, but not defined."});
}

void tst_ConfigDef::rangeValidators()
{
    const auto atLeast = ConfigDef::atLeast(1);
    QCOMPARE(atLeast.description, QStringLiteral("[1,...]"));
    QCOMPARE(validatorError(atLeast, 0),
             QStringLiteral("Invalid value 0 for configuration k: Value must be at least 1"));
    QVERIFY(validatorError(atLeast, 1).isEmpty());
    QCOMPARE(validatorError(atLeast, QVariant()),
             QStringLiteral("Invalid value null for configuration k: Value must be non-null"));

    const auto between = ConfigDef::between(-1, 10);
    QCOMPARE(between.description, QStringLiteral("[-1,...,10]"));
    QCOMPARE(validatorError(between, qint64(11)),
             QStringLiteral("Invalid value 11 for configuration k: Value must be no more than 10"));
    QCOMPARE(validatorError(between, -2),
             QStringLiteral("Invalid value -2 for configuration k: Value must be at least -1"));
    QVERIFY(validatorError(between, 10).isEmpty());
}

void tst_ConfigDef::validStringValidators()
{
    const auto v = ConfigDef::validString({"none", "all"});
    QCOMPARE(v.description, QStringLiteral("[none, all]"));
    QVERIFY(validatorError(v, "all").isEmpty());
    QCOMPARE(validatorError(v, "ALL"),
             QStringLiteral("Invalid value ALL for configuration k: String must be one of: none, "
                            "all"));
    QCOMPARE(validatorError(v, QVariant()),
             QStringLiteral("Invalid value null for configuration k: String must be one of: none, "
                            "all"));
}

void tst_ConfigDef::caseInsensitiveValidString()
{
    // Kafka prints the allowed values in java.util.HashSet order.
    const auto v = ConfigDef::caseInsensitiveValidString(
        {"only_scan", "hybrid_warn", "hybrid_fail", "service_load"});
    QCOMPARE(v.description,
             QStringLiteral("(case insensitive) [ONLY_SCAN, SERVICE_LOAD, HYBRID_WARN, "
                            "HYBRID_FAIL]"));
    QVERIFY(validatorError(v, "Hybrid_Warn").isEmpty());
    QCOMPARE(validatorError(v, "scan"),
             QStringLiteral("Invalid value scan for configuration k: String must be one of (case "
                            "insensitive): ONLY_SCAN, SERVICE_LOAD, HYBRID_WARN, HYBRID_FAIL"));
    const auto eos = ConfigDef::caseInsensitiveValidString({"requested", "required"});
    QCOMPARE(eos.description, QStringLiteral("(case insensitive) [REQUIRED, REQUESTED]"));
}

void tst_ConfigDef::stringValidators()
{
    const auto nonEmpty = ConfigDef::nonEmptyString();
    QCOMPARE(nonEmpty.description, QStringLiteral("non-empty string"));
    QCOMPARE(validatorError(nonEmpty, QString("")),
             QStringLiteral("Invalid value  for configuration k: String must be non-empty"));
    QVERIFY(validatorError(nonEmpty, QVariant()).isEmpty());

    const auto name = ConfigDef::nonEmptyStringWithoutControlChars();
    QCOMPARE(name.description, QStringLiteral("non-empty string without ISO control characters"));
    QCOMPARE(validatorError(name, QString("")),
             QStringLiteral("Invalid value  for configuration k: String may not be empty"));
    QCOMPARE(validatorError(name, QString("a\nb\tc")),
             QStringLiteral("Invalid value a\nb\tc for configuration k: String may not contain "
                            "control sequences but had the following ASCII chars: 10, 9"));
    QCOMPARE(validatorError(name, QString(QChar(0x85))).section(':', -1),
             QStringLiteral(" 133"));
    QVERIFY(validatorError(name, QString("my-connector é")).isEmpty());
    QVERIFY(validatorError(name, QVariant()).isEmpty());

    const auto nonNull = ConfigDef::nonNullString();
    QCOMPARE(nonNull.description, QStringLiteral("non-null string"));
    QCOMPARE(validatorError(nonNull, QVariant()),
             QStringLiteral("Invalid value null for configuration k: entry must be non null"));
    QVERIFY(validatorError(nonNull, QString("")).isEmpty());
}

void tst_ConfigDef::validListAndComposite()
{
    const auto list = ConfigDef::validList(ConfigDef::validString({"a", "b"}));
    QCOMPARE(list.description, QStringLiteral("[a, b]"));
    QVERIFY(validatorError(list, QStringList{"a", "b", "a"}).isEmpty());
    QCOMPARE(validatorError(list, QStringList{"a", "c"}),
             QStringLiteral("Invalid value c for configuration k: String must be one of: a, b"));

    const auto composite = ConfigDef::composite(
        {ConfigDef::nonNullString(),
         ConfigDef::lambda(
             [](const QString &n, const QVariant &v) {
                 if (v.toStringList().contains("bad"))
                     throw ConfigException(n, ConfigDef::valueToString(v), "bad item");
             },
             "no bad items")});
    QCOMPARE(composite.description, QStringLiteral("non-null string, no bad items"));
    QCOMPARE(validatorError(composite, QVariant()),
             QStringLiteral("Invalid value null for configuration k: entry must be non null"));
    QCOMPARE(validatorError(composite, QStringList{"x", "bad"}),
             QStringLiteral("Invalid value [x, bad] for configuration k: bad item"));
}

void tst_ConfigDef::defineRejectsDuplicatesAndBadDefaults()
{
    ConfigDef def;
    def.define("k", Type::Int, 1, Importance::Low, {});
    QCOMPARE(thrownMessage([&] { def.define("k", Type::Int, 1, Importance::Low, {}); }),
             QStringLiteral("Configuration k is defined twice."));
    QCOMPARE(thrownMessage([&] { def.define("n", Type::Int, "x", Importance::Low, {}); }),
             QStringLiteral("Invalid value x for configuration n: Not a number of type INT"));
    QCOMPARE(thrownMessage([&] {
                 def.define({.name = "m", .type = Type::Int, .defaultValue = 0,
                             .validator = ConfigDef::atLeast(1)});
             }),
             QStringLiteral("Invalid value 0 for configuration m: Value must be at least 1"));
    // String defaults are parsed by type.
    def.define("l", Type::Long, "2000", Importance::Low, {});
    QCOMPARE(def.key("l")->defaultValue->typeId(), QMetaType::LongLong);
    QCOMPARE(def.key("l")->defaultValue->toLongLong(), 2000);
    QVERIFY(def.key("k")->hasDefault());
    QVERIFY(!def.key("missing"));
}

void tst_ConfigDef::groupsNamesMerge()
{
    ConfigDef def;
    def.define({.name = "a", .group = "G1"})
        .define({.name = "b"})
        .define({.name = "c", .group = "G2"})
        .define({.name = "d", .group = "G1"});
    QCOMPARE(def.groups(), QStringList({"G1", "G2"}));
    QCOMPARE(def.names(), QStringList({"a", "b", "c", "d"}));

    ConfigDef other;
    other.define({.name = "a", .type = Type::Int, .defaultValue = 5})
        .define({.name = "e", .group = "G3"});
    def.merge(other);
    QCOMPARE(def.names(), QStringList({"a", "b", "c", "d", "e"}));
    QCOMPARE(def.key("a")->type, Type::String); // existing keys win
    QCOMPARE(def.groups(), QStringList({"G1", "G2", "G3"}));
}

void tst_ConfigDef::withPrefix()
{
    ConfigDef def;
    def.define({.name = "size", .type = Type::Int, .defaultValue = 1,
                .validator = ConfigDef::atLeast(1), .group = "G", .dependents = {"other"}})
        .define({.name = "other", .type = Type::String, .defaultValue = QVariant()});
    const ConfigDef prefixed = def.withPrefix("transforms.t.");
    QCOMPARE(prefixed.names(), QStringList({"transforms.t.size", "transforms.t.other"}));
    QCOMPARE(prefixed.key("transforms.t.size")->group, QStringLiteral("G"));
    QCOMPARE(prefixed.key("transforms.t.size")->dependents, QStringList{"transforms.t.other"});
    const auto values = prefixed.validate({{"transforms.t.size", "0"}});
    // As Kafka's embed(): the embedded validator sees the unprefixed name.
    QCOMPARE(values.at(0).errorMessages,
             QStringList{"Invalid value 0 for configuration size: Value must be at least 1"});
    QCOMPARE(prefixed.parse({{"transforms.t.size", "3"}}).value("transforms.t.size"), QVariant(3));
}

void tst_ConfigDef::abstractConfig()
{
    ConfigDef def;
    def.define("b", Type::Boolean, "TRUE", Importance::Low, {})
        .define("i", Type::Int, 3, Importance::Low, {})
        .define("s", Type::Short, 3, Importance::Low, {})
        .define("l", Type::Long, 4, Importance::Low, {})
        .define("d", Type::Double, 0.5, Importance::Low, {})
        .define("str", Type::String, QVariant(), Importance::Low, {})
        .define("pw", Type::Password, QVariant(), Importance::Low, {})
        .define("list", Type::List, "", Importance::Low, {});
    const ConfigMap originals{{"i", "12"}, {"pw", "s3cret"}, {"producer.acks", "all"},
                              {"producer.", "bare"}, {"list", "x,y"}};
    const AbstractConfig config(def, originals);
    QCOMPARE(config.getBoolean("b"), true);
    QCOMPARE(config.getInt("i"), 12);
    QCOMPARE(config.getShort("s"), qint16(3));
    QCOMPARE(config.getLong("l"), qint64(4));
    QCOMPARE(config.getDouble("d"), 0.5);
    QVERIFY(config.getString("str").isNull());
    QVERIFY(!config.get("str").isValid());
    QCOMPARE(config.getPassword("pw"), QStringLiteral("s3cret"));
    QCOMPARE(config.getList("list"), QStringList({"x", "y"}));
    QCOMPARE(config.originals(), originals);
    QCOMPARE(config.originalsWithPrefix("producer."), (ConfigMap{{"acks", "all"}}));
    QCOMPARE(config.originalsWithPrefix("producer.", false), (ConfigMap{{"producer.acks", "all"}}));
    QCOMPARE(thrownMessage([&] { config.get("nope"); }),
             QStringLiteral("Unknown configuration 'nope'"));
    QCOMPARE(thrownMessage([&] { AbstractConfig(def, {{"i", "x"}}); }),
             QStringLiteral("Invalid value x for configuration i: Not a number of type INT"));
}

void tst_ConfigDef::typeNames()
{
    QCOMPARE(ConfigDef::typeName(Type::Password), QStringLiteral("PASSWORD"));
    QCOMPARE(ConfigDef::typeName(Type::List), QStringLiteral("LIST"));
    QCOMPARE(ConfigDef::importanceName(Importance::Medium), QStringLiteral("MEDIUM"));
    QCOMPARE(ConfigDef::widthName(ConfigDef::Width::Long), QStringLiteral("LONG"));
}

QTEST_GUILESS_MAIN(tst_ConfigDef)
#include "tst_configdef.moc"
