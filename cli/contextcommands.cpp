// SPDX-License-Identifier: Apache-2.0
// Contexts: named clusters kept in the user's config directory (config set-context, ...).
#include "command.h"
#include "connectionoptions.h"
#include "contextstore.h"

#include <QUrl>

namespace ConnectDesk::Cli {

namespace {

QString requireName(Invocation &run)
{
    const QString name = run.operand(0, QStringLiteral("the context's name"));
    run.allowAtMost(1);
    return name;
}

int setContext(Invocation &run)
{
    const QString name = requireName(run);
    ContextStore store = ContextStore::load();
    const bool existed = store.contains(name);
    Client::ClusterProfile profile = existed ? store.context(name) : Client::ClusterProfile();
    if (!existed)
        profile.restUrl = QUrl(QStringLiteral("http://localhost:8083"));
    const Arguments &args = run.args;
    applyConnectionOptions(args, profile);
    for (const QString &property : args.values(QStringLiteral("kafka-property"))) {
        const qsizetype equals = property.indexOf(QLatin1Char('='));
        if (equals <= 0)
            throw CliError::usage(QStringLiteral("--kafka-property %1: expected KEY=VALUE").arg(property));
        profile.kafkaProperties.insert(property.left(equals), property.mid(equals + 1));
    }
    store.setContext(name, profile);
    const bool becomesCurrent = store.currentContext().isEmpty() || args.isSet(QStringLiteral("use"));
    if (becomesCurrent)
        store.setCurrentContext(name);
    store.save();
    run.out.show(ContextStore::toJson(profile, false), [&] {
        run.out.line(QStringLiteral("Context %1 %2 (%3)%4.")
                         .arg(name, existed ? QStringLiteral("updated") : QStringLiteral("created"), profile.restUrl.toString(),
                              becomesCurrent ? QStringLiteral("; it is the current context") : QString()));
    });
    return ExitOk;
}

int useContext(Invocation &run)
{
    const QString name = requireName(run);
    ContextStore store = ContextStore::load();
    if (!store.contains(name))
        throw CliError{QStringLiteral("no context named %1 (see connectdesk-ctl config get-contexts)").arg(name), ExitFailed};
    store.setCurrentContext(name);
    store.save();
    run.out.line(QStringLiteral("Switched to context %1 (%2).").arg(name, store.context(name).restUrl.toString()));
    return ExitOk;
}

int getContexts(Invocation &run)
{
    run.allowAtMost(0);
    const ContextStore store = ContextStore::load();
    QJsonArray json;
    Table table({QStringLiteral("CURRENT"), QStringLiteral("NAME"), QStringLiteral("URL"), QStringLiteral("USER"),
                 QStringLiteral("BOOTSTRAP SERVERS")});
    for (const QString &name : store.names()) {
        const Client::ClusterProfile profile = store.context(name);
        const bool current = name == store.currentContext();
        QJsonObject entry = ContextStore::toJson(profile, false);
        entry.insert(QStringLiteral("name"), name);
        entry.insert(QStringLiteral("current"), current);
        json.append(entry);
        table.addRow({current ? QStringLiteral("*") : QString(), name, profile.restUrl.toString(), profile.username,
                      profile.bootstrapServers});
    }
    run.out.show(json, [&] {
        if (table.isEmpty())
            run.out.line(QStringLiteral("No contexts in %1; connectdesk-ctl config set-context NAME --url URL adds one.").arg(store.path()));
        else
            run.out.text(table.render());
    });
    return ExitOk;
}

int currentContext(Invocation &run)
{
    run.allowAtMost(0);
    const ContextStore store = ContextStore::load();
    if (store.currentContext().isEmpty())
        throw CliError{QStringLiteral("no current context (connectdesk-ctl config use-context NAME)"), ExitFailed};
    run.out.show(QJsonObject{{QStringLiteral("name"), store.currentContext()}},
                 [&] { run.out.line(store.currentContext()); });
    return ExitOk;
}

int deleteContext(Invocation &run)
{
    const QString name = requireName(run);
    ContextStore store = ContextStore::load();
    if (!store.remove(name))
        throw CliError{QStringLiteral("no context named %1").arg(name), ExitFailed};
    store.save();
    run.out.line(QStringLiteral("Context %1 deleted.").arg(name));
    return ExitOk;
}

} // namespace

QList<Command> contextCommands()
{
    return {
        {{QStringLiteral("config"), QStringLiteral("set-context")}, {}, QStringLiteral("NAME [--url URL] [--user USER] ..."),
         QStringLiteral("create or update a context from the connection options given (the first one becomes current)"),
         {{QStringLiteral("use"), {}, {}, QStringLiteral("also make it the current context")},
          {QStringLiteral("kafka-property"), {}, QStringLiteral("KEY=VALUE"),
           QStringLiteral("a Kafka client setting for dlq (security.protocol, sasl.*, ...); repeatable")}},
         setContext},
        {{QStringLiteral("config"), QStringLiteral("use-context")}, {}, QStringLiteral("NAME"),
         QStringLiteral("make a context the current one"), {}, useContext},
        {{QStringLiteral("config"), QStringLiteral("get-contexts")}, {}, {}, QStringLiteral("list the contexts"), {}, getContexts},
        {{QStringLiteral("config"), QStringLiteral("current-context")}, {}, {}, QStringLiteral("the current context's name"), {},
         currentContext},
        {{QStringLiteral("config"), QStringLiteral("delete-context")}, {}, QStringLiteral("NAME"), QStringLiteral("delete a context"),
         {}, deleteContext},
    };
}

} // namespace ConnectDesk::Cli
