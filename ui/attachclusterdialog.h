// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/clusterprofile.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ConnectDesk::Ui {

/**
 * Attach cluster: the REST URL of a Kafka Connect cluster, optional basic auth and TLS files,
 * and optional Kafka bootstrap servers (+ client properties) for reading its topics. "Test
 * connection" asks `GET /` without closing the dialog. Thread: GUI.
 */
class AttachClusterDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AttachClusterDialog(QWidget *parent = nullptr);

    void setProfile(const Client::ClusterProfile &profile);
    Client::ClusterProfile profile() const;
    /** The outcome of the last connection test, for people. */
    QString testResult() const;

private:
    void testConnection();
    void validate();
    QLineEdit *addFileField(const QString &objectName);

    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_caFile;
    QLineEdit *m_certFile;
    QLineEdit *m_keyFile;
    QLineEdit *m_bootstrap;
    QPlainTextEdit *m_kafkaProperties;
    QLabel *m_result;
    QPushButton *m_ok;
};

} // namespace ConnectDesk::Ui
