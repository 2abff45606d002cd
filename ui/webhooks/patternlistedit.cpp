// SPDX-License-Identifier: GPL-3.0-or-later
#include "patternlistedit.h"

#include <QCompleter>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStringListModel>

using namespace Qt::StringLiterals;

namespace hai {

PatternListEdit::PatternListEdit(const QString &placeholder, QWidget *parent)
    : QWidget(parent)
    , m_input(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_list(new QListWidget(this))
    , m_suggestions(new QStringListModel(this))
    , m_completer(new QCompleter(m_suggestions, this))
{
    m_input->setPlaceholderText(placeholder);
    m_input->setClearButtonEnabled(true);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains); // "temp" finds sensor.kitchen_temperature
    m_completer->setMaxVisibleItems(12);
    m_input->setCompleter(m_completer);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // A few rows are enough to see what is chosen; the dialog stays small on a laptop.
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5);
    m_add->setEnabled(false);
    m_remove->setEnabled(false);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_input, 0, 0);
    layout->addWidget(m_add, 0, 1);
    layout->addWidget(m_list, 1, 0);
    layout->addWidget(m_remove, 1, 1, Qt::AlignTop);

    connect(m_input, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_add->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_input, &QLineEdit::returnPressed, this, &PatternListEdit::addTyped);
    connect(m_add, &QPushButton::clicked, this, &PatternListEdit::addTyped);
    connect(m_remove, &QPushButton::clicked, this, &PatternListEdit::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
}

void PatternListEdit::setValues(const QStringList &values)
{
    if (values == m_values)
        return;
    m_values = values;
    refill();
    Q_EMIT changed();
}

void PatternListEdit::setSuggestions(const QStringList &suggestions)
{
    m_suggestions->setStringList(suggestions);
}

void PatternListEdit::addTyped()
{
    // Pasted lists are common ("light.a, light.b"); the completer's popup must not eat Enter.
    if (m_completer->popup() && m_completer->popup()->isVisible())
        m_completer->popup()->hide();
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    const QStringList typed = m_input->text().split(separators, Qt::SkipEmptyParts);
    QStringList next = m_values;
    for (const QString &value : typed) {
        if (!next.contains(value))
            next.append(value);
    }
    m_input->clear();
    setValues(next);
}

void PatternListEdit::removeSelected()
{
    QStringList next = m_values;
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    for (const QListWidgetItem *item : selected)
        next.removeAll(item->text());
    setValues(next);
}

void PatternListEdit::refill()
{
    m_list->clear();
    m_list->addItems(m_values);
    m_remove->setEnabled(false);
}

} // namespace hai
