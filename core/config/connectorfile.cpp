// SPDX-License-Identifier: Apache-2.0
#include "connectorfile.h"

#include "errc.h"
#include "propertiesfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QVariant>

namespace ConnectDesk::Config {

namespace {

const QString NameKey = QStringLiteral("name");

Util::Error fileError(const QString &fileName, const QString &reason,
                      ErrorCode code = ErrorCode::InvalidConnectorFile)
{
    return Util::Error{fileName + QStringLiteral(": ") + reason, int(code)};
}

Util::Error missingName(const QString &fileName)
{
    return fileError(fileName, QStringLiteral("connector configuration is missing the mandatory "
                                              "'name' configuration"));
}

// A JSON scalar as Jackson turns it into a String; false when the value is an object or array.
bool scalarText(const QJsonValue &value, QString *out)
{
    switch (value.type()) {
    case QJsonValue::String:
        *out = value.toString();
        return true;
    case QJsonValue::Bool:
        *out = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    case QJsonValue::Double: {
        // Qt keeps integers that fit in 64 bits exact; print those without a fraction.
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong)
            *out = QString::number(number.toLongLong());
        else
            *out = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        return true;
    }
    case QJsonValue::Null:
        *out = QString();
        return true;
    default:
        return false;
    }
}

// Object of scalars → ConfigMap; on failure names the offending key (with keyPrefix).
bool toConfigMap(const QJsonObject &object, Api::ConfigMap *out, QString *badKey)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        QString text;
        if (!scalarText(it.value(), &text)) {
            *badKey = it.key();
            return false;
        }
        out->insert(it.key(), text);
    }
    return true;
}

int lineOfOffset(const QByteArray &data, int offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

Util::Result<ConnectorFile> parseJson(const QByteArray &data, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Util::Error{QStringLiteral("%1:%2: JSON syntax error: %3")
                               .arg(fileName)
                               .arg(lineOfOffset(data, parseError.offset))
                               .arg(parseError.errorString()),
                           int(ErrorCode::Syntax)};
    }
    const QJsonObject root = doc.object();

    // Form 2 only when form 1 cannot apply: `config` holds an object.
    if (!root.value(QStringLiteral("config")).isObject()) {
        ConnectorFile result;
        QString badKey;
        if (!toConfigMap(root, &result.config, &badKey)) {
            return fileError(fileName,
                             QStringLiteral("value of '%1' must be a string, number or boolean")
                                 .arg(badKey));
        }
        if (!result.config.contains(NameKey) || result.config.value(NameKey).isNull())
            return missingName(fileName);
        result.name = result.config.value(NameKey);
        return result;
    }

    ConnectorFile result;
    QString badKey;
    if (!toConfigMap(root.value(QStringLiteral("config")).toObject(), &result.config, &badKey)) {
        return fileError(fileName,
                         QStringLiteral("value of 'config.%1' must be a string, number or boolean")
                             .arg(badKey));
    }
    QString name;
    if (!scalarText(root.value(NameKey), &name) || name.isNull())
        return missingName(fileName);
    result.name = name;
    if (result.config.contains(NameKey)) {
        if (result.config.value(NameKey) != name) {
            return fileError(fileName, QStringLiteral("connector name configuration in 'config' "
                                                      "doesn't match the one specified in 'name'"));
        }
    } else {
        result.config.insert(NameKey, name);
    }
    const QJsonValue state = root.value(QStringLiteral("initial_state"));
    if (!state.isUndefined() && !state.isNull()) {
        result.initialState = initialStateFromName(state.toString());
        if (!state.isString() || !result.initialState) {
            const QString shown = state.isString()
                                      ? QLatin1Char('\'') + state.toString() + QLatin1Char('\'')
                                      : QStringLiteral("(not a string)");
            return fileError(fileName, QStringLiteral("invalid 'initial_state' %1; expected "
                                                      "RUNNING, PAUSED or STOPPED")
                                           .arg(shown));
        }
    }
    return result;
}

} // namespace

QString initialStateName(InitialState state)
{
    switch (state) {
    case InitialState::Running:
        return QStringLiteral("RUNNING");
    case InitialState::Paused:
        return QStringLiteral("PAUSED");
    case InitialState::Stopped:
        return QStringLiteral("STOPPED");
    }
    return {};
}

std::optional<InitialState> initialStateFromName(const QString &name)
{
    for (InitialState state :
         {InitialState::Running, InitialState::Paused, InitialState::Stopped}) {
        if (name.compare(initialStateName(state), Qt::CaseInsensitive) == 0)
            return state;
    }
    return std::nullopt;
}

Util::Result<ConnectorFile> parseConnectorFile(const QByteArray &data, const QString &fileName)
{
    // A UTF-8 byte order mark would hide the brace (and become part of the first key).
    const QByteArray text = data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
    if (text.trimmed().startsWith('{'))
        return parseJson(text, fileName);

    auto props = PropertiesFile::parse(text, fileName);
    if (!props)
        return props.error();
    ConnectorFile result;
    result.config = props.takeValue();
    if (!result.config.contains(NameKey))
        return missingName(fileName);
    result.name = result.config.value(NameKey);
    return result;
}

Util::Result<ConnectorFile> loadConnectorFile(const QString &path)
{
    if (QFileInfo(path).isDir())
        return fileError(path, QStringLiteral("is a directory, not a connector file"),
                         ErrorCode::Io);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fileError(path, QStringLiteral("cannot read: ") + file.errorString(),
                         ErrorCode::Io);
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return fileError(path, QStringLiteral("cannot read: ") + file.errorString(),
                         ErrorCode::Io);
    }
    return parseConnectorFile(data, path);
}

} // namespace ConnectDesk::Config
