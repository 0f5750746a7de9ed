// SPDX-License-Identifier: Apache-2.0
// The exact JSON reader/writer behind JsonConverter (core/converters/json/).

#include "core/converters/json/jsonnumbers.h"
#include "core/converters/json/jsonreader.h"
#include "core/converters/json/jsonvalue.h"
#include "core/converters/json/jsonwriter.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace ConnectDesk::Converters;

class tst_Json : public QObject
{
    Q_OBJECT

private:
    static JsonValue parseOk(QByteArrayView text, const JsonReader::Options &options = {})
    {
        JsonParseError error;
        auto v = JsonReader::parse(text, options, &error);
        if (!v)
            qWarning() << "parse failed:" << error.toString();
        return v.value_or(JsonValue(QStringLiteral("<parse error>")));
    }

    static JsonParseError::Code parseError(QByteArrayView text,
                                           const JsonReader::Options &options = {})
    {
        JsonParseError error;
        auto v = JsonReader::parse(text, options, &error);
        return v ? JsonParseError::Code::None : error.code;
    }

private slots:
    void parsesDocument()
    {
        const JsonValue v = parseOk(R"( {"a": 1, "b": [true, false, null], "c": {"d": "x"}} )");
        QVERIFY(v.isObject());
        QCOMPARE(v.size(), 3);
        QCOMPARE(v[u"a"].toInt64(), 1);
        QCOMPARE(v[u"b"].size(), 2 + 1);
        QVERIFY(v[u"b"].at(0).toBool());
        QVERIFY(v[u"b"].at(2).isNull());
        QCOMPARE(v[u"c"][u"d"].toString(), QStringLiteral("x"));
        QVERIFY(v[u"missing"].isNull());
        QVERIFY(!v.contains(u"missing"));
        QCOMPARE(v.toObject().at(1).first, QStringLiteral("b"));
    }

    void keepsIntegersExact()
    {
        const JsonValue v = parseOk("[9007199254740993, -9223372036854775808, "
                                    "9223372036854775807, 9223372036854775808, "
                                    "123456789012345678901234567890, -0, 0012]",
                                    {.allowLeadingZeros = true});
        QVERIFY(v.at(0).isInt64());
        QCOMPARE(v.at(0).toInt64(), Q_INT64_C(9007199254740993));
        QCOMPARE(v.at(1).toInt64(), std::numeric_limits<qint64>::min());
        QCOMPARE(v.at(2).toInt64(), std::numeric_limits<qint64>::max());
        // Beyond 64 bits: integral, exact text, not an int64.
        QVERIFY(!v.at(3).isInt64());
        QVERIFY(v.at(3).isIntegral());
        QCOMPARE(v.at(3).numberText(), QByteArray("9223372036854775808"));
        QCOMPARE(v.at(4).numberText(), QByteArray("123456789012345678901234567890"));
        QCOMPARE(v.at(5).toInt64(-1), 0);
        QCOMPARE(v.at(6).toInt64(), 12);
        QCOMPARE(JsonWriter::toJson(v),
                 QByteArray("[9007199254740993,-9223372036854775808,9223372036854775807,"
                            "9223372036854775808,123456789012345678901234567890,0,12]"));
    }

    void keepsFractionText()
    {
        const JsonValue v = parseOk("[12.340, 1E+3, -1.5e-7, 0.1]");
        QVERIFY(!v.at(0).isIntegral());
        QCOMPARE(v.at(0).numberText(), QByteArray("12.340"));
        QCOMPARE(v.at(0).toDouble(), 12.34);
        QCOMPARE(v.at(1).toDouble(), 1000.0);
        QCOMPARE(v.at(2).toDouble(), -1.5e-7);
        QCOMPARE(v.at(3).toDouble(), 0.1);
        QCOMPARE(JsonWriter::toJson(v), QByteArray("[12.340,1E+3,-1.5e-7,0.1]"));
        QVERIFY(!v.at(0).isInt32());
    }

    void decodesStrings()
    {
        // (No raw strings with backslashes here: moc's lexer trips over them.)
        const JsonValue v = parseOk("[\"plain\", \"esc \\\" \\\\ \\/ \\b\\f\\n\\r\\t\", "
                                    "\"\\u00e9\\u20AC\", \"\\ud83d\\ude00\", "
                                    "\"h\xC3\xA9llo \xE2\x82\xAC\xF0\x9F\x98\x80\", \"\"]");
        QCOMPARE(v.at(0).toString(), QStringLiteral("plain"));
        QCOMPARE(v.at(1).toString(), QStringLiteral("esc \" \\ / \b\f\n\r\t"));
        QCOMPARE(v.at(2).toString(), QString::fromUtf8("é€"));
        QCOMPARE(v.at(3).toString(), QString::fromUtf8("😀"));
        QCOMPARE(v.at(4).toString(), QString::fromUtf8("héllo €😀"));
        QVERIFY(v.at(5).isString());
        QVERIFY(v.at(5).toString().isEmpty());
    }

    void rejectsMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("code");
        using C = JsonParseError::Code;
        QTest::newRow("empty") << QByteArray("") << int(C::EmptyInput);
        QTest::newRow("blank") << QByteArray(" \n\t") << int(C::EmptyInput);
        QTest::newRow("trailing comma") << QByteArray("[1,]") << int(C::UnexpectedCharacter);
        QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << int(C::UnexpectedCharacter);
        QTest::newRow("unquoted key") << QByteArray("{a:1}") << int(C::UnexpectedCharacter);
        QTest::newRow("unterminated object") << QByteArray(R"({"a":1)") << int(C::UnexpectedEnd);
        QTest::newRow("unterminated string") << QByteArray("[\"abc") << int(C::UnexpectedEnd);
        QTest::newRow("bad literal") << QByteArray("tru") << int(C::UnexpectedCharacter);
        QTest::newRow("glued literal") << QByteArray("truex") << int(C::UnexpectedCharacter);
        QTest::newRow("NaN") << QByteArray("NaN") << int(C::UnexpectedCharacter);
        QTest::newRow("leading zero") << QByteArray("012") << int(C::InvalidNumber);
        QTest::newRow("bare minus") << QByteArray("-") << int(C::InvalidNumber);
        QTest::newRow("dot without digits") << QByteArray("1.") << int(C::InvalidNumber);
        QTest::newRow("exponent without digits") << QByteArray("1e+") << int(C::InvalidNumber);
        QTest::newRow("plus sign") << QByteArray("+1") << int(C::UnexpectedCharacter);
        QTest::newRow("bad escape") << QByteArray("\"\\x\"") << int(C::InvalidEscape);
        QTest::newRow("short unicode escape") << QByteArray("\"\\u12\"") << int(C::InvalidEscape);
        QTest::newRow("control char") << QByteArray("\"a\nb\"") << int(C::ControlCharacter);
        QTest::newRow("invalid utf8") << QByteArray("\"\xC3\x28\"") << int(C::InvalidUtf8);
        QTest::newRow("overlong utf8") << QByteArray("\"\xC0\xAF\"") << int(C::InvalidUtf8);
        QTest::newRow("trailing content") << QByteArray("{} x") << int(C::TrailingContent);
        QTest::newRow("two values") << QByteArray("1 2") << int(C::TrailingContent);
    }

    void rejectsMalformedInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, code);
        QCOMPARE(int(parseError(input)), code);
    }

    void reportsPosition()
    {
        JsonParseError error;
        QVERIFY(!JsonReader::parse("{\n  \"a\": tru\n}", &error));
        QCOMPARE(error.line, 2);
        QCOMPARE(error.column, 8);
        QVERIFY(error.toString().contains(QStringLiteral("Unrecognized token 'tru'")));
        QVERIFY(error.toString().contains(QStringLiteral("line 2, column 8")));
    }

    void lenientOptions()
    {
        const JsonReader::Options jackson{.allowLeadingZeros = true, .allowTrailingContent = true};
        QCOMPARE(parseOk("{\"a\":007} trailing ] garbage", jackson)[u"a"].toInt64(), 7);
        QCOMPARE(parseOk("[1] [2]", jackson).size(), 1);
        // A root number glued to text is still an error, as in Jackson.
        QCOMPARE(parseError("12x", jackson), JsonParseError::Code::TrailingContent);
        QCOMPARE(parseOk("12 x", jackson).toInt64(), 12);
    }

    void limitsDepth()
    {
        const QByteArray deep = QByteArray(1001, '[') + QByteArray(1001, ']');
        QCOMPARE(parseError(deep), JsonParseError::Code::TooDeep);
        const QByteArray ok = QByteArray(1000, '[') + QByteArray(1000, ']');
        QCOMPARE(parseError(ok), JsonParseError::Code::None);
    }

    void skipsBom()
    {
        QCOMPARE(parseOk("\xEF\xBB\xBF{\"a\":1}")[u"a"].toInt64(), 1);
    }

    void duplicateKeysLastWins()
    {
        const JsonValue v = parseOk(R"({"a":1,"b":2,"a":3})");
        QCOMPARE(v.size(), 2);
        QCOMPARE(v.toObject().at(0).first, QStringLiteral("a"));
        QCOMPARE(v[u"a"].toInt64(), 3);
        // Many members take the hashed path.
        QByteArray big = "{";
        for (int i = 0; i < 40; ++i)
            big += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
        big += "\"k5\":500}";
        const JsonValue b = parseOk(big);
        QCOMPARE(b.size(), 40);
        QCOMPARE(b[u"k5"].toInt64(), 500);
        QCOMPARE(b.toObject().at(5).first, QStringLiteral("k5"));
    }

    void writesCompactJacksonStyle()
    {
        JsonWriter w;
        w.beginObject()
            .key(u"s")
            .writeString(QStringLiteral("q\" b\\ \n\t\x01\x1f é€😀 /"))
            .key(QLatin1StringView("n"))
            .writeNull()
            .key(u"a")
            .beginArray()
            .writeBool(true)
            .writeInt64(-5)
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .endArray()
            .key(u"l")
            .writeString(QLatin1StringView("caf\xe9"))
            .endObject();
        QCOMPARE(w.data(),
                 QByteArray("{\"s\":\"q\\\" b\\\\ \\n\\t\\u0001\\u001F \xC3\xA9\xE2\x82\xAC"
                            "\xF0\x9F\x98\x80 /\",\"n\":null,\"a\":[true,-5,{},[]],"
                            "\"l\":\"caf\xC3\xA9\"}"));
    }

    void writesLoneSurrogateAsReplacement()
    {
        JsonWriter w;
        w.writeString(QString(QChar(0xD800)));
        QCOMPARE(w.data(), QByteArray("\"\xEF\xBF\xBD\""));
    }

    void roundTripsDocument()
    {
        const QByteArray text = R"({"id":42,"big":12345678901234567890123,"f":-1.25E-3,)"
                                "\"s\":\"\\u001F\\\"\",\"arr\":[null,false,{\"x\":[]}]}";
        QCOMPARE(JsonWriter::toJson(parseOk(text)), text);
    }

    void formatsDoublesLikeJava_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("1") << 1.0 << QByteArray("1.0");
        QTest::newRow("1.5") << 1.5 << QByteArray("1.5");
        QTest::newRow("100") << 100.0 << QByteArray("100.0");
        QTest::newRow("12.34") << 12.34 << QByteArray("12.34");
        QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
        QTest::newRow("0.001") << 0.001 << QByteArray("0.001");
        QTest::newRow("1e-4") << 1e-4 << QByteArray("1.0E-4");
        QTest::newRow("1234567") << 1234567.0 << QByteArray("1234567.0");
        QTest::newRow("1e7") << 1e7 << QByteArray("1.0E7");
        QTest::newRow("1e10") << 1e10 << QByteArray("1.0E10");
        QTest::newRow("1.2345e10") << 1.2345e10 << QByteArray("1.2345E10");
        QTest::newRow("-2.5e-5") << -2.5e-5 << QByteArray("-2.5E-5");
        QTest::newRow("1e23") << 1e23 << QByteArray("1.0E23");
        QTest::newRow("max") << std::numeric_limits<double>::max()
                             << QByteArray("1.7976931348623157E308");
        QTest::newRow("min subnormal") << std::numeric_limits<double>::denorm_min()
                                       << QByteArray("4.9E-324");
        QTest::newRow("0") << 0.0 << QByteArray("0.0");
        QTest::newRow("-0") << -0.0 << QByteArray("-0.0");
        QTest::newRow("0.3") << 0.3 << QByteArray("0.3");
        QTest::newRow("2/3") << 2.0 / 3 << QByteArray("0.6666666666666666");
        QTest::newRow("9007199254740993") << 9007199254740993.0
                                          << QByteArray("9.007199254740992E15");
    }

    void formatsDoublesLikeJava()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(JsonNumbers::javaDoubleString(value), expected);
    }

    void formatsFloatsLikeJava()
    {
        QCOMPARE(JsonNumbers::javaFloatString(1.1f), QByteArray("1.1"));
        QCOMPARE(JsonNumbers::javaFloatString(12.34f), QByteArray("12.34"));
        QCOMPARE(JsonNumbers::javaFloatString(1e10f), QByteArray("1.0E10"));
        QCOMPARE(JsonNumbers::javaFloatString(std::numeric_limits<float>::max()),
                 QByteArray("3.4028235E38"));
        QCOMPARE(JsonNumbers::javaFloatString(std::numeric_limits<float>::denorm_min()),
                 QByteArray("1.4E-45"));
        QCOMPARE(JsonNumbers::javaFloatString(0.1f), QByteArray("0.1"));
    }

    void writesNonFiniteAsStrings()
    {
        JsonWriter w;
        w.beginArray()
            .writeDouble(std::numeric_limits<double>::quiet_NaN())
            .writeDouble(std::numeric_limits<double>::infinity())
            .writeFloat(-std::numeric_limits<float>::infinity())
            .endArray();
        QCOMPARE(w.data(), QByteArray(R"(["NaN","Infinity","-Infinity"])"));
    }

    void truncatesLikeJavaLongValue_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("int") << QByteArray("42") << qint64(42);
        QTest::newRow("fraction") << QByteArray("1.9") << qint64(1);
        QTest::newRow("negative fraction") << QByteArray("-1.9") << qint64(-1);
        QTest::newRow("exponent") << QByteArray("1.5E3") << qint64(1500);
        QTest::newRow("small") << QByteArray("1e-5") << qint64(0);
        QTest::newRow("2^63") << QByteArray("9223372036854775808")
                              << std::numeric_limits<qint64>::min();
        QTest::newRow("2^64+1") << QByteArray("18446744073709551617") << qint64(1);
        QTest::newRow("1e100") << QByteArray("1e100") << qint64(0);
        QTest::newRow("1e19") << QByteArray("1e19") << qint64(-8446744073709551616LL);
    }

    void truncatesLikeJavaLongValue()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, expected);
        QCOMPARE(JsonNumbers::truncatedInt64(text), expected);
    }

    void parsesOutOfRangeNumbers()
    {
        QCOMPARE(JsonNumbers::parseDouble("1e400"), std::numeric_limits<double>::infinity());
        QCOMPARE(JsonNumbers::parseDouble("-1e400"), -std::numeric_limits<double>::infinity());
        QCOMPARE(JsonNumbers::parseDouble("1e-400"), 0.0);
        QCOMPARE(JsonNumbers::parseFloat("1e39"), std::numeric_limits<float>::infinity());
        QCOMPARE(JsonNumbers::parseFloat("12.34"), 12.34f);
    }

    void rawMembers()
    {
        const QByteArray text = R"( {"schema": {"type": "int8"}, "payload" : [1, "x"], "schema":null} )";
        JsonParseError error;
        const auto members = JsonReader::parseRawMembers(text, &error);
        QVERIFY(members);
        QCOMPARE(members->size(), size_t(2));
        QCOMPARE(members->at(0).first, QStringLiteral("schema"));
        QCOMPARE(members->at(0).second, QByteArrayView("null"));
        QCOMPARE(members->at(1).first, QStringLiteral("payload"));
        QCOMPARE(members->at(1).second, QByteArrayView(R"([1, "x"])"));

        // Member values are validated even though they are not built.
        QVERIFY(!JsonReader::parseRawMembers(R"({"a": [1, tru]})", &error));
        QCOMPARE(error.code, JsonParseError::Code::UnexpectedCharacter);
        QVERIFY(!JsonReader::parseRawMembers("{\"a\": \"\xC3\x28\"}", &error));
        QCOMPARE(error.code, JsonParseError::Code::InvalidUtf8);
        QVERIFY(!JsonReader::parseRawMembers("[1]", &error));
        QCOMPARE(error.code, JsonParseError::Code::NotAnObject);
        QVERIFY(!JsonReader::parseRawMembers("{} x", &error));
        QCOMPARE(error.code, JsonParseError::Code::TrailingContent);
        QVERIFY(JsonReader::parseRawMembers("{} x", {.allowTrailingContent = true}));
        QCOMPARE(JsonReader::parseRawMembers(" {} ")->size(), size_t(0));
    }

    void valueEqualityAndHash()
    {
        const JsonValue a = parseOk(R"({"type":"int32","optional":false})");
        const JsonValue b = parseOk(R"({ "type" : "int32", "optional" : false })");
        const JsonValue c = parseOk(R"({"type":"int64","optional":false})");
        QCOMPARE(a, b);
        QCOMPARE(qHash(a), qHash(b));
        QVERIFY(!(a == c));
        QVERIFY(!(JsonValue(1) == JsonValue(1.0)));
    }

    void buildsValues()
    {
        JsonValue o = JsonValue::object();
        o.insert(QStringLiteral("b"), 1);
        o.insert(QStringLiteral("a"), QStringLiteral("x"));
        o.insert(QStringLiteral("b"), JsonValue::array().append(2.5).append(nullptr));
        o.append(QStringLiteral("n"), JsonValue::fromNumberText("1.50"));
        QCOMPARE(JsonWriter::toJson(o), QByteArray(R"({"b":[2.5,null],"a":"x","n":1.50})"));
    }
};

QTEST_GUILESS_MAIN(tst_Json)
#include "tst_json.moc"
