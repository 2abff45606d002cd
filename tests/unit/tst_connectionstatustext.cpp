// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatustext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hai::ConnectionStatusText;
using Severity = ConnectionStatusText::Severity;

class TestConnectionStatusText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void describe_data();
    void describe();
};

void TestConnectionStatusText::describe_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("lastError");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("summaryPart");
    QTest::addColumn<bool>("hasHint");

    const QString url = u"ws://ha.local:8123/api/websocket"_s;
    QTest::newRow("live") << int(hai::HaState::Live) << u"connected"_s << url << QString()
                          << int(Severity::Ok) << u"2026.8.0"_s << false;
    QTest::newRow("backfilling") << int(hai::HaState::Backfilling) << u"connected"_s << url
                                 << QString() << int(Severity::Ok) << u"2 of 5"_s << false;
    QTest::newRow("discovering") << int(hai::HaState::Discovering) << u"connecting"_s << url
                                 << QString() << int(Severity::Working) << u"registries"_s << false;
    QTest::newRow("auth failed") << int(hai::HaState::Disconnected) << u"auth_failed"_s << url
                                 << u"Invalid access token or password"_s << int(Severity::Problem)
                                 << u"token"_s << true;
    QTest::newRow("unreachable") << int(hai::HaState::Disconnected) << u"disconnected"_s << url
                                 << u"Connection refused"_s << int(Severity::Problem)
                                 << u"Connection refused"_s << true;
    QTest::newRow("not configured")
        << int(hai::HaState::Disconnected) << u"disconnected"_s << QString() << QString()
        << int(Severity::Problem) << u"configured"_s << true;
}

void TestConnectionStatusText::describe()
{
    QFETCH(int, state);
    QFETCH(QString, status);
    QFETCH(QString, url);
    QFETCH(QString, lastError);
    QFETCH(int, severity);
    QFETCH(QString, summaryPart);
    QFETCH(bool, hasHint);

    hai::HaStatsSnapshot snapshot;
    snapshot.state = hai::HaState(state);
    snapshot.status = status;
    snapshot.url = url;
    snapshot.lastError = lastError;
    snapshot.haVersion = u"2026.8.0"_s;
    snapshot.backfillChunksDone = 2;
    snapshot.backfillChunksTotal = 5;
    const auto text = ConnectionStatusText::describe(snapshot);
    QCOMPARE(int(text.severity), severity);
    QVERIFY2(text.summary.contains(summaryPart), qPrintable(text.summary));
    QCOMPARE(!text.hint.isEmpty(), hasHint);
    if (hasHint && !url.isEmpty() && status != u"auth_failed"_s)
        QVERIFY(text.hint.contains(url));
}

QTEST_GUILESS_MAIN(TestConnectionStatusText)
#include "tst_connectionstatustext.moc"
