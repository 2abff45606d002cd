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

void InfluxHistoryWorker::query(quint64 id, const HistoryRequest &request)
{
    if (!m_query.url().isValid() || m_query.url().isEmpty()) {
        Q_EMIT failed(id, request.entityId,
                      tr("No InfluxDB is configured, so there is no history."));
        return;
    }
    HistoryRequest withUnit = request;
    if (withUnit.unit.isEmpty() && m_cache) {
        if (const auto state = m_cache->state(request.entityId)) {
            for (const HaAttribute &attribute : state->attributes) {
                if (attribute.key == u"unit_of_measurement" &&
                    attribute.value.kind == HaAttributeValue::Kind::String)
                    withUnit.unit = attribute.value.text;
            }
        }
    }
    QNetworkReply *reply = network()->post(m_query.networkRequest(), m_query.body(withUnit));
    connect(reply, &QNetworkReply::finished, this, [this, reply, id, entity = request.entityId] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            Q_EMIT failed(id, entity, m_query.describeFailure(reply->error(), 0, body));
            return;
        }
        if (status >= 400) {
            Q_EMIT failed(id, entity, m_query.describeFailure(reply->error(), status, body));
            return;
        }
        const HistoryResult result = InfluxHistoryQuery::parse(body);
        if (!result.error.isEmpty())
            Q_EMIT failed(id, entity, result.error);
        else
            Q_EMIT queried(id, entity, result.points);
    });
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
