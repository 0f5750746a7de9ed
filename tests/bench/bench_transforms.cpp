// SPDX-License-Identifier: Apache-2.0
// Per-record cost of a chain of 5 transforms, schema'd (Struct) and schemaless (map), through
// the runtime's TransformationChain and ErrorHandler exactly as a task runs it:
//
//   InsertField$Value (static field) → ReplaceField$Value (rename) → MaskField$Value →
//   Cast$Value (int64 field to string) → RegexRouter (topic)
//
//   build/bench/bench_transforms [RECORDS]        (default 1,000,000)
//
// Each record is copied from a template before the chain runs (a task gets a fresh record
// too); the copy alone is timed separately and subtracted. Prints ns/record; asserts nothing.
#include "core/api/schema.h"
#include "core/api/struct.h"
#include "core/plugin/pluginregistry.h"
#include "core/runtime/connect.h"
#include "core/runtime/errorhandler.h"
#include "core/runtime/transformationchain.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace ConnectDesk;

namespace {

Api::ConfigMap chainConfig(const QString &aliases = QStringLiteral("insert,rename,mask,cast,route"))
{
    return {
        {QStringLiteral("transforms"), aliases},
        {QStringLiteral("transforms.insert.type"), QStringLiteral("org.apache.kafka.connect.transforms.InsertField$Value")},
        {QStringLiteral("transforms.insert.static.field"), QStringLiteral("origin")},
        {QStringLiteral("transforms.insert.static.value"), QStringLiteral("bench")},
        {QStringLiteral("transforms.rename.type"), QStringLiteral("org.apache.kafka.connect.transforms.ReplaceField$Value")},
        {QStringLiteral("transforms.rename.renames"), QStringLiteral("name:customer")},
        {QStringLiteral("transforms.mask.type"), QStringLiteral("org.apache.kafka.connect.transforms.MaskField$Value")},
        {QStringLiteral("transforms.mask.fields"), QStringLiteral("card")},
        {QStringLiteral("transforms.cast.type"), QStringLiteral("org.apache.kafka.connect.transforms.Cast$Value")},
        {QStringLiteral("transforms.cast.spec"), QStringLiteral("amount:string")},
        {QStringLiteral("transforms.route.type"), QStringLiteral("org.apache.kafka.connect.transforms.RegexRouter")},
        {QStringLiteral("transforms.route.regex"), QStringLiteral("(.*)-raw")},
        {QStringLiteral("transforms.route.replacement"), QStringLiteral("$1-clean")},
    };
}

Api::SinkRecord schemaRecord()
{
    const Api::Schema schema = Api::SchemaBuilder::structBuilder()
                                   .name(QStringLiteral("com.example.Order"))
                                   .field(QStringLiteral("id"), Api::Schema::int64())
                                   .field(QStringLiteral("name"), Api::Schema::string())
                                   .field(QStringLiteral("card"), Api::Schema::string())
                                   .field(QStringLiteral("amount"), Api::Schema::int64())
                                   .field(QStringLiteral("paid"), Api::Schema::boolean())
                                   .build();
    auto value = Api::Struct::create(schema);
    value->put(QStringLiteral("id"), Api::Value::int64(42))
        .put(QStringLiteral("name"), Api::Value(QStringLiteral("Ada Lovelace")))
        .put(QStringLiteral("card"), Api::Value(QStringLiteral("4111-1111-1111-1111")))
        .put(QStringLiteral("amount"), Api::Value::int64(1999))
        .put(QStringLiteral("paid"), Api::Value(true));
    Api::SinkRecord record;
    record.topic = QStringLiteral("orders-raw");
    record.kafkaPartition = 0;
    record.valueSchema = schema;
    record.value = Api::Value(value);
    return record;
}

Api::SinkRecord mapRecord()
{
    Api::SinkRecord record;
    record.topic = QStringLiteral("orders-raw");
    record.kafkaPartition = 0;
    record.value = Api::Value(Api::ValueMap{
        {Api::Value(QStringLiteral("id")), Api::Value::int64(42)},
        {Api::Value(QStringLiteral("name")), Api::Value(QStringLiteral("Ada Lovelace"))},
        {Api::Value(QStringLiteral("card")), Api::Value(QStringLiteral("4111-1111-1111-1111"))},
        {Api::Value(QStringLiteral("amount")), Api::Value::int64(1999)},
        {Api::Value(QStringLiteral("paid")), Api::Value(true)},
    });
    return record;
}

// A Struct is shared like a Java reference; a task's record owns its own, so copy deeply.
Api::SinkRecord fresh(const Api::SinkRecord &templ)
{
    Api::SinkRecord record = templ;
    if (record.value.kind() == Api::Value::Kind::Struct)
        record.value = Api::Value(record.value.toStruct()->clone());
    return record;
}

double nsPerRecord(qint64 records, const std::function<void()> &body)
{
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < records; ++i)
        body();
    return double(timer.nsecsElapsed()) / double(records);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 records = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    Plugin::PluginRegistry registry;
    Runtime::registerBuiltinPlugins(registry);
    auto chain = Runtime::TransformationChain::build(chainConfig(), registry);
    if (!chain) {
        std::fprintf(stderr, "cannot build the chain: %s\n", qPrintable(chain.error().message));
        return 1;
    }
    std::atomic_bool stopping = false;
    Runtime::ErrorHandler errors(Api::ConfigMap{}, QStringLiteral("bench"), 0, &stopping);

    std::printf("%lld records, chain: InsertField, ReplaceField, MaskField, Cast, RegexRouter\n", records);
    for (const auto &[label, templ] : {std::pair{"schema'd (Struct)", schemaRecord()}, std::pair{"schemaless (map)", mapRecord()}}) {
        // Check once that the chain did its work.
        Api::SinkRecord check = fresh(templ);
        bool skipped = false;
        if (!chain.value()->apply(check, errors, &skipped) || check.topic != QLatin1String("orders-clean")) {
            std::fprintf(stderr, "%s: the chain did not transform the record\n", label);
            return 1;
        }
        qint64 sink = 0;
        const double copyNs = nsPerRecord(records, [&] { sink += fresh(templ).topic.size(); });
        const double totalNs = nsPerRecord(records, [&] {
            Api::SinkRecord record = fresh(templ);
            chain.value()->apply(record, errors, &skipped);
            sink += record.topic.size();
        });
        std::printf("%-20s %8.0f ns/record for the chain (%.0f with the record copy), %.2f M records/s\n",
                    label, totalNs - copyNs, totalNs, 1000.0 / (totalNs - copyNs));
        // Each transform alone, to see where the time goes.
        for (const char *alias : {"insert", "rename", "mask", "cast", "route"}) {
            auto single = Runtime::TransformationChain::build(chainConfig(QLatin1String(alias)), registry);
            const double ns = nsPerRecord(records / 5, [&] {
                Api::SinkRecord record = fresh(templ);
                single.value()->apply(record, errors, &skipped);
                sink += record.topic.size();
            });
            std::printf("    %-8s %8.0f ns/record\n", alias, ns - copyNs);
        }
        if (sink == 42)
            std::printf(" ");
    }
    return 0;
}
