// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTreeView;

namespace hai {

class Backend;
class DeviceDetailPane;
class DeviceFilterProxy;
class DeviceTreeModel;
class RegistryModels;

// The Devices page of the main window: a tree of floors, areas and devices (or devices by
// integration or manufacturer) on the left, a sortable table with search-as-you-type in the
// middle, and the selected device's details with its entities' live states on the right.
class DevicesPage : public QWidget
{
    Q_OBJECT
public:
    // `backend` may be null (tests, or before the backend started): the page is then empty
    // until it is shown with a started backend.
    explicit DevicesPage(Backend *backend, QWidget *parent = nullptr);
    // On models the caller owns (benchmarks, tests).
    explicit DevicesPage(RegistryModels *models, QWidget *parent = nullptr);
    ~DevicesPage() override;

    QLineEdit *searchBox() const { return m_search; }
    QTableView *table() const { return m_table; }
    QTreeView *tree() const { return m_tree; }
    QComboBox *groupingBox() const { return m_grouping; }
    DeviceDetailPane *detailPane() const { return m_detail; }
    DeviceFilterProxy *proxy() const { return m_proxy; }
    DeviceTreeModel *treeModel() const { return m_treeModel; }
    // Selects a device in the table and shows its details.
    void showDevice(const QString &deviceId);

Q_SIGNALS:
    void chartRequested(const QString &entityId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void attach(RegistryModels *models);
    void onTreeSelection(const QModelIndex &index);
    void onTableSelection();
    void updateStatus();
    void saveState();
    void restoreState();

    Backend *m_backend = nullptr;
    QPointer<RegistryModels> m_models;
    DeviceFilterProxy *m_proxy;
    DeviceTreeModel *m_treeModel = nullptr;
    QSplitter *m_splitter = nullptr;
    QComboBox *m_grouping = nullptr;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    DeviceDetailPane *m_detail = nullptr;
    QWidget *m_detailHolder = nullptr;
    QTimer m_searchTimer;
    QTimer m_statusTimer;
};

} // namespace hai
