// SPDX-License-Identifier: Apache-2.0
#include "plugins/file/lineextractor.h"

#include <QtTest>

#include <random>

using ConnectDesk::FilePlugin::LineExtractor;

namespace {

struct Line
{
    QString text;
    qint64 position = 0;
    friend bool operator==(const Line &, const Line &) = default;
};

QList<Line> drain(LineExtractor &extractor)
{
    QList<Line> lines;
    QString text;
    qint64 position = -1;
    while (extractor.next(&text, &position))
        lines.append({text, position});
    return lines;
}

QList<Line> feed(LineExtractor &extractor, const QByteArray &data)
{
    extractor.append(data);
    return drain(extractor);
}

} // namespace

namespace QTest {
template<>
char *toString(const Line &line)
{
    return qstrdup(QStringLiteral("\"%1\"@%2").arg(line.text).arg(line.position).toUtf8());
}
} // namespace QTest

class tst_LineExtractor : public QObject
{
    Q_OBJECT

private slots:
    void terminators_data();
    void terminators();
    void trailingCarriageReturnWaits();
    void trailingCarriageReturnThenOtherByte();
    void unterminatedTailWaits();
    void startPosition();
    void utf8PositionsAreBytes();
    void utf8SplitAcrossChunks();
    void emptyInput();
    void randomChunks();
};

void tst_LineExtractor::terminators_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<Line>>("expected");

    QTest::newRow("LF") << QByteArray("ab\ncd\n") << QList<Line>{{"ab", 3}, {"cd", 6}};
    QTest::newRow("CRLF") << QByteArray("ab\r\ncd\r\n") << QList<Line>{{"ab", 4}, {"cd", 8}};
    QTest::newRow("lone CR") << QByteArray("ab\rcd\rx") << QList<Line>{{"ab", 3}, {"cd", 6}};
    QTest::newRow("mixed") << QByteArray("a\nb\r\nc\rd\n")
                           << QList<Line>{{"a", 2}, {"b", 5}, {"c", 7}, {"d", 9}};
    QTest::newRow("empty lines LF") << QByteArray("\n\nx\n")
                                    << QList<Line>{{"", 1}, {"", 2}, {"x", 4}};
    QTest::newRow("empty lines CRLF") << QByteArray("\r\n\r\n")
                                      << QList<Line>{{"", 2}, {"", 4}};
    QTest::newRow("CR CR LF") << QByteArray("\r\r\n") << QList<Line>{{"", 1}, {"", 3}};
    QTest::newRow("LF CR is two terminators") << QByteArray("a\n\rb\n")
                                              << QList<Line>{{"a", 2}, {"", 3}, {"b", 5}};
    QTest::newRow("tabs and spaces kept") << QByteArray(" \ta b \t\n")
                                          << QList<Line>{{" \ta b \t", 8}};
    QTest::newRow("NUL byte kept") << QByteArray("a\0b\n", 4)
                                   << QList<Line>{{QString::fromUtf8("a\0b", 3), 4}};
    QTest::newRow("unterminated tail") << QByteArray("a\nbc") << QList<Line>{{"a", 2}};
}

void tst_LineExtractor::terminators()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<Line>, expected);
    LineExtractor extractor;
    QCOMPARE(feed(extractor, input), expected);
}

void tst_LineExtractor::trailingCarriageReturnWaits()
{
    LineExtractor extractor;
    QCOMPARE(feed(extractor, "x\r"), QList<Line>{});
    QCOMPARE(extractor.pending(), 2);
    // The \n that follows makes it one \r\n terminator, not a line plus an empty line.
    QCOMPARE(feed(extractor, "\n"), (QList<Line>{{"x", 3}}));
    QCOMPARE(feed(extractor, "y\n"), (QList<Line>{{"y", 5}}));
    QCOMPARE(extractor.pending(), 0);

    // An empty line ended by a lone \r at the end waits too.
    LineExtractor empty;
    QCOMPARE(feed(empty, "\r"), QList<Line>{});
    QCOMPARE(feed(empty, "\n"), (QList<Line>{{"", 2}}));
}

void tst_LineExtractor::trailingCarriageReturnThenOtherByte()
{
    LineExtractor extractor;
    QCOMPARE(feed(extractor, "x\r"), QList<Line>{});
    QCOMPARE(feed(extractor, "y"), (QList<Line>{{"x", 2}}));
    QCOMPARE(feed(extractor, "\r"), QList<Line>{});
    QCOMPARE(feed(extractor, "\r"), (QList<Line>{{"y", 4}}));
    QCOMPARE(feed(extractor, "z"), (QList<Line>{{"", 5}}));
    QCOMPARE(extractor.pending(), 1);
}

void tst_LineExtractor::unterminatedTailWaits()
{
    LineExtractor extractor;
    QCOMPARE(feed(extractor, "abc"), QList<Line>{});
    QCOMPARE(extractor.pending(), 3);
    QCOMPARE(feed(extractor, "def"), QList<Line>{});
    QCOMPARE(feed(extractor, "\nghi"), (QList<Line>{{"abcdef", 7}}));
    QCOMPARE(extractor.pending(), 3);
    QCOMPARE(feed(extractor, "\n"), (QList<Line>{{"ghi", 11}}));
    QCOMPARE(extractor.pending(), 0);
}

void tst_LineExtractor::startPosition()
{
    // Resuming after a restart: positions continue from the stored offset.
    LineExtractor extractor(1000);
    QCOMPARE(feed(extractor, "ab\ncd\r\n"), (QList<Line>{{"ab", 1003}, {"cd", 1007}}));
}

void tst_LineExtractor::utf8PositionsAreBytes()
{
    const QString e = QStringLiteral("\u00e9");            // 2 bytes
    const QString han = QStringLiteral("\u6f22");          // 3 bytes
    const QString smile = QStringLiteral("\U0001F600");    // 4 bytes, 2 UTF-16 units
    LineExtractor extractor;
    const QByteArray input = (e + QLatin1Char('\n') + han + QStringLiteral("\r\n") + smile
                              + QStringLiteral("x\r") + QStringLiteral("end\n"))
                                 .toUtf8();
    QCOMPARE(feed(extractor, input),
             (QList<Line>{{e, 3}, {han, 3 + 5}, {smile + QLatin1Char('x'), 8 + 6},
                          {QStringLiteral("end"), 14 + 4}}));
    QCOMPARE(qint64(input.size()), qint64(18));
}

void tst_LineExtractor::utf8SplitAcrossChunks()
{
    const QByteArray smile = QStringLiteral("\U0001F600").toUtf8();
    QCOMPARE(smile.size(), 4);
    LineExtractor extractor;
    QCOMPARE(feed(extractor, smile.left(1)), QList<Line>{});
    QCOMPARE(feed(extractor, smile.mid(1, 2)), QList<Line>{});
    QCOMPARE(feed(extractor, smile.mid(3) + "\n"),
             (QList<Line>{{QStringLiteral("\U0001F600"), 5}}));
}

void tst_LineExtractor::emptyInput()
{
    LineExtractor extractor;
    QCOMPARE(feed(extractor, QByteArray()), QList<Line>{});
    QCOMPARE(extractor.pending(), 0);
}

void tst_LineExtractor::randomChunks()
{
    // A long stream with every terminator, fed in random chunk sizes (many of one byte, so
    // that terminators and UTF-8 sequences are split): the same lines and byte positions as
    // computed independently, whatever the chunking.
    std::mt19937 random(4242);
    const QStringList pieces{QStringLiteral("plain"), QStringLiteral("caf\u00e9"),
                             QStringLiteral("\u6f22\u5b57"), QStringLiteral("\U0001F680!"),
                             QString(), QStringLiteral("tab\tend"),
                             QString(3000, QLatin1Char('L'))}; // longer than one chunk
    const char *terminators[] = {"\n", "\r\n", "\r"};
    QByteArray stream;
    QList<Line> expected;
    const char *previous = "\n";
    for (int i = 0; i < 20000; ++i) {
        QString text = pieces.at(random() % pieces.size());
        if (random() % 2)
            text += QString::number(i);
        const QByteArray bytes = text.toUtf8();
        const char *terminator = terminators[random() % 3];
        // A lone \r followed by an empty line ended by \n would be read as one \r\n.
        if (qstrcmp(previous, "\r") == 0 && bytes.isEmpty() && qstrcmp(terminator, "\n") == 0)
            terminator = "\r\n";
        stream += bytes;
        stream += terminator;
        expected.append({text, stream.size()});
        previous = terminator;
    }
    // A last line, so that the stream does not end with a pending \r.
    stream += "end\n";
    expected.append({QStringLiteral("end"), stream.size()});

    for (int round = 0; round < 3; ++round) {
        LineExtractor extractor;
        QList<Line> lines;
        qsizetype offset = 0;
        while (offset < stream.size()) {
            const int kind = random() % 4;
            const qsizetype size = kind == 0 ? 1 : kind == 1 ? random() % 16 + 1
                                                             : random() % 70000 + 1;
            extractor.append(stream.mid(offset, size));
            offset += size;
            lines += drain(extractor);
        }
        QCOMPARE(lines.size(), expected.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!(lines.at(i) == expected.at(i)))
                QFAIL(qPrintable(QStringLiteral("line %1: %2@%3, expected %4@%5")
                                     .arg(i)
                                     .arg(lines.at(i).text.left(40))
                                     .arg(lines.at(i).position)
                                     .arg(expected.at(i).text.left(40))
                                     .arg(expected.at(i).position)));
        }
        QCOMPARE(extractor.pending(), 0);
    }
}

QTEST_GUILESS_MAIN(tst_LineExtractor)
#include "tst_lineextractor.moc"
