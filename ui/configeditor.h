// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace ConnectDesk::Ui {

class ClusterSession;
class ConfigForm;

/**
 * A connector config in two views of the same map: the generated ConfigForm ("Form") and the
 * config as a JSON object of strings ("JSON", keys sorted). Switching tabs carries the values
 * over without loss; JSON that does not parse (or is not an object of strings) keeps the user
 * on the JSON tab with the error and its line and column.
 *
 * Thread: GUI. Owner: its parent widget; the session must outlive it.
 */
class ConfigEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ConfigEditor(ClusterSession *session, QWidget *parent = nullptr);

    /** Loads `values` for `connectorClass` into both tabs (the form validates them). */
    void load(const QString &connectorClass, const QMap<QString, QString> &values);
    /** The current config, from whichever tab is shown (the form's values when the JSON does not parse). */
    QMap<QString, QString> values() const;
    void setValues(const QMap<QString, QString> &values);

    /** The JSON tab's parse error ("line 3, column 5: …"), empty when it parses or the form is shown. */
    QString jsonError() const;
    bool isJsonShown() const;
    /** Shows the form (true) or the JSON (false); false when the JSON does not parse. */
    bool showForm(bool form);

    ConfigForm *form() const { return m_form; }
    QPlainTextEdit *jsonEdit() const { return m_json; }

    /** Pretty JSON of a config, keys sorted. */
    static QString toJsonText(const QMap<QString, QString> &values);
    /** Parses a JSON object of strings (numbers and booleans are taken as their text). */
    static bool parseJsonText(const QString &text, QMap<QString, QString> *values, QString *error);

signals:
    /** Either tab changed the config. */
    void valuesChanged();

private:
    void onTabChanged(int index);

    ConfigForm *m_form;
    QPlainTextEdit *m_json;
    QLabel *m_jsonError;
    QTabWidget *m_tabs;
    int m_shownTab = 0;
    bool m_switching = false;
};

} // namespace ConnectDesk::Ui
