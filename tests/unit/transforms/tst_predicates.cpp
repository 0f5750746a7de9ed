// SPDX-License-Identifier: Apache-2.0
// The predicates TopicNameMatches, HasHeaderKey and RecordIsTombstone (Kafka's
// TopicNameMatchesTest and HasHeaderKeyTest cases).
#include "core/api/exceptions.h"
#include "core/transforms/hasheaderkey.h"
#include "core/transforms/recordistombstone.h"
#include "core/transforms/topicnamematches.h"
#include "transformtesting.h"

#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::Transforms;
using namespace ConnectDesk::Transforms::Testing;

namespace {

Api::SourceRecord withTopic(const QString &topic)
{
    Api::SourceRecord r;
    r.topic = topic;
    return r;
}

Api::SourceRecord withHeaders(const QStringList &keys)
{
    Api::SourceRecord r;
    for (const QString &key : keys)
        r.headers.add(key, Api::Schema(), Api::Value());
    return r;
}

QString configError(const Api::Predicate &predicate, const Api::ConfigMap &props)
{
    return failureOf<Api::ConfigException>([&] { Api::AbstractConfig(predicate.config(), props); });
}

} // namespace

class TestPredicates : public QObject
{
    Q_OBJECT

private slots:
    void topicPatternRequired()
    {
        QVERIFY(configError(TopicNameMatches(), {}).contains(QStringLiteral("Missing required configuration \"pattern\"")));
        QCOMPARE(configError(TopicNameMatches(), {{QStringLiteral("pattern"), QStringLiteral("")}}),
                 QStringLiteral("Invalid value  for configuration pattern: String must be non-empty"));
        QCOMPARE(configError(TopicNameMatches(), {{QStringLiteral("pattern"), QStringLiteral("[")}}),
                 QStringLiteral("Invalid value [ for configuration pattern: Invalid regex: "
                                "Unclosed character class near index 0\n[\n^"));
        QVERIFY_THROWS_EXCEPTION(Api::ConfigException,
                                 TopicNameMatches().configure({{QStringLiteral("pattern"), QStringLiteral("(")}}));
    }

    void topicPatternValidate()
    {
        const auto ok = TopicNameMatches().config().validate({{QStringLiteral("pattern"), QStringLiteral("my-prefix-.*")}});
        QVERIFY(ok.at(0).errorMessages.isEmpty());
        const auto bad = TopicNameMatches().config().validate({{QStringLiteral("pattern"), QStringLiteral("*")}});
        QCOMPARE(bad.at(0).errorMessages.size(), 1);
        QVERIFY(bad.at(0).errorMessages.at(0).contains(QStringLiteral("Invalid regex")));
        QCOMPARE(TopicNameMatches().config().key(QStringLiteral("pattern"))->validator.description,
                 QStringLiteral("non-empty string, valid regex"));
    }

    void topicNameMatchesWholeTopic()
    {
        TopicNameMatches predicate;
        predicate.configure({{QStringLiteral("pattern"), QStringLiteral("my-prefix-.*")}});
        QVERIFY(predicate.test(withTopic(QStringLiteral("my-prefix-"))));
        QVERIFY(predicate.test(withTopic(QStringLiteral("my-prefix-foo"))));
        QVERIFY(!predicate.test(withTopic(QStringLiteral("x-my-prefix-"))));
        QVERIFY(!predicate.test(withTopic(QStringLiteral("x-my-prefix-foo"))));
        QVERIFY(!predicate.test(withTopic(QStringLiteral("your-prefix-"))));
        QVERIFY(!predicate.test(withTopic(QStringLiteral("your-prefix-foo"))));
        QVERIFY(!predicate.test(withTopic(QString()))); // no topic
        TopicNameMatches exact;
        exact.configure({{QStringLiteral("pattern"), QStringLiteral("foo")}});
        QVERIFY(exact.test(withTopic(QStringLiteral("foo"))));
        QVERIFY(!exact.test(withTopic(QStringLiteral("foobar"))));
    }

    void headerNameRequired()
    {
        QVERIFY(configError(HasHeaderKey(), {}).contains(QStringLiteral("Missing required configuration \"name\"")));
        QVERIFY(configError(HasHeaderKey(), {{QStringLiteral("name"), QStringLiteral("")}})
                    .contains(QStringLiteral("String must be non-empty")));
        const auto validated = HasHeaderKey().config().validate({{QStringLiteral("name"), QStringLiteral("")}});
        QCOMPARE(validated.at(0).errorMessages,
                 QStringList{QStringLiteral("Invalid value  for configuration name: String must be non-empty")});
    }

    void hasHeaderKey()
    {
        HasHeaderKey predicate;
        predicate.configure({{QStringLiteral("name"), QStringLiteral("foo")}});
        QVERIFY(predicate.test(withHeaders({QStringLiteral("foo")})));
        QVERIFY(predicate.test(withHeaders({QStringLiteral("foo"), QStringLiteral("bar")})));
        QVERIFY(predicate.test(withHeaders({QStringLiteral("bar"), QStringLiteral("foo"), QStringLiteral("bar"), QStringLiteral("foo")})));
        QVERIFY(!predicate.test(withHeaders({QStringLiteral("bar")})));
        QVERIFY(!predicate.test(withHeaders({QStringLiteral("bar"), QStringLiteral("bar")})));
        QVERIFY(!predicate.test(withHeaders({})));
        QVERIFY(!predicate.test(Api::SourceRecord()));
    }

    void recordIsTombstone()
    {
        RecordIsTombstone predicate;
        predicate.configure({});
        Api::SinkRecord record;
        record.key = QStringLiteral("k");
        QVERIFY(predicate.test(record));
        record.valueSchema = Api::Schema::optionalString(); // a schema does not make it less of a tombstone
        QVERIFY(predicate.test(record));
        record.value = QStringLiteral("v");
        QVERIFY(!predicate.test(record));
        QVERIFY(predicate.config().names().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPredicates)
#include "tst_predicates.moc"
