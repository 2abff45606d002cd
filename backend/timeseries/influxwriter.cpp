// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxwriter.h"

#include "core/logging.h"
#include "gzip.h"
#include "spool.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr char kTimedOutProperty[] = "haiTimedOut";

qint64 wallUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

} // namespace

InfluxWriter::InfluxWriter(const InfluxOptions &options, const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_endpoint(options)
    , m_stats(std::make_shared<InfluxWriterStats>())
    , m_settler(dataDir, m_figures)
    , m_assembler(options.batchSize, m_settler.acks())
    , m_flushTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
    , m_stopTimer(new QTimer(this))
{
    m_clock.start();
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(qMax(0, m_options.flushIntervalMs));
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setTimerType(Qt::PreciseTimer);
    m_stopTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &InfluxWriter::flush);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        pump();
        publish();
    });
    connect(m_stopTimer, &QTimer::timeout, this, [this] { finishStop(true); });
    m_figures.api = m_options.api;
    m_figures.url = m_endpoint.displayUrl();
    m_figures.target = m_endpoint.target();
    if (m_endpoint.hasUrl())
        m_health.setConnecting();
    else
        m_health.setNoTarget(u"no InfluxDB configured"_s);
}

InfluxWriter::~InfluxWriter()
{
    if (!m_finished)
        finishStop(false); // spool what is still in memory
}

bool InfluxWriter::start(QString *error)
{
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        // A redirect means a wrong URL: say so rather than post the points somewhere else.
        m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    QString spoolError;
    const bool opened = m_settler.openSpool(m_options.spoolMaxBytes, &spoolError);
    if (!opened) {
        qCCritical(lcInflux).noquote() << u"cannot open the spool: %1; points InfluxDB does not "
                                          u"take at once cannot be kept"_s.arg(spoolError);
        m_figures.lastError = spoolError;
        m_figures.lastErrorUs = wallUs();
        if (error)
            *error = spoolError;
    }
    if (m_endpoint.hasUrl()) {
        qCInfo(lcInflux).noquote() << u"writing to"_s << m_endpoint.description();
        if (m_options.api == 1 && m_options.createDatabase && !m_creatingDatabase)
            sendCreateDatabase(true);
    }
    pump();
    publish();
    return opened;
}

void InfluxWriter::append(const QByteArray &lines, int points, quint64 ackToken,
                          const QList<qint64> &eventTimesUs)
{
    m_figures.pointsAppended += quint64(qMax(points, 0));
    if (points <= 0 || lines.isEmpty()) {
        WriteBatch empty; // nothing to write: durable at once, in token order
        empty.tokens.append(m_settler.acks().addPart(ackToken));
        m_settler.settle(empty);
    } else {
        for (const WriteBatchPtr &batch : m_assembler.add(lines, points, ackToken, eventTimesUs))
            dispatch(batch);
    }
    if (m_assembler.hasOpen() && (m_finished || m_options.flushIntervalMs <= 0))
        closeBatch();
    else if (m_assembler.hasOpen() && !m_flushTimer->isActive())
        m_flushTimer->start();
    publish();
}

void InfluxWriter::flush()
{
    closeBatch();
    publish();
}

void InfluxWriter::closeBatch()
{
    m_flushTimer->stop();
    if (WriteBatchPtr batch = m_assembler.takeOpen())
        dispatch(batch);
}

void InfluxWriter::dispatch(const WriteBatchPtr &batch)
{
    if (batch->oldestUs == 0)
        batch->oldestUs = wallUs();
    // Only a healthy server gets batches from memory. Otherwise, and when it is slower than
    // ingestion, they go to disk instead of piling up here.
    if (m_finished || !m_nam || !m_endpoint.hasUrl() || !m_health.isHealthy() ||
        !m_scheduler.canQueue()) {
        spoolBatch(batch);
        return;
    }
    m_scheduler.enqueue(batch);
    pump();
}

void InfluxWriter::setUrl(const QUrl &url, const QString &reasonWhenEmpty)
{
    m_endpoint.setUrl(url);
    m_figures.url = m_endpoint.displayUrl();
    m_retryTimer->stop();
    if (!m_endpoint.hasUrl()) {
        const QString reason =
            reasonWhenEmpty.isEmpty() ? u"no InfluxDB configured"_s : reasonWhenEmpty;
        qCInfo(lcInflux).noquote() << u"no InfluxDB to write to (%1): spooling"_s.arg(reason);
        m_health.setNoTarget(reason);
        spoolQueued();
    } else {
        qCInfo(lcInflux).noquote() << u"writing to"_s << m_endpoint.description();
        m_health.setConnecting();
        // CREATE DATABASE is a no-op for one that exists. Sent before the first write, so a
        // fresh influxd takes the first batches instead of refusing them into the spool.
        if (m_nam && m_options.api == 1 && m_options.createDatabase && !m_creatingDatabase)
            sendCreateDatabase(true);
    }
    pump();
    publish();
}

void InfluxWriter::pump()
{
    if (!m_nam || m_finished || !m_endpoint.hasUrl() || m_creatingDatabase)
        return;
    if (!m_health.isHealthy()) {
        // Failing: one probe at a time, when the back-off allows, with the oldest data.
        if (!m_inFlight.isEmpty())
            return; // its answer calls pump() again
        if (!m_health.maySend(nowMs())) {
            // A timer may fire a little early: wait for the rest.
            if (!m_retryTimer->isActive())
                m_retryTimer->start(int(qMax<qint64>(1, m_health.nextAttemptMs() - nowMs())));
            return;
        }
        if (WriteBatchPtr probe = m_scheduler.next(true, !m_stopping, m_settler.spool()))
            send(probe);
        return;
    }
    while (m_inFlight.size() < kMaxInFlight) {
        const WriteBatchPtr batch = m_scheduler.next(false, !m_stopping, m_settler.spool());
        if (!batch)
            break;
        send(batch);
    }
}

void InfluxWriter::send(const WriteBatchPtr &batch)
{
    Request request{batch, {}, !batch->splitter};
    QByteArray body;
    if (request.whole) {
        body = batch->lines;
    } else {
        request.range = batch->splitter->next();
        body = batch->slice(request.range);
    }
    batch->busy = true;
    qint64 gzipFrom = m_options.gzipMinBytes;
    if (gzipFrom == InfluxOptions::kGzipAuto)
        gzipFrom = m_endpoint.isLoopback() ? 0 : 64 * 1024;
    bool gzip = gzipFrom > 0 && body.size() >= gzipFrom;
    QByteArray wire = gzip ? Gzip::compress(body) : body;
    if (wire.isEmpty() && !body.isEmpty()) {
        gzip = false;
        wire = body;
    }
    QNetworkReply *reply = m_nam->post(m_endpoint.writeRequest(gzip), wire);
    m_inFlight.insert(reply, request);
    ++m_figures.requests;
    m_figures.bytesRaw += quint64(body.size());
    m_figures.bytesWire += quint64(wire.size());
    watch(reply);
    qCDebug(lcInflux).noquote() << u"sent %1 lines (%2, %3 bytes)"_s
                                       .arg(request.whole ? batch->points : request.range.size())
                                       .arg(batch->fromSpool ? u"replay"_s : u"live"_s)
                                       .arg(wire.size());
}

void InfluxWriter::sendCreateDatabase(bool ahead)
{
    if (!ahead)
        qCInfo(lcInflux).noquote()
            << u"database '%1' does not exist: creating it"_s.arg(m_options.database);
    m_creatingDatabase = true;
    m_creatingAhead = ahead;
    QNetworkReply *reply =
        m_nam->post(m_endpoint.createDatabaseRequest(), m_endpoint.createDatabaseBody());
    m_inFlight.insert(reply, Request{nullptr, {}, false});
    watch(reply);
}

void InfluxWriter::watch(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    QTimer::singleShot(m_options.requestTimeoutMs, reply, [reply] {
        reply->setProperty(kTimedOutProperty, true);
        reply->abort();
    });
}

void InfluxWriter::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_inFlight.constFind(reply);
    if (it == m_inFlight.constEnd())
        return;
    const Request request = *it;
    m_inFlight.erase(it);
    const QByteArray body = reply->readAll();
    const InfluxResponse response = InfluxResponse::classify(
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(),
        reply->property(kTimedOutProperty).toBool(), body, reply->rawHeader("Retry-After"));
    qCDebug(lcInflux).noquote() << u"answer: HTTP %1, %2"_s.arg(response.status)
                                       .arg(InfluxResponse::kindName(response.kind));
    if (!request.batch) {
        onCreateDatabaseFinished(response, body);
    } else {
        request.batch->busy = false;
        ++m_figures.errors[size_t(response.kind)];
        if (response.ok())
            onWritten(request);
        else if (response.kind == InfluxErrorKind::BadData)
            onRejected(request, response);
        else
            onFailed(request, response);
    }
    pump();
    publish();
    maybeFinishStop();
}

void InfluxWriter::onWritten(const Request &request)
{
    if (m_health.succeeded()) {
        qCInfo(lcInflux).noquote() << u"InfluxDB at %1 answers again; replaying %2 spooled points"_s
                                          .arg(m_endpoint.displayUrl())
                                          .arg(m_settler.spool() ? m_settler.spool()->points() : 0);
    }
    m_figures.lastSuccessUs = wallUs();
    const WriteBatchPtr &batch = request.batch;
    const int points = request.whole ? batch->points : request.range.size();
    m_figures.pointsWritten += quint64(points);
    if (batch->fromSpool)
        m_figures.pointsReplayed += quint64(points);
    else if (request.whole)
        m_stats->addLags(batch->eventTimesUs, m_figures.lastSuccessUs);
    else if (batch->eventTimesUs.size() == batch->lineCount())
        m_stats->addLags(batch->eventTimesUs.mid(request.range.begin, request.range.size()),
                         m_figures.lastSuccessUs);
    if (!request.whole)
        batch->splitter->accepted(request.range);
    if (request.whole || batch->splitter->isDone())
        finish(batch);
}

void InfluxWriter::onRejected(const Request &request, const InfluxResponse &response)
{
    m_health.succeeded(); // it answered, so it is up and we may write
    const WriteBatchPtr &batch = request.batch;
    if (request.whole) {
        const int lines = batch->lineCount();
        qCWarning(lcInflux).noquote()
            << u"InfluxDB refused a batch of %1 points (%2: %3); isolating the bad lines"_s
                   .arg(lines)
                   .arg(response.status)
                   .arg(response.message);
        if (lines > 1) {
            batch->splitter = std::make_unique<BatchSplitter>(lines);
            m_scheduler.startSplitting(batch);
            return;
        }
        if (lines == 1)
            m_settler.deadLetter(*batch, {0, 1}, response, m_endpoint.target());
        finish(batch);
        return;
    }
    if (batch->splitter->rejected(request.range))
        m_settler.deadLetter(*batch, request.range, response, m_endpoint.target());
    if (batch->splitter->isDone())
        finish(batch);
}

void InfluxWriter::recordFailure(const InfluxResponse &response, const QString &message)
{
    bool isNew = false;
    const qint64 delay = m_health.failed(response, message, nowMs(), &isNew);
    m_figures.lastError = message;
    m_figures.lastErrorUs = wallUs();
    if (isNew) {
        qCWarning(lcInflux).noquote()
            << u"%1; spooling, next attempt in %2 s"_s.arg(message).arg(double(delay) / 1000);
    } else {
        qCDebug(lcInflux).noquote() << message;
    }
    m_retryTimer->start(int(delay));
}

void InfluxWriter::onFailed(const Request &request, const InfluxResponse &response)
{
    const bool createNow = response.databaseMissing && m_options.api == 1 &&
                           m_options.createDatabase && !m_creatingDatabase;
    recordFailure(response, m_endpoint.describe(response));
    // Never wait on a retry: the batch goes to disk, the probe replays it later.
    spoolBatch(request.batch);
    spoolQueued();
    if (createNow) {
        m_retryTimer->stop();
        sendCreateDatabase(false);
    }
}

void InfluxWriter::onCreateDatabaseFinished(const InfluxResponse &response, const QByteArray &body)
{
    m_creatingDatabase = false;
    const QString error =
        response.ok() ? InfluxResponse::queryError(body) : m_endpoint.describe(response);
    if (m_creatingAhead) {
        // Servers without InfluxQL (VictoriaMetrics) refuse it; the first write tells the truth.
        if (!error.isEmpty())
            qCDebug(lcInflux).noquote() << u"CREATE DATABASE ahead of writing failed:"_s << error;
        return;
    }
    if (error.isEmpty()) {
        qCInfo(lcInflux).noquote() << u"created database '%1'"_s.arg(m_options.database);
        m_health.retryNow(nowMs());
        m_retryTimer->stop();
        return;
    }
    InfluxResponse missing;
    missing.kind = InfluxErrorKind::NotFound;
    missing.status = 404;
    recordFailure(missing, u"database '%1' does not exist and could not be created: %2"_s.arg(
                               m_options.database, error));
}

void InfluxWriter::finish(const WriteBatchPtr &batch)
{
    m_scheduler.release(batch);
    m_settler.settle(*batch);
}

void InfluxWriter::spoolBatch(const WriteBatchPtr &batch)
{
    m_scheduler.release(batch);
    m_settler.spoolRemainder(*batch);
}

void InfluxWriter::spoolQueued()
{
    for (const WriteBatchPtr &batch : m_scheduler.takeQueued())
        spoolBatch(batch);
}

void InfluxWriter::stop(int timeoutMs)
{
    if (m_stopping)
        return;
    m_stopping = true;
    closeBatch();
    if (!m_health.isHealthy() || !m_endpoint.hasUrl())
        spoolQueued();
    m_stopTimer->start(qMax(0, timeoutMs));
    pump();
    publish();
    maybeFinishStop();
}

void InfluxWriter::maybeFinishStop()
{
    if (m_stopping && !m_finished && m_inFlight.isEmpty() && m_scheduler.isIdle())
        finishStop(true);
}

void InfluxWriter::finishStop(bool emitSignals)
{
    m_stopping = true;
    m_finished = true;
    m_stopTimer->stop();
    m_retryTimer->stop();
    closeBatch();
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        it.key()->deleteLater();
    }
    // InfluxDB may have some of these already; writing them twice is harmless.
    for (const Request &request : std::exchange(m_inFlight, {})) {
        if (request.batch)
            spoolBatch(request.batch);
    }
    spoolQueued();
    for (const WriteBatchPtr &batch : QList<WriteBatchPtr>(m_scheduler.splitting()))
        spoolBatch(batch);
    m_health.setStopped();
    m_quiet = !emitSignals;
    publish();
    qCInfo(lcInflux).noquote()
        << u"stopped: %1 points written, %2 spooled, %3 waiting in the spool"_s
               .arg(m_figures.pointsWritten)
               .arg(m_figures.pointsSpooled)
               .arg(m_figures.spoolPoints);
    if (!emitSignals)
        return;
    if (m_settler.acks().hasAcknowledged())
        Q_EMIT acknowledged(m_settler.acks().acknowledged()); // the final one
    Q_EMIT stopped();
}

void InfluxWriter::publish()
{
    InfluxWriterFigures &f = m_figures;
    f.status = m_health.stateName();
    if (m_health.state() == InfluxHealth::State::NoTarget)
        f.lastError = m_health.lastError();
    f.nextAttemptUs = m_health.isHealthy() || m_finished
                          ? 0
                          : wallUs() + qMax<qint64>(0, m_health.nextAttemptMs() - nowMs()) * 1000;
    f.inFlight = int(m_inFlight.size());
    f.pendingPoints = m_assembler.openPoints() + m_scheduler.pendingPoints();
    for (const Request &request : m_inFlight) {
        if (request.batch && !request.batch->fromSpool && !request.batch->splitter)
            f.pendingPoints += request.batch->points;
    }
    m_settler.fillSpoolFigures();
    m_stats->publish(f);
    if (m_quiet) {
        m_settler.takeAckMoved();
        return;
    }
    // After the figures, so that a reader woken by the signal sees them current.
    if (m_settler.takeAckMoved())
        Q_EMIT acknowledged(m_settler.acks().acknowledged());
    const QString message = m_health.isHealthy() ? QString() : m_health.lastError();
    if (f.status != m_publishedStatus || message != m_publishedMessage) {
        m_publishedStatus = f.status;
        m_publishedMessage = message;
        Q_EMIT statusChanged(f.status, message);
    }
}

} // namespace hai
