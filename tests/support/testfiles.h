// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ConnectDesk::TestSupport {

/** The build tree the test runs from ($CONNECTDESK_BUILD_DIR, set by connectdesk_add_test);
 *  empty when unset. */
QString buildDir();
/** $CONNECTDESK_BUILD_DIR/bin/connectdesk-worker. */
QString workerBinary();
/** The build tree's plugin folder (lib/connectdesk/plugins/1). */
QString pluginDir();
/** The folder a test plugin case was built into (tests/plugins/<name> in the build tree). */
QString testPluginDir(const QString &name);

/** Writes (replacing) or appends bytes; false on any I/O error. */
bool writeFile(const QString &path, const QByteArray &data);
bool appendFile(const QString &path, const QByteArray &data);
QByteArray readFile(const QString &path);
/** key=value lines, in key order. Values are written verbatim (no escaping). */
bool writeProperties(const QString &path, const QMap<QString, QString> &properties);

/** Worker settings for tests: String converters, offsets in <dir>/offsets.txt, commits every
 *  500 ms, a 6 s consumer session (so a restarted sink rejoins quickly). */
QMap<QString, QString> workerProperties(
    const QString &dir, const QString &bootstrapServers = QStringLiteral("embedded"));
/** A FileStreamSource / FileStreamSink connector config. */
QMap<QString, QString> fileSourceConfig(const QString &name, const QString &file,
                                        const QString &topic);
QMap<QString, QString> fileSinkConfig(const QString &name, const QString &file,
                                      const QString &topics);

/** The lines of a file split on '\n' (a final unterminated piece is a line too); a missing
 *  file has no lines. */
QStringList readLines(const QString &path);
/** Number of '\n' bytes in a file: cheap progress polling on a file being written. */
qint64 countNewlines(const QString &path);

/** Lines as a multiset. */
QHash<QString, int> multiset(const QStringList &lines);
/** Human-readable difference of two multisets (at most `limit` entries each way); empty when
 *  they are equal. */
QString multisetDifference(const QHash<QString, int> &expected, const QHash<QString, int> &actual,
                           int limit = 5);

/**
 * `count` distinct lines starting at `first`, each unique through its index prefix, with
 * varied content: ASCII, UTF-8 (2-, 3- and 4-byte sequences), tabs, empty-looking and long-ish
 * lines. No line contains '\n' or '\r'. Indices are recoverable with lineIndex().
 */
QStringList generateLines(int first, int count);
/** The index generateLines() encoded in a line, -1 when the line is not one of them. */
int lineIndex(const QString &line);
/** Lines joined with '\n' after each, as UTF-8. */
QByteArray joinLines(const QStringList &lines);

} // namespace ConnectDesk::TestSupport
