// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "influxhistoryquery.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;

namespace hai {

class LiveStateCache;

// Runs history queries for the Charts page. Lives in a thread of its own (the page owns it) and
// owns its QNetworkAccessManager, so the GUI never touches a socket; call the slots through
// queued connections or QMetaObject::invokeMethod. Only the newest query of a page matters: an
// answer carries the id it was asked with, and the page ignores older ids.
class InfluxHistoryWorker : public QObject
{
    Q_OBJECT
public:
    InfluxHistoryWorker(const InfluxOptions &influx, const MappingOptions &mapping,
                        QObject *parent = nullptr);
    ~InfluxHistoryWorker() override;

    // Whether a live state looks like a number worth charting.
    static bool looksNumeric(const QString &state);

public Q_SLOTS:
    // The URL to read from (the managed influxd's is only known at run time).
    void setUrl(const QUrl &url);
    // The live states, for the entity list and the ha schema's unit; may be null.
    void setLiveStates(std::shared_ptr<const LiveStateCache> cache);
    void query(quint64 id, const hai::HistoryRequest &request);
    // Emits entitiesListed with the entity ids whose state looks numeric, sorted.
    void listNumericEntities();

Q_SIGNALS:
    void queried(quint64 id, const QString &entityId, const QList<QPointF> &points);
    void failed(quint64 id, const QString &entityId, const QString &message);
    void entitiesListed(const QStringList &entityIds);

private:
    QNetworkAccessManager *network();

    InfluxHistoryQuery m_query;
    std::shared_ptr<const LiveStateCache> m_cache;
    QNetworkAccessManager *m_network = nullptr; // made in the worker's thread
};

} // namespace hai

Q_DECLARE_METATYPE(hai::HistoryRequest)
