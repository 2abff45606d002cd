// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitychips.h"

#include "flowlayout.h"

#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QToolButton>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr int kMaxChipTextWidth = 260; // long ids are elided; the tooltip has them whole
constexpr int kDotSize = 10;
} // namespace

EntityChips::EntityChips(int maxCount, QWidget *parent)
    : QWidget(parent)
    , m_maxCount(qMax(maxCount, 1))
{
    m_flow = new FlowLayout(this);
    m_flow->setContentsMargins(0, 0, 0, 0);
    m_flow->setSpacing(6);
    m_note = new QLabel(this);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setMinimumHeight(fontMetrics().height() + 8); // as tall as a chip: rows line up
    m_flow->addWidget(m_note);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    updateNote();
}

QColor EntityChips::colourAt(int slot)
{
    // Matplotlib's "tab10" minus grey and olive, which read as disabled or muddy.
    static const QColor colours[] = {QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c),
                                     QColor(0xd62728), QColor(0x9467bd), QColor(0x8c564b),
                                     QColor(0xe377c2), QColor(0x17becf)};
    constexpr int count = int(std::size(colours));
    return colours[((slot % count) + count) % count];
}

QStringList EntityChips::entities() const
{
    QStringList ids;
    for (const Chip &chip : m_chips)
        ids.append(chip.entityId);
    return ids;
}

QColor EntityChips::colourOf(const QString &entityId) const
{
    const qsizetype i = indexOf(entityId);
    return i < 0 ? QColor() : colourAt(m_chips[i].slot);
}

qsizetype EntityChips::indexOf(const QString &entityId) const
{
    for (qsizetype i = 0; i < m_chips.size(); ++i) {
        if (m_chips[i].entityId == entityId)
            return i;
    }
    return -1;
}

bool EntityChips::add(const QString &entityId)
{
    if (entityId.isEmpty() || contains(entityId) || isFull())
        return false;
    int slot = 0; // the lowest colour no picked entity has
    while (std::any_of(m_chips.cbegin(), m_chips.cend(),
                       [slot](const Chip &chip) { return chip.slot == slot; }))
        ++slot;
    Chip chip;
    chip.entityId = entityId;
    chip.slot = slot;
    chip.widget = makeChip(entityId, colourAt(slot), &chip.remove);
    m_flow->insertWidget(int(m_chips.size()), chip.widget); // before the note
    m_chips.append(chip);
    updateNote();
    return true;
}

void EntityChips::remove(const QString &entityId)
{
    const qsizetype i = indexOf(entityId);
    if (i < 0)
        return;
    const Chip chip = m_chips.takeAt(i);
    const bool hadFocus = chip.remove->hasFocus();
    chip.widget->hide();
    chip.widget->deleteLater();         // may be inside its own button's clicked()
    if (hadFocus && !m_chips.isEmpty()) // keyboard users stay in the row of chips
        m_chips[qMin(i, m_chips.size() - 1)].remove->setFocus(Qt::TabFocusReason);
    updateNote();
}

void EntityChips::setEntities(const QStringList &entityIds)
{
    const QStringList old = entities();
    for (const QString &id : old)
        remove(id);
    for (const QString &id : entityIds)
        add(id);
}

QAbstractButton *EntityChips::removeButton(const QString &entityId) const
{
    const qsizetype i = indexOf(entityId);
    return i < 0 ? nullptr : m_chips[i].remove;
}

QWidget *EntityChips::makeChip(const QString &entityId, const QColor &colour,
                               QAbstractButton **button)
{
    auto *chip = new QFrame(this);
    chip->setObjectName(u"historyChip"_s);
    chip->setStyleSheet(u"QFrame#historyChip { border: 1px solid palette(mid); "
                        u"border-radius: 4px; background: palette(base); }"_s);
    auto *row = new QHBoxLayout(chip);
    row->setContentsMargins(6, 1, 1, 1);
    row->setSpacing(4);

    const qreal dpr = devicePixelRatioF();
    QPixmap dotPixmap(QSize(kDotSize, kDotSize) * dpr);
    dotPixmap.setDevicePixelRatio(dpr);
    dotPixmap.fill(Qt::transparent);
    {
        QPainter painter(&dotPixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(QRectF(0.5, 0.5, kDotSize - 1, kDotSize - 1));
    }
    auto *dot = new QLabel(chip);
    dot->setPixmap(dotPixmap);
    row->addWidget(dot);

    auto *text = new QLabel(chip);
    text->setText(fontMetrics().elidedText(entityId, Qt::ElideMiddle, kMaxChipTextWidth));
    text->setToolTip(entityId);
    row->addWidget(text);

    auto *remove = new QToolButton(chip);
    remove->setAutoRaise(true);
    remove->setIcon(style()->standardIcon(QStyle::SP_LineEditClearButton));
    remove->setIconSize(QSize(12, 12));
    remove->setToolTip(tr("Remove %1 from the chart").arg(entityId));
    remove->setAccessibleName(tr("Remove %1").arg(entityId));
    connect(remove, &QToolButton::clicked, this, [this, entityId] {
        this->remove(entityId);
        Q_EMIT removed(entityId);
    });
    row->addWidget(remove);
    *button = remove;
    return chip;
}

void EntityChips::updateNote()
{
    if (m_chips.isEmpty()) {
        m_note->setText(tr("No entity picked: type a part of its ID above and press Enter."));
    } else if (isFull()) {
        m_note->setText(tr("A chart shows at most %n entities: remove one to add another.", nullptr,
                           m_maxCount));
    }
    m_note->setVisible(m_chips.isEmpty() || isFull());
    updateGeometry();
}

} // namespace hai
