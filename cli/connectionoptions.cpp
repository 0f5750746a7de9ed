// SPDX-License-Identifier: Apache-2.0
#include "connectionoptions.h"

#include "clierror.h"

namespace ConnectDesk::Cli {

void applyConnectionOptions(const Arguments &arguments, Client::ClusterProfile &profile)
{
    auto take = [&](const char *option, QString &field) {
        if (arguments.isSet(QLatin1String(option)))
            field = arguments.value(QLatin1String(option));
    };
    if (arguments.isSet(QStringLiteral("url"))) {
        const QString given = arguments.value(QStringLiteral("url"));
        profile.restUrl = QUrl::fromUserInput(given);
        const QString scheme = profile.restUrl.scheme();
        if (!profile.restUrl.isValid() || profile.restUrl.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            throw CliError::usage(QStringLiteral("--url %1: not an http(s) URL").arg(given));
    }
    take("user", profile.username);
    take("password", profile.password);
    take("ca-cert", profile.caCertificateFile);
    take("cert", profile.clientCertificateFile);
    take("key", profile.clientKeyFile);
    take("bootstrap-servers", profile.bootstrapServers);
    if (arguments.isSet(QStringLiteral("insecure")))
        profile.insecureSkipTlsVerify = true;
}

} // namespace ConnectDesk::Cli
