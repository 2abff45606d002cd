// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgetstate.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
// The header whose state is the view's column layout (tables and trees differ).
QHeaderView *columnHeader(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}
} // namespace

void WidgetState::save(QWidget *root, QSettings &settings, const QString &group)
{
    settings.beginGroup(group);
    const auto splitters = root->findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(splitter->objectName() + u"/splitter"_s, splitter->saveState());
    }
    const auto views = root->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        QHeaderView *header = columnHeader(view);
        if (header && !view->objectName().isEmpty() && header->count() > 0)
            settings.setValue(view->objectName() + u"/header"_s, header->saveState());
    }
    settings.endGroup();
}

void WidgetState::restore(QWidget *root, QSettings &settings, const QString &group)
{
    settings.beginGroup(group);
    const auto splitters = root->findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        const QByteArray state =
            settings.value(splitter->objectName() + u"/splitter"_s).toByteArray();
        if (!splitter->objectName().isEmpty() && !state.isEmpty())
            splitter->restoreState(state);
    }
    const auto views = root->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        QHeaderView *header = columnHeader(view);
        const QByteArray state = settings.value(view->objectName() + u"/header"_s).toByteArray();
        if (header && !view->objectName().isEmpty() && !state.isEmpty())
            header->restoreState(state);
    }
    settings.endGroup();
}

} // namespace hai
