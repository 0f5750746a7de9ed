// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "builtintransforms.h"

#include "core/api/transformation.h"

namespace ConnectDesk::Transforms {

/** Base of the built-in transformations: they report the Kafka Connect version ConnectDesk
 *  follows, as Kafka's report the Kafka version. */
class BuiltinTransformation : public Api::Transformation
{
public:
    QString version() const override { return builtinTransformVersion(); }
};

/** Base of the built-in predicates (see BuiltinTransformation). */
class BuiltinPredicate : public Api::Predicate
{
public:
    QString version() const override { return builtinTransformVersion(); }
};

} // namespace ConnectDesk::Transforms
