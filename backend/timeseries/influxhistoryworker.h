// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "influxhistoryquery.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace hai {

class LiveStateCache;

// Runs history queries for the Charts page. Lives in a thread of its own (the page owns it) and
// owns its QNetworkAccessManager, so the GUI never touches a socket; call the slots through
// queued connections or QMetaObject::invokeMethod. Only the newest query of a page matters: an
// answer carries the id it was asked with, and the page ignores older ids. Every entity gets a
// query of its own, downsampled to its request's maxPoints, so one entity's broken field or
// missing measurement does not cost the others their lines.
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
    // One entity: queried or failed follows.
    void query(quint64 id, const hai::HistoryRequest &request);
    // Several entities in parallel: batchQueried follows once, when the last one answered,
    // with one HistorySeries per request in the order asked (an empty list at once).
    void queryBatch(quint64 id, const QList<hai::HistoryRequest> &requests);
    // Emits entitiesListed with the entity ids whose state looks numeric, sorted.
    void listNumericEntities();

Q_SIGNALS:
    void queried(quint64 id, const QString &entityId, const QList<QPointF> &points);
    void failed(quint64 id, const QString &entityId, const QString &message);
    void batchQueried(quint64 id, const QList<hai::HistorySeries> &series);
    void entitiesListed(const QStringList &entityIds);

private:
    QNetworkAccessManager *network();
    // The unit_of_measurement of the entity's live state, or empty.
    QString unitOf(const QString &entityId) const;
    // Sends one query; `done` gets the entity's series (points or error) when it answered.
    void run(const HistoryRequest &request, std::function<void(HistorySeries)> done);

    InfluxHistoryQuery m_query;
    std::shared_ptr<const LiveStateCache> m_cache;
    QNetworkAccessManager *m_network = nullptr; // made in the worker's thread
};

} // namespace hai

Q_DECLARE_METATYPE(hai::HistoryRequest)
Q_DECLARE_METATYPE(hai::HistorySeries)
