// SPDX-License-Identifier: Apache-2.0
// Converters chosen per connector win over the worker's, with their own `value.converter.*`
// settings, and JsonConverter writes Kafka Connect's exact envelope.
#include "tests/support/childprocess.h"
#include "tests/support/kafkaprobe.h"
#include "tests/support/testfiles.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk::TestSupport;

namespace {
constexpr int LongTimeoutMs = 120000;
// Topics the development broker creates on first use have 4 partitions.
constexpr int AutoCreatedPartitions = 4;
} // namespace

class tst_ConverterOverride : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void connectorConvertersOverrideTheWorkers();
};

void tst_ConverterOverride::initTestCase()
{
    QVERIFY2(!buildDir().isEmpty(), "CONNECTDESK_BUILD_DIR is not set");
    QVERIFY2(QFileInfo(workerBinary()).isExecutable(), qPrintable(workerBinary()));
}

void tst_ConverterOverride::connectorConvertersOverrideTheWorkers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("in.txt"));
    const QString decoded = dir.filePath(QStringLiteral("decoded.txt"));
    const QString raw = dir.filePath(QStringLiteral("raw.txt"));
    QVERIFY(writeFile(input, "hello\nw\xc3\xb6rld\n"));

    // The worker converts with StringConverter; the source and one sink use JsonConverter.
    const QString workerFile = dir.filePath(QStringLiteral("worker.properties"));
    QVERIFY(writeProperties(workerFile, workerProperties(dir.path())));
    auto source = fileSourceConfig(QStringLiteral("json-source"), input, QStringLiteral("json-lines"));
    source.insert(QStringLiteral("value.converter"), QStringLiteral("org.apache.kafka.connect.json.JsonConverter"));
    auto decodingSink = fileSinkConfig(QStringLiteral("json-sink"), decoded, QStringLiteral("json-lines"));
    decodingSink.insert(QStringLiteral("value.converter"), QStringLiteral("JsonConverter"));
    decodingSink.insert(QStringLiteral("value.converter.schemas.enable"), QStringLiteral("true"));
    const auto rawSink = fileSinkConfig(QStringLiteral("raw-sink"), raw, QStringLiteral("json-lines"));
    const QString sourceFile = dir.filePath(QStringLiteral("source.properties"));
    const QString decodingFile = dir.filePath(QStringLiteral("json-sink.properties"));
    const QString rawFile = dir.filePath(QStringLiteral("raw-sink.properties"));
    QVERIFY(writeProperties(sourceFile, source));
    QVERIFY(writeProperties(decodingFile, decodingSink));
    QVERIFY(writeProperties(rawFile, rawSink));

    ChildProcess worker(QStringLiteral("worker"));
    QVERIFY(worker.startWorker({QStringLiteral("standalone"), workerFile, sourceFile, decodingFile, rawFile}));
    const QString broker = worker.waitForBroker();
    QVERIFY2(!broker.isEmpty(), qPrintable(worker.transcript()));

    // The JSON sink decodes the envelope back to the lines; the String sink sees the envelope.
    QTRY_VERIFY_WITH_TIMEOUT(readLines(decoded).size() >= 2 && readLines(raw).size() >= 2, LongTimeoutMs);
    // The topic is auto-created with 4 partitions: Kafka keeps no order across partitions, so
    // the lines are compared as sets.
    auto sorted = [](QStringList lines) {
        lines.sort();
        return lines;
    };
    QCOMPARE(sorted(readLines(decoded)), (QStringList{QStringLiteral("hello"), QStringLiteral("w\u00f6rld")}));
    const QStringList envelopes{
        QStringLiteral(R"({"schema":{"type":"string","optional":false},"payload":"hello"})"),
        QStringLiteral("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"w\u00f6rld\"}")};
    QCOMPARE(sorted(readLines(raw)), sorted(envelopes));

    // And that is byte for byte what the topic holds.
    const auto records = KafkaProbe(broker).readTopic(QStringLiteral("json-lines"), AutoCreatedPartitions);
    QVERIFY(records);
    QStringList values;
    for (const TopicRecord &record : *records)
        values.append(QString::fromUtf8(record.value));
    values.sort();
    QStringList expected = envelopes;
    expected.sort();
    QCOMPARE(values, expected);

    QVERIFY(worker.terminate());
    QCOMPARE(worker.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_ConverterOverride)
#include "tst_converteroverride.moc"
