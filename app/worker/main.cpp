// SPDX-License-Identifier: Apache-2.0
// connectdesk-worker: the headless Kafka Connect worker, and the development broker.

#include "core/kafka/embeddedbroker.h"
#include "core/runtime/progressreporter.h"
#include "core/rest/basicauth.h"
#include "core/rest/connectworker.h"
#include "core/util/unixsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>

using namespace ConnectDesk;

namespace {

const char Usage[] =
    "Usage:\n"
    "  connectdesk-worker standalone WORKER.properties [CONNECTOR.properties|CONNECTOR.json ...]\n"
    "  connectdesk-worker distributed WORKER.properties\n"
    "  connectdesk-worker broker [--brokers N] [--topic NAME:PARTITIONS ...]\n"
    "  connectdesk-worker passwd USER < PASSWORD\n"
    "  connectdesk-worker --version | --help\n"
    "\n"
    "standalone   Runs connectors from files, offsets in offset.storage.file.filename,\n"
    "             exactly like Kafka's connect-standalone. bootstrap.servers=embedded starts\n"
    "             the development broker in this process.\n"
    "distributed  One node of a Connect cluster: connector configs, offsets and statuses in\n"
    "             the internal topics (group.id, config/offset/status.storage.topic), created\n"
    "             if missing; manage connectors over the REST API.\n"
    "broker       Runs only the development broker (librdkafka's mock cluster, in memory,\n"
    "             5 MiB per partition) until SIGINT/SIGTERM, so several workers and kcat can\n"
    "             share it.\n"
    "passwd       Prints a `USER:HASH` line for the REST API's users file\n"
    "             (rest.basic.auth.users.file), reading the password from the first line of\n"
    "             standard input; the password itself is never stored or printed.\n"
    "\n"
    "Options:\n"
    "  --progress SECONDS   print records/s and committed offsets every SECONDS\n"
    "\n"
    "The REST API listens on `listeners` (default http://127.0.0.1:8083); the worker prints\n"
    "`REST API: URL` once it is bound.\n";

void say(const QString &line)
{
    QTextStream out(stdout);
    out << line << Qt::endl;
}

int fail(const QString &message, int code)
{
    QTextStream err(stderr);
    err << "connectdesk-worker: " << message << Qt::endl;
    return code;
}

int runPasswd(const QStringList &args)
{
    const QString user = args.value(1);
    if (args.size() != 2 || user.isEmpty() || user.contains(QLatin1Char(':')))
        return fail(QStringLiteral("passwd needs one user name without ':'"), 1);
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (password.isEmpty())
        return fail(QStringLiteral("passwd reads the password from standard input; it was empty"), 1);
    say(user + QLatin1Char(':') + Rest::BasicAuth::hashPassword(password));
    return 0;
}

int runBroker(QCoreApplication &app, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("brokers"), QStringLiteral("number of brokers"), QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("topic"), QStringLiteral("topic to create"), QStringLiteral("NAME:PARTITIONS")});
    if (!parser.parse(args))
        return fail(parser.errorText(), 1);
    bool ok = false;
    const int brokers = parser.value(QStringLiteral("brokers")).toInt(&ok);
    if (!ok || brokers < 1)
        return fail(QStringLiteral("--brokers needs a positive number"), 1);
    auto broker = Kafka::EmbeddedBroker::start(brokers);
    if (!broker)
        return fail(broker.error().message, 2);
    for (const QString &spec : parser.values(QStringLiteral("topic"))) {
        const QString name = spec.section(QLatin1Char(':'), 0, 0);
        const int partitions = spec.contains(QLatin1Char(':')) ? spec.section(QLatin1Char(':'), 1).toInt(&ok) : 1;
        if (name.isEmpty() || (spec.contains(QLatin1Char(':')) && (!ok || partitions < 1)))
            return fail(QStringLiteral("--topic %1: expected NAME:PARTITIONS").arg(spec), 1);
        if (const Util::Error error = (*broker)->createTopic(name, partitions, std::min(brokers, 3)))
            return fail(error.message, 2);
    }
    say(QStringLiteral("embedded broker: %1").arg((*broker)->bootstrapServers()));
    Util::UnixSignals unixSignals({SIGINT, SIGTERM});
    QObject::connect(&unixSignals, &Util::UnixSignals::received, &app, &QCoreApplication::quit);
    return app.exec();
}

int runWorker(QCoreApplication &app, const QStringList &args, Rest::ConnectWorker::Mode mode)
{
    const bool standalone = mode == Rest::ConnectWorker::Mode::Standalone;
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("progress"), QStringLiteral("progress interval"), QStringLiteral("SECONDS")});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("worker and connector files"));
    if (!parser.parse(args))
        return fail(parser.errorText(), 1);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return fail(QStringLiteral("%1 needs a worker properties file\n").arg(standalone ? "standalone" : "distributed")
                        + QLatin1String(Usage), 1);
    if (!standalone && files.size() > 1)
        return fail(QStringLiteral("distributed takes only the worker properties file; create connectors over REST\n")
                        + QLatin1String(Usage), 1);
    auto worker = Rest::ConnectWorker::start(mode, files.first(), files.mid(1), say);
    if (!worker)
        return fail(worker.error().message, worker.error().code ? worker.error().code : 2);
    Runtime::Connect *connect = (*worker)->connect();
    std::unique_ptr<Runtime::ProgressReporter> progress;
    if (parser.isSet(QStringLiteral("progress"))) {
        const int seconds = std::max(1, parser.value(QStringLiteral("progress")).toInt());
        progress = std::make_unique<Runtime::ProgressReporter>(connect->worker(), say, seconds * 1000);
    }
    Util::UnixSignals unixSignals({SIGINT, SIGTERM});
    QObject::connect(&unixSignals, &Util::UnixSignals::received, &app, [&](int) {
        say(QStringLiteral("stopping: flushing offsets and stopping tasks"));
        app.quit();
    });
    const int code = app.exec();
    progress.reset();
    (*worker)->stop();
    say(QStringLiteral("stopped"));
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("connectdesk-worker"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONNECTDESK_VERSION));
    qSetMessagePattern(QStringLiteral("[%{time yyyy-MM-dd hh:mm:ss,zzz}] %{if-debug}DEBUG%{endif}"
                                      "%{if-info}INFO%{endif}%{if-warning}WARN%{endif}"
                                      "%{if-critical}ERROR%{endif}%{if-fatal}FATAL%{endif} "
                                      "%{category}: %{message}"));
    const QStringList args = app.arguments();
    const QString command = args.value(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
        say(QStringLiteral("connectdesk-worker %1 (Kafka Connect %2 compatible)")
                .arg(QStringLiteral(CONNECTDESK_VERSION), QStringLiteral(CONNECTDESK_KAFKA_COMPAT_VERSION)));
        return 0;
    }
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        std::fputs(Usage, command.isEmpty() ? stderr : stdout);
        return command.isEmpty() ? 1 : 0;
    }
    QStringList rest = args;
    rest.removeAt(1);
    if (command == QLatin1String("standalone"))
        return runWorker(app, rest, Rest::ConnectWorker::Mode::Standalone);
    if (command == QLatin1String("distributed"))
        return runWorker(app, rest, Rest::ConnectWorker::Mode::Distributed);
    if (command == QLatin1String("broker"))
        return runBroker(app, rest);
    if (command == QLatin1String("passwd"))
        return runPasswd(rest);
    return fail(QStringLiteral("unknown command '%1'\n").arg(command) + QLatin1String(Usage), 1);
}
