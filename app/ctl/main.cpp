// SPDX-License-Identifier: Apache-2.0
// connectdesk-ctl: the terminal console. Manages any Kafka Connect cluster over REST.

#include "cli/ctlapp.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("connectdesk-ctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("ConnectDesk"));
    return ConnectDesk::Cli::CtlApp::run(QCoreApplication::arguments().mid(1));
}
