// SPDX-License-Identifier: Apache-2.0
#include "builtintransforms.h"

#include "dropheaders.h"
#include "extractfield.h"
#include "filter.h"
#include "hasheaderkey.h"
#include "headerfrom.h"
#include "hoistfield.h"
#include "insertfield.h"
#include "insertheader.h"
#include "maskfield.h"
#include "recordistombstone.h"
#include "recordside.h"
#include "regexrouter.h"
#include "replacefield.h"
#include "setschemametadata.h"
#include "topicnamematches.h"
#include "valuetokey.h"

#ifndef CONNECTDESK_TRANSFORMS_VERSION
#define CONNECTDESK_TRANSFORMS_VERSION "4.0.0"
#endif

namespace ConnectDesk::Transforms {

namespace {

const QString Package = QStringLiteral("org.apache.kafka.connect.transforms.");
const QString PredicatePackage = QStringLiteral("org.apache.kafka.connect.transforms.predicates.");

template<typename T>
BuiltinTransform transform(const QString &simpleName)
{
    return {Package + simpleName, Api::PluginType::Transformation,
            [] { return std::unique_ptr<Api::Component>(new T); }};
}

/** `<Name>$Key` and `<Name>$Value` of a transform whose constructor takes the RecordSide. */
template<typename T>
QList<BuiltinTransform> keyAndValue(const QString &simpleName)
{
    return {{Package + simpleName + QStringLiteral("$Key"), Api::PluginType::Transformation,
             [] { return std::unique_ptr<Api::Component>(new T(RecordSide::Key)); }},
            {Package + simpleName + QStringLiteral("$Value"), Api::PluginType::Transformation,
             [] { return std::unique_ptr<Api::Component>(new T(RecordSide::Value)); }}};
}

template<typename T>
BuiltinTransform predicate(const QString &simpleName)
{
    return {PredicatePackage + simpleName, Api::PluginType::Predicate,
            [] { return std::unique_ptr<Api::Component>(new T); }};
}

} // namespace

QString builtinTransformVersion()
{
    return QStringLiteral(CONNECTDESK_TRANSFORMS_VERSION);
}

QList<BuiltinTransform> builtinTransforms()
{
    QList<BuiltinTransform> all;
    // Each group adds its classes here, e.g.:
    //   all += keyAndValue<InsertField>(QStringLiteral("InsertField"));
    //   all += transform<RegexRouter>(QStringLiteral("RegexRouter"));
    //   all += predicate<HasHeaderKey>(QStringLiteral("HasHeaderKey"));
    // --- field transforms (InsertField, ReplaceField, MaskField, ValueToKey, ExtractField, HoistField)
    all += keyAndValue<InsertField>(QStringLiteral("InsertField"));
    all += keyAndValue<ReplaceField>(QStringLiteral("ReplaceField"));
    all += keyAndValue<MaskField>(QStringLiteral("MaskField"));
    all += transform<ValueToKey>(QStringLiteral("ValueToKey"));
    all += keyAndValue<ExtractField>(QStringLiteral("ExtractField"));
    all += keyAndValue<HoistField>(QStringLiteral("HoistField"));
    // --- type and time transforms (Cast, Flatten, TimestampConverter, TimestampRouter)
    // --- routing, schema, header transforms and predicates
    all += transform<DropHeaders>(QStringLiteral("DropHeaders"));
    all += transform<Filter>(QStringLiteral("Filter"));
    all += keyAndValue<HeaderFrom>(QStringLiteral("HeaderFrom"));
    all += transform<InsertHeader>(QStringLiteral("InsertHeader"));
    all += transform<RegexRouter>(QStringLiteral("RegexRouter"));
    all += keyAndValue<SetSchemaMetadata>(QStringLiteral("SetSchemaMetadata"));
    all += predicate<HasHeaderKey>(QStringLiteral("HasHeaderKey"));
    all += predicate<RecordIsTombstone>(QStringLiteral("RecordIsTombstone"));
    all += predicate<TopicNameMatches>(QStringLiteral("TopicNameMatches"));
    return all;
}

} // namespace ConnectDesk::Transforms
