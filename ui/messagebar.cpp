// SPDX-License-Identifier: Apache-2.0
#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ConnectDesk::Ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setText(QStringLiteral("✕"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showInfo(const QString &text)
{
    showMessage(text, false);
}

void MessageBar::showError(const QString &text)
{
    showMessage(text, true);
}

QString MessageBar::text() const
{
    return m_label->text();
}

void MessageBar::showMessage(const QString &text, bool error)
{
    m_error = error;
    m_label->setText(text);
    setStyleSheet(error ? QStringLiteral("#messageBar { background: #fde8e8; border: 1px solid #e0a0a0; border-radius: 4px; }")
                        : QStringLiteral("#messageBar { background: #e6f4ea; border: 1px solid #9fcfab; border-radius: 4px; }"));
    show();
}

} // namespace ConnectDesk::Ui
