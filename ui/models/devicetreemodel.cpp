// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicetreemodel.h"

#include "devicetablemodel.h"

#include <algorithm>
#include <climits>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace hai {

struct DeviceTreeModel::Node
{
    Kind kind = Kind::Group;
    QString key;
    QString label;
    int rank = 0; // sorts before the label: floor levels, "No area" after the areas
    int count = 0;
    Node *parent = nullptr;
    int row = 0; // index in parent->children
    std::vector<std::unique_ptr<Node>> children;
    QHash<QString, Node *> groups; // child groups by key
};

namespace {
constexpr int kLastRank = INT_MAX;
} // namespace

bool DeviceTreeModel::before(const std::unique_ptr<Node> &a, const std::unique_ptr<Node> &b)
{
    if (a->rank != b->rank)
        return a->rank < b->rank;
    const int order = a->label.compare(b->label, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : a->key < b->key;
}

DeviceTreeModel::DeviceTreeModel(DeviceTableModel *devices, QObject *parent)
    : QAbstractItemModel(parent)
    , m_devices(devices)
    , m_root(std::make_unique<Node>())
{
    connect(devices, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { addDevices(first, last); });
    connect(devices, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { removeDevices(first, last); });
    connect(devices, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                updateDevices(topLeft.row(), bottomRight.row());
            });
    connect(devices, &QAbstractItemModel::modelReset, this, &DeviceTreeModel::rebuild);
    rebuild();
}

DeviceTreeModel::~DeviceTreeModel() = default;

void DeviceTreeModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    m_grouping = grouping;
    rebuild();
}

QList<DeviceTreeModel::Place> DeviceTreeModel::pathOf(const DeviceRow &row) const
{
    switch (m_grouping) {
    case Grouping::Place: {
        const bool noFloor = row.floorId.isEmpty();
        const int level = row.floorLevel == DeviceRow::kNoLevel ? kLastRank - 1 : row.floorLevel;
        return {Place{Kind::Floor, row.floorId, noFloor ? tr("No floor") : row.floorName,
                      noFloor ? kLastRank : level},
                Place{Kind::Area, row.areaId, row.areaId.isEmpty() ? tr("No area") : row.areaName,
                      row.areaId.isEmpty() ? 1 : 0}};
    }
    case Grouping::Integration:
        return {Place{Kind::Group, row.integration,
                      row.integration.isEmpty() ? tr("No integration") : row.integration,
                      row.integration.isEmpty() ? 1 : 0}};
    case Grouping::Manufacturer:
        return {Place{Kind::Group, row.manufacturer,
                      row.manufacturer.isEmpty() ? tr("Unknown manufacturer") : row.manufacturer,
                      row.manufacturer.isEmpty() ? 1 : 0}};
    }
    return {};
}

DeviceTreeModel::Node *DeviceTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex DeviceTreeModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex DeviceTreeModel::indexOfDevice(const QString &deviceId) const
{
    return indexOf(m_leaves.value(deviceId));
}

QModelIndex DeviceTreeModel::indexOfGroup(const QString &key,
                                          const std::optional<QString> &areaKey) const
{
    Node *group = m_root->groups.value(key);
    if (group && areaKey)
        group = group->groups.value(*areaKey);
    return indexOf(group);
}

// Inserts children (new leaves or one new group) at their sorted places, one signal per run
// of neighbours: the feed sends devices in name order, so a chunk is mostly one run.
void DeviceTreeModel::insertChildren(Node *parent, std::vector<std::unique_ptr<Node>> children)
{
    if (children.empty())
        return;
    std::sort(children.begin(), children.end(), before);
    auto &siblings = parent->children;
    const QModelIndex parentIndex = indexOf(parent);
    int added = 0;
    // Runs from the back, so the positions of the runs still to insert stay valid.
    auto end = children.end();
    while (end != children.begin()) {
        const auto position =
            std::lower_bound(siblings.begin(), siblings.end(), *(end - 1), before);
        // The run: the children that belong at the same position.
        auto start = end - 1;
        while (start != children.begin() &&
               (position == siblings.begin() || before(*(position - 1), *(start - 1))))
            --start;
        const int row = int(position - siblings.begin());
        const int size = int(end - start);
        for (auto it = start; it != end; ++it) {
            (*it)->parent = parent;
            added += (*it)->kind == Kind::Device ? 1 : (*it)->count;
            if ((*it)->kind != Kind::Device)
                parent->groups.insert((*it)->key, it->get());
        }
        beginInsertRows(parentIndex, row, row + size - 1);
        siblings.insert(position, std::make_move_iterator(start), std::make_move_iterator(end));
        for (int i = row; i < int(siblings.size()); ++i)
            siblings[size_t(i)]->row = i;
        endInsertRows();
        end = start;
    }
    addCount(parent, added);
}

DeviceTreeModel::Node *DeviceTreeModel::ensurePath(const QList<Place> &path)
{
    Node *node = m_root.get();
    for (const Place &place : path) {
        Node *child = node->groups.value(place.key);
        if (!child) {
            auto group = std::make_unique<Node>();
            group->kind = place.kind;
            group->key = place.key;
            group->label = place.label;
            group->rank = place.rank;
            child = group.get();
            std::vector<std::unique_ptr<Node>> one;
            one.push_back(std::move(group));
            insertChildren(node, std::move(one));
        } else if (child->label != place.label || child->rank != place.rank) {
            relabel(child, place); // a renamed area or floor, seen through its device
        }
        node = child;
    }
    return node;
}

void DeviceTreeModel::relabel(Node *node, const Place &place)
{
    node->label = place.label;
    node->rank = place.rank;
    const QModelIndex index = indexOf(node);
    Q_EMIT dataChanged(index, index);
    reposition(node);
}

// Moves a node whose label or rank changed to its sorted place among its siblings.
void DeviceTreeModel::reposition(Node *node)
{
    Node *parent = node->parent;
    auto &siblings = parent->children;
    const int from = node->row;
    const std::unique_ptr<Node> &self = siblings[size_t(from)];
    // The siblings without it are still sorted: count those that sort before it.
    const auto isBefore = [&self](const std::unique_ptr<Node> &other) {
        return before(other, self);
    };
    const auto begin = siblings.begin();
    const int to =
        int(std::partition_point(begin, begin + from, isBefore) - begin) +
        int(std::partition_point(begin + from + 1, siblings.end(), isBefore) - (begin + from + 1));
    if (to == from)
        return;
    const QModelIndex parentIndex = indexOf(parent);
    // beginMoveRows counts the destination in rows before the move.
    if (!beginMoveRows(parentIndex, from, from, parentIndex, to > from ? to + 1 : to))
        return;
    std::unique_ptr<Node> moving = std::move(siblings[size_t(from)]);
    siblings.erase(siblings.begin() + from);
    siblings.insert(siblings.begin() + to, std::move(moving));
    for (int i = qMin(from, to); i <= qMax(from, to); ++i)
        siblings[size_t(i)]->row = i;
    endMoveRows();
}

void DeviceTreeModel::moveLeaf(Node *leaf, Node *target)
{
    Node *source = leaf->parent;
    auto &targetChildren = target->children;
    const int to = int(std::lower_bound(targetChildren.begin(), targetChildren.end(),
                                        source->children[size_t(leaf->row)], before) -
                       targetChildren.begin());
    const int from = leaf->row;
    if (!beginMoveRows(indexOf(source), from, from, indexOf(target), to))
        return;
    std::unique_ptr<Node> moving = std::move(source->children[size_t(from)]);
    source->children.erase(source->children.begin() + from);
    for (int i = from; i < int(source->children.size()); ++i)
        source->children[size_t(i)]->row = i;
    moving->parent = target;
    targetChildren.insert(targetChildren.begin() + to, std::move(moving));
    for (int i = to; i < int(targetChildren.size()); ++i)
        targetChildren[size_t(i)]->row = i;
    endMoveRows();
    addCount(source, -1);
    addCount(target, 1);
    prune(source);
}

void DeviceTreeModel::removeNode(Node *node)
{
    Node *parent = node->parent;
    const int row = node->row;
    const int devices = node->kind == Kind::Device ? 1 : node->count;
    beginRemoveRows(indexOf(parent), row, row);
    if (node->kind == Kind::Device)
        m_leaves.remove(node->key);
    else
        parent->groups.remove(node->key);
    parent->children.erase(parent->children.begin() + row);
    for (int i = row; i < int(parent->children.size()); ++i)
        parent->children[size_t(i)]->row = i;
    endRemoveRows();
    addCount(parent, -devices);
}

// Removes a group that lost its last device, then its parent if that emptied too.
void DeviceTreeModel::prune(Node *node)
{
    while (node && node != m_root.get() && node->children.empty()) {
        Node *parent = node->parent;
        removeNode(node);
        node = parent;
    }
}

void DeviceTreeModel::addCount(Node *node, int delta)
{
    if (delta == 0)
        return;
    for (; node && node != m_root.get(); node = node->parent) {
        node->count += delta;
        const QModelIndex index = indexOf(node);
        Q_EMIT dataChanged(index, index, {Qt::DisplayRole, CountRole});
    }
}

void DeviceTreeModel::rebuild()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_leaves.clear();
    endResetModel();
    if (m_devices && m_devices->rowCount() > 0)
        addDevices(0, m_devices->rowCount() - 1);
}

void DeviceTreeModel::addDevices(int first, int last)
{
    // Groups first (one signal each), then each group's new leaves in sorted runs.
    std::unordered_map<Node *, std::vector<std::unique_ptr<Node>>> leaves;
    QList<Node *> order;
    for (int row = first; row <= last; ++row) {
        const DeviceRow &device = m_devices->rowAt(row);
        if (m_leaves.contains(device.id))
            continue;
        Node *parent = ensurePath(pathOf(device));
        auto leaf = std::make_unique<Node>();
        leaf->kind = Kind::Device;
        leaf->key = device.id;
        leaf->label = device.name.isEmpty() ? device.id : device.name;
        m_leaves.insert(device.id, leaf.get());
        auto &list = leaves[parent];
        if (list.empty())
            order.append(parent);
        list.push_back(std::move(leaf));
    }
    for (Node *parent : std::as_const(order))
        insertChildren(parent, std::move(leaves[parent]));
}

void DeviceTreeModel::removeDevices(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        Node *leaf = m_leaves.value(m_devices->rowAt(row).id);
        if (!leaf)
            continue;
        Node *parent = leaf->parent;
        removeNode(leaf);
        prune(parent);
    }
}

void DeviceTreeModel::updateDevices(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const DeviceRow &device = m_devices->rowAt(row);
        Node *leaf = m_leaves.value(device.id);
        if (!leaf)
            continue;
        Node *target = ensurePath(pathOf(device));
        if (target != leaf->parent)
            moveLeaf(leaf, target);
        const QString label = device.name.isEmpty() ? device.id : device.name;
        if (leaf->label != label) {
            leaf->label = label;
            const QModelIndex index = indexOf(leaf);
            Q_EMIT dataChanged(index, index);
            reposition(leaf);
        }
    }
}

QModelIndex DeviceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (column != 0 || row < 0 || row >= int(node->children.size()))
        return {};
    return createIndex(row, 0, node->children[size_t(row)].get());
}

QModelIndex DeviceTreeModel::parent(const QModelIndex &child) const
{
    return child.isValid() ? indexOf(nodeOf(child)->parent) : QModelIndex();
}

int DeviceTreeModel::rowCount(const QModelIndex &parent) const
{
    return parent.column() > 0 ? 0 : int(nodeOf(parent)->children.size());
}

int DeviceTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant DeviceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return node->kind == Kind::Device ? node->label
                                          : tr("%1 (%2)").arg(node->label).arg(node->count);
    case Qt::ToolTipRole:
        if (node->kind == Kind::Device && m_devices) {
            const int row = m_devices->rowOf(node->key);
            if (row >= 0) {
                const DeviceRow &device = m_devices->rowAt(row);
                return QStringList{device.manufacturer, device.model}.join(u' ').trimmed();
            }
        }
        return {};
    case KindRole:
        return int(node->kind);
    case KeyRole:
        return node->key;
    case CountRole:
        return node->kind == Kind::Device ? 1 : node->count;
    }
    return {};
}

} // namespace hai
