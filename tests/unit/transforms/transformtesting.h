// SPDX-License-Identifier: Apache-2.0
// Shared helpers of the transform unit tests: record builders, exception capture and
// printing of Api::Value in QCOMPARE failures.
#pragma once

#include "core/api/exceptions.h"
#include "core/api/records.h"
#include "core/api/schema.h"
#include "core/api/value.h"

#include <QString>
#include <QTest>

#include <exception>
#include <initializer_list>
#include <optional>
#include <utility>

namespace ConnectDesk::Api {
/** Lets QCOMPARE print values, as Java's toString() does. */
inline char *toString(const Value &value)
{
    return qstrdup(value.toJavaString().toUtf8().constData());
}
} // namespace ConnectDesk::Api

namespace ConnectDesk::Transforms::Testing {

/**
 * A record of type R (Api::SinkRecord or Api::SourceRecord) on `topic`, partition 0, with the
 * given key, value and timestamp; everything else keeps its default.
 */
template<typename R = Api::SinkRecord>
R makeRecord(const QString &topic,
             const Api::SchemaAndValue &key,
             const Api::SchemaAndValue &value,
             std::optional<qint64> timestamp = {})
{
    R record;
    record.topic = topic;
    record.kafkaPartition = 0;
    record.keySchema = key.schema;
    record.key = key.value;
    record.valueSchema = value.schema;
    record.value = value.value;
    record.timestamp = timestamp;
    return record;
}

/** A record on topic "test", partition 0, with only a key. */
template<typename R = Api::SinkRecord>
R keyRecord(const Api::Schema &keySchema, const Api::Value &key)
{
    return makeRecord<R>(QStringLiteral("test"), {keySchema, key}, {});
}

/** A record on topic "test", partition 0, with only a value. */
template<typename R = Api::SinkRecord>
R valueRecord(const Api::Schema &valueSchema, const Api::Value &value)
{
    return makeRecord<R>(QStringLiteral("test"), {}, {valueSchema, value});
}

/** A schemaless map value with the given entries, in order. */
inline Api::Value entries(std::initializer_list<std::pair<const char *, Api::Value>> items)
{
    Api::ValueMap map;
    for (const auto &[k, v] : items)
        map.emplace_back(Api::Value(k), v);
    return Api::Value(std::move(map));
}

/**
 * The source record of Kafka's header transform tests: source partition {foo: bar}, source
 * offset {baz: quxx}, topic "topic", partition 0 and timestamp 0, without headers.
 */
inline Api::SourceRecord headerTestRecord(const Api::SchemaAndValue &key, const Api::SchemaAndValue &value)
{
    auto record = makeRecord<Api::SourceRecord>(QStringLiteral("topic"), key, value, 0);
    record.sourcePartition.insert(QStringLiteral("foo"), QStringLiteral("bar"));
    record.sourceOffset.insert(QStringLiteral("baz"), QStringLiteral("quxx"));
    return record;
}

/** Compares every field of two source records but their headers (Qt Test failures). */
inline void verifySameExceptHeaders(const Api::SourceRecord &expected, const Api::SourceRecord &actual)
{
    QCOMPARE(actual.sourcePartition, expected.sourcePartition);
    QCOMPARE(actual.sourceOffset, expected.sourceOffset);
    QCOMPARE(actual.topic, expected.topic);
    QCOMPARE(actual.kafkaPartition, expected.kafkaPartition);
    QCOMPARE(actual.keySchema, expected.keySchema);
    QCOMPARE(actual.key, expected.key);
    QCOMPARE(actual.valueSchema, expected.valueSchema);
    QCOMPARE(actual.value, expected.value);
    QCOMPARE(actual.timestamp, expected.timestamp);
}

/** What failureOf() returns when the call threw nothing. */
inline QString noFailure()
{
    return QStringLiteral("<no exception>");
}

/**
 * Runs `call` and returns the message of the E it throws, or noFailure(). Any other exception
 * comes back as "<unexpected CLASS: MESSAGE>", so comparing with the expected message fails.
 */
template<typename E, typename F>
QString failureOf(F &&call)
{
    try {
        call();
    } catch (const E &e) {
        return e.message();
    } catch (const std::exception &e) {
        return QStringLiteral("<unexpected %1: %2>")
            .arg(Api::exceptionClassName(e), QString::fromUtf8(e.what()));
    }
    return noFailure();
}

/**
 * Runs `call` and returns "CLASS: MESSAGE" of the Api::ConnectException it throws, CLASS being
 * Kafka's class name (javaClassName()), or noFailure(). Other exceptions come back as
 * "<unexpected CLASS: MESSAGE>".
 */
template<typename F>
QString anyFailureOf(F &&call)
{
    return failureOf<Api::ConnectException>([&] {
        try {
            call();
        } catch (const Api::ConnectException &e) {
            throw Api::ConnectException(e.javaClassName() + QStringLiteral(": ") + e.message());
        }
    });
}

} // namespace ConnectDesk::Transforms::Testing
