// SPDX-License-Identifier: Apache-2.0
#include "basicauth.h"

#include "httptypes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace ConnectDesk::Rest {

namespace {

constexpr char Scheme[] = "pbkdf2-sha256";
constexpr int SaltBytes = 16;
constexpr int KeyBytes = 32;
constexpr int MaxIterations = 10000000;
constexpr qint64 CacheLifetimeMs = 10 * 60 * 1000;
constexpr qsizetype CacheCapacity = 1024;

/** A parsed hash; iterations 0 when malformed. */
struct ParsedHash
{
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

ParsedHash parseHash(const QString &hash)
{
    ParsedHash result;
    const QStringList parts = hash.split(QLatin1Char(':'));
    if (parts.size() != 4 || parts.at(0) != QLatin1String(Scheme))
        return result;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1 || iterations > MaxIterations)
        return result;
    const auto isHex = [](const QString &text) {
        if (text.isEmpty() || text.size() % 2 != 0)
            return false;
        for (QChar c : text) {
            if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                  || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
                  || (c >= QLatin1Char('A') && c <= QLatin1Char('F')))) {
                return false;
            }
        }
        return true;
    };
    if (!isHex(parts.at(2)) || !isHex(parts.at(3)))
        return result;
    const QByteArray key = QByteArray::fromHex(parts.at(3).toLatin1());
    if (key.size() != KeyBytes)
        return result;
    result.iterations = iterations;
    result.salt = QByteArray::fromHex(parts.at(2).toLatin1());
    result.key = key;
    return result;
}

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256,
                                              password.toUtf8(),
                                              salt,
                                              iterations,
                                              KeyBytes);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator *generator = QRandomGenerator::system();
    for (int i = 0; i < count; ++i)
        bytes[i] = char(generator->bounded(256));
    return bytes;
}

/** Verified against when the user is unknown, so the answer takes as long as for a known one
 *  (the key is all zeros: nothing matches it). */
const QString &dummyHash()
{
    static const QString hash = QStringLiteral("pbkdf2-sha256:%1:%2:%3")
                                    .arg(BasicAuth::DefaultIterations)
                                    .arg(QString(SaltBytes * 2, QLatin1Char('5')),
                                         QString(KeyBytes * 2, QLatin1Char('0')));
    return hash;
}

Util::Error usersFileError(const QString &fileName, int line, const QString &reason)
{
    QString message = fileName.isEmpty() ? QStringLiteral("users file") : fileName;
    if (line > 0)
        message += QLatin1Char(':') + QString::number(line);
    message += QStringLiteral(": ") + reason;
    return Util::Error{message, int(HttpErrorCode::UsersFile)};
}

} // namespace

QString BasicAuth::hashPassword(const QString &password, int iterations)
{
    Q_ASSERT(iterations >= 1 && iterations <= MaxIterations);
    const QByteArray salt = randomBytes(SaltBytes);
    const QByteArray key = derive(password, salt, iterations);
    return QStringLiteral("%1:%2:%3:%4")
        .arg(QLatin1String(Scheme))
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toHex()), QString::fromLatin1(key.toHex()));
}

bool BasicAuth::verifyPassword(const QString &password, const QString &hash)
{
    const ParsedHash parsed = parseHash(hash);
    if (parsed.iterations == 0)
        return false;
    return constantTimeEquals(derive(password, parsed.salt, parsed.iterations), parsed.key);
}

bool BasicAuth::isValidHash(const QString &hash)
{
    return parseHash(hash).iterations > 0;
}

Util::Result<BasicAuth> BasicAuth::load(const QString &path)
{
    QFile file(path);
    if (QFileInfo(path).isDir())
        return usersFileError(path, 0, QStringLiteral("is a directory"));
    if (!file.open(QIODevice::ReadOnly))
        return usersFileError(path, 0, file.errorString());
    const QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return usersFileError(path, 0, file.errorString());
    return parse(text, path);
}

Util::Result<BasicAuth> BasicAuth::parse(const QByteArray &text, const QString &fileName)
{
    BasicAuth auth;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i) + 1;
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon < 0)
            return usersFileError(fileName, lineNumber, QStringLiteral("expected user:hash"));
        const QString user = line.left(colon).trimmed();
        const QString hash = line.mid(colon + 1).trimmed();
        if (user.isEmpty())
            return usersFileError(fileName, lineNumber, QStringLiteral("empty user name"));
        if (!isValidHash(hash)) {
            return usersFileError(fileName,
                                  lineNumber,
                                  QStringLiteral("the hash of user '%1' is not a "
                                                 "pbkdf2-sha256:<iterations>:<salt hex>:<key hex> "
                                                 "value (make one with connectdesk-worker passwd)")
                                      .arg(user));
        }
        if (auth.m_users.contains(user)) {
            return usersFileError(fileName,
                                  lineNumber,
                                  QStringLiteral("user '%1' is listed twice").arg(user));
        }
        auth.m_users.insert(user, hash);
    }
    auth.m_cacheSecret = randomBytes(32);
    return auth;
}

QByteArray BasicAuth::cacheKey(const QString &user, const QString &password) const
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, m_cacheSecret);
    mac.addData(user.toUtf8());
    mac.addData("\0", 1);
    mac.addData(password.toUtf8());
    mac.addData("\0", 1);
    mac.addData(m_users.value(user).toLatin1());
    return mac.result();
}

bool BasicAuth::check(const QString &user, const QString &password)
{
    const auto found = m_users.constFind(user);
    if (found == m_users.constEnd()) {
        (void) verifyPassword(password, dummyHash());
        return false;
    }

    const QByteArray key = cacheKey(user, password);
    const auto cached = m_verified.constFind(key);
    if (cached != m_verified.constEnd()) {
        if (!cached->hasExpired())
            return true;
        m_verified.erase(cached);
    }

    if (!verifyPassword(password, *found))
        return false;
    if (m_verified.size() >= CacheCapacity)
        m_verified.clear();
    m_verified.insert(key, QDeadlineTimer(CacheLifetimeMs));
    return true;
}

QString BasicAuth::authenticate(const QByteArray &authorizationHeader)
{
    const QByteArray value = authorizationHeader.trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0)
        return QString();
    if (value.left(space).compare("Basic", Qt::CaseInsensitive) != 0)
        return QString();
    const auto decoded = QByteArray::fromBase64Encoding(value.mid(space + 1).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return QString();
    const QString credentials = QString::fromUtf8(*decoded);
    const qsizetype colon = credentials.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return QString();
    const QString user = credentials.left(colon);
    return check(user, credentials.mid(colon + 1)) ? user : QString();
}

} // namespace ConnectDesk::Rest
