// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QString>

namespace ConnectDesk::Rest {

/**
 * HTTP basic authentication against a users file: the role Kafka's
 * BasicAuthSecurityRestExtension (JAAS PropertyFileLoginModule) plays for Connect, with
 * hashed instead of plain-text passwords.
 *
 * Users file, UTF-8, one user per line:
 * @code
 * # comment
 * alice:pbkdf2-sha256:100000:8f1c0e...(salt hex):5b2d...(derived key hex)
 * @endcode
 * - `user:hash`, split at the first ':' (so user names cannot contain ':'); blanks around
 *   the user and the hash are ignored; blank lines and lines starting with '#' are skipped;
 *   a user listed twice is an error.
 * - hash = `pbkdf2-sha256:<iterations>:<salt hex>:<key hex>`: PBKDF2-HMAC-SHA256 of the
 *   UTF-8 password with a random 16-byte salt, a 32-byte key; hashPassword() writes it
 *   (`connectdesk-worker passwd`). The same value comes out of
 *   `openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt pass:PW -kdfopt hexsalt:SALT
 *    -kdfopt iter:N PBKDF2` (lower-cased, colons removed).
 *
 * Passwords and hashes never reach a log or an error message.
 *
 * Verifying costs one PBKDF2 run (about 0.35 s at 100 000 iterations on a slow core), so
 * successful checks are remembered for 10 minutes under an HMAC of user and password with a
 * per-process random key (never the password itself). Unknown users cost the same as known
 * ones, so timing does not reveal which users exist.
 *
 * Owned by HttpServer; not thread-safe (the REST thread uses it).
 */
class BasicAuth
{
public:
    static constexpr int DefaultIterations = 100000;

    /** A new hash of a password in the users-file format, with a fresh random salt. */
    static QString hashPassword(const QString &password, int iterations = DefaultIterations);
    /** Whether a password matches a `pbkdf2-sha256:...` hash (constant-time comparison);
     *  false for a malformed hash. */
    static bool verifyPassword(const QString &password, const QString &hash);
    /** Whether a hash has the users-file format (iterations 1..10 000 000, non-empty salt,
     *  32-byte key). */
    static bool isValidHash(const QString &hash);

    /** Reads a users file. Errors (code HttpErrorCode::UsersFile) read `FILE:LINE: reason`
     *  or `FILE: reason`, e.g. `users.txt:3: expected user:hash`. */
    static Util::Result<BasicAuth> load(const QString &path);
    /** Parses users-file text; fileName only names the source in errors. */
    static Util::Result<BasicAuth> parse(const QByteArray &text,
                                         const QString &fileName = QString());

    bool isEmpty() const { return m_users.isEmpty(); }
    qsizetype userCount() const { return m_users.size(); }
    bool hasUser(const QString &user) const { return m_users.contains(user); }

    /** Checks an `Authorization` header value (`Basic base64(user:password)`, scheme
     *  case-insensitive, as Kafka's BasicAuthCredentials). Returns the user on success, an
     *  empty string otherwise (missing, malformed, other scheme, unknown user, wrong
     *  password). */
    QString authenticate(const QByteArray &authorizationHeader);
    /** Checks a user and password directly. */
    bool check(const QString &user, const QString &password);

private:
    QByteArray cacheKey(const QString &user, const QString &password) const;

    QHash<QString, QString> m_users;
    QByteArray m_cacheSecret;
    QHash<QByteArray, QDeadlineTimer> m_verified;
};

} // namespace ConnectDesk::Rest
