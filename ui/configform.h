// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/entities.h"

#include <QMap>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <map>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QVBoxLayout;

namespace ConnectDesk::Ui {

class ClusterSession;

/**
 * A connector configuration form generated from what the cluster says about the connector class
 * (`PUT /connector-plugins/{class}/config/validate`, ConfigInfos): one collapsible section per
 * group in the cluster's group order, one row per visible key in its `order`, with the key's
 * documentation as tooltip, its default as placeholder, recommended values as choices, passwords
 * masked and the cluster's errors under each field.
 *
 * The form holds only what the user or the loaded config set: values() never fills in defaults.
 * Every edit re-validates after a short pause; the answer updates errors, visibility and choices
 * of the existing rows in place (the field being typed in keeps its focus and cursor) and adds
 * rows for keys that appeared (`transforms.<alias>.*` after `transforms` was set). Keys set
 * without a definition are shown in an "Other" section.
 *
 * Thread: GUI; it never waits (validation is asynchronous, stale answers are dropped).
 * Owner: its parent widget; the session must outlive it.
 */
class ConfigForm : public QWidget
{
    Q_OBJECT

public:
    explicit ConfigForm(ClusterSession *session, QWidget *parent = nullptr);
    ~ConfigForm() override;

    /** Shows `values` for `connectorClass`: validates them first, then builds the rows. */
    void load(const QString &connectorClass, const QMap<QString, QString> &values);
    QString connectorClass() const { return m_connectorClass; }

    /** The keys the user or the loaded config set (defaults are never filled in). */
    QMap<QString, QString> values() const { return m_values; }
    /** Replaces every value (keeps the rows) and re-validates. */
    void setValues(const QMap<QString, QString> &values);
    /** Sets one key (an empty value unsets it) and re-validates after the usual pause. */
    void setValue(const QString &key, const QString &value);

    /** Errors of the last validation (plus one when the validation request itself failed). */
    int errorCount() const;
    /** "key: message" for each error of the last validation, then the request's own error. */
    QStringList errors() const;
    /** Errors the last validation reported for one key. */
    QStringList errors(const QString &key) const;
    /** A validation is due or under way: errorCount() may change. */
    bool isValidating() const;
    /** The cluster answered a validation of this class at least once. */
    bool hasValidated() const { return m_validatedOnce; }
    /** The last validation answer (empty before the first). */
    const Client::ConfigInfos &lastValidation() const { return m_infos; }
    /** Keys whose definition type is PASSWORD. */
    QSet<QString> passwordKeys() const;

    enum class Filter { All, OnlySet, OnlyErrors };
    void setFilter(Filter filter, const QString &text = {});

public slots:
    /** Validates the current values now. */
    void revalidate();

signals:
    /** The user (or setValue/setValues) changed a value. */
    void valuesChanged();
    /** A validation answered (or failed: then errorCount includes that failure). */
    void validated(int errorCount);

private:
    struct Row;
    struct Section;

    void clearRows();
    void onEdited(Row *row);
    void applyValidation(const Client::ConfigInfos &infos);
    void applyRequestError(const QString &error);
    /** Rows for set keys without a definition, then filter, status and validated(). */
    void finishValidation();
    /** A row in "Other" for each set key the definitions do not know. */
    void addUndefinedRows();
    Row *ensureRow(const QString &key, const QString &sectionTitle, int order, int sequence);
    void createEditor(Row *row, const std::optional<Client::ConfigKeyInfo> &definition,
                      const QStringList &recommended);
    void updateRow(Row *row, const Client::ConfigEntry &entry);
    void updateDecoration(Row *row);
    void setEditorValue(Row *row, const QString &value);
    QString editorValue(const Row *row) const;
    void setRecommended(Row *row, const QStringList &values);
    void moveRow(Row *row, const QString &sectionTitle);
    void removeRow(const QString &key);
    Section *section(const QString &title);
    int sectionRank(const QString &title) const;
    void applyFilter();
    void updateStatus();
    bool rowHasFocus(const Row *row) const;

    ClusterSession *m_session;
    QString m_connectorClass;
    QMap<QString, QString> m_values;
    Client::ConfigInfos m_infos;
    QString m_requestError;
    bool m_validatedOnce = false;
    bool m_updating = false;
    int m_generation = 0;
    int m_answered = 0;
    QTimer m_debounce;

    Filter m_filter = Filter::All;
    QString m_filterText;
    QComboBox *m_filterBox;
    QLineEdit *m_searchEdit;
    QLabel *m_statusLabel;
    QScrollArea *m_scroll;
    QWidget *m_content;
    QVBoxLayout *m_sectionsLayout;
    std::map<QString, std::unique_ptr<Row>> m_rows;
    std::map<QString, std::unique_ptr<Section>> m_sections;
};

} // namespace ConnectDesk::Ui
