// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace ConnectDesk::Ui {

/**
 * A one-line banner at the top of a view for results and errors of actions (never a modal box):
 * green for information, red for errors; a close button hides it. Thread: GUI.
 */
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    explicit MessageBar(QWidget *parent = nullptr);

    void showInfo(const QString &text);
    void showError(const QString &text);
    QString text() const;
    bool isError() const { return m_error; }

private:
    void showMessage(const QString &text, bool error);

    QLabel *m_label;
    QToolButton *m_close;
    bool m_error = false;
};

} // namespace ConnectDesk::Ui
