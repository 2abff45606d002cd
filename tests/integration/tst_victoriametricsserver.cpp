// SPDX-License-Identifier: GPL-3.0-or-later
// The VictoriaMetricsServer launcher with the real victoria-metrics: v1 and v2 line-protocol
// writes with old microsecond timestamps, read back through /api/v1/export, what happens to
// string and boolean fields, and a restart on the same port that keeps the data.
#include "victoriametricsserver.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

QString label(const QJsonObject &series, const QString &name)
{
    return series.value(u"metric"_s).toObject().value(name).toString();
}

// The series sorted by metric name, then entity_id, for stable checks.
QList<QJsonObject> sorted(QList<QJsonObject> series)
{
    std::sort(series.begin(), series.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return std::pair(label(a, u"__name__"_s), label(a, u"entity_id"_s)) <
               std::pair(label(b, u"__name__"_s), label(b, u"entity_id"_s));
    });
    return series;
}

} // namespace

class TestVictoriaMetricsServer : public QObject
{
    Q_OBJECT

private:
    test::VictoriaMetricsServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY(m_server.port() != 0);
        QCOMPARE(m_server.url().host(), u"127.0.0.1"_s);
    }

    void cleanupTestCase()
    {
        const qint64 pid = m_server.pid();
        m_server.stop();
        QVERIFY(!m_server.isRunning());
        QVERIFY(!processExists(pid));
    }

    void v1AndV2WritesWithOldMicrosecondTimestamps()
    {
        QString error;
        // 2001-09-09T01:46:40.123456Z and one second later.
        QVERIFY2(m_server.writeV1(u"home"_s,
                                  "temp,entity_id=sensor.a value=21.5 1000000000123456\n", &error),
                 qPrintable(error));
        QVERIFY2(m_server.writeV2(u"org"_s, u"bucket"_s,
                                  "temp,entity_id=sensor.b value=22.5 1000000001654321\n", &error),
                 qPrintable(error));

        const QList<QJsonObject> series = sorted(m_server.exportSeries(u"temp_value"_s, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(series.size(), 2);
        QCOMPARE(label(series[0], u"entity_id"_s), u"sensor.a"_s);
        QCOMPARE(label(series[0], u"db"_s), u"home"_s); // v1: the database becomes a label
        QCOMPARE(series[0].value(u"values"_s).toArray(), QJsonArray{21.5});
        // Milliseconds: the microseconds are cut off.
        QCOMPARE(series[0].value(u"timestamps"_s).toArray().at(0).toInteger(), 1000000000123LL);
        QCOMPARE(label(series[1], u"entity_id"_s), u"sensor.b"_s);
        QVERIFY(!series[1].value(u"metric"_s).toObject().contains(u"db"_s)); // v2: no label
        QCOMPARE(series[1].value(u"values"_s).toArray(), QJsonArray{22.5});
        QCOMPARE(series[1].value(u"timestamps"_s).toArray().at(0).toInteger(), 1000000001654LL);

        QCOMPARE(m_server.countSamples(u"{__name__=~\"temp_.*\"}"_s, &error), 2);
        QCOMPARE(m_server.countSamples(u"no_such_metric"_s, &error), 0);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void stringAndBooleanFields()
    {
        QString error;
        QVERIFY2(m_server.writeV1(u"home"_s,
                                  "sw,entity_id=switch.a on=t,level=\"12.5\",state=\"on\" "
                                  "1000000000000000\n",
                                  &error),
                 qPrintable(error));
        const QList<QJsonObject> series =
            sorted(m_server.exportSeries(u"{__name__=~\"sw_.*\"}"_s, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList names;
        for (const QJsonObject &one : series)
            names << label(one, u"__name__"_s);
        QCOMPARE(names, (QStringList{u"sw_level"_s, u"sw_on"_s, u"sw_state"_s}));
        QCOMPARE(series[0].value(u"values"_s).toArray(), QJsonArray{12.5}); // numeric string
        QCOMPARE(series[1].value(u"values"_s).toArray(), QJsonArray{1});    // boolean
        QCOMPARE(series[2].value(u"values"_s).toArray(), QJsonArray{0});    // text is lost
    }

    void restartKeepsPortAndData()
    {
        QString error;
        const quint16 port = m_server.port();
        const qint64 pid = m_server.pid();
        m_server.stop();
        QVERIFY(!m_server.isRunning());
        QVERIFY(!processExists(pid));
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QCOMPARE(m_server.port(), port);
        QCOMPARE(m_server.countSamples(u"{__name__=~\"temp_.*\"}"_s, &error), 2);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestVictoriaMetricsServer)
#include "tst_victoriametricsserver.moc"
