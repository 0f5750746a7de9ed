// SPDX-License-Identifier: Apache-2.0
#include "core/config/errc.h"
#include "core/config/propertiesfile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ConnectDesk;
using Config::PropertiesFile;

namespace {

Api::ConfigMap parsed(const QByteArray &text)
{
    auto result = PropertiesFile::parse(text, QStringLiteral("t.properties"));
    if (!result) {
        qWarning() << result.error().message;
        return {{QStringLiteral("<error>"), result.error().message}};
    }
    return result.value();
}

} // namespace

class tst_PropertiesFile : public QObject
{
    Q_OBJECT

private slots:
    void separators_data();
    void separators();
    void commentsAndBlankLines();
    void continuations();
    void escapes();
    void escapedSeparatorsInKeys();
    void lineEndings();
    void encodings();
    void duplicateKeysLastWins();
    void malformedUnicodeEscape();
    void kafkaSampleFile();
    void loadFiles();
};

void tst_PropertiesFile::separators_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("equals") << QByteArray("key=value") << "key" << "value";
    QTest::newRow("colon") << QByteArray("key: value") << "key" << "value";
    QTest::newRow("blank") << QByteArray("key value") << "key" << "value";
    QTest::newRow("spaced equals") << QByteArray("  key  =   value") << "key" << "value";
    QTest::newRow("tab and formfeed") << QByteArray("key\t\f= value") << "key" << "value";
    QTest::newRow("second separator kept") << QByteArray("key  :  = value") << "key" << "= value";
    QTest::newRow("equals in value") << QByteArray("url=http://h:1/?a=b") << "url"
                                     << "http://h:1/?a=b";
    QTest::newRow("trailing blanks kept") << QByteArray("key=value  ") << "key" << "value  ";
    QTest::newRow("key only") << QByteArray("key") << "key" << "";
    QTest::newRow("empty value") << QByteArray("key=") << "key" << "";
    QTest::newRow("empty key") << QByteArray("=value") << "" << "value";
}

void tst_PropertiesFile::separators()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const auto map = parsed(text);
    QCOMPARE(map.size(), 1);
    QCOMPARE(map.firstKey(), key);
    QCOMPARE(map.first(), value);
}

void tst_PropertiesFile::commentsAndBlankLines()
{
    const auto map = parsed("# comment\n"
                            "! also a comment\n"
                            "   # indented comment\n"
                            "\n"
                            "   \t \n"
                            "a=1\n"
                            "# comment ending in backslash \\\n"
                            "b=2\n"
                            "c=#not a comment\n");
    QCOMPARE(map, (Api::ConfigMap{{"a", "1"}, {"b", "2"}, {"c", "#not a comment"}}));
}

void tst_PropertiesFile::continuations()
{
    const auto map = parsed("list=a,\\\n"
                            "      b,\\\n"
                            "\t c\n"
                            "two\\\n"
                            "  words=x\n"
                            "even=ends with backslash\\\\\n"
                            "next=# continued lines are never comments \\\n"
                            "  # see\n"
                            "blank=one\\\n"
                            "   \n"
                            "after=blank\n"
                            "eof=last\\");
    QCOMPARE(map.value("list"), QStringLiteral("a,b,c"));
    QCOMPARE(map.value("twowords"), QStringLiteral("x"));
    QCOMPARE(map.value("even"), QStringLiteral("ends with backslash\\"));
    QCOMPARE(map.value("next"), QStringLiteral("# continued lines are never comments # see"));
    QCOMPARE(map.value("blank"), QStringLiteral("one"));
    QCOMPARE(map.value("after"), QStringLiteral("blank"));
    QCOMPARE(map.value("eof"), QStringLiteral("last"));
    QCOMPARE(map.size(), 7);
}

void tst_PropertiesFile::escapes()
{
    const auto map = parsed("tab=a\\tb\n"
                            "nl=a\\nb\n"
                            "cr=a\\rb\n"
                            "ff=a\\fb\n"
                            "uni=\\u0041\\u00e9\\u20AC\n"
                            "other=\\a\\b\\\\c\n"
                            "lead=\\  two leading blanks kept\n"
                            "pair=\\uD83D\\uDE00\n");
    QCOMPARE(map.value("tab"), QStringLiteral("a\tb"));
    QCOMPARE(map.value("nl"), QStringLiteral("a\nb"));
    QCOMPARE(map.value("cr"), QStringLiteral("a\rb"));
    QCOMPARE(map.value("ff"), QStringLiteral("a\fb"));
    QCOMPARE(map.value("uni"), QString::fromUtf8("Aé€"));
    QCOMPARE(map.value("other"), QStringLiteral("ab\\c"));
    QCOMPARE(map.value("lead"), QStringLiteral("  two leading blanks kept"));
    QCOMPARE(map.value("pair"), QString::fromUtf8("\xF0\x9F\x98\x80"));
}

void tst_PropertiesFile::escapedSeparatorsInKeys()
{
    const auto map = parsed("a\\=b=c\n"
                            "x\\:y:z\n"
                            "with\\ space value\n"
                            "back\\\\=slash\n"
                            "\\u006b=unicode key\n");
    QCOMPARE(map, (Api::ConfigMap{{"a=b", "c"},
                                  {"x:y", "z"},
                                  {"with space", "value"},
                                  {"back\\", "slash"},
                                  {"k", "unicode key"}}));
}

void tst_PropertiesFile::lineEndings()
{
    QCOMPARE(parsed("a=1\r\nb=2\rc=3\nd=4"),
             (Api::ConfigMap{{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}}));
    QCOMPARE(parsed("a=x\\\r\n  y\r\n"), (Api::ConfigMap{{"a", "xy"}}));
}

void tst_PropertiesFile::encodings()
{
    QCOMPARE(parsed("k=caf\xC3\xA9").value("k"), QString::fromUtf8("café"));
    // Not UTF-8: read as ISO-8859-1, as Java always does.
    QCOMPARE(parsed("k=caf\xE9").value("k"), QString::fromUtf8("café"));
    // A UTF-8 byte order mark is not part of the first key.
    QCOMPARE(parsed("\xEF\xBB\xBFk=v").firstKey(), QStringLiteral("k"));
}

void tst_PropertiesFile::duplicateKeysLastWins()
{
    QCOMPARE(parsed("k=1\nk=2\n"), (Api::ConfigMap{{"k", "2"}}));
}

void tst_PropertiesFile::malformedUnicodeEscape()
{
    const auto result = PropertiesFile::parse("a=1\n"
                                              "# comment\n"
                                              "b=\\u12G4\n",
                                              QStringLiteral("connect-file-source.properties"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message,
             QStringLiteral("connect-file-source.properties:3: malformed \\uXXXX escape"));
    QCOMPARE(result.error().code, int(Config::ErrorCode::Syntax));

    // Too short at the end of the line; the line of a continued entry is where it starts.
    const auto truncated = PropertiesFile::parse("x=\\\n  \\u12", QStringLiteral("f"));
    QVERIFY(!truncated.ok());
    QCOMPARE(truncated.error().message, QStringLiteral("f:1: malformed \\uXXXX escape"));
    const auto noName = PropertiesFile::parse("\\u");
    QCOMPARE(noName.error().message, QStringLiteral("line 1: malformed \\uXXXX escape"));
}

void tst_PropertiesFile::kafkaSampleFile()
{
    const auto map = parsed("# Licensed to the Apache Software Foundation (ASF) under one or more\n"
                            "bootstrap.servers=localhost:9092\n"
                            "\n"
                            "# The converters specify the format of data in Kafka\n"
                            "key.converter=org.apache.kafka.connect.json.JsonConverter\n"
                            "value.converter=org.apache.kafka.connect.json.JsonConverter\n"
                            "key.converter.schemas.enable=true\n"
                            "value.converter.schemas.enable=true\n"
                            "\n"
                            "offset.storage.file.filename=/tmp/connect.offsets\n"
                            "# Flush much faster than normal, which is useful for testing\n"
                            "offset.flush.interval.ms=10000\n"
                            "#plugin.path=\n");
    QCOMPARE(map.size(), 7);
    QCOMPARE(map.value("offset.flush.interval.ms"), QStringLiteral("10000"));
    QVERIFY(!map.contains("plugin.path"));
}

void tst_PropertiesFile::loadFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("w.properties");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name=local-file-source\nconnector.class=FileStreamSource\n");
    file.close();

    const auto loaded = PropertiesFile::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().value("name"), QStringLiteral("local-file-source"));

    const auto missing = PropertiesFile::load(dir.filePath("nope.properties"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, int(Config::ErrorCode::Io));
    QVERIFY2(missing.error().message.startsWith(dir.filePath("nope.properties") + ": cannot read"),
             qPrintable(missing.error().message));

    const auto directory = PropertiesFile::load(dir.path());
    QVERIFY(!directory.ok());
    QCOMPARE(directory.error().code, int(Config::ErrorCode::Io));

    // Kafka accepts "" as the worker file: no properties.
    const auto empty = PropertiesFile::load(QString());
    QVERIFY(empty.ok());
    QVERIFY(empty.value().isEmpty());
}

QTEST_GUILESS_MAIN(tst_PropertiesFile)
#include "tst_propertiesfile.moc"
