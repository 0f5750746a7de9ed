// SPDX-License-Identifier: Apache-2.0
#include "output.h"

#include "clierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ConnectDesk::Cli {

OutputFormat outputFormatFromString(const QString &text)
{
    if (text == QLatin1String("table") || text == QLatin1String("wide"))
        return OutputFormat::Table;
    if (text == QLatin1String("json"))
        return OutputFormat::Json;
    if (text == QLatin1String("yaml"))
        return OutputFormat::Yaml;
    if (text == QLatin1String("name"))
        return OutputFormat::Name;
    throw CliError::usage(QStringLiteral("-o %1: expected table, json, yaml or name").arg(text));
}

QString Table::render() const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths.append(header.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype column = 0; column < row.size() && column < widths.size(); ++column)
            widths[column] = qMax(widths[column], row.at(column).size());
    }
    QString text;
    auto append = [&](const QStringList &cells) {
        QString line;
        for (qsizetype column = 0; column < m_headers.size(); ++column) {
            const QString cell = cells.value(column);
            if (column + 1 < m_headers.size())
                line += cell.leftJustified(widths[column]) + QLatin1String("  ");
            else
                line += cell;
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    };
    append(m_headers);
    for (const QStringList &row : m_rows)
        append(row);
    return text;
}

namespace {

bool isPlainYamlScalar(const QString &text)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    // Indicators that cannot start a plain scalar, and words YAML 1.1 or 1.2 would read as
    // null, booleans or numbers (so "4.0.0" stays plain but "1.5", "0x1f" and "2024-01-02" are quoted).
    static const QRegularExpression special(QStringLiteral(
        "^(?:[-?:,\\[\\]{}#&*!|>'\"%@`].*"
        "|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
        "|[-+]?(?:\\.[0-9_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
        "|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
        "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"
        "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$"));
    if (special.match(text).hasMatch())
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return !text.contains(QLatin1String(": ")) && !text.contains(QLatin1String(" #")) && !text.endsWith(QLatin1Char(':'));
}

/** A scalar as JSON writes it (QJsonDocument takes only arrays and objects). */
QString jsonScalarText(const QJsonValue &value)
{
    const QString json = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    return json.mid(1, json.size() - 2);
}

QString yamlQuoted(const QString &text)
{
    // A JSON string is a valid YAML double-quoted scalar.
    return jsonScalarText(text);
}

QString yamlScalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return jsonScalarText(value);
    case QJsonValue::String: {
        const QString text = value.toString();
        return isPlainYamlScalar(text) ? text : yamlQuoted(text);
    }
    default:
        return {};
    }
}

bool isLiteralBlockCandidate(const QString &text)
{
    if (!text.contains(QLatin1Char('\n')) || text.front().isSpace() || text.contains(QLatin1Char('\r')))
        return false;
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t')) || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

void writeYaml(QString &out, const QJsonValue &value, int indent);

// After "key:" or "-": a scalar on the same line, a collection on the next lines.
void writeYamlAfterIndicator(QString &out, const QJsonValue &value, int indent)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        out += QLatin1Char('\n');
        writeYaml(out, value, indent + 2);
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        out += QLatin1Char('\n');
        writeYaml(out, value, indent + 2);
    } else if (value.isObject()) {
        out += QLatin1String(" {}\n");
    } else if (value.isArray()) {
        out += QLatin1String(" []\n");
    } else if (value.isString() && isLiteralBlockCandidate(value.toString())) {
        QString text = value.toString();
        const bool endsWithNewline = text.endsWith(QLatin1Char('\n'));
        if (endsWithNewline)
            text.chop(1);
        out += endsWithNewline ? QLatin1String(" |\n") : QLatin1String(" |-\n");
        const QString pad(indent + 2, QLatin1Char(' '));
        for (const QString &line : text.split(QLatin1Char('\n')))
            out += (line.isEmpty() ? QString() : pad + line) + QLatin1Char('\n');
    } else {
        out += QLatin1Char(' ') + yamlScalar(value) + QLatin1Char('\n');
    }
}

void writeYaml(QString &out, const QJsonValue &value, int indent)
{
    const QString pad(indent, QLatin1Char(' '));
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = isPlainYamlScalar(it.key()) ? it.key() : yamlQuoted(it.key());
            out += pad + key + QLatin1Char(':');
            writeYamlAfterIndicator(out, it.value(), indent);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (item.isObject() && !item.toObject().isEmpty()) {
                // "- key: value" with the next keys aligned under the first.
                QString nested;
                writeYaml(nested, item, indent + 2);
                out += pad + QLatin1String("- ") + nested.mid(indent + 2);
            } else {
                out += pad + QLatin1Char('-');
                writeYamlAfterIndicator(out, item, indent);
            }
        }
    } else {
        out += pad + yamlScalar(value) + QLatin1Char('\n');
    }
}

} // namespace

QString toYaml(const QJsonValue &value)
{
    if (value.isObject() && value.toObject().isEmpty())
        return QStringLiteral("{}\n");
    if (value.isArray() && value.toArray().isEmpty())
        return QStringLiteral("[]\n");
    QString out;
    writeYaml(out, value, 0);
    return out;
}

QString toJsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    return jsonScalarText(value) + QLatin1Char('\n');
}

Output::Output(OutputFormat format, QTextStream &out, QTextStream &err)
    : m_format(format)
    , m_out(out)
    , m_err(err)
{
}

void Output::show(const QJsonValue &data, const std::function<void()> &human,
                  const std::function<QStringList()> &names)
{
    switch (m_format) {
    case OutputFormat::Json:
    case OutputFormat::Yaml:
        this->data(data);
        break;
    case OutputFormat::Name: {
        QStringList list;
        if (names) {
            list = names();
        } else {
            const QJsonArray items = data.isArray() ? data.toArray() : QJsonArray{data};
            for (const QJsonValue &item : items)
                list.append(item.isString() ? item.toString() : item.toObject().value(QLatin1String("name")).toString());
        }
        for (const QString &name : std::as_const(list))
            m_out << name << '\n';
        break;
    }
    case OutputFormat::Table:
        human();
        break;
    }
    m_out.flush();
}

void Output::line(const QString &text)
{
    if (m_format == OutputFormat::Table)
        m_out << text << '\n';
}

void Output::text(const QString &text)
{
    if (m_format == OutputFormat::Table)
        m_out << text;
}

void Output::data(const QJsonValue &data)
{
    m_out << (m_format == OutputFormat::Yaml ? toYaml(data) : toJsonText(data));
    m_out.flush();
}

void Output::note(const QString &text)
{
    m_err << text << '\n';
    m_err.flush();
}

} // namespace ConnectDesk::Cli
