// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace ConnectDesk::Config {

/** Codes of the config module's errors, carried in `Util::Error::code`. */
enum class ErrorCode {
    /** A file could not be read (missing, unreadable, a directory...). */
    Io = 1,
    /** A .properties or JSON file is not well formed. */
    Syntax = 2,
    /** A connector file is well formed but lacks `name`, has a mismatching one, a non-string
     *  value or a bad `initial_state`. */
    InvalidConnectorFile = 3,
    /** A configuration does not parse or validate against its ConfigDef. */
    InvalidConfig = 4,
};

} // namespace ConnectDesk::Config
