// SPDX-License-Identifier: Apache-2.0
#include "newconnectorwizard.h"

#include "counting.h"
#include "clustersession.h"
#include "configform.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>

namespace ConnectDesk::Ui {

namespace {

const QString nameKey = QStringLiteral("name");
const QString classKey = QStringLiteral("connector.class");

QLabel *noteLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

/** Page 1: the connector plugins the cluster has, filtered by text and type. */
class PluginPage : public QWizardPage
{
public:
    explicit PluginPage(ClusterSession *session)
        : m_session(session)
        , m_search(new QLineEdit(this))
        , m_typeFilter(new QComboBox(this))
        , m_list(new QTreeWidget(this))
        , m_status(noteLabel(this, QStringLiteral("pluginStatus")))
        , m_reload(new QPushButton(QObject::tr("Reload"), this))
    {
        setTitle(QObject::tr("Choose a connector plugin"));
        setSubTitle(QObject::tr("The source and sink connectors installed on the cluster's workers."));
        m_search->setObjectName(QStringLiteral("pluginSearch"));
        m_search->setPlaceholderText(QObject::tr("Search plugins…"));
        m_search->setClearButtonEnabled(true);
        m_typeFilter->setObjectName(QStringLiteral("pluginTypeFilter"));
        m_typeFilter->addItem(QObject::tr("All types"), QString());
        m_typeFilter->addItem(QObject::tr("Source"), QStringLiteral("source"));
        m_typeFilter->addItem(QObject::tr("Sink"), QStringLiteral("sink"));
        m_list->setObjectName(QStringLiteral("pluginList"));
        m_list->setColumnCount(3);
        m_list->setHeaderLabels({QObject::tr("Class"), QObject::tr("Type"), QObject::tr("Version")});
        m_list->setRootIsDecorated(false);
        m_list->setAlternatingRowColors(true);
        m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
        m_list->header()->setStretchLastSection(false);
        m_reload->setObjectName(QStringLiteral("pluginReload"));

        QObject::connect(m_search, &QLineEdit::textChanged, this, [this] { applyFilter(); });
        QObject::connect(m_typeFilter, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
        QObject::connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { emit completeChanged(); });
        QObject::connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] {
            if (isComplete())
                wizard()->next();
        });
        QObject::connect(m_reload, &QPushButton::clicked, this, [this] { load(); });

        auto *filters = new QHBoxLayout;
        filters->addWidget(m_search, 1);
        filters->addWidget(m_typeFilter);
        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(m_status, 1);
        statusRow->addWidget(m_reload);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(filters);
        layout->addWidget(m_list, 1);
        layout->addLayout(statusRow);
        load();
    }

    bool isComplete() const override
    {
        const QTreeWidgetItem *item = m_list->currentItem();
        return item && !item->isHidden();
    }

    QString pluginClass() const
    {
        const QTreeWidgetItem *item = m_list->currentItem();
        return item && !item->isHidden() ? item->text(0) : QString();
    }

private:
    void load()
    {
        m_status->setText(QObject::tr("Reading the plugins…"));
        m_reload->hide();
        m_session->client()->plugins(true).then(this, [this](const Client::RestReply &reply) {
            if (!reply.ok()) {
                m_status->setText(QObject::tr("Could not read the plugins: %1").arg(reply.describe()));
                m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
                m_reload->show();
                return;
            }
            m_status->setStyleSheet(QString());
            const QString current = pluginClass();
            m_list->clear();
            QList<Client::PluginInfo> plugins = Client::PluginInfo::listFromJson(reply.array());
            std::sort(plugins.begin(), plugins.end(),
                      [](const Client::PluginInfo &a, const Client::PluginInfo &b) { return a.className < b.className; });
            for (const Client::PluginInfo &plugin : plugins) {
                auto *item = new QTreeWidgetItem(m_list, {plugin.className, plugin.type, plugin.version});
                item->setToolTip(0, plugin.className);
                if (plugin.className == current)
                    m_list->setCurrentItem(item);
            }
            applyFilter();
        });
    }

    void applyFilter()
    {
        const QString text = m_search->text().trimmed();
        const QString type = m_typeFilter->currentData().toString();
        int shown = 0;
        for (int index = 0; index < m_list->topLevelItemCount(); ++index) {
            QTreeWidgetItem *item = m_list->topLevelItem(index);
            const bool visible = (type.isEmpty() || item->text(1) == type)
                                 && (text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive));
            item->setHidden(!visible);
            shown += visible ? 1 : 0;
        }
        m_status->setText(QObject::tr("%1 of %2 shown.").arg(QString::number(shown), countOf(m_list->topLevelItemCount(), "plugin", "plugins")));
        emit completeChanged();
    }

    ClusterSession *m_session;
    QLineEdit *m_search;
    QComboBox *m_typeFilter;
    QTreeWidget *m_list;
    QLabel *m_status;
    QPushButton *m_reload;
};

/** Page 2: the connector's name and the form generated for the chosen class. */
class ConfigPage : public QWizardPage
{
public:
    explicit ConfigPage(ClusterSession *session)
        : m_name(new QLineEdit(this))
        , m_form(new ConfigForm(session, this))
        , m_status(noteLabel(this, QStringLiteral("configPageStatus")))
    {
        setTitle(QObject::tr("Configure the connector"));
        m_name->setObjectName(QStringLiteral("connectorName"));
        m_name->setPlaceholderText(QObject::tr("a unique name, e.g. orders-to-file"));
        m_form->setObjectName(QStringLiteral("configForm"));

        QObject::connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (m_syncing)
                return;
            m_syncing = true;
            m_form->setValue(nameKey, text.trimmed());
            m_syncing = false;
            emit completeChanged();
        });
        QObject::connect(m_form, &ConfigForm::valuesChanged, this, [this] {
            // The form has a "name" row too: keep both in step.
            const QString name = m_form->values().value(nameKey);
            if (!m_syncing && name != m_name->text().trimmed()) {
                m_syncing = true;
                m_name->setText(name);
                m_syncing = false;
            }
            updateStatus();
            emit completeChanged();
        });
        QObject::connect(m_form, &ConfigForm::validated, this, [this] {
            updateStatus();
            emit completeChanged();
        });

        auto *nameRow = new QFormLayout;
        nameRow->addRow(QObject::tr("Connector name:"), m_name);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(nameRow);
        layout->addWidget(m_form, 1);
        layout->addWidget(m_status);
    }

    void initializePage() override
    {
        const QString pluginClass = static_cast<NewConnectorWizard *>(wizard())->pluginClass();
        setSubTitle(QObject::tr("Settings of %1, validated by the cluster as you type. Hover a field for its "
                                "documentation; bold fields are of high importance, * marks required ones.")
                        .arg(pluginClass.mid(pluginClass.lastIndexOf(QLatin1Char('.')) + 1)));
        if (pluginClass == m_loadedClass)
            return; // back and forth keeps what was typed
        m_loadedClass = pluginClass;
        QMap<QString, QString> values{{classKey, pluginClass}};
        if (!m_name->text().trimmed().isEmpty())
            values.insert(nameKey, m_name->text().trimmed());
        m_form->load(pluginClass, values);
        updateStatus();
    }

    bool isComplete() const override
    {
        return !m_name->text().trimmed().isEmpty() && m_form->hasValidated()
               && !m_form->isValidating() && m_form->errorCount() == 0;
    }

    QString name() const { return m_name->text().trimmed(); }
    ConfigForm *form() const { return m_form; }

private:
    void updateStatus()
    {
        const int errors = m_form->errorCount();
        if (m_name->text().trimmed().isEmpty()) {
            m_status->setText(QObject::tr("Give the connector a name."));
            m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
        } else if (m_form->isValidating() || !m_form->hasValidated()) {
            m_status->setText(QObject::tr("Validating…"));
            m_status->setStyleSheet(QString());
        } else if (errors > 0) {
            m_status->setText(countOf(errors, "error", "errors") + QObject::tr(" to fix before Next: ")
                              + m_form->errors().mid(0, 3).join(QStringLiteral("; "))
                              + (errors > 3 ? QStringLiteral("; …") : QString()));
            m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
        } else {
            m_status->setText(QObject::tr("The cluster accepts this config."));
            m_status->setStyleSheet(QStringLiteral("color: #2e7d32;"));
        }
    }

    QLineEdit *m_name;
    ConfigForm *m_form;
    QLabel *m_status;
    QString m_loadedClass;
    bool m_syncing = false;
};

/** Page 3: the create request as JSON, the initial state, and the answer of a failed create. */
class ReviewPage : public QWizardPage
{
public:
    explicit ReviewPage(ClusterSession *session)
        : m_session(session)
        , m_json(new QPlainTextEdit(this))
        , m_state(new QComboBox(this))
        , m_stateLabel(new QLabel(QObject::tr("Initial state:"), this))
        , m_stateNote(noteLabel(this, QStringLiteral("initialStateNote")))
        , m_error(noteLabel(this, QStringLiteral("createError")))
    {
        setTitle(QObject::tr("Review and create"));
        setSubTitle(QObject::tr("This request is sent as POST /connectors."));
        m_json->setObjectName(QStringLiteral("reviewJson"));
        m_json->setReadOnly(true);
        m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_state->setObjectName(QStringLiteral("initialStateBox"));
        m_state->addItem(QObject::tr("RUNNING: start it now"), QStringLiteral("RUNNING"));
        m_state->addItem(QObject::tr("PAUSED: create it paused, start it later with Resume"), QStringLiteral("PAUSED"));
        m_state->addItem(QObject::tr("STOPPED: create it stopped (set its offsets first, then Resume)"),
                         QStringLiteral("STOPPED"));
        m_stateNote->setStyleSheet(QStringLiteral("color: #4b5563;"));
        m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_error->hide();
        QObject::connect(m_state, &QComboBox::currentIndexChanged, this, [this] { updateJson(); });

        auto *stateRow = new QHBoxLayout;
        stateRow->addWidget(m_stateLabel);
        stateRow->addWidget(m_state, 1);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_json, 1);
        layout->addLayout(stateRow);
        layout->addWidget(m_stateNote);
        layout->addWidget(m_error);
    }

    void initializePage() override
    {
        const bool supported = m_session->features().initialState();
        m_state->setVisible(supported);
        m_stateLabel->setVisible(supported);
        m_stateNote->setText(supported ? QString()
                                       : QObject::tr("The connector starts running at once: creating it paused or "
                                                     "stopped needs Kafka Connect 3.7 or later (this cluster runs %1).")
                                             .arg(m_session->serverInfo().version));
        m_stateNote->setVisible(!supported);
        m_error->hide();
        updateJson();
    }

    void cleanupPage() override { m_error->hide(); }

    QString initialState() const
    {
        return m_session->features().initialState() ? m_state->currentData().toString() : QString();
    }

    void showError(const QString &error)
    {
        m_error->setText(error);
        m_error->setVisible(!error.isEmpty());
    }

private:
    void updateJson()
    {
        auto *owner = static_cast<NewConnectorWizard *>(wizard());
        if (!owner)
            return;
        QJsonObject request{{QStringLiteral("name"), owner->connectorName()},
                            {QStringLiteral("config"), Client::toJson(owner->connectorConfig())}};
        if (const QString state = initialState(); !state.isEmpty())
            request.insert(QStringLiteral("initial_state"), state);
        m_json->setPlainText(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Indented)));
    }

    ClusterSession *m_session;
    QPlainTextEdit *m_json;
    QComboBox *m_state;
    QLabel *m_stateLabel;
    QLabel *m_stateNote;
    QLabel *m_error;
};

} // namespace

NewConnectorWizard::NewConnectorWizard(ClusterSession *session, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("newConnectorWizard"));
    setWindowTitle(tr("New connector"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setButtonText(QWizard::FinishButton, tr("Create"));
    setPage(PluginPageId, new PluginPage(session));
    setPage(ConfigPageId, new ConfigPage(session));
    setPage(ReviewPageId, new ReviewPage(session));
    for (QWizard::WizardButton which : {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton}) {
        static const QMap<QWizard::WizardButton, QString> names{{QWizard::BackButton, QStringLiteral("backButton")},
                                                                {QWizard::NextButton, QStringLiteral("nextButton")},
                                                                {QWizard::FinishButton, QStringLiteral("finishButton")},
                                                                {QWizard::CancelButton, QStringLiteral("cancelButton")}};
        button(which)->setObjectName(names.value(which));
    }
    resize(860, 680);
}

QString NewConnectorWizard::pluginClass() const
{
    return static_cast<PluginPage *>(page(PluginPageId))->pluginClass();
}

QString NewConnectorWizard::connectorName() const
{
    return static_cast<ConfigPage *>(page(ConfigPageId))->name();
}

QMap<QString, QString> NewConnectorWizard::connectorConfig() const
{
    QMap<QString, QString> config = configForm()->values();
    config.insert(nameKey, connectorName());
    if (!config.contains(classKey))
        config.insert(classKey, pluginClass());
    return config;
}

QString NewConnectorWizard::initialState() const
{
    return static_cast<ReviewPage *>(page(ReviewPageId))->initialState();
}

ConfigForm *NewConnectorWizard::configForm() const
{
    return static_cast<ConfigPage *>(page(ConfigPageId))->form();
}

void NewConnectorWizard::done(int result)
{
    if (result == QDialog::Accepted && !m_created) {
        create();
        return; // closes when the cluster answered yes
    }
    QWizard::done(result);
}

void NewConnectorWizard::create()
{
    if (m_creating)
        return;
    m_creating = true;
    auto *review = static_cast<ReviewPage *>(page(ReviewPageId));
    review->showError(QString());
    button(QWizard::FinishButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    const QString name = connectorName();
    m_session->client()
        ->createConnector(name, Client::toJson(connectorConfig()), initialState())
        .then(this, [this, review, name](const Client::RestReply &reply) {
            m_creating = false;
            button(QWizard::FinishButton)->setEnabled(true);
            button(QWizard::BackButton)->setEnabled(true);
            if (!reply.ok()) {
                review->showError(tr("The cluster did not create the connector: %1").arg(reply.describe()));
                return;
            }
            m_created = true;
            emit connectorCreated(name);
            m_session->refresh();
            QWizard::done(QDialog::Accepted);
        });
}

} // namespace ConnectDesk::Ui
