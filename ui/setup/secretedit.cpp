// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretedit.h"

#include "webhooks/webhooktext.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace hai {

SecretEdit::SecretEdit(Generate generate, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_show(new QToolButton(this))
{
    setFocusProxy(m_edit);
    m_edit->setEchoMode(QLineEdit::Password);
    // Pasted tokens must not be mangled by an input method or autocompletion.
    m_edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText |
                                Qt::ImhNoAutoUppercase);
    m_show->setCheckable(true);
    m_show->setText(tr("Show"));
    m_show->setToolTip(tr("Show or hide the text"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    if (generate == Generate::Yes) {
        m_generate = new QToolButton(this);
        m_generate->setText(tr("Ge&nerate"));
        m_generate->setToolTip(tr("A new random token of 32 bytes"));
        layout->addWidget(m_generate);
        connect(m_generate, &QToolButton::clicked, this, [this] {
            m_edit->setText(WebhookText::generateSecret()); // the same 32 random bytes
            setRevealed(true); // it has to be copied to whoever calls the API
        });
    }
    layout->addWidget(m_show);

    connect(m_show, &QToolButton::toggled, this, &SecretEdit::setRevealed);
    connect(m_edit, &QLineEdit::textChanged, this, &SecretEdit::textChanged);
}

QString SecretEdit::text() const
{
    return m_edit->text();
}

void SecretEdit::setText(const QString &text)
{
    m_edit->setText(text);
}

void SecretEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void SecretEdit::setRevealed(bool revealed)
{
    m_edit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_show->setText(revealed ? tr("Hide") : tr("Show"));
    const QSignalBlocker blocker(m_show);
    m_show->setChecked(revealed);
}

bool SecretEdit::isRevealed() const
{
    return m_edit->echoMode() == QLineEdit::Normal;
}

} // namespace hai
