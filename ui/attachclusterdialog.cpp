// SPDX-License-Identifier: Apache-2.0
#include "attachclusterdialog.h"

#include "core/client/clusterclient.h"
#include "core/client/entities.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace ConnectDesk::Ui {

AttachClusterDialog::AttachClusterDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_caFile(addFileField(QStringLiteral("caFile")))
    , m_certFile(addFileField(QStringLiteral("clientCertificateFile")))
    , m_keyFile(addFileField(QStringLiteral("clientKeyFile")))
    , m_bootstrap(new QLineEdit(this))
    , m_kafkaProperties(new QPlainTextEdit(this))
    , m_result(new QLabel(this))
{
    setWindowTitle(tr("Attach cluster"));
    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setPlaceholderText(tr("production-eu"));
    m_url->setObjectName(QStringLiteral("restUrl"));
    m_url->setPlaceholderText(QStringLiteral("http://localhost:8083"));
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setPlaceholderText(tr("none"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_bootstrap->setObjectName(QStringLiteral("bootstrapServers"));
    m_bootstrap->setPlaceholderText(tr("broker1:9092,broker2:9092 (to browse dead-letter queues)"));
    m_kafkaProperties->setObjectName(QStringLiteral("kafkaProperties"));
    m_kafkaProperties->setPlaceholderText(QStringLiteral("security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n…"));
    m_kafkaProperties->setMaximumHeight(80);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto withBrowse = [this](QLineEdit *field) {
        auto *row = new QHBoxLayout;
        auto *browse = new QToolButton(this);
        browse->setText(QStringLiteral("…"));
        connect(browse, &QToolButton::clicked, this, [this, field] {
            const QString file = QFileDialog::getOpenFileName(this, tr("Choose a PEM file"), field->text(),
                                                              tr("PEM files (*.pem *.crt *.key);;All files (*)"));
            if (!file.isEmpty())
                field->setText(file);
        });
        row->addWidget(field, 1);
        row->addWidget(browse);
        return row;
    };

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("REST URL"), m_url);
    form->addRow(tr("User (basic auth)"), m_username);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("CA certificate"), withBrowse(m_caFile));
    form->addRow(tr("Client certificate"), withBrowse(m_certFile));
    form->addRow(tr("Client key"), withBrowse(m_keyFile));
    form->addRow(tr("Kafka bootstrap servers"), m_bootstrap);
    form->addRow(tr("Kafka client properties"), m_kafkaProperties);

    auto *test = new QPushButton(tr("Test connection"), this);
    test->setObjectName(QStringLiteral("testConnection"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Attach"));
    buttons->addButton(test, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Any Kafka Connect cluster with its REST API: ConnectDesk workers or Apache Kafka Connect. "
                                "Passwords go to the OS keychain when there is one; otherwise they are asked for at each start."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());

    connect(test, &QPushButton::clicked, this, &AttachClusterDialog::testConnection);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &AttachClusterDialog::validate);
    connect(m_url, &QLineEdit::textChanged, this, &AttachClusterDialog::validate);
    validate();
}

QLineEdit *AttachClusterDialog::addFileField(const QString &objectName)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(objectName);
    field->setPlaceholderText(tr("PEM file (optional)"));
    return field;
}

void AttachClusterDialog::setProfile(const Client::ClusterProfile &profile)
{
    m_name->setText(profile.name);
    m_url->setText(profile.restUrl.toString());
    m_username->setText(profile.username);
    m_password->setText(profile.password);
    m_caFile->setText(profile.caCertificateFile);
    m_certFile->setText(profile.clientCertificateFile);
    m_keyFile->setText(profile.clientKeyFile);
    m_bootstrap->setText(profile.bootstrapServers);
    QStringList lines;
    for (auto it = profile.kafkaProperties.cbegin(); it != profile.kafkaProperties.cend(); ++it)
        lines.append(it.key() + QLatin1Char('=') + it.value());
    m_kafkaProperties->setPlainText(lines.join(QLatin1Char('\n')));
}

Client::ClusterProfile AttachClusterDialog::profile() const
{
    Client::ClusterProfile profile;
    profile.name = m_name->text().trimmed();
    QString url = m_url->text().trimmed();
    if (!url.contains(QLatin1String("://")))
        url.prepend(QStringLiteral("http://"));
    profile.restUrl = QUrl(url);
    if (profile.name.isEmpty())
        profile.name = profile.restUrl.authority();
    profile.username = m_username->text().trimmed();
    profile.password = m_password->text();
    profile.caCertificateFile = m_caFile->text().trimmed();
    profile.clientCertificateFile = m_certFile->text().trimmed();
    profile.clientKeyFile = m_keyFile->text().trimmed();
    profile.bootstrapServers = m_bootstrap->text().trimmed();
    for (const QString &line : m_kafkaProperties->toPlainText().split(QLatin1Char('\n'))) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0 && !line.trimmed().startsWith(QLatin1Char('#')))
            profile.kafkaProperties.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return profile;
}

QString AttachClusterDialog::testResult() const
{
    return m_result->text();
}

void AttachClusterDialog::validate()
{
    const Client::ClusterProfile candidate = profile();
    const bool valid = candidate.restUrl.isValid() && !candidate.restUrl.host().isEmpty()
        && (candidate.restUrl.scheme() == QLatin1String("http") || candidate.restUrl.scheme() == QLatin1String("https"));
    m_ok->setEnabled(valid);
}

void AttachClusterDialog::testConnection()
{
    m_result->setText(tr("Connecting to %1…").arg(profile().restUrl.toString()));
    // The client lives as long as the call; the dialog may close meanwhile.
    auto *client = new Client::ClusterClient(profile(), this);
    client->setConflictRetry(0, 1);
    client->serverInfo().then(this, [this, client](const Client::RestReply &reply) {
        if (reply.ok()) {
            const Client::ServerInfo info = Client::ServerInfo::fromJson(reply.object());
            m_result->setText(tr("✔ Kafka Connect %1 (commit %2), Kafka cluster %3")
                                  .arg(info.version, info.commit, info.kafkaClusterId));
        } else {
            m_result->setText(tr("✘ %1").arg(reply.describe()));
        }
        client->deleteLater();
    });
}

} // namespace ConnectDesk::Ui
