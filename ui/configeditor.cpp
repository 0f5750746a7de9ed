// SPDX-License-Identifier: Apache-2.0
#include "configeditor.h"

#include "configform.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ConnectDesk::Ui {

namespace {

constexpr int formTab = 0;
constexpr int jsonTab = 1;

} // namespace

ConfigEditor::ConfigEditor(ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_form(new ConfigForm(session))
    , m_json(new QPlainTextEdit)
    , m_jsonError(new QLabel)
    , m_tabs(new QTabWidget(this))
{
    m_form->setObjectName(QStringLiteral("configForm"));
    m_json->setObjectName(QStringLiteral("configJson"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setTabChangesFocus(false);
    m_jsonError->setObjectName(QStringLiteral("configJsonError"));
    m_jsonError->setWordWrap(true);
    m_jsonError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_jsonError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_jsonError->hide();

    auto *jsonPage = new QWidget;
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(0, 4, 0, 0);
    jsonLayout->addWidget(m_jsonError);
    jsonLayout->addWidget(m_json, 1);

    auto *formPage = new QWidget;
    auto *formLayout = new QVBoxLayout(formPage);
    formLayout->setContentsMargins(0, 4, 0, 0);
    formLayout->addWidget(m_form);

    m_tabs->setObjectName(QStringLiteral("configEditorTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(formPage, tr("Form"));
    m_tabs->addTab(jsonPage, tr("JSON"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_tabs, &QTabWidget::currentChanged, this, &ConfigEditor::onTabChanged);
    connect(m_form, &ConfigForm::valuesChanged, this, [this] {
        if (m_shownTab == formTab)
            emit valuesChanged();
    });
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (m_switching || m_shownTab != jsonTab)
            return;
        m_jsonError->hide();
        emit valuesChanged();
    });
}

void ConfigEditor::load(const QString &connectorClass, const QMap<QString, QString> &values)
{
    m_form->load(connectorClass, values);
    m_switching = true;
    m_json->setPlainText(toJsonText(values));
    m_switching = false;
    m_jsonError->hide();
}

QMap<QString, QString> ConfigEditor::values() const
{
    if (m_shownTab == jsonTab) {
        QMap<QString, QString> parsed;
        QString error;
        if (parseJsonText(m_json->toPlainText(), &parsed, &error))
            return parsed;
    }
    return m_form->values();
}

void ConfigEditor::setValues(const QMap<QString, QString> &values)
{
    m_form->setValues(values);
    m_switching = true;
    m_json->setPlainText(toJsonText(values));
    m_switching = false;
    m_jsonError->hide();
}

QString ConfigEditor::jsonError() const
{
    if (m_shownTab != jsonTab)
        return {};
    QMap<QString, QString> parsed;
    QString error;
    return parseJsonText(m_json->toPlainText(), &parsed, &error) ? QString() : error;
}

bool ConfigEditor::isJsonShown() const
{
    return m_shownTab == jsonTab;
}

bool ConfigEditor::showForm(bool form)
{
    m_tabs->setCurrentIndex(form ? formTab : jsonTab);
    return m_shownTab == (form ? formTab : jsonTab);
}

void ConfigEditor::onTabChanged(int index)
{
    if (index == m_shownTab)
        return;
    if (index == jsonTab) {
        m_switching = true;
        m_json->setPlainText(toJsonText(m_form->values()));
        m_switching = false;
        m_jsonError->hide();
        m_shownTab = jsonTab;
        return;
    }
    QMap<QString, QString> parsed;
    QString error;
    if (!parseJsonText(m_json->toPlainText(), &parsed, &error)) {
        // Stay on the JSON: the user fixes it there, nothing is lost.
        m_jsonError->setText(tr("The JSON does not parse, so the form cannot show it: %1").arg(error));
        m_jsonError->show();
        const QSignalBlocker blocker(m_tabs);
        m_tabs->setCurrentIndex(jsonTab);
        return;
    }
    m_shownTab = formTab;
    m_jsonError->hide();
    if (parsed != m_form->values())
        m_form->setValues(parsed);
}

QString ConfigEditor::toJsonText(const QMap<QString, QString> &values)
{
    QJsonObject object; // keeps its keys sorted
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

bool ConfigEditor::parseJsonText(const QString &text, QMap<QString, QString> *values, QString *error)
{
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes; people count lines and characters.
        const QString before = QString::fromUtf8(utf8.left(parseError.offset));
        const qsizetype lineStart = before.lastIndexOf(QLatin1Char('\n')) + 1;
        const int line = int(before.count(QLatin1Char('\n'))) + 1;
        const int column = int(before.size() - lineStart) + 1;
        *error = tr("line %1, column %2: %3").arg(line).arg(column).arg(parseError.errorString());
        return false;
    }
    if (!document.isObject()) {
        *error = tr("line 1, column 1: a connector config is a JSON object of strings");
        return false;
    }
    const QJsonObject object = document.object();
    QMap<QString, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString())
            map.insert(it.key(), value.toString());
        else if (value.isBool())
            map.insert(it.key(), value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (value.isDouble())
            map.insert(it.key(), QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
        else {
            *error = tr("\"%1\": config values are strings (remove the key to unset it)").arg(it.key());
            return false;
        }
    }
    *values = map;
    return true;
}

} // namespace ConnectDesk::Ui
