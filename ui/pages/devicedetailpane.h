// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/devicetablemodel.h"

#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace hai {

class EntityFilterProxy;
class EntityTableModel;
class LiveStatePoller;

// The right-hand pane of the Devices page: every field of the selected device, and its
// entities with their live state. "Open chart" asks for the selected entity's chart.
class DeviceDetailPane : public QWidget
{
    Q_OBJECT
public:
    DeviceDetailPane(DeviceTableModel *devices, EntityTableModel *entities,
                     QWidget *parent = nullptr);

    void setDevice(const QString &deviceId);
    QString deviceId() const { return m_deviceId; }
    QTableView *entityView() const { return m_entityView; }
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    void chartRequested(const QString &entityId);

private:
    void refresh();
    void addField(const QString &label);
    QString selectedEntity() const;
    void updateChartButton();

    QPointer<DeviceTableModel> m_devices; // the models may go first
    QString m_deviceId;
    QLabel *m_title;
    QFormLayout *m_form;
    QList<QLabel *> m_values;
    QSplitter *m_splitter;
    QTableView *m_entityView;
    EntityFilterProxy *m_entityProxy;
    LiveStatePoller *m_poller;
    QPushButton *m_chartButton;
};

} // namespace hai
