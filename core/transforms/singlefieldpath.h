// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/configdef.h"
#include "core/api/schema.h"
#include "core/api/struct.h"

#include <QStringList>

namespace ConnectDesk::Transforms {

/** Kafka's `FieldSyntaxVersion` (KIP-821): how a transform reads a field path. V1 names a
 *  top-level field, dots included; V2 walks nested structs and maps along dots. */
enum class FieldSyntaxVersion { V1, V2 };

inline constexpr char FieldSyntaxVersionConfig[] = "field.syntax.version";

/** Defines `field.syntax.version` (STRING, default "V1", case-insensitive V1|V2, HIGH) on def;
 *  throws ConfigException ("Configuration field.syntax.version is defined twice.") when the key
 *  is already there. */
Api::ConfigDef &appendFieldSyntaxVersionConfig(Api::ConfigDef &def);

/** The version in a parsed config; ConfigException "Unrecognized field syntax version" for
 *  anything but v1/v2 in any case. */
FieldSyntaxVersion fieldSyntaxVersionFromConfig(const Api::AbstractConfig &config);

/**
 * Kafka's `SingleFieldPath`: one field, addressed by a path of steps, in a Struct (with its
 * schema) or a schemaless map.
 *
 * V1 keeps the text as one step. V2 splits on dots; a step wrapped in backticks may contain dots,
 * and a backtick preceded by a backslash right before a dot does not close the step. An empty V2
 * path has no steps.
 *
 * Immutable value type; safe to share between threads once built.
 */
class SingleFieldPath
{
public:
    /** Throws ConfigException for an unclosed backtick in a V2 path, with Kafka's message. */
    SingleFieldPath(const QString &pathText, FieldSyntaxVersion version);

    FieldSyntaxVersion version() const { return m_version; }
    const QStringList &steps() const { return m_steps; }

    /** The field at the path, or an invalid Field when a step is missing. A null schema gives an
     *  invalid Field; a non-struct schema along the way throws Schema's DataException. */
    Api::Field fieldFrom(const Api::Schema &schema) const;

    /** The value at the path, or null when a step is missing or a parent is null. Parents are
     *  read with their defaults; the last step with its default only when withDefault. A parent
     *  that is not a struct throws DataException (purpose "nested field access"). */
    Api::Value valueFrom(const Api::Struct *value, bool withDefault = true) const;

    /** The value at the path in a schemaless map (null when missing). A parent that is not a
     *  map throws DataException (purpose "nested field access"). */
    Api::Value valueFrom(const Api::ValueMap *value) const;

    /** `SingleFieldPath{version=V2, path=a.b}` as Kafka prints it. */
    QString toString() const;

    friend bool operator==(const SingleFieldPath &a, const SingleFieldPath &b)
    {
        return a.m_steps == b.m_steps;
    }

private:
    void requireSteps() const;

    FieldSyntaxVersion m_version;
    QStringList m_steps;
};

} // namespace ConnectDesk::Transforms
