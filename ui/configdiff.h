// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

class QTableWidget;

namespace ConnectDesk::Ui {

/** One difference between two connector configs. Secret values are already masked. */
struct ConfigChange
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    QString key;
    /** Empty for Added. */
    QString oldValue;
    /** Empty for Removed. */
    QString newValue;
    bool masked = false;

    bool operator==(const ConfigChange &other) const = default;
};

/** What masks a secret in a diff. */
inline constexpr char16_t configSecretMask[] = u"••••••";

/** Whether a key's value is a secret: its type is PASSWORD, or its name says "password". */
bool isSecretConfigKey(const QString &key, const QSet<QString> &passwordKeys = {});

/**
 * The changes that turn `before` into `after`, sorted by key. Values of secret keys
 * (isSecretConfigKey) are masked; a changed secret still shows up as Changed.
 */
QList<ConfigChange> diffConfigs(const QMap<QString, QString> &before, const QMap<QString, QString> &after,
                                const QSet<QString> &passwordKeys = {});

/**
 * Shows the changes between the live config and the pending one as a table (added green,
 * removed red, changed amber; old → new) with Apply and Cancel; "No changes" when they are equal
 * (Apply disabled). Open it with open(); accepted() means Apply.
 *
 * Thread: GUI. Owner: the caller (usually parented to the view, WA_DeleteOnClose).
 */
class ConfigDiffDialog : public QDialog
{
    Q_OBJECT

public:
    ConfigDiffDialog(const QMap<QString, QString> &before, const QMap<QString, QString> &after,
                     const QSet<QString> &passwordKeys, QWidget *parent = nullptr);

    const QList<ConfigChange> &changes() const { return m_changes; }
    QTableWidget *table() const { return m_table; }

private:
    QList<ConfigChange> m_changes;
    QTableWidget *m_table;
};

} // namespace ConnectDesk::Ui
