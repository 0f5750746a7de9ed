// SPDX-License-Identifier: Apache-2.0
#include "configform.h"

#include "counting.h"
#include "clustersession.h"

#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>
#include <tuple>

namespace ConnectDesk::Ui {

namespace {

// Definitions without a group (FileStream's own keys, for one) and keys the user set that the
// cluster does not define get sections of their own.
const QString generalSection = QStringLiteral("General");
const QString otherSection = QStringLiteral("Other");
constexpr int labelWidth = 240;
constexpr int debounceMs = 400;

bool isSecretName(const QString &key)
{
    return key.contains(QLatin1String("password"), Qt::CaseInsensitive);
}

QString sectionFor(const Client::ConfigEntry &entry)
{
    if (!entry.definition)
        return otherSection;
    return entry.definition->group.isEmpty() ? generalSection : entry.definition->group;
}

QString toolTipFor(const QString &key, const std::optional<Client::ConfigKeyInfo> &definition)
{
    if (!definition)
        return QStringLiteral("<b>%1</b><br>Not defined by this connector class.").arg(key.toHtmlEscaped());
    const Client::ConfigKeyInfo &def = *definition;
    QStringList facts{def.type, def.importance.isEmpty() ? QString() : def.importance + QStringLiteral(" importance")};
    if (def.defaultValue)
        facts.append(QStringLiteral("default: ") + (def.defaultValue->isEmpty() ? QStringLiteral("(empty)") : *def.defaultValue));
    else if (def.required)
        facts.append(QStringLiteral("required"));
    facts.removeAll(QString());
    QString tip = QStringLiteral("<b>%1</b> <code>%2</code><br><i>%3</i>")
                      .arg((def.displayName.isEmpty() ? key : def.displayName).toHtmlEscaped(), key.toHtmlEscaped(),
                           facts.join(QStringLiteral(" · ")).toHtmlEscaped());
    if (!def.documentation.isEmpty())
        tip += QStringLiteral("<p>") + def.documentation.toHtmlEscaped() + QStringLiteral("</p>");
    return tip;
}

} // namespace

struct ConfigForm::Row
{
    enum class Kind { Text, Password, Boolean, Choice };

    QString key;
    QString section;
    int order = -1;
    int sequence = 0;
    std::optional<Client::ConfigKeyInfo> definition;
    QStringList recommended;
    QStringList errors;
    bool serverVisible = true;
    Kind kind = Kind::Text;

    QWidget *widget = nullptr;
    QLabel *title = nullptr;
    QLabel *keyLabel = nullptr;
    QVBoxLayout *fieldLayout = nullptr;
    QWidget *editor = nullptr;
    QLabel *errorLabel = nullptr;

    QLineEdit *lineEdit() const { return qobject_cast<QLineEdit *>(editor); }
    QComboBox *combo() const { return qobject_cast<QComboBox *>(editor); }
    auto sortKey() const { return std::make_tuple(order < 0 ? INT_MAX : order, sequence, key); }
};

struct ConfigForm::Section
{
    QString title;
    QWidget *box = nullptr;
    QToolButton *header = nullptr;
    QWidget *body = nullptr;
    QVBoxLayout *layout = nullptr;
    QList<Row *> rows;
};

ConfigForm::ConfigForm(ClusterSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filterBox(new QComboBox(this))
    , m_searchEdit(new QLineEdit(this))
    , m_statusLabel(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_content(new QWidget)
    , m_sectionsLayout(new QVBoxLayout(m_content))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ConfigForm::revalidate);

    m_filterBox->setObjectName(QStringLiteral("configFilter"));
    m_filterBox->addItems({tr("All keys"), tr("Only set"), tr("Only errors")});
    m_searchEdit->setObjectName(QStringLiteral("configSearch"));
    m_searchEdit->setPlaceholderText(tr("Filter keys…"));
    m_searchEdit->setClearButtonEnabled(true);
    m_statusLabel->setObjectName(QStringLiteral("configStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_filterBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setFilter(Filter(index), m_searchEdit->text()); });
    connect(m_searchEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { setFilter(Filter(m_filterBox->currentIndex()), text); });

    m_sectionsLayout->setContentsMargins(8, 8, 8, 8);
    m_sectionsLayout->setSpacing(10);
    m_sectionsLayout->addStretch(1);
    m_scroll->setObjectName(QStringLiteral("configScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::StyledPanel);
    m_scroll->setWidget(m_content);

    auto *top = new QHBoxLayout;
    top->addWidget(m_searchEdit, 1);
    top->addWidget(m_filterBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_scroll, 1);
    updateStatus();
}

ConfigForm::~ConfigForm() = default;

void ConfigForm::load(const QString &connectorClass, const QMap<QString, QString> &values)
{
    clearRows();
    m_connectorClass = connectorClass;
    m_values = values;
    m_infos = {};
    m_requestError.clear();
    m_validatedOnce = false;
    revalidate();
}

void ConfigForm::setValues(const QMap<QString, QString> &values)
{
    m_values = values;
    for (auto &[key, row] : m_rows)
        setEditorValue(row.get(), values.value(key));
    addUndefinedRows();
    emit valuesChanged();
    revalidate();
}

void ConfigForm::setValue(const QString &key, const QString &value)
{
    if (value.isEmpty())
        m_values.remove(key);
    else
        m_values.insert(key, value);
    auto it = m_rows.find(key);
    if (it != m_rows.end()) {
        setEditorValue(it->second.get(), value);
    } else if (!value.isEmpty()) {
        Row *row = ensureRow(key, otherSection, -1, 0);
        createEditor(row, std::nullopt, {});
        setEditorValue(row, value);
        updateDecoration(row);
    }
    emit valuesChanged();
    m_debounce.start();
    updateStatus();
}

int ConfigForm::errorCount() const
{
    return m_infos.errorCount + (m_requestError.isEmpty() ? 0 : 1);
}

QStringList ConfigForm::errors() const
{
    QStringList all = m_infos.allErrors();
    if (!m_requestError.isEmpty())
        all.append(m_requestError);
    return all;
}

QStringList ConfigForm::errors(const QString &key) const
{
    auto it = m_rows.find(key);
    return it == m_rows.end() ? QStringList() : it->second->errors;
}

bool ConfigForm::isValidating() const
{
    return m_debounce.isActive() || m_answered < m_generation;
}

QSet<QString> ConfigForm::passwordKeys() const
{
    QSet<QString> keys;
    for (const Client::ConfigEntry &entry : m_infos.configs) {
        if (entry.definition && entry.definition->type == QLatin1String("PASSWORD"))
            keys.insert(entry.definition->name);
    }
    return keys;
}

void ConfigForm::setFilter(Filter filter, const QString &text)
{
    m_filter = filter;
    m_filterText = text.trimmed();
    if (m_filterBox->currentIndex() != int(filter)) {
        const QSignalBlocker blocker(m_filterBox);
        m_filterBox->setCurrentIndex(int(filter));
    }
    if (m_searchEdit->text() != text) {
        const QSignalBlocker blocker(m_searchEdit);
        m_searchEdit->setText(text);
    }
    applyFilter();
}

void ConfigForm::revalidate()
{
    m_debounce.stop();
    if (m_connectorClass.isEmpty())
        return;
    const int generation = ++m_generation;
    QJsonObject body = Client::toJson(m_values);
    // The cluster decides what to validate from connector.class; the form is about one class.
    if (!body.contains(QLatin1String("connector.class")))
        body.insert(QStringLiteral("connector.class"), m_connectorClass);
    updateStatus();
    m_session->client()->validateConfig(m_connectorClass, body).then(this, [this, generation](const Client::RestReply &reply) {
        if (generation != m_generation)
            return; // a newer validation is under way: its answer wins
        m_answered = generation;
        if (reply.ok())
            applyValidation(Client::ConfigInfos::fromJson(reply.object()));
        else
            applyRequestError(reply.describe());
    });
}

void ConfigForm::clearRows()
{
    m_rows.clear();
    for (auto &[title, section] : m_sections)
        delete section->box;
    m_sections.clear();
}

void ConfigForm::onEdited(Row *row)
{
    if (m_updating)
        return;
    const QString value = editorValue(row);
    if (value.isEmpty())
        m_values.remove(row->key);
    else
        m_values.insert(row->key, value);
    emit valuesChanged();
    m_debounce.start();
    updateStatus();
}

void ConfigForm::applyValidation(const Client::ConfigInfos &infos)
{
    m_infos = infos;
    m_requestError.clear();
    m_validatedOnce = true;
    QSet<QString> seen;
    int sequence = 0;
    for (const Client::ConfigEntry &entry : infos.configs) {
        const QString key = entry.name();
        if (key.isEmpty() || seen.contains(key))
            continue;
        seen.insert(key);
        ++sequence;
        const QString title = sectionFor(entry);
        auto it = m_rows.find(key);
        Row *row = nullptr;
        if (it == m_rows.end()) {
            row = ensureRow(key, title, entry.definition ? entry.definition->order : -1, sequence);
            createEditor(row, entry.definition, entry.value ? entry.value->recommendedValues : QStringList());
            setEditorValue(row, m_values.value(key));
        } else {
            row = it->second.get();
            if (row->section != title && !rowHasFocus(row)) {
                row->order = entry.definition ? entry.definition->order : -1;
                row->sequence = sequence;
                moveRow(row, title);
            }
        }
        updateRow(row, entry);
    }
    // Keys the cluster no longer reports (a transform alias removed): keep what the user set,
    // drop the rest, but never the row being typed in.
    QStringList gone;
    for (auto &[key, row] : m_rows) {
        if (!seen.contains(key))
            gone.append(key);
    }
    for (const QString &key : gone) {
        Row *row = m_rows.at(key).get();
        if (rowHasFocus(row))
            continue;
        if (!m_values.contains(key)) {
            removeRow(key);
            continue;
        }
        row->errors.clear();
        row->serverVisible = true;
        if (row->section != otherSection) {
            row->order = -1;
            row->sequence = 0;
            moveRow(row, otherSection);
        }
        updateDecoration(row);
    }
    finishValidation();
}

void ConfigForm::addUndefinedRows()
{
    // Every value gets a row, defined or not, so nothing the user set is hidden.
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (m_rows.find(it.key()) == m_rows.end()) {
            Row *row = ensureRow(it.key(), otherSection, -1, 0);
            createEditor(row, std::nullopt, {});
            setEditorValue(row, it.value());
            updateDecoration(row);
        }
    }
}

void ConfigForm::finishValidation()
{
    addUndefinedRows();
    applyFilter();
    updateStatus();
    emit validated(errorCount());
}

void ConfigForm::applyRequestError(const QString &error)
{
    m_requestError = error;
    finishValidation();
}

ConfigForm::Row *ConfigForm::ensureRow(const QString &key, const QString &sectionTitle, int order, int sequence)
{
    auto owned = std::make_unique<Row>();
    Row *row = owned.get();
    row->key = key;
    row->order = order;
    row->sequence = sequence;

    row->widget = new QWidget;
    row->widget->setObjectName(QStringLiteral("row:") + key);
    auto *labels = new QWidget(row->widget);
    labels->setFixedWidth(labelWidth);
    row->title = new QLabel(key, labels);
    row->title->setWordWrap(true);
    row->keyLabel = new QLabel(key, labels);
    row->keyLabel->setWordWrap(true);
    row->keyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = row->keyLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    row->keyLabel->setFont(small);
    row->keyLabel->setStyleSheet(QStringLiteral("color: #6b7280;"));
    auto *labelLayout = new QVBoxLayout(labels);
    labelLayout->setContentsMargins(0, 0, 0, 0);
    labelLayout->setSpacing(0);
    labelLayout->addWidget(row->title);
    labelLayout->addWidget(row->keyLabel);

    auto *field = new QWidget(row->widget);
    row->fieldLayout = new QVBoxLayout(field);
    row->fieldLayout->setContentsMargins(0, 0, 0, 0);
    row->fieldLayout->setSpacing(2);
    row->errorLabel = new QLabel(field);
    row->errorLabel->setObjectName(QStringLiteral("error:") + key);
    row->errorLabel->setWordWrap(true);
    row->errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    row->errorLabel->hide();
    row->fieldLayout->addWidget(row->errorLabel);

    auto *layout = new QHBoxLayout(row->widget);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(12);
    layout->addWidget(labels, 0, Qt::AlignTop);
    layout->addWidget(field, 1, Qt::AlignTop);

    m_rows.emplace(key, std::move(owned));
    row->section = QString(); // moveRow places it
    moveRow(row, sectionTitle);
    return row;
}

void ConfigForm::createEditor(Row *row, const std::optional<Client::ConfigKeyInfo> &definition,
                              const QStringList &recommended)
{
    const QString type = definition ? definition->type : QString();
    Row::Kind kind = Row::Kind::Text;
    if (type == QLatin1String("PASSWORD") || (!definition && isSecretName(row->key)))
        kind = Row::Kind::Password;
    else if (type == QLatin1String("BOOLEAN"))
        kind = Row::Kind::Boolean;
    else if (!recommended.isEmpty())
        kind = Row::Kind::Choice;

    const QString value = row->editor ? editorValue(row) : m_values.value(row->key);
    if (row->editor) {
        if (row->kind == kind)
            return;
        delete row->editor;
        row->editor = nullptr;
    }
    row->kind = kind;
    if (definition)
        row->definition = definition;

    switch (kind) {
    case Row::Kind::Text:
    case Row::Kind::Password: {
        auto *edit = new QLineEdit;
        if (kind == Row::Kind::Password)
            edit->setEchoMode(QLineEdit::Password);
        edit->setClearButtonEnabled(kind == Row::Kind::Text);
        connect(edit, &QLineEdit::textChanged, this, [this, row] { onEdited(row); });
        row->editor = edit;
        break;
    }
    case Row::Kind::Boolean: {
        auto *combo = new QComboBox;
        combo->addItems({QString(), QStringLiteral("true"), QStringLiteral("false")});
        connect(combo, &QComboBox::currentIndexChanged, this, [this, row] { onEdited(row); });
        row->editor = combo;
        break;
    }
    case Row::Kind::Choice: {
        auto *combo = new QComboBox;
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(20);
        connect(combo, &QComboBox::editTextChanged, this, [this, row] { onEdited(row); });
        row->editor = combo;
        break;
    }
    }
    row->editor->setObjectName(QStringLiteral("cfg:") + row->key);
    row->fieldLayout->insertWidget(0, row->editor);
    if (kind == Row::Kind::Choice)
        setRecommended(row, recommended);
    setEditorValue(row, value);
}

void ConfigForm::updateRow(Row *row, const Client::ConfigEntry &entry)
{
    if (entry.definition)
        row->definition = entry.definition;
    const QStringList recommended = entry.value ? entry.value->recommendedValues : QStringList();
    row->errors = entry.value ? entry.value->errors : QStringList();
    row->serverVisible = entry.value ? entry.value->visible : true;
    // A key that now has choices becomes a combo box, unless the user is typing in it.
    if (row->kind == Row::Kind::Text && !recommended.isEmpty() && !rowHasFocus(row))
        createEditor(row, row->definition, recommended);
    if (row->kind == Row::Kind::Text && row->definition
        && (row->definition->type == QLatin1String("PASSWORD") || row->definition->type == QLatin1String("BOOLEAN"))
        && !rowHasFocus(row))
        createEditor(row, row->definition, recommended);
    if (row->kind == Row::Kind::Choice)
        setRecommended(row, recommended);
    updateDecoration(row);
}

void ConfigForm::updateDecoration(Row *row)
{
    const std::optional<Client::ConfigKeyInfo> &def = row->definition;
    QString title = def && !def->displayName.isEmpty() ? def->displayName : row->key;
    if (def && def->required)
        title += QStringLiteral(" *");
    row->title->setText(title);
    QFont font = row->title->font();
    font.setBold(def && def->importance == QLatin1String("HIGH"));
    row->title->setFont(font);
    row->keyLabel->setVisible(title != row->key);

    const QString tip = toolTipFor(row->key, def);
    row->title->setToolTip(tip);
    row->keyLabel->setToolTip(tip);
    row->editor->setToolTip(tip);

    QString placeholder;
    if (def && def->defaultValue && !def->defaultValue->isEmpty())
        placeholder = *def->defaultValue;
    else if (def && def->required)
        placeholder = tr("required");
    if (QLineEdit *edit = row->lineEdit())
        edit->setPlaceholderText(placeholder);
    else if (QComboBox *combo = row->combo(); combo && combo->isEditable())
        combo->lineEdit()->setPlaceholderText(placeholder);
    else if (combo) // Boolean: the first choice means "not set"
        combo->setItemText(0, def && def->defaultValue ? tr("(default: %1)").arg(*def->defaultValue) : tr("(not set)"));

    row->errorLabel->setText(row->errors.join(QLatin1Char('\n')));
    row->errorLabel->setVisible(!row->errors.isEmpty());
    row->editor->setProperty("hasError", !row->errors.isEmpty());
    row->editor->setStyleSheet(row->errors.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c62828;"));
}

void ConfigForm::setEditorValue(Row *row, const QString &value)
{
    if (editorValue(row) == value && !(row->kind == Row::Kind::Boolean && value.isEmpty()))
        return;
    const bool updating = m_updating;
    m_updating = true;
    switch (row->kind) {
    case Row::Kind::Text:
    case Row::Kind::Password:
        row->lineEdit()->setText(value);
        break;
    case Row::Kind::Boolean: {
        QComboBox *combo = row->combo();
        int index = value.isEmpty() ? 0 : combo->findText(value, Qt::MatchFixedString);
        if (index <= 0 && !value.isEmpty()) {
            // Not true/false: keep it as it is, the cluster's validation says what is wrong.
            combo->addItem(value);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
        break;
    }
    case Row::Kind::Choice:
        row->combo()->setCurrentIndex(-1);
        row->combo()->setEditText(value);
        break;
    }
    m_updating = updating;
}

QString ConfigForm::editorValue(const Row *row) const
{
    if (!row->editor)
        return {};
    switch (row->kind) {
    case Row::Kind::Text:
    case Row::Kind::Password:
        return row->lineEdit()->text();
    case Row::Kind::Boolean:
        return row->combo()->currentIndex() <= 0 ? QString() : row->combo()->currentText();
    case Row::Kind::Choice:
        return row->combo()->currentText();
    }
    return {};
}

void ConfigForm::setRecommended(Row *row, const QStringList &values)
{
    if (row->recommended == values && row->combo()->count() == values.size())
        return;
    row->recommended = values;
    QComboBox *combo = row->combo();
    QLineEdit *edit = combo->lineEdit();
    const QString text = combo->currentText();
    const int cursor = edit->cursorPosition();
    const bool updating = m_updating;
    m_updating = true;
    {
        const QSignalBlocker blockCombo(combo);
        const QSignalBlocker blockEdit(edit);
        combo->clear();
        combo->addItems(values);
        combo->setCurrentIndex(-1);
        combo->setEditText(text);
        edit->setCursorPosition(cursor);
    }
    m_updating = updating;
}

void ConfigForm::moveRow(Row *row, const QString &sectionTitle)
{
    if (!row->section.isEmpty()) {
        auto it = m_sections.find(row->section);
        if (it != m_sections.end()) {
            Section *old = it->second.get();
            old->rows.removeOne(row);
            old->layout->removeWidget(row->widget);
            if (old->rows.isEmpty()) {
                row->widget->setParent(nullptr);
                delete old->box;
                m_sections.erase(it);
            }
        }
    }
    Section *target = section(sectionTitle);
    qsizetype index = 0;
    while (index < target->rows.size() && target->rows.at(index)->sortKey() < row->sortKey())
        ++index;
    target->rows.insert(index, row);
    target->layout->insertWidget(int(index), row->widget);
    row->section = sectionTitle;
}

void ConfigForm::removeRow(const QString &key)
{
    auto it = m_rows.find(key);
    if (it == m_rows.end())
        return;
    Row *row = it->second.get();
    auto sectionIt = m_sections.find(row->section);
    if (sectionIt != m_sections.end()) {
        Section *owner = sectionIt->second.get();
        owner->rows.removeOne(row);
        delete row->widget;
        if (owner->rows.isEmpty()) {
            delete owner->box;
            m_sections.erase(sectionIt);
        }
    } else {
        delete row->widget;
    }
    m_rows.erase(it);
}

ConfigForm::Section *ConfigForm::section(const QString &title)
{
    auto it = m_sections.find(title);
    if (it != m_sections.end())
        return it->second.get();

    auto owned = std::make_unique<Section>();
    Section *section = owned.get();
    section->title = title;
    section->box = new QWidget;
    section->box->setObjectName(QStringLiteral("section:") + title);
    section->box->setProperty("sectionTitle", title);
    section->header = new QToolButton(section->box);
    section->header->setText(title);
    section->header->setCheckable(true);
    section->header->setChecked(true);
    section->header->setAutoRaise(true);
    section->header->setArrowType(Qt::DownArrow);
    section->header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    section->header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont bold = section->header->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    section->header->setFont(bold);
    auto *line = new QFrame(section->box);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    section->body = new QWidget(section->box);
    section->layout = new QVBoxLayout(section->body);
    section->layout->setContentsMargins(18, 2, 0, 2);
    section->layout->setSpacing(4);
    auto *boxLayout = new QVBoxLayout(section->box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->setSpacing(2);
    boxLayout->addWidget(section->header);
    boxLayout->addWidget(line);
    boxLayout->addWidget(section->body);
    connect(section->header, &QToolButton::toggled, section->body, [header = section->header, body = section->body](bool open) {
        header->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        body->setVisible(open);
    });

    // Sections stay in the cluster's group order; new ones (a transform alias) slot in.
    const int rank = sectionRank(title);
    int index = 0;
    const int count = m_sectionsLayout->count() - 1; // the trailing stretch
    while (index < count) {
        QWidget *other = m_sectionsLayout->itemAt(index)->widget();
        if (other && sectionRank(other->property("sectionTitle").toString()) > rank)
            break;
        ++index;
    }
    m_sectionsLayout->insertWidget(index, section->box);
    m_sections.emplace(title, std::move(owned));
    return section;
}

int ConfigForm::sectionRank(const QString &title) const
{
    // Twice the group index, so that "General" (ungrouped definitions) fits right after "Common".
    if (title == otherSection)
        return INT_MAX;
    const qsizetype common = m_infos.groups.indexOf(QStringLiteral("Common"));
    if (title == generalSection)
        return common >= 0 ? int(common) * 2 + 1 : -1;
    const qsizetype index = m_infos.groups.indexOf(title);
    return index >= 0 ? int(index) * 2 : INT_MAX - 1;
}

void ConfigForm::applyFilter()
{
    for (auto &[title, section] : m_sections) {
        int shown = 0;
        int errorCount = 0;
        for (Row *row : section->rows) {
            errorCount += int(row->errors.size());
            // A key the user set stays visible even when the cluster calls it irrelevant.
            bool visible = row->serverVisible || m_values.contains(row->key);
            if (m_filter == Filter::OnlySet)
                visible = visible && m_values.contains(row->key);
            else if (m_filter == Filter::OnlyErrors)
                visible = visible && !row->errors.isEmpty();
            if (visible && !m_filterText.isEmpty()) {
                visible = row->key.contains(m_filterText, Qt::CaseInsensitive)
                          || row->title->text().contains(m_filterText, Qt::CaseInsensitive);
            }
            if (rowHasFocus(row))
                visible = true;
            row->widget->setVisible(visible);
            shown += visible ? 1 : 0;
        }
        section->header->setText(errorCount == 0 ? title : QStringLiteral("%1  (%2)").arg(title, countOf(errorCount, "error", "errors")));
        section->box->setVisible(shown > 0);
    }
}

void ConfigForm::updateStatus()
{
    QString text;
    QString style;
    if (!m_requestError.isEmpty()) {
        text = tr("Validation failed: %1").arg(m_requestError);
        style = QStringLiteral("color: #c62828;");
    } else if (!m_validatedOnce) {
        text = m_connectorClass.isEmpty() ? QString() : tr("Validating…");
    } else {
        const int count = errorCount();
        text = countOf(m_values.size(), "key", "keys") + tr(" set") + QStringLiteral(" · ")
               + (count == 0 ? tr("no errors") : countOf(count, "error", "errors"));
        if (isValidating())
            text += QStringLiteral(" · ") + tr("validating…");
        style = count == 0 ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;");
    }
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(style);
}

bool ConfigForm::rowHasFocus(const Row *row) const
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && (focus == row->widget || row->widget->isAncestorOf(focus));
}

} // namespace ConnectDesk::Ui
