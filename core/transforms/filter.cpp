// SPDX-License-Identifier: Apache-2.0
#include "filter.h"

#include "builtintransforms.h"

namespace ConnectDesk::Transforms {

QString Filter::version() const
{
    return builtinTransformVersion();
}

} // namespace ConnectDesk::Transforms
