// SPDX-License-Identifier: Apache-2.0
// The desktop console with many connectors: starts a Local sandbox worker, creates N connectors
// (STOPPED, so they cost no tasks) over REST, then measures on the GUI thread what a user waits
// for: parsing the listing and loading the connectors table (first load and a refresh), and
// filtering it by text. Prints timings; asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/bench/bench_console [connectors=1000] [rounds=5]
#include "core/client/clusterclient.h"
#include "core/client/entities.h"
#include "core/client/sandboxworker.h"
#include "ui/connectorsmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace ConnectDesk;

namespace {

QTextStream out(stdout);

/** Waits for a future on the bench's own event loop (a bench may wait; the console never does). */
Client::RestReply await(QFuture<Client::RestReply> future)
{
    QEventLoop loop;
    Client::RestReply result;
    future.then(&loop, [&](const Client::RestReply &reply) {
        result = reply;
        loop.quit();
    });
    loop.exec();
    return result;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int connectors = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    const int rounds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 5;

    QTemporaryDir dir;
    Client::SandboxWorker sandbox(dir.filePath(QStringLiteral("sandbox")));
    QEventLoop starting;
    QObject::connect(&sandbox, &Client::SandboxWorker::started, &starting, &QEventLoop::quit);
    QObject::connect(&sandbox, &Client::SandboxWorker::failed, &starting, [&](const QString &error) {
        out << "sandbox failed: " << error << Qt::endl;
        starting.exit(1);
    });
    sandbox.start();
    if (starting.exec() != 0)
        return 1;

    Client::ClusterProfile profile;
    profile.restUrl = sandbox.restUrl();
    Client::ClusterClient client(profile);
    out << "creating " << connectors << " connectors (STOPPED) on " << profile.restUrl.toString() << Qt::endl;
    QElapsedTimer creating;
    creating.start();
    const QString input = dir.filePath(QStringLiteral("in.txt"));
    int pending = 0;
    int failures = 0;
    QEventLoop created;
    for (int i = 0; i < connectors; ++i) {
        const QJsonObject config{{QStringLiteral("connector.class"), QStringLiteral("FileStreamSource")},
                                 {QStringLiteral("file"), input},
                                 {QStringLiteral("topic"), QStringLiteral("topic-%1").arg(i % 50)}};
        ++pending;
        client.createConnector(QStringLiteral("connector-%1").arg(i, 4, 10, QLatin1Char('0')), config, QStringLiteral("STOPPED"))
            .then(&created, [&](const Client::RestReply &reply) {
                if (!reply.ok() && failures++ < 3)
                    out << "create failed: " << reply.describe() << Qt::endl;
                if (--pending == 0)
                    created.quit();
            });
    }
    created.exec();
    out << "created in " << creating.elapsed() << " ms (" << failures << " failures)" << Qt::endl;

    QTableView view;
    Ui::ConnectorsModel model;
    Ui::ConnectorsFilter filter;
    filter.setSourceModel(&model);
    view.setModel(&filter);
    view.setSortingEnabled(true);
    view.verticalHeader()->hide();
    view.resize(1200, 700);
    view.show();
    QCoreApplication::processEvents();

    QList<double> fetchMs, firstLoadMs, reloadMs, filterMs, clearMs;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const Client::RestReply listing = await(client.connectors());
        fetchMs.append(timer.nsecsElapsed() / 1e6);

        // GUI-thread work: parse, load the model (empty → N rows), let the view lay out and paint.
        model.setConnectors({});
        QCoreApplication::processEvents();
        timer.restart();
        const QList<Client::ConnectorOverview> parsed = Client::ConnectorOverview::listFromJson(listing.object());
        model.setConnectors(parsed);
        view.repaint();
        QCoreApplication::processEvents();
        firstLoadMs.append(timer.nsecsElapsed() / 1e6);

        // A background refresh with nothing changed: parse and merge.
        timer.restart();
        model.setConnectors(Client::ConnectorOverview::listFromJson(listing.object()));
        view.repaint();
        QCoreApplication::processEvents();
        reloadMs.append(timer.nsecsElapsed() / 1e6);

        timer.restart();
        filter.setText(QStringLiteral("connector-05"));
        view.repaint();
        QCoreApplication::processEvents();
        filterMs.append(timer.nsecsElapsed() / 1e6);
        const int filteredRows = filter.rowCount();

        timer.restart();
        filter.setText(QString());
        view.repaint();
        QCoreApplication::processEvents();
        clearMs.append(timer.nsecsElapsed() / 1e6);
        if (round == 0)
            out << "listing: " << listing.body.size() / 1024 << " KiB, " << parsed.size() << " connectors; the filter keeps "
                << filteredRows << " rows" << Qt::endl;
    }
    out << QStringLiteral("median of %1 rounds, %2 connectors:").arg(rounds).arg(connectors) << Qt::endl
        << QStringLiteral("  GET /connectors?expand=status&expand=info (network, off the GUI thread): %1 ms")
               .arg(median(fetchMs), 0, 'f', 1)
        << Qt::endl
        << QStringLiteral("  load table (parse + model + paint, GUI thread): %1 ms").arg(median(firstLoadMs), 0, 'f', 1)
        << Qt::endl
        << QStringLiteral("  refresh, nothing changed (parse + merge + paint):  %1 ms").arg(median(reloadMs), 0, 'f', 1)
        << Qt::endl
        << QStringLiteral("  filter by text (+ paint):                        %1 ms").arg(median(filterMs), 0, 'f', 1)
        << Qt::endl
        << QStringLiteral("  clear the filter (+ paint):                      %1 ms").arg(median(clearMs), 0, 'f', 1) << Qt::endl;
    sandbox.stop();
    return 0;
}
