// SPDX-License-Identifier: Apache-2.0
#include "offsetsfile.h"

#include "testfiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ConnectDesk::TestSupport {

namespace {

bool decode(const QByteArray &field, QByteArray *out)
{
    if (field == "-") {
        *out = QByteArray("", 0);
        return true;
    }
    const auto decoded = QByteArray::fromBase64Encoding(field,
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = decoded.decoded;
    return true;
}

} // namespace

OffsetsFile OffsetsFile::read(const QString &path)
{
    OffsetsFile result;
    if (!QFileInfo::exists(path))
        return result;
    const QByteArray data = readFile(path);
    if (data.isEmpty())
        return result;
    if (!data.endsWith('\n')) {
        result.error = QStringLiteral("%1 does not end with a newline").arg(path);
        return result;
    }
    QList<QByteArray> lines = data.split('\n');
    lines.removeLast();
    if (lines.size() < 2 || lines.first() != "connectdesk-offsets 1"
        || !lines.last().startsWith("end ")) {
        result.error = QStringLiteral("%1 lacks the header or the end line").arg(path);
        return result;
    }
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).split(' ');
        QByteArray key;
        QByteArray value;
        if (fields.size() != 2 || !decode(fields.at(0), &key) || !decode(fields.at(1), &value)) {
            result.error = QStringLiteral("%1:%2: not '<base64> <base64>'").arg(path).arg(i + 1);
            return result;
        }
        result.entries.insert(key, value);
    }
    bool ok = false;
    const qint64 count = lines.last().mid(4).toLongLong(&ok);
    if (!ok || count != result.entries.size())
        result.error = QStringLiteral("%1: end line says %2 entries, %3 read")
                           .arg(path, QString::fromLatin1(lines.last().mid(4)))
                           .arg(result.entries.size());
    return result;
}

QByteArray fileSourceOffsetKey(const QString &connector, const QString &fileName)
{
    const QJsonArray key{connector, QJsonObject{{QStringLiteral("filename"), fileName}}};
    return QJsonDocument(key).toJson(QJsonDocument::Compact);
}

std::optional<qint64> OffsetsFile::filePosition(const QString &connector,
                                                const QString &fileName) const
{
    const auto it = entries.constFind(fileSourceOffsetKey(connector, fileName));
    if (it == entries.cend())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*it, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonValue position = doc.object().value(QLatin1String("position"));
    if (!position.isDouble())
        return std::nullopt;
    return position.toInteger();
}

} // namespace ConnectDesk::TestSupport
