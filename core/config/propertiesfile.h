// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/connectdeskapi_global.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace ConnectDesk::Config {

/**
 * Reads Java `.properties` files (worker and connector configs) with the rules of
 * `java.util.Properties.load`:
 *
 * - lines end with `\n`, `\r` or `\r\n`; blank lines are skipped;
 * - a line whose first non-blank character is `#` or `!` is a comment;
 * - a line ending in an odd number of backslashes continues on the next line, whose leading
 *   blanks are dropped (a blank continuation line ends the value);
 * - the key ends at the first unescaped `=`, `:` or blank; blanks around the separator are
 *   skipped, so `key=value`, `key: value` and `key value` are the same;
 * - escapes `\t \n \r \f \uXXXX` are decoded in keys and values, any other `\c` is `c`
 *   (so `a\=b=c` has key `a=b`); blanks are space, tab and form feed;
 * - trailing blanks of values are kept (ConfigDef trims when parsing); the last duplicate
 *   key wins.
 *
 * Unlike Java (always ISO-8859-1), text is read as UTF-8 and falls back to ISO-8859-1 when it
 * is not valid UTF-8; ASCII files read the same either way.
 *
 * Errors (code `ErrorCode::Io` or `ErrorCode::Syntax`) read `FILE:LINE: reason`, e.g.
 * `connect-file-source.properties:7: malformed \uXXXX escape`.
 *
 * Stateless; callable from any thread.
 */
class PropertiesFile
{
public:
    /** Parses the text of a properties file. fileName only names the source in errors. */
    static Util::Result<Api::ConfigMap> parse(const QByteArray &data,
                                              const QString &fileName = QString());
    /** Reads and parses a file. An empty path gives an empty map (Kafka accepts "" as the
     *  worker properties file). */
    static Util::Result<Api::ConfigMap> load(const QString &path);
};

} // namespace ConnectDesk::Config
