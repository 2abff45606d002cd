// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxhistoryworker.h"

#include "homeassistant/livestatecache.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

InfluxHistoryWorker::InfluxHistoryWorker(const InfluxOptions &influx, const MappingOptions &mapping,
                                         QObject *parent)
    : QObject(parent)
    , m_query(influx, mapping)
{
    qRegisterMetaType<HistoryRequest>();
    qRegisterMetaType<HistorySeries>();
    qRegisterMetaType<QList<HistorySeries>>();
}

InfluxHistoryWorker::~InfluxHistoryWorker() = default;

bool InfluxHistoryWorker::looksNumeric(const QString &state)
{
    bool ok = false;
    state.toDouble(&ok);
    return ok;
}

void InfluxHistoryWorker::setUrl(const QUrl &url)
{
    m_query.setUrl(url);
}

void InfluxHistoryWorker::setLiveStates(std::shared_ptr<const LiveStateCache> cache)
{
    m_cache = std::move(cache);
}

QNetworkAccessManager *InfluxHistoryWorker::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this); // here, in the worker's thread
    return m_network;
}

QString InfluxHistoryWorker::unitOf(const QString &entityId) const
{
    if (!m_cache)
        return {};
    const auto state = m_cache->state(entityId);
    if (!state)
        return {};
    for (const HaAttribute &attribute : state->attributes) {
        if (attribute.key == u"unit_of_measurement" &&
            attribute.value.kind == HaAttributeValue::Kind::String)
            return attribute.value.text;
    }
    return {};
}

void InfluxHistoryWorker::run(const HistoryRequest &request,
                              std::function<void(HistorySeries)> done)
{
    HistorySeries series;
    series.entityId = request.entityId;
    series.unit = request.unit.isEmpty() ? unitOf(request.entityId) : request.unit;
    if (!m_query.url().isValid() || m_query.url().isEmpty()) {
        series.error = tr("No InfluxDB is configured, so there is no history.");
        done(std::move(series));
        return;
    }
    HistoryRequest withUnit = request;
    withUnit.unit = series.unit; // the ha schema's measurement
    QNetworkReply *reply = network()->post(m_query.networkRequest(), m_query.body(withUnit));
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, series = std::move(series), done = std::move(done)]() mutable {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray body = reply->readAll();
                if ((reply->error() != QNetworkReply::NoError && status == 0) || status >= 400) {
                    series.error = m_query.describeFailure(reply->error(), status, body);
                } else {
                    HistoryResult result = InfluxHistoryQuery::parse(body);
                    series.points = std::move(result.points);
                    series.error = std::move(result.error);
                }
                done(std::move(series));
            });
}

void InfluxHistoryWorker::query(quint64 id, const HistoryRequest &request)
{
    run(request, [this, id](const HistorySeries &series) {
        if (series.error.isEmpty())
            Q_EMIT queried(id, series.entityId, series.points);
        else
            Q_EMIT failed(id, series.entityId, series.error);
    });
}

void InfluxHistoryWorker::queryBatch(quint64 id, const QList<HistoryRequest> &requests)
{
    if (requests.isEmpty()) {
        Q_EMIT batchQueried(id, {});
        return;
    }
    // Shared by the replies' callbacks; the last one to answer emits.
    struct Batch
    {
        QList<HistorySeries> series;
        qsizetype pending = 0;
    };
    auto batch = std::make_shared<Batch>();
    batch->series.resize(requests.size());
    batch->pending = requests.size();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        run(requests[i], [this, id, batch, i](HistorySeries series) {
            batch->series[i] = std::move(series);
            if (--batch->pending == 0)
                Q_EMIT batchQueried(id, batch->series);
        });
    }
}

void InfluxHistoryWorker::listNumericEntities()
{
    QStringList ids;
    if (m_cache) {
        // Off the GUI thread: with 100,000 entities this copy takes a while.
        const QList<LiveStateCache::Entry> states = m_cache->states();
        for (const LiveStateCache::Entry &entry : states) {
            if (looksNumeric(entry.state))
                ids.append(entry.entityId);
        }
    }
    std::sort(ids.begin(), ids.end());
    Q_EMIT entitiesListed(ids);
}

} // namespace hai
