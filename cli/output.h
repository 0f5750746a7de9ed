// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace ConnectDesk::Cli {

/** `-o`: tables and text for people, JSON or YAML for scripts, bare names for completion. */
enum class OutputFormat { Table, Json, Yaml, Name };

/** Parses `-o`'s value; throws CliError (usage) for anything else. */
OutputFormat outputFormatFromString(const QString &text);

/** A table for people: upper-case headers, columns two spaces apart, the last one unpadded. */
class Table
{
public:
    explicit Table(QStringList headers) : m_headers(std::move(headers)) {}
    void addRow(QStringList cells) { m_rows.append(std::move(cells)); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    int rowCount() const { return int(m_rows.size()); }
    QString render() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

/** YAML for a JSON value (block style; multi-line strings as literal blocks). */
QString toYaml(const QJsonValue &value);
/** Indented JSON, as `-o json` prints it (objects keep Qt's sorted keys). */
QString toJsonText(const QJsonValue &value);

/**
 * Where a command writes: standard output for results, standard error for notes and errors.
 * A command gives both forms of its result to show(); the format picks one.
 * Thread: the main thread.
 */
class Output
{
public:
    Output(OutputFormat format, QTextStream &out, QTextStream &err);

    OutputFormat format() const { return m_format; }
    bool structured() const { return m_format == OutputFormat::Json || m_format == OutputFormat::Yaml; }

    /** data for -o json/yaml; human() for tables and text. With -o name, names() (or, when
     *  none is given, the "name" of each object in data) one per line. */
    void show(const QJsonValue &data, const std::function<void()> &human,
              const std::function<QStringList()> &names = {});
    /** Text for people, on standard output (nothing with -o json/yaml/name). */
    void line(const QString &text = {});
    void text(const QString &text);
    /** The data in the chosen structured format, whatever -o says (export, golden tests). */
    void data(const QJsonValue &data);
    /** A note for people on standard error, in every format (warnings, hints). */
    void note(const QString &text);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

private:
    OutputFormat m_format;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace ConnectDesk::Cli
