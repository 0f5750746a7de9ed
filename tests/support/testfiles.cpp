// SPDX-License-Identifier: Apache-2.0
#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QStringBuilder>

namespace ConnectDesk::TestSupport {

QString buildDir()
{
    return qEnvironmentVariable("CONNECTDESK_BUILD_DIR");
}

QString workerBinary()
{
    return buildDir() + QStringLiteral("/bin/connectdesk-worker");
}

QString pluginDir()
{
    return buildDir() + QStringLiteral("/lib/connectdesk/plugins/1");
}

QString testPluginDir(const QString &name)
{
    return buildDir() + QStringLiteral("/tests/plugins/") + name;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size() && file.flush();
}

bool appendFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    return file.write(data) == data.size() && file.flush();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeProperties(const QString &path, const QMap<QString, QString> &properties)
{
    QByteArray text;
    for (auto it = properties.cbegin(); it != properties.cend(); ++it)
        text += it.key().toUtf8() + '=' + it.value().toUtf8() + '\n';
    return writeFile(path, text);
}

QMap<QString, QString> workerProperties(const QString &dir, const QString &bootstrapServers)
{
    const QString StringConverter =
        QStringLiteral("org.apache.kafka.connect.storage.StringConverter");
    return {
        {QStringLiteral("bootstrap.servers"), bootstrapServers},
        {QStringLiteral("key.converter"), StringConverter},
        {QStringLiteral("value.converter"), StringConverter},
        {QStringLiteral("offset.storage.file.filename"), dir + QStringLiteral("/offsets.txt")},
        {QStringLiteral("offset.flush.interval.ms"), QStringLiteral("500")},
        {QStringLiteral("consumer.session.timeout.ms"), QStringLiteral("6000")},
        // A free port: tests run in parallel and next to a user's worker on 8083.
        {QStringLiteral("listeners"), QStringLiteral("http://127.0.0.1:0")},
    };
}

QMap<QString, QString> fileSourceConfig(const QString &name, const QString &file,
                                        const QString &topic)
{
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("connector.class"), QStringLiteral("FileStreamSource")},
        {QStringLiteral("tasks.max"), QStringLiteral("1")},
        {QStringLiteral("file"), file},
        {QStringLiteral("topic"), topic},
    };
}

QMap<QString, QString> fileSinkConfig(const QString &name, const QString &file,
                                      const QString &topics)
{
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("connector.class"), QStringLiteral("FileStreamSink")},
        {QStringLiteral("tasks.max"), QStringLiteral("1")},
        {QStringLiteral("file"), file},
        {QStringLiteral("topics"), topics},
    };
}

QStringList readLines(const QString &path)
{
    const QByteArray data = readFile(path);
    if (data.isEmpty())
        return {};
    QList<QByteArray> pieces = data.split('\n');
    if (data.endsWith('\n'))
        pieces.removeLast();
    QStringList lines;
    lines.reserve(pieces.size());
    for (const QByteArray &piece : std::as_const(pieces))
        lines.append(QString::fromUtf8(piece));
    return lines;
}

qint64 countNewlines(const QString &path)
{
    return readFile(path).count('\n');
}

QHash<QString, int> multiset(const QStringList &lines)
{
    QHash<QString, int> result;
    result.reserve(lines.size());
    for (const QString &line : lines)
        ++result[line];
    return result;
}

QString multisetDifference(const QHash<QString, int> &expected, const QHash<QString, int> &actual,
                           int limit)
{
    QStringList missing;
    QStringList extra;
    qint64 missingCount = 0;
    qint64 extraCount = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const int have = actual.value(it.key());
        if (have < it.value()) {
            missingCount += it.value() - have;
            if (missing.size() < limit)
                missing.append(QStringLiteral("\"%1\" x%2").arg(it.key()).arg(it.value() - have));
        }
    }
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        const int want = expected.value(it.key());
        if (it.value() > want) {
            extraCount += it.value() - want;
            if (extra.size() < limit)
                extra.append(QStringLiteral("\"%1\" x%2").arg(it.key()).arg(it.value() - want));
        }
    }
    if (!missingCount && !extraCount)
        return {};
    return QStringLiteral("%1 missing (e.g. %2); %3 unexpected (e.g. %4)")
        .arg(missingCount)
        .arg(missing.join(QStringLiteral(", ")))
        .arg(extraCount)
        .arg(extra.join(QStringLiteral(", ")));
}

QStringList generateLines(int first, int count)
{
    // Pieces mixed by index so that neighbouring lines differ in length and script.
    static const QStringList pieces{
        QStringLiteral("plain ascii"),
        QStringLiteral("caf\u00e9 cr\u00e8me"),                // 2-byte UTF-8
        QStringLiteral("\u6f22\u5b57\u304b\u306a"),            // 3-byte UTF-8
        QStringLiteral("emoji \U0001F600\U0001F680"),          // 4-byte UTF-8 (surrogates)
        QStringLiteral("tab\there"),
        QStringLiteral(""),
        QStringLiteral("  spaces  "),
        QStringLiteral("\u0416\u0438\u0437\u043d\u044c"),      // Cyrillic
        QStringLiteral("quote\"back\\slash"),
        QStringLiteral("x"),
    };
    QStringList lines;
    lines.reserve(count);
    for (int i = first; i < first + count; ++i) {
        QString line = QString::number(i) % QLatin1Char('|') % pieces.at(i % pieces.size());
        if (i % 97 == 0)
            line += QString(40, QLatin1Char('-')); // some longer lines
        lines.append(line);
    }
    return lines;
}

int lineIndex(const QString &line)
{
    const qsizetype bar = line.indexOf(QLatin1Char('|'));
    if (bar <= 0)
        return -1;
    bool ok = false;
    const int index = line.left(bar).toInt(&ok);
    return ok ? index : -1;
}

QByteArray joinLines(const QStringList &lines)
{
    QByteArray data;
    for (const QString &line : lines)
        data += line.toUtf8() + '\n';
    return data;
}

} // namespace ConnectDesk::TestSupport
