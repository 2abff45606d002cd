// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "devicetablemodel.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

namespace hai {

struct DeviceRow;

// The device tree of the Devices page: Floors -> Areas -> devices, or devices grouped by
// integration or by manufacturer. It follows DeviceTableModel's signals and updates itself
// in place: new devices are inserted in sorted runs, a moved device is moved (beginMoveRows,
// so its persistent index survives), emptied groups are removed. Only a change of grouping
// (a user action) resets it. Groups show their device count.
class DeviceTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Grouping { Place, Integration, Manufacturer };
    enum class Kind { Floor, Area, Group, Device };
    enum Roles {
        KindRole = Qt::UserRole + 1, // Kind as int
        KeyRole,                     // floor/area id, integration, manufacturer or device id
        CountRole                    // devices below a group
    };

    explicit DeviceTreeModel(DeviceTableModel *devices, QObject *parent = nullptr);
    ~DeviceTreeModel() override;

    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }

    QModelIndex indexOfDevice(const QString &deviceId) const;
    // A top-level group (floor, integration, manufacturer) or, with `areaKey`, an area in it.
    QModelIndex indexOfGroup(const QString &key, const std::optional<QString> &areaKey = {}) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    struct Place
    {
        Kind kind;
        QString key;
        QString label;
        int rank;
    };

    static bool before(const std::unique_ptr<Node> &a, const std::unique_ptr<Node> &b);
    QList<Place> pathOf(const DeviceRow &row) const;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;
    Node *ensurePath(const QList<Place> &path);
    void insertChildren(Node *parent, std::vector<std::unique_ptr<Node>> children);
    void reposition(Node *node);
    void moveLeaf(Node *leaf, Node *target);
    void removeNode(Node *node);
    void prune(Node *node);
    void addCount(Node *node, int delta);
    void relabel(Node *node, const Place &place);

    void rebuild();
    void addDevices(int first, int last);
    void removeDevices(int first, int last);
    void updateDevices(int first, int last);

    QPointer<DeviceTableModel> m_devices; // the table may go first
    Grouping m_grouping = Grouping::Place;
    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_leaves; // device id -> leaf
};

} // namespace hai
