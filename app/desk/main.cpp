// SPDX-License-Identifier: Apache-2.0
// connectdesk: the desktop console. Embeds a Local sandbox (worker + development broker) and
// attaches to any Kafka Connect cluster over REST.

#include "ui/mainwindow.h"
#include "ui/startupprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>

using namespace ConnectDesk;

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("connectdesk"));
    QApplication::setOrganizationName(QStringLiteral("ConnectDesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("ConnectDesk"));
    QApplication::setApplicationVersion(QStringLiteral(CONNECTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ConnectDesk desktop console: a Local sandbox (an embedded Kafka Connect worker on a development "
        "broker, with a demo pipeline) and any Kafka Connect cluster you attach over its REST API."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Attach this cluster's REST API and show it."),
                                 QStringLiteral("URL"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("Basic auth user for --url (password from CONNECTDESK_PASSWORD, or asked)."),
                                  QStringLiteral("USER"));
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap-servers"),
                                       QStringLiteral("Kafka bootstrap servers of the --url cluster, to browse its topics."),
                                       QStringLiteral("HOSTS"));
    const QCommandLineOption noSandbox(QStringLiteral("no-sandbox"), QStringLiteral("Do not start the Local sandbox."));
    const QCommandLineOption noDemo(QStringLiteral("no-demo"), QStringLiteral("Start the Local sandbox without the demo pipeline."));
    const QCommandLineOption sandboxDir(QStringLiteral("sandbox-dir"),
                                        QStringLiteral("Where the Local sandbox keeps its files."), QStringLiteral("DIR"));
    parser.addOptions({url, user, bootstrap, noSandbox, noDemo, sandboxDir});
    parser.process(app);

    Ui::MainWindow::Options options;
    options.sandbox = !parser.isSet(noSandbox);
    options.demo = !parser.isSet(noDemo);
    options.sandboxDirectory = parser.value(sandboxDir);
    if (parser.isSet(url)) {
        Client::ClusterProfile profile;
        profile.restUrl = QUrl::fromUserInput(parser.value(url));
        profile.name = profile.restUrl.authority();
        profile.username = parser.value(user);
        profile.password = qEnvironmentVariable("CONNECTDESK_PASSWORD");
        profile.bootstrapServers = parser.value(bootstrap);
        if (!profile.restUrl.isValid() || profile.restUrl.host().isEmpty()) {
            QTextStream(stderr) << "connectdesk: --url: not a URL: " << parser.value(url) << Qt::endl;
            return 1;
        }
        options.attach = profile;
    }

    Ui::MainWindow window(options);
    // CONNECTDESK_STARTUP_PROBE=1: print the time to the first painted window and quit (bench).
    Ui::StartupProbe::install(&window, sinceStart);
    window.show();
    return app.exec();
}
