// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace ConnectDesk::TestSupport {

/**
 * Reads a standalone worker's offsets file (core/storage/README.md, format version 1) without
 * the product's code, so tests check the file as a user or another tool would see it:
 *
 *     connectdesk-offsets 1
 *     <base64 key> <base64 value>
 *     end <number of entries>
 */
struct OffsetsFile
{
    /** Raw key bytes → raw value bytes. */
    QMap<QByteArray, QByteArray> entries;
    /** Empty when the file was read; otherwise why not. A missing file reads as empty. */
    QString error;

    static OffsetsFile read(const QString &path);

    /** The FileStreamSource position stored for a connector and file: the value of key
     *  `["<connector>",{"filename":"<file>"}]`, which must be `{"position":N}`. */
    std::optional<qint64> filePosition(const QString &connector, const QString &fileName) const;
};

/** `["<connector>",{"filename":"<file>"}]` as Kafka Connect writes it (compact JSON). */
QByteArray fileSourceOffsetKey(const QString &connector, const QString &fileName);

} // namespace ConnectDesk::TestSupport
