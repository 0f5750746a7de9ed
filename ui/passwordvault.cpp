// SPDX-License-Identifier: Apache-2.0
#include "passwordvault.h"

#include <QDebug>
#include <QPromise>

#ifdef CONNECTDESK_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

#include <memory>

namespace ConnectDesk::Ui {

namespace {
const QString Service = QStringLiteral("ConnectDesk");
}

bool PasswordVault::isAvailable()
{
#ifdef CONNECTDESK_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

void PasswordVault::store(const QString &profile, const QString &password)
{
#ifdef CONNECTDESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(Service);
    job->setAutoDelete(true);
    job->setKey(profile);
    job->setTextData(password);
    QObject::connect(job, &QKeychain::Job::finished, [profile](QKeychain::Job *done) {
        if (done->error())
            qWarning().noquote() << "The keychain did not keep the password of" << profile << ":" << done->errorString();
    });
    job->start();
#else
    Q_UNUSED(profile)
    Q_UNUSED(password)
#endif
}

void PasswordVault::remove(const QString &profile)
{
#ifdef CONNECTDESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(Service);
    job->setAutoDelete(true);
    job->setKey(profile);
    job->start();
#else
    Q_UNUSED(profile)
#endif
}

QFuture<std::optional<QString>> PasswordVault::fetch(const QString &profile)
{
    auto promise = std::make_shared<QPromise<std::optional<QString>>>();
    promise->start();
    QFuture<std::optional<QString>> future = promise->future();
#ifdef CONNECTDESK_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(Service);
    job->setAutoDelete(true);
    job->setKey(profile);
    QObject::connect(job, &QKeychain::Job::finished, [promise](QKeychain::Job *done) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(done);
        promise->addResult(done->error() ? std::nullopt : std::optional<QString>(read->textData()));
        promise->finish();
    });
    job->start();
#else
    Q_UNUSED(profile)
    promise->addResult(std::nullopt);
    promise->finish();
#endif
    return future;
}

} // namespace ConnectDesk::Ui
