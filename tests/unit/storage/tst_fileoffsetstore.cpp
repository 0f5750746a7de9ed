// SPDX-License-Identifier: Apache-2.0
#include "core/storage/errc.h"
#include "core/storage/fileoffsetstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace ConnectDesk;
using Storage::ErrorCode;
using Storage::FileOffsetStore;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<unreadable>");
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

// Fails in the middle of writing, as a full disk would.
class FailingStore : public FileOffsetStore
{
public:
    using FileOffsetStore::FileOffsetStore;
    bool fail = true;

protected:
    bool writeContents(QIODevice &out, const QMap<QByteArray, QByteArray> &entries) const override
    {
        if (!fail)
            return FileOffsetStore::writeContents(out, entries);
        out.write("connectdesk-offsets 1\npartial");
        return false;
    }
};

const QByteArray Key1 = QByteArrayLiteral(R"(["file-source",{"filename":"/tmp/in.txt"}])");
const QByteArray Value1 = QByteArrayLiteral(R"({"position":42})");

} // namespace

class tst_FileOffsetStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void missingFileIsEmpty();
    void emptyFileIsEmpty();
    void roundTrip();
    void fileFormat();
    void tombstones();
    void flushOnlyWhenDirty();
    void corruptFiles_data();
    void corruptFiles();
    void javaSerializedFile();
    void flushNeedsLoad();
    void failedWriteKeepsOldFile();
    void readOnlyFolderKeepsOldFile();
    void missingFolderIsAnError();
    void directoryPathIsAnError();
    void backingStoreInterface();
    void concurrentReadersAndCommitter();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_FileOffsetStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("connect.offsets"));
}

void tst_FileOffsetStore::missingFileIsEmpty()
{
    FileOffsetStore store(m_path);
    const auto error = store.load();
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(store.size(), 0);
    QVERIFY(!store.get(Key1));
    QVERIFY(!QFile::exists(m_path)); // loading never creates the file
}

void tst_FileOffsetStore::emptyFileIsEmpty()
{
    writeFile(m_path, {});
    FileOffsetStore store(m_path);
    QVERIFY(!store.load());
    QCOMPARE(store.size(), 0);
}

void tst_FileOffsetStore::roundTrip()
{
    const QByteArray binaryKey("\x00\x01 \n\xff key", 10);
    const QByteArray binaryValue("line1\nline2 \x00", 13);
    {
        FileOffsetStore store(m_path);
        QVERIFY(!store.load());
        store.set({{Key1, Value1}, {binaryKey, binaryValue}, {"empty", QByteArray("", 0)},
                   {QByteArray("", 0), "empty key"}});
        QVERIFY(store.isDirty());
        const auto error = store.flush();
        QVERIFY2(!error, qPrintable(error.message));
        QVERIFY(!store.isDirty());
    }
    FileOffsetStore reloaded(m_path);
    QVERIFY(!reloaded.load());
    QCOMPARE(reloaded.size(), 4);
    QCOMPARE(reloaded.get(Key1), std::optional(Value1));
    QCOMPARE(reloaded.get(binaryKey), std::optional(binaryValue));
    const auto empty = reloaded.get("empty");
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
    QVERIFY(!empty->isNull());
    QCOMPARE(reloaded.get(QByteArray("", 0)), std::optional(QByteArray("empty key")));
    QVERIFY(reloaded.contains(Key1));
    QVERIFY(!reloaded.contains("other"));
    // entries() is sorted by key.
    const auto entries = reloaded.entries();
    QCOMPARE(entries.size(), 4);
    for (qsizetype i = 1; i < entries.size(); ++i)
        QVERIFY(entries.at(i - 1).first < entries.at(i).first);
}

void tst_FileOffsetStore::fileFormat()
{
    FileOffsetStore store(m_path);
    QVERIFY(!store.load());
    store.set({{"b", "2"}, {"a", QByteArray("", 0)}});
    QVERIFY(!store.flush());
    QCOMPARE(readFile(m_path), QByteArray("connectdesk-offsets 1\n"
                                          "YQ== -\n"
                                          "Yg== Mg==\n"
                                          "end 2\n"));
    store.set({{"a", QByteArray()}, {"b", QByteArray()}});
    QVERIFY(!store.flush());
    QCOMPARE(readFile(m_path), QByteArray("connectdesk-offsets 1\nend 0\n"));
}

void tst_FileOffsetStore::tombstones()
{
    FileOffsetStore store(m_path);
    QVERIFY(!store.load());
    store.set({{"k1", "v1"}, {"k2", "v2"}});
    QVERIFY(!store.flush());
    store.set({{"k1", QByteArray()}, {"absent", QByteArray()}});
    QVERIFY(!store.get("k1"));
    QCOMPARE(store.size(), 1);
    QVERIFY(!store.flush());

    FileOffsetStore reloaded(m_path);
    QVERIFY(!reloaded.load());
    QVERIFY(!reloaded.contains("k1"));
    QCOMPARE(reloaded.get("k2"), std::optional(QByteArray("v2")));

    // Within one batch the last entry for a key wins.
    store.set({{"k3", "x"}, {"k3", QByteArray()}, {"k2", "y"}, {"k2", "z"}});
    QVERIFY(!store.contains("k3"));
    QCOMPARE(store.get("k2"), std::optional(QByteArray("z")));
}

void tst_FileOffsetStore::flushOnlyWhenDirty()
{
    FileOffsetStore store(m_path);
    QVERIFY(!store.load());
    QVERIFY(!store.flush());
    QVERIFY(!QFile::exists(m_path)); // nothing to write yet
    store.set({{"k", "v"}});
    QVERIFY(!store.flush());
    QFile::remove(m_path);
    store.set({{"k", "v"}}); // same value: not a change
    QVERIFY(!store.isDirty());
    QVERIFY(!store.flush());
    QVERIFY(!QFile::exists(m_path));
}

void tst_FileOffsetStore::corruptFiles_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("where");
    QTest::newRow("garbage") << QByteArray("hello world\n") << "at line 1: not a ConnectDesk";
    QTest::newRow("future version") << QByteArray("connectdesk-offsets 2\nend 0\n")
                                    << "at line 1: unsupported format version '2'";
    QTest::newRow("no end line") << QByteArray("connectdesk-offsets 1\nYQ== Yg==\n")
                                 << "at line 2: the file is truncated";
    QTest::newRow("torn last line") << QByteArray("connectdesk-offsets 1\nYQ== Yg==\nend 1")
                                    << "at line 3: the file is truncated";
    QTest::newRow("bad base64") << QByteArray("connectdesk-offsets 1\nYQ== Y!==\nend 1\n")
                                << "at line 2: not a '<base64 key> <base64 value>' entry";
    QTest::newRow("one field") << QByteArray("connectdesk-offsets 1\nYQ==\nend 1\n")
                               << "at line 2: not a";
    QTest::newRow("non-canonical") << QByteArray("connectdesk-offsets 1\nYQ Yg==\nend 1\n")
                                   << "at line 2: not a";
    QTest::newRow("duplicate") << QByteArray("connectdesk-offsets 1\nYQ== Yg==\nYQ== Yw==\nend 2\n")
                               << "at line 3: duplicate key";
    QTest::newRow("count mismatch") << QByteArray("connectdesk-offsets 1\nYQ== Yg==\nend 2\n")
                                    << "at line 3: the 'end' line does not match the 1 entries";
}

void tst_FileOffsetStore::corruptFiles()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, where);
    writeFile(m_path, contents);
    FileOffsetStore store(m_path);
    store.set({{"pending", "v"}});
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("is corrupt at line"));
    const auto error = store.load();
    QVERIFY(error);
    QCOMPARE(error.code, int(ErrorCode::Corrupt));
    QVERIFY2(error.message.startsWith("Offsets file " + m_path + " is corrupt " + where),
             qPrintable(error.message));
    QVERIFY(error.message.endsWith("Move it away to start without stored offsets."));
    QCOMPARE(store.size(), 0); // nothing half-loaded

    // Never silently replaced: the unreadable offsets stay on disk.
    store.set({{"new", "v"}});
    const auto flushError = store.flush();
    QVERIFY(flushError);
    QCOMPARE(flushError.code, int(ErrorCode::NotLoaded));
    QCOMPARE(readFile(m_path), contents);
}

void tst_FileOffsetStore::javaSerializedFile()
{
    writeFile(m_path, QByteArray("\xAC\xED\x00\x05sr\x00\x11java.util.HashMap", 27));
    FileOffsetStore store(m_path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("Java-serialized"));
    const auto error = store.load();
    QCOMPARE(error.code, int(ErrorCode::Corrupt));
    QVERIFY2(error.message.contains("Java-serialized"), qPrintable(error.message));
}

void tst_FileOffsetStore::flushNeedsLoad()
{
    writeFile(m_path, "connectdesk-offsets 1\nYQ== Yg==\nend 1\n");
    FileOffsetStore store(m_path);
    store.set({{"k", "v"}});
    const auto error = store.flush();
    QCOMPARE(error.code, int(ErrorCode::NotLoaded));
    QCOMPARE(readFile(m_path), QByteArray("connectdesk-offsets 1\nYQ== Yg==\nend 1\n"));
    // load() replaces what was set before it.
    QVERIFY(!store.load());
    QCOMPARE(store.entries(), (QList<FileOffsetStore::Entry>{{"a", "b"}}));
}

void tst_FileOffsetStore::failedWriteKeepsOldFile()
{
    {
        FileOffsetStore store(m_path);
        QVERIFY(!store.load());
        store.set({{Key1, Value1}});
        QVERIFY(!store.flush());
    }
    const QByteArray before = readFile(m_path);

    FailingStore store(m_path);
    QVERIFY(!store.load());
    store.set({{Key1, R"({"position":99})"}, {"other", "x"}});
    const auto error = store.flush();
    QVERIFY(error);
    QCOMPARE(error.code, int(ErrorCode::Io));
    QVERIFY2(error.message.startsWith("Cannot write offsets file " + m_path),
             qPrintable(error.message));
    QCOMPARE(readFile(m_path), before);
    // No temporary file is left behind.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{"connect.offsets"});
    // The change is still pending and goes out with the next successful flush.
    QVERIFY(store.isDirty());
    store.fail = false;
    QVERIFY(!store.flush());
    FileOffsetStore reloaded(m_path);
    QVERIFY(!reloaded.load());
    QCOMPARE(reloaded.get(Key1), std::optional(QByteArray(R"({"position":99})")));
    QCOMPARE(reloaded.size(), 2);
}

void tst_FileOffsetStore::readOnlyFolderKeepsOldFile()
{
    FileOffsetStore store(m_path);
    QVERIFY(!store.load());
    store.set({{"k", "v1"}});
    QVERIFY(!store.flush());
    const QByteArray before = readFile(m_path);

    QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::ExeOwner);
    auto restore = qScopeGuard([this] {
        QFile::setPermissions(m_dir->path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    });
    {
        // root ignores permissions; the fault-injection test above covers this case there.
        QFile probe(m_dir->filePath("probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            QSKIP("permissions are not enforced for this user");
        }
    }
    store.set({{"k", "v2"}});
    const auto error = store.flush();
    QCOMPARE(error.code, int(ErrorCode::Io));
    QCOMPARE(readFile(m_path), before);
}

void tst_FileOffsetStore::missingFolderIsAnError()
{
    FileOffsetStore store(m_dir->filePath("no/such/folder/connect.offsets"));
    QVERIFY(!store.load());
    store.set({{"k", "v"}});
    const auto error = store.flush();
    QCOMPARE(error.code, int(ErrorCode::Io));
    QVERIFY(error.message.contains("no/such/folder/connect.offsets"));
}

void tst_FileOffsetStore::directoryPathIsAnError()
{
    FileOffsetStore store(m_dir->path());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("is a directory"));
    const auto error = store.load();
    QCOMPARE(error.code, int(ErrorCode::Io));
    QVERIFY(error.message.contains("is a directory"));
}

void tst_FileOffsetStore::backingStoreInterface()
{
    auto store = std::make_shared<FileOffsetStore>(m_path);
    QVERIFY(!store->load());
    std::shared_ptr<Storage::OffsetBackingStore> backing = store;
    QVERIFY(!backing->write({{Key1, Value1}}));
    QCOMPARE(backing->get(Key1), std::optional(Value1));
    QCOMPARE(backing->entries(), (QList<QPair<QByteArray, QByteArray>>{{Key1, Value1}}));
    // write() is durable on return.
    FileOffsetStore reloaded(m_path);
    QVERIFY(!reloaded.load());
    QCOMPARE(reloaded.get(Key1), std::optional(Value1));
}

void tst_FileOffsetStore::concurrentReadersAndCommitter()
{
    FileOffsetStore store(m_path);
    QVERIFY(!store.load());
    constexpr int Rounds = 200;
    std::atomic<bool> done = false;
    std::atomic<int> inconsistent = 0;

    // Readers run while the committer sets and flushes. Each batch writes b and a together,
    // so a reader that sees a must also see b (and neither is ever removed).
    auto reader = [&] {
        while (!done) {
            const auto a = store.get("a");
            const auto b = store.get("b");
            if (a && !b)
                ++inconsistent; // b is written in the same batch as a
            (void)store.entries();
        }
    };
    std::thread r1(reader);
    std::thread r2(reader);
    Util::Error lastError;
    for (int i = 1; i <= Rounds; ++i) {
        store.set({{"b", QByteArray::number(i)}, {"a", QByteArray::number(i)}});
        if (i % 10 == 0) {
            if (auto error = store.flush())
                lastError = error;
        }
    }
    std::thread flusher1([&] { (void)store.flush(); });
    std::thread flusher2([&] { (void)store.flush(); });
    flusher1.join();
    flusher2.join();
    done = true;
    r1.join();
    r2.join();
    QVERIFY2(!lastError, qPrintable(lastError.message));
    QCOMPARE(inconsistent.load(), 0);

    FileOffsetStore reloaded(m_path);
    QVERIFY(!reloaded.load());
    QCOMPARE(reloaded.get("a"), std::optional(QByteArray::number(Rounds)));
    QCOMPARE(reloaded.get("b"), std::optional(QByteArray::number(Rounds)));
}

QTEST_GUILESS_MAIN(tst_FileOffsetStore)
#include "tst_fileoffsetstore.moc"
