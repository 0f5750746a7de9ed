// SPDX-License-Identifier: Apache-2.0
#include "builtinconverters.h"

#include "bytearrayconverter.h"
#include "jsonconverter.h"
#include "numberconverters.h"
#include "simpleheaderconverter.h"
#include "stringconverter.h"

#ifndef CONNECTDESK_CONVERTERS_VERSION
#define CONNECTDESK_CONVERTERS_VERSION "4.0.0"
#endif

namespace ConnectDesk::Converters {

namespace {

// A class that is both a Converter and a HeaderConverter has two Component bases; hand out the
// Converter one.
template<typename T>
BuiltinConverter both()
{
    return {QString::fromLatin1(T::ClassName),
            {Api::PluginType::Converter, Api::PluginType::HeaderConverter},
            builtinConverterVersion(),
            [] {
                return std::unique_ptr<Api::Component>(static_cast<Api::Converter *>(new T));
            }};
}

} // namespace

QString builtinConverterVersion()
{
    return QStringLiteral(CONNECTDESK_CONVERTERS_VERSION);
}

QList<BuiltinConverter> builtinConverters()
{
    return {
        both<JsonConverter>(),
        both<StringConverter>(),
        both<ByteArrayConverter>(),
        both<ShortConverter>(),
        both<IntegerConverter>(),
        both<LongConverter>(),
        both<FloatConverter>(),
        both<DoubleConverter>(),
        both<BooleanConverter>(),
        {QString::fromLatin1(SimpleHeaderConverter::ClassName),
         {Api::PluginType::HeaderConverter},
         builtinConverterVersion(),
         [] { return std::unique_ptr<Api::Component>(new SimpleHeaderConverter); }},
    };
}

} // namespace ConnectDesk::Converters
