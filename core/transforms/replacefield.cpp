// SPDX-License-Identifier: Apache-2.0
#include "replacefield.h"

#include "requirements.h"
#include "schemalessmap.h"
#include "schemautil.h"
#include "transformkeys.h"

#include "core/api/exceptions.h"
#include "core/api/struct.h"

namespace ConnectDesk::Transforms {

namespace {

const QString Purpose = QStringLiteral("field replacement");
const QString Exclude = QStringLiteral("exclude");
const QString Include = QStringLiteral("include");
const QString Renames = QStringLiteral("renames");

/** Java's `String.split(":")`: empty parts at the end are dropped. */
QStringList javaSplitOnColon(const QString &text)
{
    QStringList parts = text.split(QLatin1Char(':'));
    while (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    return parts;
}

} // namespace

Api::ConfigDef ReplaceField::config() const
{
    Api::ConfigDef def;
    def.define({.name = Exclude,
                .type = Api::ConfigDef::Type::List,
                .defaultValue = QStringList(),
                .importance = Api::ConfigDef::Importance::Medium,
                .documentation
                = QStringLiteral("Fields to drop. A field listed here is dropped even when "
                                 "include lists it too.")})
        .define({.name = Include,
                 .type = Api::ConfigDef::Type::List,
                 .defaultValue = QStringList(),
                 .importance = Api::ConfigDef::Importance::Medium,
                 .documentation
                 = QStringLiteral("Fields to keep. When set, every other field is dropped.")})
        .define({.name = Renames,
                 .type = Api::ConfigDef::Type::List,
                 .defaultValue = QStringList(),
                 .validator = Api::ConfigDef::lambda(
                     [](const QString &, const QVariant &value) {
                         parseRenameMappings(value.toStringList());
                     },
                     QStringLiteral(
                         "comma-separated old:new pairs, e.g. <code>foo:bar,abc:xyz</code>")),
                 .importance = Api::ConfigDef::Importance::Medium,
                 .documentation = QStringLiteral("Fields to rename, as old:new pairs.")})
        .define(replaceNullWithDefaultKey());
    return def;
}

NameMap ReplaceField::parseRenameMappings(const QStringList &mappings)
{
    NameMap result;
    for (const QString &mapping : mappings) {
        const QStringList parts = javaSplitOnColon(mapping);
        if (parts.size() != 2) {
            throw Api::ConfigException(Renames, Api::ConfigDef::valueToString(mappings),
                                       QStringLiteral("Invalid rename mapping: ") + mapping);
        }
        result.insert(parts.at(0), parts.at(1));
    }
    return result;
}

void ReplaceField::configure(const Api::ConfigMap &configs)
{
    const Api::AbstractConfig config(this->config(), configs);
    const QStringList exclude = config.getList(Exclude);
    const QStringList include = config.getList(Include);
    m_exclude = NameSet(exclude);
    m_include = NameSet(include);
    m_renames = parseRenameMappings(config.getList(Renames));
    m_replaceNullWithDefault = config.getBoolean(QString::fromLatin1(ReplaceNullWithDefault));
    m_plans = SchemaMap<Plan>();
}

bool ReplaceField::keeps(const QString &fieldName) const
{
    return !m_exclude.contains(fieldName) && (m_include.isEmpty() || m_include.contains(fieldName));
}

QString ReplaceField::renamed(const QString &fieldName) const
{
    return m_renames.value(fieldName, fieldName);
}

bool ReplaceField::apply(Api::ConnectRecord &record)
{
    if (operatingValue(record, m_side).isNull())
        return true;
    if (operatingSchema(record, m_side).isNull())
        applySchemaless(record);
    else
        applyWithSchema(record);
    return true;
}

void ReplaceField::applySchemaless(Api::ConnectRecord &record) const
{
    const Api::ValueMap &value = requireMap(operatingValue(record, m_side), Purpose);
    Api::ValueMap updated;
    updated.reserve(value.size());
    for (const auto &[key, fieldValue] : value) {
        // Kafka's cast of the key to String fails on other key types; we keep such an entry
        // (under its own key) unless exclude or include rules it out by its text.
        const QString name
            = key.kind() == Api::Value::Kind::String ? key.toString() : key.toJavaString();
        if (!keeps(name))
            continue;
        if (key.kind() == Api::Value::Kind::String)
            putStringKey(updated, renamed(name), fieldValue);
        else
            updated.emplace_back(key, fieldValue);
    }
    setOperating(record, m_side, Api::Schema(), Api::Value(std::move(updated)));
}

void ReplaceField::applyWithSchema(Api::ConnectRecord &record)
{
    const Api::StructPtr &value = requireStruct(operatingValue(record, m_side), Purpose);

    const Plan *plan = m_plans.find(value->schema());
    if (!plan) {
        m_plans.put(value->schema(), makePlan(value->schema()));
        plan = m_plans.find(value->schema());
    }

    auto updated = Api::Struct::create(plan->schema);
    const QList<Api::Field> &fields = plan->schema.fields();
    for (qsizetype i = 0; i < fields.size(); ++i)
        updated->put(fields[i], fieldValue(*value, plan->sources[i], m_replaceNullWithDefault));

    setOperating(record, m_side, plan->schema, Api::Value(updated));
}

ReplaceField::Plan ReplaceField::makePlan(const Api::Schema &schema) const
{
    // Kafka looks each output field up again by its reverse-renamed name; remembering where it
    // came from gives the same fields without per-record lookups.
    Plan plan;
    Api::SchemaBuilder builder = Api::SchemaBuilder::structBuilder();
    copySchemaBasics(schema, builder);
    for (const Api::Field &field : schema.fields()) {
        if (keeps(field.name())) {
            builder.field(renamed(field.name()), field.schema());
            plan.sources.append(field);
        }
    }
    plan.schema = builder.build();
    return plan;
}

void ReplaceField::close()
{
    m_plans = SchemaMap<Plan>();
}

} // namespace ConnectDesk::Transforms
