// SPDX-License-Identifier: Apache-2.0
// connectdesk-ctl's bash completion, loaded in a real bash and asked what it offers (commands,
// options, values, files, contexts, and connector names from the sandbox worker), and its man
// page: every command and option of --help documented, and groff finds nothing to warn about.
#include "ctlfixture.h"

#include "tests/support/testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace ConnectDesk;
using namespace ConnectDesk::TestSupport;

namespace {

QString manPagePath()
{
    return QStringLiteral(CONNECTDESK_SOURCE_DIR "/packaging/man/connectdesk-ctl.1");
}

/** The man page's text with \- as - and without font changes (\fB...), so options and
 *  commands read as typed. */
QString manPageText()
{
    static const QRegularExpression fontChange(QStringLiteral("\\\\f[BIRP]"));
    return QString::fromUtf8(readFile(manPagePath())).replace(QStringLiteral("\\-"), QStringLiteral("-")).remove(fontChange);
}

QString shellQuoted(const QString &word)
{
    QString escaped = word;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

/** The words bash makes of an unquoted line for completion: split at blanks, and each run of
 *  the default COMP_WORDBREAKS characters ':' and '=' a word of its own. A line ending in a
 *  blank completes an empty word. */
QStringList bashWords(const QString &line)
{
    QStringList words;
    for (const QString &token : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        static const QRegularExpression pieces(QStringLiteral("[:=]+|[^:=]+"));
        for (const QRegularExpressionMatch &piece : pieces.globalMatch(token))
            words.append(piece.captured());
    }
    if (line.endsWith(QLatin1Char(' ')))
        words.append(QString());
    return words;
}

/** The command words of `connectdesk-ctl --help`: "get plugins", "restart", "completion bash"... */
QStringList helpCommands(const QString &help)
{
    QStringList commands;
    const QString section = help.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z-]*$"));
    for (const QString &line : section.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("  ")) || line.startsWith(QLatin1String("    ")))
            continue; // a summary on its own line
        QStringList words;
        for (const QString &token : line.trimmed().split(QLatin1Char(' '))) {
            if (!word.match(token).hasMatch())
                break;
            words.append(token);
        }
        // The summary follows two blanks; its words are not the command's.
        const QString left = line.trimmed().section(QStringLiteral("  "), 0, 0);
        while (words.join(QLatin1Char(' ')).size() > left.size())
            words.removeLast();
        commands.append(words.join(QLatin1Char(' ')));
    }
    return commands;
}

/** The long options of a help text's "Options:" section. */
QStringList helpOptions(const QString &help)
{
    QStringList options;
    const QString section = help.section(QStringLiteral("Options:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    static const QRegularExpression option(QStringLiteral("--[a-z][a-z-]*"));
    for (const QString &line : section.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = option.match(line);
        if (match.hasMatch())
            options.append(match.captured());
    }
    return options;
}

} // namespace

class tst_CtlCompletion : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void commandWords();
    void options();
    void optionValues();
    void files();
    void connectorNames();
    void contexts();
    void connectionOptionsPassedOn();
    void otherShells();
    void manPageCoversEveryCommand();
    void manPageRenders();

private:
    /** What the completion offers for the line (the cursor at its end), sorted; fails the test
     *  when bash prints anything on standard error. program stands for connectdesk-ctl. */
    QStringList complete(const QString &line, const QString &program = QStringLiteral("connectdesk-ctl"));

    CtlFixture m_ctl;
    QString m_script;
};

void tst_CtlCompletion::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
        QSKIP("bash is not installed");
    QVERIFY(m_ctl.start());
    for (const QString &name : {QStringLiteral("orders-sink"), QStringLiteral("payments-sink")}) {
        const CtlRun created = m_ctl.ctl({QStringLiteral("create"), name, QStringLiteral("connector.class=FileStreamSink"),
                                          QStringLiteral("topics=orders")});
        QVERIFY2(created.exitCode == 0, created.describe());
    }
    const CtlRun script = m_ctl.ctlBare({QStringLiteral("completion"), QStringLiteral("bash")});
    QVERIFY2(script.exitCode == 0 && script.err.isEmpty(), script.describe());
    m_script = m_ctl.writeFile(QStringLiteral("completion.bash"), script.out);
}

void tst_CtlCompletion::cleanupTestCase()
{
    QFile::remove(m_ctl.contextsFile());
}

QStringList tst_CtlCompletion::complete(const QString &line, const QString &program)
{
    const QString typed = program + QLatin1Char(' ') + line;
    const QStringList words = bashWords(typed);
    QStringList quoted;
    for (const QString &word : words)
        quoted.append(shellQuoted(word));
    const QString commands = QStringLiteral("source %1 || exit 9\n"
                                            "COMP_WORDS=(%2)\n"
                                            "COMP_CWORD=%3\n"
                                            "COMP_LINE=%4\n"
                                            "COMP_POINT=${#COMP_LINE}\n"
                                            "_connectdesk_ctl\n"
                                            "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
                                 .arg(shellQuoted(m_script), quoted.join(QLatin1Char(' ')))
                                 .arg(words.size() - 1)
                                 .arg(shellQuoted(typed));
    QProcess bash;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"CONNECTDESK_URL", "CONNECTDESK_USER", "CONNECTDESK_PASSWORD"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("PATH"),
               QFileInfo(CtlFixture::binary()).absolutePath() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("CONNECTDESK_CTL_CONFIG"), m_ctl.contextsFile());
    bash.setProcessEnvironment(env);
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), commands});
    if (!bash.waitForFinished(60000)) {
        bash.kill();
        bash.waitForFinished();
        return {QStringLiteral("(bash did not finish)")};
    }
    const QByteArray errors = bash.readAllStandardError();
    if (bash.exitCode() != 0 || !errors.isEmpty())
        return {QStringLiteral("(bash exit %1: %2)").arg(bash.exitCode()).arg(QString::fromUtf8(errors))};
    QStringList offered = QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    offered.sort();
    return offered;
}

void tst_CtlCompletion::commandWords()
{
    QCOMPARE(complete(QStringLiteral("pa")), QStringList({QStringLiteral("patch"), QStringLiteral("pause")}));
    QCOMPARE(complete(QStringLiteral("offsets ")), QStringList({QStringLiteral("alter"), QStringLiteral("get"), QStringLiteral("reset")}));
    QCOMPARE(complete(QStringLiteral("get ")),
             QStringList({QStringLiteral("connectors"), QStringLiteral("loggers"), QStringLiteral("plugins")}));
    QCOMPARE(complete(QStringLiteral("config use")), QStringList{QStringLiteral("use-context")});
    QCOMPARE(complete(QStringLiteral("lo")), QStringList{QStringLiteral("logger")});
    // Options before the command do not hide it.
    QCOMPARE(complete(QStringLiteral("-o json --timeout 3 offsets r")), QStringList{QStringLiteral("reset")});

    // Every first word of --help, each once; aliases (connectors, list) are understood, not offered.
    const QStringList first = complete(QString());
    QStringList expected;
    for (const QString &command : helpCommands(m_ctl.ctlBare({QStringLiteral("--help")}).text())) {
        const QString word = command.section(QLatin1Char(' '), 0, 0);
        if (!expected.contains(word))
            expected.append(word);
    }
    expected.sort();
    QCOMPARE(first, expected);
    QVERIFY(!first.contains(QStringLiteral("list")));
}

void tst_CtlCompletion::options()
{
    const QStringList pause = complete(QStringLiteral("pause --"));
    QVERIFY2(pause.contains(QStringLiteral("--regex")) && pause.contains(QStringLiteral("--url"))
                 && pause.contains(QStringLiteral("--output")) && !pause.contains(QStringLiteral("--tasks")),
             qPrintable(pause.join(QLatin1Char(' '))));
    QCOMPARE(complete(QStringLiteral("restart orders-sink --ta")), QStringList({QStringLiteral("--task"), QStringLiteral("--tasks")}));
    QCOMPARE(complete(QStringLiteral("offsets alter x -")).contains(QStringLiteral("-f")), true);
    QCOMPARE(complete(QStringLiteral("apply --d")), QStringList{QStringLiteral("--dry-run")});
    // An alias is the command it stands for.
    QCOMPARE(complete(QStringLiteral("plugins --a")), QStringList{QStringLiteral("--all")});
    QCOMPARE(complete(QStringLiteral("list --re")), QStringList());
}

void tst_CtlCompletion::optionValues()
{
    QCOMPARE(complete(QStringLiteral("-o ")),
             QStringList({QStringLiteral("json"), QStringLiteral("name"), QStringLiteral("table"), QStringLiteral("yaml")}));
    // --output=j arrives as three words (--output, =, j); the reply replaces the last.
    QCOMPARE(complete(QStringLiteral("get connectors --output=j")), QStringList{QStringLiteral("json")});
    QCOMPARE(complete(QStringLiteral("restart orders-sink --tasks ")), QStringList({QStringLiteral("all"), QStringLiteral("failed")}));
    QCOMPARE(complete(QStringLiteral("create x -f x.json --initial-state S")), QStringList{QStringLiteral("STOPPED")});
    QCOMPARE(complete(QStringLiteral("logger set root INFO --scope ")), QStringList({QStringLiteral("cluster"), QStringLiteral("worker")}));
    QCOMPARE(complete(QStringLiteral("export --format ")), QStringList({QStringLiteral("json"), QStringLiteral("properties")}));
    QCOMPARE(complete(QStringLiteral("logger set root ")),
             QStringList({QStringLiteral("DEBUG"), QStringLiteral("ERROR"), QStringLiteral("INFO"), QStringLiteral("TRACE"),
                          QStringLiteral("WARN")}));
    QCOMPARE(complete(QStringLiteral("completion ")), QStringList{QStringLiteral("bash")});
    // A free value (a regex, a number) offers nothing, not connector names or commands.
    QCOMPARE(complete(QStringLiteral("--url ") + m_ctl.url() + QStringLiteral(" pause -e ")), QStringList());
    QCOMPARE(complete(QStringLiteral("dlq orders-sink --limit ")), QStringList());
}

void tst_CtlCompletion::files()
{
    m_ctl.writeFile(QStringLiteral("defs/orders.json"), "{}");
    m_ctl.writeFile(QStringLiteral("defs/payments.properties"), "name=payments\n");
    const QString folder = m_ctl.path(QStringLiteral("defs"));
    QDir(folder).mkpath(QStringLiteral("more"));
    const QStringList inFolder{folder + QStringLiteral("/more"), folder + QStringLiteral("/orders.json"),
                               folder + QStringLiteral("/payments.properties")};
    QCOMPARE(complete(QStringLiteral("apply -f ") + folder + QLatin1Char('/')), inFolder);
    QCOMPARE(complete(QStringLiteral("diff --file=") + folder + QStringLiteral("/o")), QStringList{folder + QStringLiteral("/orders.json")});
    QCOMPARE(complete(QStringLiteral("--ca-cert ") + folder + QStringLiteral("/p")), QStringList{folder + QStringLiteral("/payments.properties")});
    QCOMPARE(complete(QStringLiteral("export -d ") + folder + QLatin1Char('/')), QStringList{folder + QStringLiteral("/more")});
}

void tst_CtlCompletion::connectorNames()
{
    // The URL as bash splits it (http, :, //127.0.0.1, :, port): joined again and passed on.
    const QString url = QStringLiteral("--url ") + m_ctl.url() + QLatin1Char(' ');
    const QStringList both{QStringLiteral("orders-sink"), QStringLiteral("payments-sink")};
    for (const QString &command : {QStringLiteral("pause"), QStringLiteral("resume"), QStringLiteral("stop"), QStringLiteral("restart"),
                                   QStringLiteral("delete"), QStringLiteral("status"), QStringLiteral("describe connector"),
                                   QStringLiteral("topics"), QStringLiteral("patch"), QStringLiteral("offsets get"),
                                   QStringLiteral("offsets alter"), QStringLiteral("offsets reset"), QStringLiteral("dlq")})
        QCOMPARE(complete(url + command + QLatin1Char(' ')), both);
    QCOMPARE(complete(url + QStringLiteral("pause or")), QStringList{QStringLiteral("orders-sink")});
    QCOMPARE(complete(QStringLiteral("--url=") + m_ctl.url() + QStringLiteral(" describe connector p")),
             QStringList{QStringLiteral("payments-sink")});
    QCOMPARE(complete(QStringLiteral("describe connector p --url ") + m_ctl.url()).size(), 0); // the cursor is on the URL
    // Commands on several connectors skip those already named; one-connector commands stop after one.
    QCOMPARE(complete(url + QStringLiteral("pause orders-sink ")), QStringList{QStringLiteral("payments-sink")});
    QCOMPARE(complete(url + QStringLiteral("offsets reset orders-sink ")), QStringList());
    QCOMPARE(complete(url + QStringLiteral("patch orders-sink ")), QStringList());
    // Plugins and loggers come from the cluster the same way.
    QCOMPARE(complete(url + QStringLiteral("describe plugin org.apache.kafka.connect.file.FileStreamSi")),
             QStringList{QStringLiteral("org.apache.kafka.connect.file.FileStreamSinkConnector")});
    QVERIFY(complete(url + QStringLiteral("logger set ")).contains(QStringLiteral("root")));
    // No cluster there: nothing offered, and nothing printed over the user's line.
    QCOMPARE(complete(QStringLiteral("--url http://127.0.0.1:9 pause ")), QStringList());
    // create names a new connector.
    QCOMPARE(complete(url + QStringLiteral("create ")), QStringList());
}

void tst_CtlCompletion::contexts()
{
    for (const QString &name : {QStringLiteral("sandbox"), QStringLiteral("staging")}) {
        const CtlRun set = m_ctl.ctlBare({QStringLiteral("config"), QStringLiteral("set-context"), name, QStringLiteral("--url"),
                                          name == QLatin1String("sandbox") ? m_ctl.url() : QStringLiteral("http://127.0.0.1:9")});
        QVERIFY2(set.exitCode == 0, set.describe());
    }
    const QStringList both{QStringLiteral("sandbox"), QStringLiteral("staging")};
    QCOMPARE(complete(QStringLiteral("config use-context ")), both);
    QCOMPARE(complete(QStringLiteral("config delete-context sa")), QStringList{QStringLiteral("sandbox")});
    QCOMPARE(complete(QStringLiteral("--context ")), both);
    QCOMPARE(complete(QStringLiteral("get connectors --context=st")), QStringList{QStringLiteral("staging")});
    // The connectors of the context typed on the line, and of the current one (sandbox, the first).
    QCOMPARE(complete(QStringLiteral("--context sandbox stop ")), QStringList({QStringLiteral("orders-sink"), QStringLiteral("payments-sink")}));
    QCOMPARE(complete(QStringLiteral("--context staging stop ")), QStringList());
    QCOMPARE(complete(QStringLiteral("stop o")), QStringList{QStringLiteral("orders-sink")});
    QVERIFY(QFile::remove(m_ctl.contextsFile()));
}

void tst_CtlCompletion::connectionOptionsPassedOn()
{
    // A stand-in for the binary prints the arguments it is given; bash offers them back in order.
    const QString program = m_ctl.writeFile(QStringLiteral("print-arguments"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    QVERIFY(QFile::setPermissions(program, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString line = QStringLiteral("--url https://connect:8443 --user ops --password s3cret --insecure --ca-cert /ca.pem "
                                        "--key=/k.pem -o yaml --timeout 9 -e x --bootstrap-servers kafka:9092 describe connector ");
    QStringList offered = complete(line, program);
    // complete() sorts; compare as sets of arguments plus the order of the pairs that matter.
    QStringList expected{QStringLiteral("--timeout"), QStringLiteral("5"), QStringLiteral("--url"), QStringLiteral("https://connect:8443"),
                         QStringLiteral("--user"), QStringLiteral("ops"), QStringLiteral("--password"), QStringLiteral("s3cret"),
                         QStringLiteral("--insecure"), QStringLiteral("--ca-cert"), QStringLiteral("/ca.pem"),
                         QStringLiteral("--key=/k.pem"), QStringLiteral("--timeout"), QStringLiteral("9"),
                         QStringLiteral("--bootstrap-servers"), QStringLiteral("kafka:9092"), QStringLiteral("get"),
                         QStringLiteral("connectors"), QStringLiteral("-o"), QStringLiteral("name")};
    expected.sort();
    QCOMPARE(offered, expected);
}

void tst_CtlCompletion::otherShells()
{
    const CtlRun zsh = m_ctl.ctlBare({QStringLiteral("completion"), QStringLiteral("zsh")});
    QCOMPARE(zsh.exitCode, 2);
    QVERIFY2(zsh.err.contains("only bash"), zsh.describe());
    QCOMPARE(m_ctl.ctlBare({QStringLiteral("completion")}).exitCode, 2);
}

void tst_CtlCompletion::manPageCoversEveryCommand()
{
    const QString text = manPageText();
    QVERIFY(!text.isEmpty());
    const QString help = m_ctl.ctlBare({QStringLiteral("--help")}).text();
    const QStringList commands = helpCommands(help);
    QVERIFY2(commands.size() >= 30, qPrintable(help));
    for (const QString &command : commands) {
        // Each command has an entry of its own: a .B, .BI or .BR line starting with its words.
        const QRegularExpression entry(QStringLiteral("^\\.B[IR]?\\s+\"?%1(?![\\w-])").arg(QRegularExpression::escape(command)),
                                       QRegularExpression::MultilineOption);
        QVERIFY2(text.contains(entry), qPrintable(QStringLiteral("the man page has no entry for %1").arg(command)));
        // And every option its help lists.
        QStringList helpCommand = command.split(QLatin1Char(' '));
        if (helpCommand.first() == QLatin1String("completion"))
            helpCommand = {helpCommand.first()};
        const CtlRun commandHelp = m_ctl.ctlBare(helpCommand + QStringList{QStringLiteral("--help")});
        QVERIFY2(commandHelp.exitCode == 0, commandHelp.describe());
        for (const QString &option : helpOptions(commandHelp.text())) {
            const QRegularExpression mention(QStringLiteral("(?<![\\w-])%1(?![\\w-])").arg(option));
            QVERIFY2(text.contains(mention), qPrintable(QStringLiteral("the man page does not mention %1 of %2").arg(option, command)));
        }
    }
    const QStringList globals = helpOptions(help);
    QVERIFY(globals.contains(QStringLiteral("--url")) && globals.contains(QStringLiteral("--output")));
    for (const QString &option : globals) {
        const QRegularExpression mention(QStringLiteral("(?<![\\w-])%1(?![\\w-])").arg(option));
        QVERIFY2(text.contains(mention), qPrintable(QStringLiteral("the man page does not mention %1").arg(option)));
    }
    // The environment variables and the exit statuses of --help.
    for (const QString &name : {QStringLiteral("CONNECTDESK_URL"), QStringLiteral("CONNECTDESK_USER"),
                                QStringLiteral("CONNECTDESK_PASSWORD"), QStringLiteral("CONNECTDESK_CTL_CONFIG")})
        QVERIFY2(text.contains(name), qPrintable(name));
    for (const QString &section : {QStringLiteral("NAME"), QStringLiteral("SYNOPSIS"), QStringLiteral("DESCRIPTION"),
                                   QStringLiteral("COMMANDS"), QStringLiteral("ENVIRONMENT"), QStringLiteral("FILES"),
                                   QStringLiteral("EXIT STATUS"), QStringLiteral("EXAMPLES"), QStringLiteral("SEE ALSO")})
        QVERIFY2(text.contains(QStringLiteral("\n.SH ") + section + QLatin1Char('\n')), qPrintable(section));
}

void tst_CtlCompletion::manPageRenders()
{
    if (QStandardPaths::findExecutable(QStringLiteral("groff")).isEmpty())
        QSKIP("groff is not installed (packaging/install-build-deps.sh installs groff-base)");
    QProcess groff;
    groff.start(QStringLiteral("groff"), {QStringLiteral("-man"), QStringLiteral("-Tutf8"), QStringLiteral("-ww"), QStringLiteral("-z"),
                                          manPagePath()});
    QVERIFY(groff.waitForFinished(30000));
    QCOMPARE(groff.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(groff.readAllStandardError()), QString());
}

QTEST_GUILESS_MAIN(tst_CtlCompletion)
#include "tst_ctlcompletion.moc"
