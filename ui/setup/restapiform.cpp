// SPDX-License-Identifier: GPL-3.0-or-later
#include "restapiform.h"

#include "secretedit.h"
#include "settingstext.h"
#include "setupwidgets.h"

#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
const QString kListen = u"api-listen"_s;
const QString kToken = u"api-token"_s;
const QString kLoopback = u"127.0.0.1"_s;

bool isLoopback(const QString &host)
{
    QString bare = host;
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    return bare == u"localhost"_s || QHostAddress(bare).isLoopback();
}
} // namespace

RestApiForm::RestApiForm(QWidget *parent)
    : SetupForm(parent)
    , m_port(new QSpinBox(this))
    , m_token(new SecretEdit(SecretEdit::Generate::Yes, this))
    , m_hostNote(SetupWidgets::note(QString(), this))
    , m_host(kLoopback)
{
    m_port->setObjectName(u"apiPort"_s);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setValue(kDefaultPort);
    m_port->setGroupSeparatorShown(false); // a port, not a quantity
    m_token->setObjectName(u"apiToken"_s);
    m_token->setPlaceholderText(tr("none: the API refuses all writes"));
    m_hostNote->setObjectName(u"apiHostNote"_s);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(QString(), m_hostNote);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(QString(),
                 SetupWidgets::note(tr("Reading the API needs no token. Writes, such as managing "
                                       "webhooks, need it as “Authorization: Bearer <token>”; "
                                       "without a token the API refuses them all. Generate one "
                                       "when a script or another program should write."),
                                    this));

    connect(m_port, &QSpinBox::valueChanged, this, [this] {
        updateHostNote();
        Q_EMIT changed();
    });
    connect(m_token, &SecretEdit::textChanged, this, &SetupForm::changed);
    updateHostNote();
}

void RestApiForm::updateHostNote()
{
    if (m_port->value() == 0) { // port 0: the system picks one at each start
        m_hostNote->setText(tr("On a free port picked at each start; the status bar shows it."));
        return;
    }
    m_hostNote->setText(
        isLoopback(m_host)
            ? tr("At http://%1: only programs on this computer can reach it.").arg(listenText())
            : tr("At http://%1: other computers on the network can reach it too (set in the "
                 "settings file).")
                  .arg(listenText()));
}

QString RestApiForm::listenText() const
{
    return m_host + u':' + QString::number(m_port->value());
}

void RestApiForm::setValues(const ConfigValues &values)
{
    const QString listen = values.value(kListen).trimmed();
    const int colon = listen.lastIndexOf(u':');
    bool ok = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&ok) : 0;
    m_host = colon > 0 ? listen.left(colon) : kLoopback;
    m_port->setValue(ok ? port : kDefaultPort);
    m_token->setText(values.value(kToken));
    updateHostNote();
}

ConfigValues RestApiForm::values() const
{
    return {{kListen, listenText()}, {kToken, m_token->text().trimmed()}};
}

QStringList RestApiForm::keys() const
{
    return {kListen, kToken};
}

QList<SetupForm::SummaryRow> RestApiForm::summary() const
{
    const QString token = m_token->text().trimmed();
    return {{tr("REST API:"), u"http://"_s + listenText()},
            {tr("API token:"), token.isEmpty() ? tr("not set: the API refuses writes")
                                               : SettingsText::masked(token)}};
}

} // namespace hai
