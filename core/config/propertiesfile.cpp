// SPDX-License-Identifier: Apache-2.0
#include "propertiesfile.h"

#include "errc.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QStringList>

namespace ConnectDesk::Config {

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\f');
}

QString withoutLeadingBlanks(const QString &line)
{
    qsizetype i = 0;
    while (i < line.size() && isBlank(line.at(i)))
        ++i;
    return line.mid(i);
}

bool endsWithOddBackslashes(const QString &line)
{
    qsizetype count = 0;
    for (qsizetype i = line.size() - 1; i >= 0 && line.at(i) == QLatin1Char('\\'); --i)
        ++count;
    return count % 2 == 1;
}

QString decodeText(const QByteArray &data)
{
    // Stateless, so that a truncated sequence at the end counts as an error too.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(data);
    if (!utf8.hasError())
        return text;
    return QString::fromLatin1(data);
}

// Natural lines: Java ends a line at \n, \r or \r\n.
QStringList naturalLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            lines.append(text.mid(start, i - start));
            const bool crlf = c == QLatin1Char('\r') && i + 1 < text.size()
                              && text.at(i + 1) == QLatin1Char('\n');
            if (crlf)
                ++i;
            start = i + 1;
        }
    }
    if (start < text.size())
        lines.append(text.mid(start));
    return lines;
}

int hexValue(QChar c)
{
    const ushort u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// Java's Properties.loadConvert. Returns false on a malformed \uXXXX escape.
bool unescape(QStringView in, QString *out)
{
    out->clear();
    out->reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        QChar c = in.at(i);
        if (c != QLatin1Char('\\')) {
            out->append(c);
            continue;
        }
        if (++i >= in.size())
            break; // a lone trailing backslash is dropped
        c = in.at(i);
        switch (c.unicode()) {
        case 'u': {
            if (i + 4 >= in.size())
                return false;
            int value = 0;
            for (int k = 1; k <= 4; ++k) {
                const int digit = hexValue(in.at(i + k));
                if (digit < 0)
                    return false;
                value = value * 16 + digit;
            }
            out->append(QChar(char16_t(value)));
            i += 4;
            break;
        }
        case 't':
            out->append(QLatin1Char('\t'));
            break;
        case 'n':
            out->append(QLatin1Char('\n'));
            break;
        case 'r':
            out->append(QLatin1Char('\r'));
            break;
        case 'f':
            out->append(QLatin1Char('\f'));
            break;
        default:
            out->append(c);
            break;
        }
    }
    return true;
}

Util::Error syntaxError(const QString &fileName, int line, const QString &reason)
{
    const QString where = fileName.isEmpty() ? QStringLiteral("line %1").arg(line)
                                             : QStringLiteral("%1:%2").arg(fileName).arg(line);
    return Util::Error{where + QStringLiteral(": ") + reason, int(ErrorCode::Syntax)};
}

} // namespace

Util::Result<Api::ConfigMap> PropertiesFile::parse(const QByteArray &data, const QString &fileName)
{
    const QStringList lines = naturalLines(decodeText(data));
    Api::ConfigMap result;
    qsizetype next = 0;
    while (next < lines.size()) {
        const int lineNumber = int(next) + 1;
        QString logical = withoutLeadingBlanks(lines.at(next++));
        if (logical.isEmpty())
            continue;
        const QChar first = logical.at(0);
        if (first == QLatin1Char('#') || first == QLatin1Char('!'))
            continue;
        // Continuations: the chopped part keeps an even number of trailing backslashes, so
        // the parity test on the joined line only looks at the newly appended line.
        while (endsWithOddBackslashes(logical)) {
            logical.chop(1);
            if (next >= lines.size())
                break; // Java drops a backslash at the end of the input
            logical += withoutLeadingBlanks(lines.at(next++));
        }

        // Split key and value exactly as Properties.load does, on the raw (escaped) text.
        qsizetype keyLength = 0;
        qsizetype valueStart = logical.size();
        bool hasSeparator = false;
        bool precedingBackslash = false;
        while (keyLength < logical.size()) {
            const QChar c = logical.at(keyLength);
            if ((c == QLatin1Char('=') || c == QLatin1Char(':')) && !precedingBackslash) {
                valueStart = keyLength + 1;
                hasSeparator = true;
                break;
            }
            if (isBlank(c) && !precedingBackslash) {
                valueStart = keyLength + 1;
                break;
            }
            precedingBackslash = c == QLatin1Char('\\') ? !precedingBackslash : false;
            ++keyLength;
        }
        while (valueStart < logical.size()) {
            const QChar c = logical.at(valueStart);
            if (!isBlank(c)) {
                if (!hasSeparator && (c == QLatin1Char('=') || c == QLatin1Char(':')))
                    hasSeparator = true;
                else
                    break;
            }
            ++valueStart;
        }

        QString key;
        QString value;
        if (!unescape(QStringView(logical).left(keyLength), &key)
            || !unescape(QStringView(logical).mid(valueStart), &value)) {
            return syntaxError(fileName, lineNumber, QStringLiteral("malformed \\uXXXX escape"));
        }
        result.insert(key, value);
    }
    return result;
}

Util::Result<Api::ConfigMap> PropertiesFile::load(const QString &path)
{
    if (path.isEmpty())
        return Api::ConfigMap();
    QFile file(path);
    if (QFileInfo(path).isDir()) {
        return Util::Error{QStringLiteral("%1: is a directory, not a properties file").arg(path),
                           int(ErrorCode::Io)};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Util::Error{QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()),
                           int(ErrorCode::Io)};
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return Util::Error{QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()),
                           int(ErrorCode::Io)};
    }
    return parse(data, path);
}

} // namespace ConnectDesk::Config
