// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace hai {

// A token or password field: hidden while typed, a Show/Hide toggle, and optionally a
// Generate button for tokens this app issues (the REST API token).
class SecretEdit : public QWidget
{
    Q_OBJECT

public:
    enum class Generate { No, Yes };

    explicit SecretEdit(Generate generate = Generate::No, QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void setPlaceholderText(const QString &text);
    void setRevealed(bool revealed);
    bool isRevealed() const;

    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *showButton() const { return m_show; }
    QToolButton *generateButton() const { return m_generate; } // null without Generate

Q_SIGNALS:
    void textChanged(const QString &text);

private:
    QLineEdit *m_edit;
    QToolButton *m_show;
    QToolButton *m_generate = nullptr;
};

} // namespace hai
