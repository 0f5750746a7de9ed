// SPDX-License-Identifier: Apache-2.0
#include "builtintransforms.h"

#include "cast.h"
#include "dropheaders.h"
#include "extractfield.h"
#include "filter.h"
#include "flatten.h"
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
#include "timestampconverter.h"
#include "timestamprouter.h"
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
    all += keyAndValue<Cast>(QStringLiteral("Cast"));
    all += transform<DropHeaders>(QStringLiteral("DropHeaders"));
    all += keyAndValue<ExtractField>(QStringLiteral("ExtractField"));
    all += transform<Filter>(QStringLiteral("Filter"));
    all += keyAndValue<Flatten>(QStringLiteral("Flatten"));
    all += keyAndValue<HeaderFrom>(QStringLiteral("HeaderFrom"));
    all += keyAndValue<HoistField>(QStringLiteral("HoistField"));
    all += keyAndValue<InsertField>(QStringLiteral("InsertField"));
    all += transform<InsertHeader>(QStringLiteral("InsertHeader"));
    all += keyAndValue<MaskField>(QStringLiteral("MaskField"));
    all += transform<RegexRouter>(QStringLiteral("RegexRouter"));
    all += keyAndValue<ReplaceField>(QStringLiteral("ReplaceField"));
    all += keyAndValue<SetSchemaMetadata>(QStringLiteral("SetSchemaMetadata"));
    all += keyAndValue<TimestampConverter>(QStringLiteral("TimestampConverter"));
    all += transform<TimestampRouter>(QStringLiteral("TimestampRouter"));
    all += transform<ValueToKey>(QStringLiteral("ValueToKey"));
    all += predicate<HasHeaderKey>(QStringLiteral("HasHeaderKey"));
    all += predicate<RecordIsTombstone>(QStringLiteral("RecordIsTombstone"));
    all += predicate<TopicNameMatches>(QStringLiteral("TopicNameMatches"));
    return all;
}

} // namespace ConnectDesk::Transforms
