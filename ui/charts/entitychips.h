// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>

class QAbstractButton;
class QLabel;

namespace hai {

class FlowLayout;

// The entities picked for the history chart, as chips that wrap into rows: a dot in the
// entity's line colour, its id and a remove button (Tab reaches it, Space presses it). An
// entity keeps its colour while it is picked (the lowest free one when it came), so removing
// one line does not repaint the others. At most maxCount entities; a note says so when full,
// and how to pick when empty.
class EntityChips : public QWidget
{
    Q_OBJECT
public:
    explicit EntityChips(int maxCount, QWidget *parent = nullptr);

    // The line colours, distinct on light and dark backgrounds; slot wraps around.
    static QColor colourAt(int slot);

    QStringList entities() const;
    QColor colourOf(const QString &entityId) const;
    int maxCount() const { return m_maxCount; }
    bool isFull() const { return m_chips.size() >= m_maxCount; }
    bool contains(const QString &entityId) const { return indexOf(entityId) >= 0; }

    // Appends a chip; false when the id is empty, already picked or the list is full.
    bool add(const QString &entityId);
    void remove(const QString &entityId);
    // Replaces the chips (restoring a saved list): duplicates and those past maxCount dropped.
    void setEntities(const QStringList &entityIds);

    // For tests.
    QLabel *note() const { return m_note; }
    QAbstractButton *removeButton(const QString &entityId) const;

Q_SIGNALS:
    // The user removed a chip (not emitted for remove() or setEntities()).
    void removed(const QString &entityId);

private:
    struct Chip
    {
        QString entityId;
        int slot = 0;
        QWidget *widget = nullptr;
        QAbstractButton *remove = nullptr;
    };

    qsizetype indexOf(const QString &entityId) const;
    QWidget *makeChip(const QString &entityId, const QColor &colour, QAbstractButton **button);
    void updateNote();

    int m_maxCount;
    QList<Chip> m_chips;
    FlowLayout *m_flow = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace hai
