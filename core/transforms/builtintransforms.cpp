// SPDX-License-Identifier: Apache-2.0
#include "builtintransforms.h"

#include "cast.h"
#include "flatten.h"
#include "recordside.h"
#include "timestampconverter.h"
#include "timestamprouter.h"

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
    // --- type and time transforms (Cast, Flatten, TimestampConverter, TimestampRouter)
    all += keyAndValue<Cast>(QStringLiteral("Cast"));
    all += keyAndValue<Flatten>(QStringLiteral("Flatten"));
    all += keyAndValue<TimestampConverter>(QStringLiteral("TimestampConverter"));
    all += transform<TimestampRouter>(QStringLiteral("TimestampRouter"));
    // --- routing, schema, header transforms and predicates
    return all;
}

} // namespace ConnectDesk::Transforms
