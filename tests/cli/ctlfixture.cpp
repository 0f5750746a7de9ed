// SPDX-License-Identifier: Apache-2.0
#include "ctlfixture.h"

#include "tests/support/testfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace ConnectDesk::TestSupport {

QJsonValue CtlRun::json() const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(QJsonValue::Undefined);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

QByteArray CtlRun::describe() const
{
    return "exit " + QByteArray::number(exitCode) + "\n--- stdout\n" + out + "--- stderr\n" + err;
}

QString CtlFixture::binary()
{
    return buildDir() + QStringLiteral("/bin/connectdesk-ctl");
}

CtlRun CtlFixture::ctl(const QStringList &arguments, const QByteArray &input) const
{
    return ctlBare(QStringList{QStringLiteral("--url"), url()} + arguments, {}, input);
}

CtlRun CtlFixture::ctlBare(const QStringList &arguments, const QMap<QString, QString> &environment,
                           const QByteArray &input) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"CONNECTDESK_URL", "CONNECTDESK_USER", "CONNECTDESK_PASSWORD"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("CONNECTDESK_CTL_CONFIG"), contextsFile());
    for (auto it = environment.begin(); it != environment.end(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(path(QString()));
    process.start(binary(), arguments);
    CtlRun run;
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString CtlFixture::writeFile(const QString &name, const QByteArray &content) const
{
    const QString file = path(name);
    QDir().mkpath(QFileInfo(file).absolutePath());
    TestSupport::writeFile(file, content);
    return file;
}

bool CtlFixture::waitForState(const QString &connector, const QString &state, bool tasksToo, int timeoutMs) const
{
    auto reached = [&] {
        const QJsonObject status = ctl({QStringLiteral("status"), connector, QStringLiteral("-o"), QStringLiteral("json")})
                                       .json().toArray().first().toObject();
        if (status.value(QLatin1String("connector")).toObject().value(QLatin1String("state")).toString() != state)
            return false;
        const QJsonArray tasks = status.value(QLatin1String("tasks")).toArray();
        if (!tasksToo)
            return true;
        if (tasks.isEmpty())
            return state != QLatin1String("RUNNING");
        for (const QJsonValue &task : tasks) {
            if (task.toObject().value(QLatin1String("state")).toString() != state)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT_RETURN(reached(), timeoutMs);
    return true;
}

namespace {

QJsonValue normalized(const QJsonValue &value, const QString &key, const CtlFixture &fixture)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = normalized(it.value(), it.key(), fixture);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = normalized(array.at(i), key, fixture);
        return array;
    }
    if (key == QLatin1String("last_modified") || key == QLatin1String("timestamp"))
        return value.isNull() ? value : QJsonValue(QStringLiteral("<time>"));
    if (!value.isString())
        return value;
    QString text = value.toString();
    if (key == QLatin1String("worker_id"))
        return QStringLiteral("<worker>");
    if (key == QLatin1String("commit") || key == QLatin1String("kafka_cluster_id") || key == QLatin1String("version"))
        return QStringLiteral("<%1>").arg(key);
    if (key == QLatin1String("trace") || key == QLatin1String("stack_trace"))
        return QStringLiteral("<trace>");
    text.replace(fixture.path(QString()), QStringLiteral("<dir>"));
    text.replace(fixture.url(), QStringLiteral("<url>"));
    text.replace(fixture.bootstrapServers(), QStringLiteral("<brokers>"));
    return text;
}

QString goldenPath(const QString &name)
{
    return QStringLiteral(CONNECTDESK_CLI_GOLDEN_DIR "/%1.json").arg(name);
}

} // namespace

QString compareGolden(const QString &name, const CtlRun &run, const CtlFixture &fixture)
{
    const QJsonValue json = run.json();
    if (json.isUndefined())
        return QStringLiteral("not JSON:\n") + QString::fromUtf8(run.describe());
    const QJsonValue actual = normalized(json, QString(), fixture);
    const QByteArray actualText = actual.isArray() ? QJsonDocument(actual.toArray()).toJson()
                                                   : QJsonDocument(actual.toObject()).toJson();
    if (qEnvironmentVariable("CONNECTDESK_UPDATE_GOLDEN") == QLatin1String("1")) {
        TestSupport::writeFile(goldenPath(name), actualText);
        return {};
    }
    const QByteArray expected = readFile(goldenPath(name));
    if (expected == actualText)
        return {};
    return QStringLiteral("%1 differs from %2 (CONNECTDESK_UPDATE_GOLDEN=1 rewrites it)\n--- actual\n%3--- expected\n%4")
        .arg(name, goldenPath(name), QString::fromUtf8(actualText), QString::fromUtf8(expected));
}

} // namespace ConnectDesk::TestSupport
