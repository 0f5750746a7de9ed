// SPDX-License-Identifier: Apache-2.0
// InsertHeader, DropHeaders and Filter (Kafka's InsertHeaderTest and DropHeadersTest cases).
#include "core/api/exceptions.h"
#include "core/api/struct.h"
#include "core/transforms/dropheaders.h"
#include "core/transforms/filter.h"
#include "core/transforms/insertheader.h"
#include "transformtesting.h"

#include <QTest>

Q_DECLARE_METATYPE(ConnectDesk::Api::Schema)
Q_DECLARE_METATYPE(ConnectDesk::Api::Value)

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

Api::SourceRecord sourceRecord(const Api::Headers &headers)
{
    auto r = headerTestRecord({Api::Schema(), Api::Value(QStringLiteral("key"))},
                              {Api::Schema(), Api::Value(QStringLiteral("value"))});
    r.headers = headers;
    return r;
}

Api::ConfigMap insertConfig(const QString &header, const QString &literal)
{
    Api::ConfigMap map;
    if (!header.isNull())
        map.insert(QStringLiteral("header"), header);
    if (!literal.isNull())
        map.insert(QStringLiteral("value.literal"), literal);
    return map;
}

} // namespace

class TestHeaderTransforms : public QObject
{
    Q_OBJECT

private slots:
    void insertionWithExistingOtherHeader()
    {
        InsertHeader xform;
        xform.configure(insertConfig(QStringLiteral("inserted"), QStringLiteral("inserted-value")));
        Api::Headers headers;
        headers.addString(QStringLiteral("existing"), QStringLiteral("existing-value"));
        Api::Headers expected = headers;
        expected.addString(QStringLiteral("inserted"), QStringLiteral("inserted-value"));
        const auto original = sourceRecord(headers);
        auto record = original;
        QVERIFY(xform.apply(record));
        verifySameExceptHeaders(original, record);
        QCOMPARE(record.headers, expected);
    }

    void insertionWithExistingSameHeader()
    {
        InsertHeader xform;
        xform.configure(insertConfig(QStringLiteral("existing"), QStringLiteral("inserted-value")));
        Api::Headers headers;
        headers.addString(QStringLiteral("existing"), QStringLiteral("preexisting-value"));
        Api::Headers expected = headers;
        expected.addString(QStringLiteral("existing"), QStringLiteral("inserted-value"));
        auto record = sourceRecord(headers);
        QVERIFY(xform.apply(record));
        QCOMPARE(record.headers, expected);
    }

    void literalIsParsedWithValues_data()
    {
        QTest::addColumn<QString>("literal");
        QTest::addColumn<Api::Schema>("schema");
        QTest::addColumn<Api::Value>("value");
        QTest::newRow("byte") << "1" << Api::Schema::int8() << Api::Value::int8(1);
        QTest::newRow("short") << "1000" << Api::Schema::int16() << Api::Value::int16(1000);
        QTest::newRow("boolean") << "true" << Api::Schema::boolean() << Api::Value(true);
        QTest::newRow("string") << "hello world" << Api::Schema::string() << Api::Value(QStringLiteral("hello world"));
        QTest::newRow("empty string") << "" << Api::Schema::string() << Api::Value(QStringLiteral(""));
    }

    void literalIsParsedWithValues()
    {
        QFETCH(QString, literal);
        QFETCH(Api::Schema, schema);
        QFETCH(Api::Value, value);
        InsertHeader xform;
        xform.configure(insertConfig(QStringLiteral("inserted"), literal));
        auto record = sourceRecord({});
        QVERIFY(xform.apply(record));
        QCOMPARE(record.headers.size(), 1);
        const Api::Header &header = *record.headers.lastWithName(QStringLiteral("inserted"));
        QCOMPARE(header.schema, schema);
        QCOMPARE(header.value, value);
    }

    void insertHeaderConfigRejectsMissingKeys()
    {
        InsertHeader xform;
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { xform.configure(insertConfig({}, QStringLiteral("1"))); }),
                 QStringLiteral("Missing required configuration \"header\" which has no default value."));
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { xform.configure(insertConfig(QStringLiteral("inserted"), {})); }),
                 QStringLiteral("Missing required configuration \"value.literal\" which has no default value."));
        const auto def = xform.config();
        QCOMPARE(def.names(), (QStringList{QStringLiteral("header"), QStringLiteral("value.literal")}));
        QCOMPARE(def.key(QStringLiteral("header"))->validator.description, QStringLiteral("non-null string"));
    }

    void dropExistingHeader()
    {
        DropHeaders xform;
        xform.configure({{QStringLiteral("headers"), QStringLiteral("to-drop")}});
        Api::Headers expected;
        expected.addString(QStringLiteral("existing"), QStringLiteral("existing-value"));
        Api::Headers headers = expected;
        headers.addString(QStringLiteral("to-drop"), QStringLiteral("existing-value"));
        const auto original = sourceRecord(headers);
        auto record = original;
        QVERIFY(xform.apply(record));
        verifySameExceptHeaders(original, record);
        QCOMPARE(record.headers, expected);
    }

    void dropExistingHeaderWithMultipleValues()
    {
        DropHeaders xform;
        xform.configure({{QStringLiteral("headers"), QStringLiteral("to-drop, other")}});
        Api::Headers headers;
        headers.addString(QStringLiteral("to-drop"), QStringLiteral("a"));
        headers.addString(QStringLiteral("existing"), QStringLiteral("existing-value"));
        headers.addString(QStringLiteral("to-drop"), QStringLiteral("b"));
        headers.addString(QStringLiteral("other"), QStringLiteral("c"));
        headers.addString(QStringLiteral("kept"), QStringLiteral("d"));
        Api::Headers expected;
        expected.addString(QStringLiteral("existing"), QStringLiteral("existing-value"));
        expected.addString(QStringLiteral("kept"), QStringLiteral("d"));
        auto record = sourceRecord(headers);
        QVERIFY(xform.apply(record));
        QCOMPARE(record.headers, expected);
    }

    void dropNonExistingHeader()
    {
        DropHeaders xform;
        xform.configure({{QStringLiteral("headers"), QStringLiteral("to-drop")}});
        Api::Headers expected;
        expected.addString(QStringLiteral("existing"), QStringLiteral("existing-value"));
        auto record = sourceRecord(expected);
        QVERIFY(xform.apply(record));
        QCOMPARE(record.headers, expected);
    }

    void dropHeadersConfigRejectsEmptyList()
    {
        DropHeaders xform;
        QCOMPARE(failureOf<Api::ConfigException>(
                     [&] { xform.configure({{QStringLiteral("headers"), QStringLiteral("")}}); }),
                 QStringLiteral("Invalid value [] for configuration headers: Empty list"));
        QVERIFY_THROWS_EXCEPTION(Api::ConfigException, xform.configure({}));
        QCOMPARE(xform.config().key(QStringLiteral("headers"))->validator.description, QStringLiteral("non-empty list"));
    }

    void filterDropsEverything()
    {
        Filter filter;
        filter.configure({{QStringLiteral("anything"), QStringLiteral("ignored")}});
        auto record = sourceRecord({});
        QVERIFY(!filter.apply(record));
        Api::SinkRecord tombstone;
        QVERIFY(!filter.apply(tombstone));
        QVERIFY(filter.config().names().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHeaderTransforms)
#include "tst_headertransforms.moc"
