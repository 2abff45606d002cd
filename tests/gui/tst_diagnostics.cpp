// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics: versions, settings and counters, never a secret.
#include "log/diagnostics.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {
const QString kHaToken = u"ha-token-Zq81xL"_s;
const QString kInfluxPassword = u"influx-pass-9Hd2"_s;
const QString kInfluxToken = u"influx-token-Wm4k"_s;
const QString kApiToken = u"api-token-Ru7c"_s;
const QString kPgPassword = u"pg-pass-Lx3v"_s;

Settings secretSettings()
{
    Settings s;
    s.dataDir = u"/tmp/hai"_s;
    s.haUrl = QUrl(u"http://homeassistant.local:8123"_s);
    s.haToken = kHaToken;
    s.influx.url = QUrl(u"http://admin:%1@influx.local:8086"_s.arg(kInfluxPassword));
    s.influx.username = u"admin"_s;
    s.influx.password = kInfluxPassword;
    s.influx.token = kInfluxToken;
    s.apiToken = kApiToken;
    QString error;
    DatabaseLocation::parse(u"postgres://hai:%1@db.local/hai"_s.arg(kPgPassword), &s.registryDb,
                            &error);
    return s;
}
} // namespace

class TestDiagnostics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksSecrets_data();
    void masksSecrets();
    void showsVersionsAndCounters();
    void withoutBackend();
};

void TestDiagnostics::masksSecrets_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("ha token") << kHaToken;
    QTest::newRow("influx password") << kInfluxPassword;
    QTest::newRow("influx token") << kInfluxToken;
    QTest::newRow("api token") << kApiToken;
    QTest::newRow("registry password") << kPgPassword;
}

void TestDiagnostics::masksSecrets()
{
    QFETCH(QString, secret);
    StatusSnapshot snapshot;
    // Even a secret that slipped into a message is scrubbed.
    snapshot.ha.lastError = u"refused "_s + secret;
    const Settings settings = secretSettings();
    const QString text = Diagnostics::collect(&settings, snapshot);
    QVERIFY2(!text.contains(secret), qPrintable(text));
}

void TestDiagnostics::showsVersionsAndCounters()
{
    StatusSnapshot snapshot;
    snapshot.ha.haVersion = u"2026.8.0"_s;
    snapshot.influx.pointsWritten = 4242;
    snapshot.registry.devices = 17;
    const Settings settings = secretSettings();
    const QString text = Diagnostics::collect(&settings, snapshot);
    QVERIFY(text.contains(QStringLiteral("HA Ingestor " HAI_VERSION)));
    QVERIFY(text.contains(u"Home Assistant 2026.8.0"_s));
    QVERIFY(text.contains(u"ha token: ********"_s));
    QVERIFY(text.contains(u"influx password: ********"_s));
    QVERIFY(text.contains(u"influx token: ********"_s));
    QVERIFY(text.contains(u"api token: ********"_s));
    QVERIFY(text.contains(u"influx url: http://influx.local:8086"_s));
    QVERIFY(text.contains(u"ha url: http://homeassistant.local:8123"_s));
    QVERIFY(text.contains(u"4242"_s));
    QVERIFY(text.contains(u"\"devices\": 17"_s));
}

void TestDiagnostics::withoutBackend()
{
    const QString text = Diagnostics::collect(nullptr, {});
    QVERIFY(text.contains(u"(no backend)"_s));
    const QString unset = Diagnostics::settingsText(Settings{});
    QVERIFY(unset.contains(u"ha token: (not set)"_s));
}

QTEST_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
