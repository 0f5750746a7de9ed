// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace ConnectDesk::Storage {

/** Codes of the storage module's errors, carried in `Util::Error::code`. */
enum class ErrorCode {
    /** Reading or writing a store's file failed (permissions, disk full, missing folder...). */
    Io = 1,
    /** A store's file exists but is not in the expected format; nothing was loaded. */
    Corrupt = 2,
    /** The store was used out of order (e.g. flushed before a successful load). */
    NotLoaded = 3,
};

} // namespace ConnectDesk::Storage
