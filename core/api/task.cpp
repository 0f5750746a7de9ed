// SPDX-License-Identifier: Apache-2.0
#include "task.h"

namespace ConnectDesk::Api {

OffsetStorageReader::~OffsetStorageReader() = default;
SourceTaskContext::~SourceTaskContext() = default;
ErrantRecordReporter::~ErrantRecordReporter() = default;
SinkTaskContext::~SinkTaskContext() = default;

} // namespace ConnectDesk::Api
