// SPDX-License-Identifier: Apache-2.0
#include "singlefieldpath.h"

#include "requirements.h"
#include "schemalessmap.h"

#include "core/api/exceptions.h"

namespace ConnectDesk::Transforms {

namespace {

constexpr QChar Backtick = QLatin1Char('`');
constexpr QChar Dot = QLatin1Char('.');
constexpr QChar Backslash = QLatin1Char('\\');

const QString NestedPurpose = QStringLiteral("nested field access");

[[noreturn]] void incompleteBacktickPair(const QString &path, qsizetype opening)
{
    throw Api::ConfigException(
        QStringLiteral("Incomplete backtick pair in path: [%1], consider adding a "
                       "backslash before backtick at position %2 to escape it")
            .arg(path)
            .arg(opening));
}

/** Reads one backtick-wrapped step starting at `opening`; returns where the next step starts. */
qsizetype readWrappedStep(const QString &path, qsizetype opening, QStringList &steps)
{
    const qsizetype end = path.size();
    QString step;
    qsizetype chunkStart = opening + 1;
    qsizetype searchFrom = opening + 1;
    for (;;) {
        const qsizetype tick = path.indexOf(Backtick, searchFrom);
        if (tick < 0)
            incompleteBacktickPair(path, opening);
        const bool escaped = path.at(tick - 1) == Backslash;
        if (tick == end - 1) {
            // The closing backtick ends the path; an escaped one leaves the pair open.
            if (escaped)
                incompleteBacktickPair(path, opening);
            steps.append(step + path.mid(chunkStart, tick - chunkStart));
            return end;
        }
        if (path.at(tick + 1) != Dot) {
            // Only a backtick right before a dot can close the step; this one is literal text.
            searchFrom = tick + 1;
            continue;
        }
        if (escaped) {
            // `\` + backtick + dot: the backslash goes, the backtick stays, the step goes on.
            step += path.mid(chunkStart, tick - 1 - chunkStart) + Backtick;
            chunkStart = tick + 1;
            searchFrom = tick + 1;
            continue;
        }
        steps.append(step + path.mid(chunkStart, tick - chunkStart));
        return tick + 2; // past the backtick and its dot
    }
}

QStringList parseV2(const QString &path)
{
    QStringList steps;
    qsizetype pos = 0;
    while (pos < path.size()) {
        if (path.at(pos) == Backtick) {
            pos = readWrappedStep(path, pos, steps);
            continue;
        }
        const qsizetype dot = path.indexOf(Dot, pos);
        if (dot < 0) {
            steps.append(path.mid(pos));
            break;
        }
        steps.append(path.mid(pos, dot - pos));
        pos = dot + 1;
    }
    // A trailing dot names one more, empty, step.
    if (path.endsWith(Dot))
        steps.append(QString());
    return steps;
}

} // namespace

Api::ConfigDef &appendFieldSyntaxVersionConfig(Api::ConfigDef &def)
{
    return def.define({.name = QString::fromLatin1(FieldSyntaxVersionConfig),
                       .type = Api::ConfigDef::Type::String,
                       .defaultValue = QStringLiteral("V1"),
                       .validator = Api::ConfigDef::caseInsensitiveValidString(
                           {QStringLiteral("V1"), QStringLiteral("V2")}),
                       .importance = Api::ConfigDef::Importance::High,
                       .documentation = QStringLiteral(
                           "How field paths are read. V1: the path is the name of a top-level "
                           "field, dots included. V2: dots separate nested fields, and a name "
                           "that contains dots is wrapped in backticks, so \"`foo.bar`.baz\" "
                           "reads field baz inside the field named \"foo.bar\".")});
}

FieldSyntaxVersion fieldSyntaxVersionFromConfig(const Api::AbstractConfig &config)
{
    const QString text = config.getString(QString::fromLatin1(FieldSyntaxVersionConfig));
    const QString upper = text.toUpper();
    if (upper == QLatin1String("V1"))
        return FieldSyntaxVersion::V1;
    if (upper == QLatin1String("V2"))
        return FieldSyntaxVersion::V2;
    throw Api::ConfigException(QString::fromLatin1(FieldSyntaxVersionConfig),
                               text.isNull() ? QStringLiteral("null") : text,
                               QStringLiteral("Unrecognized field syntax version"));
}

SingleFieldPath::SingleFieldPath(const QString &pathText, FieldSyntaxVersion version)
    : m_version(version)
    , m_steps(version == FieldSyntaxVersion::V1 ? QStringList{pathText} : parseV2(pathText))
{}

void SingleFieldPath::requireSteps() const
{
    // Kafka takes the steps before the last with List.subList(0, size - 1), which an empty V2
    // path makes fail with this IllegalArgumentException; we report it the same way.
    if (m_steps.isEmpty())
        throw Api::IllegalArgumentException(QStringLiteral("fromIndex(0) > toIndex(-1)"));
}

Api::Field SingleFieldPath::fieldFrom(const Api::Schema &schema) const
{
    if (schema.isNull())
        return {};
    requireSteps();
    Api::Schema current = schema;
    for (qsizetype i = 0; i + 1 < m_steps.size(); ++i) {
        const Api::Field field = current.field(m_steps.at(i));
        if (!field.isValid())
            return {};
        current = field.schema();
    }
    return current.field(m_steps.last());
}

Api::Value SingleFieldPath::valueFrom(const Api::Struct *value, bool withDefault) const
{
    if (!value)
        return {};
    requireSteps();
    const Api::Struct *current = value;
    Api::StructPtr keepAlive; // a parent read from a schema default is owned by that schema only
    for (qsizetype i = 0; i + 1 < m_steps.size(); ++i) {
        const QString &step = m_steps.at(i);
        if (!current->schema().field(step).isValid())
            return {};
        const Api::Value child = current->get(step);
        const Api::StructPtr *next = requireStructOrNull(child, NestedPurpose);
        if (!next)
            return {};
        keepAlive = *next;
        current = keepAlive.get();
    }
    const QString &last = m_steps.last();
    if (!current->schema().field(last).isValid())
        return {};
    return withDefault ? current->get(last) : current->getWithoutDefault(last);
}

Api::Value SingleFieldPath::valueFrom(const Api::ValueMap *value) const
{
    if (!value)
        return {};
    requireSteps();
    const Api::ValueMap *current = value;
    for (qsizetype i = 0; i + 1 < m_steps.size(); ++i) {
        const Api::Value *child = findStringKey(*current, m_steps.at(i));
        if (!child)
            return {};
        current = requireMapOrNull(*child, NestedPurpose); // points into *value: no copies
        if (!current)
            return {};
    }
    const Api::Value *found = findStringKey(*current, m_steps.last());
    return found ? *found : Api::Value();
}

QString SingleFieldPath::toString() const
{
    return QStringLiteral("SingleFieldPath{version=%1, path=%2}")
        .arg(m_version == FieldSyntaxVersion::V1 ? QStringLiteral("V1") : QStringLiteral("V2"),
             m_steps.join(Dot));
}

} // namespace ConnectDesk::Transforms
