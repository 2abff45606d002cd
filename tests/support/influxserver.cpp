// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxserver.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hai::test {

namespace {

constexpr int kRequestTimeoutMs = 30'000;

QByteArray encoded(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

QString quotedIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString httpError(const HttpClient::Reply &reply)
{
    if (reply.status == 0)
        return u"no answer from influxd"_s;
    return u"HTTP "_s + QString::number(reply.status) + u": "_s +
           QString::fromUtf8(reply.body).trimmed();
}

} // namespace

InfluxServer::InfluxServer()
    : m_dir(QDir::tempPath() + u"/hai-influxd-XXXXXX"_s)
{}

InfluxServer::~InfluxServer()
{
    stop();
}

bool InfluxServer::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary directory: "_s + m_dir.errorString();
        return false;
    }
    if (!m_process) {
        m_process = std::make_unique<InfluxdProcess>(m_dir.path());
        if (m_process->binary().isEmpty()) {
            *error = u"influxd is not installed (Debian: apt-get install influxdb)"_s;
            return false;
        }
    }
    if (m_process->isRunning())
        return true;
    return m_process->start(error);
}

void InfluxServer::stop()
{
    if (m_process)
        m_process->stop();
}

void InfluxServer::kill()
{
    if (m_process)
        m_process->kill();
}

HttpClient &InfluxServer::http()
{
    // The port is picked by the first start and kept, so one client serves every restart.
    if (!m_http)
        m_http = std::make_unique<HttpClient>(url());
    return *m_http;
}

QJsonObject InfluxServer::query(const QString &influxql, const QString &db, QString *error)
{
    QByteArray form = "epoch=u&q=" + encoded(influxql);
    if (!db.isEmpty())
        form += "&db=" + encoded(db);
    const HttpClient::Reply reply =
        http().send("POST", u"/query"_s, form,
                    {{"content-type", "application/x-www-form-urlencoded"}}, kRequestTimeoutMs);
    const QJsonObject answer = reply.json().object();
    if (reply.status != 200) {
        setError(error, httpError(reply));
        return answer;
    }
    if (answer.contains(u"error"_s)) {
        setError(error, answer.value(u"error"_s).toString());
        return answer;
    }
    const QJsonArray results = answer.value(u"results"_s).toArray();
    for (const QJsonValue &result : results) {
        const QString message = result.toObject().value(u"error"_s).toString();
        if (!message.isEmpty()) {
            setError(error, message);
            return answer;
        }
    }
    setError(error, {});
    return answer;
}

bool InfluxServer::createDatabase(const QString &name, QString *error)
{
    QString failure;
    query(u"CREATE DATABASE "_s + quotedIdentifier(name), {}, &failure);
    setError(error, failure);
    return failure.isEmpty();
}

bool InfluxServer::write(const QString &db, const QByteArray &lineProtocol, QString *error,
                         const QString &precision)
{
    const QString path = u"/write?db="_s + QString::fromLatin1(encoded(db)) + u"&precision="_s +
                         (precision.isEmpty() ? u"u"_s : precision);
    const HttpClient::Reply reply = http().send("POST", path, lineProtocol, {}, kRequestTimeoutMs);
    if (reply.status != 204) {
        setError(error, httpError(reply));
        return false;
    }
    setError(error, {});
    return true;
}

qint64 InfluxServer::count(const QString &db, const QString &measurement, const QString &field,
                           QString *error)
{
    QString failure;
    const QJsonObject answer = query(u"SELECT COUNT("_s + quotedIdentifier(field) + u") FROM "_s +
                                         quotedIdentifier(measurement),
                                     db, &failure);
    setError(error, failure);
    if (!failure.isEmpty())
        return -1;
    const QJsonArray series =
        answer.value(u"results"_s).toArray().at(0).toObject().value(u"series"_s).toArray();
    if (series.isEmpty())
        return 0; // no point has the field
    return series.at(0).toObject().value(u"values"_s).toArray().at(0).toArray().at(1).toInteger();
}

qint64 InfluxServer::countPoints(const QString &db, const QString &measurement, QString *error)
{
    QString failure;
    const QJsonObject answer =
        query(u"SELECT * FROM "_s + quotedIdentifier(measurement), db, &failure);
    setError(error, failure);
    if (!failure.isEmpty())
        return -1;
    qint64 points = 0;
    const QJsonArray series =
        answer.value(u"results"_s).toArray().at(0).toObject().value(u"series"_s).toArray();
    for (const QJsonValue &one : series)
        points += one.toObject().value(u"values"_s).toArray().size();
    return points;
}

} // namespace hai::test
