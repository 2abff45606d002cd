// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QCompleter;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStringListModel;

namespace hai {

// A list of strings typed in or picked from suggestions: entity ids and globs, domains,
// states. Enter or "Add" appends what was typed (several at once when separated by commas or
// spaces); "Remove" drops the selected ones.
class PatternListEdit : public QWidget
{
    Q_OBJECT
public:
    explicit PatternListEdit(const QString &placeholder, QWidget *parent = nullptr);

    void setValues(const QStringList &values);
    QStringList values() const { return m_values; }
    void setSuggestions(const QStringList &suggestions);
    QLineEdit *lineEdit() const { return m_input; }

Q_SIGNALS:
    void changed();

private:
    void addTyped();
    void removeSelected();
    void refill();

    QStringList m_values;
    QLineEdit *m_input;
    QPushButton *m_add;
    QPushButton *m_remove;
    QListWidget *m_list;
    QStringListModel *m_suggestions;
    QCompleter *m_completer;
};

} // namespace hai
