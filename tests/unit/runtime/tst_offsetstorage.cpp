// SPDX-License-Identifier: Apache-2.0
#include "core/converters/jsonconverter.h"
#include "core/runtime/offsetstorage.h"
#include "core/storage/fileoffsetstore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk;
using Runtime::OffsetCodec;
using Runtime::OffsetReader;

namespace {

std::unique_ptr<OffsetCodec> makeCodec()
{
    return std::make_unique<OffsetCodec>(std::make_unique<Converters::JsonConverter>());
}

Api::OffsetMap fileMap(const Api::Value &file)
{
    Api::OffsetMap map;
    map.insert(QStringLiteral("filename"), file);
    return map;
}

Api::OffsetMap positionMap(const Api::Value &position)
{
    Api::OffsetMap map;
    map.insert(QStringLiteral("position"), position);
    return map;
}

// An in-memory backing store holding exactly the bytes it was given.
class MemoryStore : public Storage::OffsetBackingStore
{
public:
    std::optional<QByteArray> get(const QByteArray &key) const override
    {
        const auto it = m_data.constFind(key);
        return it == m_data.cend() ? std::nullopt : std::optional<QByteArray>(*it);
    }
    Util::Error write(const QList<QPair<QByteArray, QByteArray>> &entries) override
    {
        for (const auto &[key, value] : entries) {
            if (value.isNull())
                m_data.remove(key);
            else
                m_data.insert(key, value);
        }
        return {};
    }
    QList<QPair<QByteArray, QByteArray>> entries() const override
    {
        QList<QPair<QByteArray, QByteArray>> result;
        for (auto it = m_data.cbegin(); it != m_data.cend(); ++it)
            result.append({it.key(), it.value()});
        return result;
    }

private:
    QMap<QByteArray, QByteArray> m_data;
};

} // namespace

class tst_OffsetStorage : public QObject
{
    Q_OBJECT

private slots:
    void keyBytesAreKafkas_data();
    void keyBytesAreKafkas();
    void valueBytesAreKafkas_data();
    void valueBytesAreKafkas();
    void tombstoneValue();
    void parseKey_data();
    void parseKey();
    void parseValue_data();
    void parseValue();
    void roundTrip();
    void readerFindsKafkaWrittenBytes();
    void readerThroughTheOffsetsFile();
};

void tst_OffsetStorage::keyBytesAreKafkas_data()
{
    QTest::addColumn<QString>("connector");
    QTest::addColumn<Api::OffsetMap>("partition");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("FileStreamSource") << "name" << fileMap(QStringLiteral("/x"))
                                      << QByteArray(R"(["name",{"filename":"/x"}])");
    QTest::newRow("kafka docs example") << "file-src" << fileMap(QStringLiteral("/tmp/in.txt"))
                                        << QByteArray(R"(["file-src",{"filename":"/tmp/in.txt"}])");
    // Jackson escapes quotes, backslashes and control characters; '/' and non-ASCII stay as
    // they are (UTF-8).
    QTest::newRow("escapes") << "we \"quoted\""
                             << fileMap(QStringLiteral("/d\\ir/caf\u00e9\tx y"))
                             << QString::fromUtf8("[\"we \\\"quoted\\\"\",{\"filename\":"
                                                  "\"/d\\\\ir/caf\u00e9\\tx y\"}]")
                                    .toUtf8();
    QTest::newRow("stdin (null filename)") << "stdin-src" << fileMap(Api::Value())
                                           << QByteArray(R"(["stdin-src",{"filename":null}])");
    Api::OffsetMap numbers;
    numbers.insert(QStringLiteral("shard"), Api::Value(qint32(3)));
    QTest::newRow("integer partition") << "c" << numbers << QByteArray(R"(["c",{"shard":3}])");
    QTest::newRow("empty partition") << "c" << Api::OffsetMap() << QByteArray(R"(["c",{}])");
}

void tst_OffsetStorage::keyBytesAreKafkas()
{
    QFETCH(QString, connector);
    QFETCH(Api::OffsetMap, partition);
    QFETCH(QByteArray, expected);
    QCOMPARE(makeCodec()->key(connector, partition), expected);
}

void tst_OffsetStorage::valueBytesAreKafkas_data()
{
    QTest::addColumn<Api::OffsetMap>("offset");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("position 42") << positionMap(Api::Value(qint64(42)))
                                 << QByteArray(R"({"position":42})");
    QTest::newRow("position 0") << positionMap(Api::Value(qint64(0)))
                                << QByteArray(R"({"position":0})");
    // Beyond 2^53: 64-bit integers must not go through a double.
    QTest::newRow("position 2^53+1") << positionMap(Api::Value(qint64(9007199254740993LL)))
                                     << QByteArray(R"({"position":9007199254740993})");
    QTest::newRow("stdin (null position)") << positionMap(Api::Value())
                                           << QByteArray(R"({"position":null})");
    QTest::newRow("string offset") << positionMap(Api::Value(QStringLiteral("abc")))
                                   << QByteArray(R"({"position":"abc"})");
}

void tst_OffsetStorage::valueBytesAreKafkas()
{
    QFETCH(Api::OffsetMap, offset);
    QFETCH(QByteArray, expected);
    QCOMPARE(makeCodec()->value(offset), expected);
}

void tst_OffsetStorage::tombstoneValue()
{
    const QByteArray tombstone = makeCodec()->value(std::nullopt);
    QVERIFY(tombstone.isNull());
}

void tst_OffsetStorage::parseKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("connector");
    QTest::addColumn<QString>("filename");

    QTest::newRow("Kafka's key") << QByteArray(R"(["name",{"filename":"/x"}])") << true << "name"
                                 << "/x";
    QTest::newRow("spaces are fine to read") << QByteArray(R"([ "name" , { "filename" : "/x" } ])")
                                             << true << "name" << "/x";
    QTest::newRow("not an array") << QByteArray(R"({"name":"x"})") << false << "" << "";
    QTest::newRow("first not a string") << QByteArray(R"([1,{"filename":"/x"}])") << false << ""
                                        << "";
    QTest::newRow("second not an object") << QByteArray(R"(["name","/x"])") << false << "" << "";
    QTest::newRow("three elements") << QByteArray(R"(["name",{},{}])") << false << "" << "";
    QTest::newRow("not JSON") << QByteArray("[\"name\",{") << false << "" << "";
    QTest::newRow("empty") << QByteArray("") << false << "" << "";
}

void tst_OffsetStorage::parseKey()
{
    QFETCH(QByteArray, key);
    QFETCH(bool, valid);
    QFETCH(QString, connector);
    QFETCH(QString, filename);
    const auto parsed = makeCodec()->parseKey(key);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(parsed->first, connector);
    QCOMPARE(parsed->second.value(QStringLiteral("filename")).toString(), filename);
}

void tst_OffsetStorage::parseValue_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("position");

    QTest::newRow("position") << QByteArray(R"({"position":42})") << true << qint64(42);
    QTest::newRow("big position") << QByteArray(R"({"position":9007199254740993})") << true
                                  << qint64(9007199254740993LL);
    QTest::newRow("tombstone") << QByteArray() << false << qint64(0);
    QTest::newRow("array") << QByteArray("[1]") << false << qint64(0);
    QTest::newRow("not JSON") << QByteArray("{\"position\":") << false << qint64(0);
}

void tst_OffsetStorage::parseValue()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    QFETCH(qint64, position);
    const auto parsed = makeCodec()->parseValue(value);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    const Api::Value stored = parsed->value(QStringLiteral("position"));
    // Numbers come back as 64-bit integers, whatever was written (Kafka's rule).
    QCOMPARE(stored.kind(), Api::Value::Kind::Int64);
    QCOMPARE(stored.integerValue(), position);
}

void tst_OffsetStorage::roundTrip()
{
    auto codec = makeCodec();
    const Api::OffsetMap partition = fileMap(QStringLiteral("/data/\u00fcber \"x\".txt"));
    const auto key = codec->parseKey(codec->key(QStringLiteral("conn"), partition));
    QVERIFY(key);
    QCOMPARE(key->first, QStringLiteral("conn"));
    QCOMPARE(key->second, partition);
    // An int32 written comes back as an int64 of the same value.
    const auto value = codec->parseValue(codec->value(positionMap(Api::Value(qint32(7)))));
    QVERIFY(value);
    QCOMPARE(value->value(QStringLiteral("position")), Api::Value(qint64(7)));
}

void tst_OffsetStorage::readerFindsKafkaWrittenBytes()
{
    // Bytes as Kafka Connect writes them (e.g. copied from an offsets topic) are found.
    auto store = std::make_shared<MemoryStore>();
    QVERIFY(!store->write({{R"(["name",{"filename":"/x"}])", R"({"position":42})"},
                           {R"(["other",{"filename":"/x"}])", R"({"position":7})"}}));
    OffsetReader reader(QStringLiteral("name"), store, makeCodec());
    const auto offset = reader.offset(fileMap(QStringLiteral("/x")));
    QVERIFY(offset);
    QCOMPARE(offset->value(QStringLiteral("position")).integerValue(), 42);
    QVERIFY(!reader.offset(fileMap(QStringLiteral("/y"))));
    OffsetReader other(QStringLiteral("other"), store, makeCodec());
    QCOMPARE(other.offset(fileMap(QStringLiteral("/x")))->value(QStringLiteral("position"))
                 .integerValue(),
             7);
    OffsetReader missing(QStringLiteral("missing"), store, makeCodec());
    QVERIFY(!missing.offset(fileMap(QStringLiteral("/x"))));
}

void tst_OffsetStorage::readerThroughTheOffsetsFile()
{
    // What a source task commits through the codec is what a later reader (after a restart,
    // from the file) finds.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("offsets.txt"));
    {
        auto store = std::make_shared<Storage::FileOffsetStore>(path);
        QVERIFY(!store->load());
        auto codec = makeCodec();
        QVERIFY(!store->write({{codec->key(QStringLiteral("src"), fileMap(QStringLiteral("/in"))),
                                codec->value(positionMap(Api::Value(qint64(1234))))}}));
    }
    auto store = std::make_shared<Storage::FileOffsetStore>(path);
    QVERIFY(!store->load());
    QCOMPARE(store->get(R"(["src",{"filename":"/in"}])").value_or(QByteArray()),
             QByteArray(R"({"position":1234})"));
    OffsetReader reader(QStringLiteral("src"), store, makeCodec());
    const auto offset = reader.offset(fileMap(QStringLiteral("/in")));
    QVERIFY(offset);
    QCOMPARE(offset->value(QStringLiteral("position")).integerValue(), 1234);
}

QTEST_GUILESS_MAIN(tst_OffsetStorage)
#include "tst_offsetstorage.moc"
