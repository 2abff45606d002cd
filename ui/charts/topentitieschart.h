// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QValueAxis;

namespace hai {

struct EntityCount;

// The entities with the most events in the last hour, as horizontal bars (busiest on top).
class TopEntitiesChart : public QChartView
{
    Q_OBJECT
public:
    explicit TopEntitiesChart(QWidget *parent = nullptr);

    void setCounts(const QList<EntityCount> &counts);
    QBarSet *bars() const { return m_set; } // for tests
    QStringList categories() const;
    // An entity id as its bar label: ids over 34 characters lose their middle ("…").
    static QString shortLabel(const QString &entityId);

private:
    QBarSet *m_set = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_values = nullptr;
};

} // namespace hai
