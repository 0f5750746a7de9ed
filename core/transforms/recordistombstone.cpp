// SPDX-License-Identifier: Apache-2.0
#include "recordistombstone.h"

#include "builtintransforms.h"

namespace ConnectDesk::Transforms {

QString RecordIsTombstone::version() const
{
    return builtinTransformVersion();
}

} // namespace ConnectDesk::Transforms
