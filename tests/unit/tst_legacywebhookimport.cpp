// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhooks/legacywebhookimport.h"
#include "webhooks/webhookstore.h"
#include "webhookstorefixture.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

constexpr double kNow = 1767607200; // 2026-01-05T10:00:00Z

// What the seed versions wrote: one entry with an id, one without, one with a team.
const QByteArray kSeedFile =
    R"([ )"
    R"({"webhook_id": "wh_legacy_1", "url": "https://hooks.example.com/ha?key=abc", )"
    R"("events": ["state_changed"], "secret": "legacy-secret-number-one", "team": "Ops", )"
    R"("created_at": 1700000000.5}, )"
    R"({"url": "http://192.168.1.20:8080/in", "events": ["device_added", "device_removed"], )"
    R"("secret": "legacy-secret-number-two", "created_at": "2024-03-01T12:30:00Z"} )"
    R"(])";

QStringList messages; // what the import logged

void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    messages << message;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestLegacyWebhookImport : public QObject
{
    Q_OBJECT

private:
    // The registry and the legacy files share one temporary directory, as in the app's data
    // directory.
    std::unique_ptr<test::WebhookStoreFixture> m_fixture;
    WebhookStore *m_store = nullptr;

    QString directory() const { return m_fixture->directory(); }
    QString filePath(const QString &name) const { return QDir(directory()).filePath(name); }
    QString seedPath() const { return filePath(u"webhooks.json"_s); }

    QStringList backups() const
    {
        return QDir(directory()).entryList({u"webhooks.json.bak-*"_s}, QDir::Files, QDir::Name);
    }

    int storedCount() { return int(m_store->list().value_or(WebhookList()).size()); }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importsAndBacksUp();
    void noFile();
    void runningTwiceImportsOnce();
    void stableIds();
    void createdAt_data();
    void createdAt();
    void badFileIsLeftUntouched_data();
    void badFileIsLeftUntouched();
};

void TestLegacyWebhookImport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLegacyWebhookImport::init()
{
    m_fixture = std::make_unique<test::WebhookStoreFixture>();
    QString error;
    QVERIFY2(m_fixture->openSqlite(&error), qPrintable(error));
    m_store = &m_fixture->store();
}

void TestLegacyWebhookImport::cleanup()
{
    m_store = nullptr;
    m_fixture.reset();
}

void TestLegacyWebhookImport::importsAndBacksUp()
{
    QVERIFY(writeFile(seedPath(), kSeedFile));
    messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
    const LegacyWebhookImport::Report report =
        LegacyWebhookImport::run(directory(), *m_store, kNow);
    qInstallMessageHandler(previous);

    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY(report.found);
    QVERIFY(report.error.isEmpty());
    QCOMPARE(report.entries, 2);
    QCOMPARE(report.imported, 2);
    QCOMPARE(report.backupPath, filePath(u"webhooks.json.bak-20260105T100000"_s));
    QVERIFY(!QFile::exists(seedPath()));
    QCOMPARE(readFile(report.backupPath), kSeedFile);

    const WebhookList webhooks = m_store->list().value_or(WebhookList());
    QCOMPARE(webhooks.size(), 2);
    const Webhook &first = webhooks.at(0); // oldest first
    const Webhook &second = webhooks.at(1);
    QCOMPARE(first.id, u"wh_legacy_1"_s);
    QCOMPARE(first.name, u"Ops"_s);
    QCOMPARE(first.url, QUrl(u"https://hooks.example.com/ha?key=abc"_s));
    QCOMPARE(first.events, QStringList{u"state_changed"_s});
    QCOMPARE(first.secret, u"legacy-secret-number-one"_s);
    QCOMPARE(first.createdAt, 1700000000.5);
    QCOMPARE(first.updatedAt, 1700000000.5);
    QVERIFY(first.enabled);
    QVERIFY(first.filter.isEmpty());
    QCOMPARE(second.name, u"192.168.1.20"_s); // no team: the URL's host
    QCOMPARE(second.events, (QStringList{u"device_added"_s, u"device_removed"_s}));
    QCOMPARE(second.createdAt, 1709296200.0);
    QCOMPARE(QUuid(second.id).version(), QUuid::Sha1);
    QCOMPARE(QUuid(second.id).toString(QUuid::WithoutBraces), second.id);

    // The log says what was imported, never the secret nor the URL's query.
    const QString log = messages.join(u'\n');
    QVERIFY2(log.contains(u"wh_legacy_1"_s), qPrintable(log));
    QVERIFY2(log.contains(second.id), qPrintable(log));
    QVERIFY2(log.contains(report.backupPath), qPrintable(log));
    QVERIFY2(!log.contains(u"legacy-secret"_s), qPrintable(log));
    QVERIFY2(!log.contains(u"key=abc"_s), qPrintable(log));
}

void TestLegacyWebhookImport::noFile()
{
    const LegacyWebhookImport::Report report =
        LegacyWebhookImport::run(directory(), *m_store, kNow);
    QVERIFY(!report.found);
    QVERIFY(!report.ok);
    QVERIFY(report.error.isEmpty());
    QCOMPARE(report.entries, 0);
    QVERIFY(backups().isEmpty());
}

void TestLegacyWebhookImport::runningTwiceImportsOnce()
{
    QVERIFY(writeFile(seedPath(), kSeedFile));
    LegacyWebhookImport::Report report = LegacyWebhookImport::run(directory(), *m_store, kNow);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.imported, 2);

    // Nothing left to import.
    report = LegacyWebhookImport::run(directory(), *m_store, kNow + 1);
    QVERIFY(!report.found);
    QCOMPARE(storedCount(), 2);

    // The user restores the backup (in the same second, even): stored once, backed up again.
    QVERIFY(QFile::copy(filePath(backups().first()), seedPath()));
    report = LegacyWebhookImport::run(directory(), *m_store, kNow);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.entries, 2);
    QCOMPARE(report.imported, 0);
    QCOMPARE(storedCount(), 2);
    QCOMPARE(backups().size(), 2);
    QCOMPARE(report.backupPath, filePath(u"webhooks.json.bak-20260105T100000-1"_s));
}

void TestLegacyWebhookImport::stableIds()
{
    WebhookList first;
    WebhookList second;
    QString error;
    QVERIFY2(LegacyWebhookImport::parse(kSeedFile, kNow, &first, &error), qPrintable(error));
    QVERIFY2(LegacyWebhookImport::parse(kSeedFile, kNow + 3600, &second, &error),
             qPrintable(error));
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(1).id, second.at(1).id);
    // The same webhook with events in another order is the same webhook.
    const QByteArray reordered =
        R"([{"url": "http://192.168.1.20:8080/in", )"
        R"("events": ["device_removed", "device_added"], "secret": "legacy-secret-number-two"}])";
    QVERIFY(LegacyWebhookImport::parse(reordered, kNow, &second, &error));
    QCOMPARE(second.first().id, first.at(1).id);
    QCOMPARE(second.first().createdAt, kNow); // no created_at: now
    // Another secret is another webhook.
    const QByteArray otherSecret =
        R"([{"url": "http://192.168.1.20:8080/in", )"
        R"("events": ["device_added", "device_removed"], "secret": "legacy-secret-number-3"}])";
    QVERIFY(LegacyWebhookImport::parse(otherSecret, kNow, &second, &error));
    QVERIFY(second.first().id != first.at(1).id);
    // An empty webhook_id counts as none.
    const QByteArray emptyId =
        R"([{"webhook_id": "", "url": "http://192.168.1.20:8080/in", )"
        R"("events": ["device_added", "device_removed"], "secret": "legacy-secret-number-two"}])";
    QVERIFY(LegacyWebhookImport::parse(emptyId, kNow, &second, &error));
    QCOMPARE(second.first().id, first.at(1).id);
}

void TestLegacyWebhookImport::createdAt_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<double>("expected");
    QTest::newRow("epoch") << QByteArray("1700000000") << 1700000000.0;
    QTest::newRow("epoch fraction") << QByteArray("1700000000.25") << 1700000000.25;
    QTest::newRow("iso Z") << QByteArray("\"2026-01-05T10:00:00Z\"") << kNow;
    QTest::newRow("iso ms") << QByteArray("\"2026-01-05T10:00:00.250Z\"") << kNow + 0.25;
    QTest::newRow("iso offset") << QByteArray("\"2026-01-05T12:00:00+02:00\"") << kNow;
    QTest::newRow("iso python") << QByteArray("\"2026-01-05T10:00:00.500000+00:00\"") << kNow + 0.5;
    QTest::newRow("iso naive is utc") << QByteArray("\"2026-01-05T10:00:00\"") << kNow;
    QTest::newRow("null is now") << QByteArray("null") << kNow;
}

void TestLegacyWebhookImport::createdAt()
{
    QFETCH(QByteArray, value);
    QFETCH(double, expected);
    const QByteArray json = R"([{"url": "https://example.com/", "events": ["state_changed"], )"
                            R"("secret": "0123456789abcdef", "created_at": )" +
                            value + "}]";
    WebhookList webhooks;
    QString error;
    QVERIFY2(LegacyWebhookImport::parse(json, kNow, &webhooks, &error), qPrintable(error));
    QCOMPARE(webhooks.first().createdAt, expected);
}

void TestLegacyWebhookImport::badFileIsLeftUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("errorPart");

    const QByteArray good = R"({"url": "https://example.com/", "events": ["state_changed"], )"
                            R"("secret": "0123456789abcdef"})";
    auto list = [&](const QByteArray &second) -> QByteArray {
        return "[" + good + ",\n" + second + "]";
    };
    QTest::newRow("not json") << QByteArray("[{\"url\": ") << u"not valid JSON"_s;
    QTest::newRow("empty file") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("object") << QByteArray(R"({"webhooks": []})") << u"JSON list"_s;
    QTest::newRow("entry not an object") << list("42") << u"webhooks.json[1]: must be an object"_s;
    QTest::newRow("short secret")
        << list(R"({"url": "https://example.com/b", "events": ["state_changed"], )"
                R"("secret": "short"})")
        << u"webhooks.json[1].secret: must be at least 16 characters"_s;
    QTest::newRow("no url") << list(R"({"events": ["state_changed"], )"
                                    R"("secret": "0123456789abcdef"})")
                            << u"webhooks.json[1].url: is required"_s;
    QTest::newRow("bad url") << list(R"({"url": "ftp://x/", "events": ["state_changed"], )"
                                     R"("secret": "0123456789abcdef"})")
                             << u"webhooks.json[1].url: must be an http or https URL"_s;
    QTest::newRow("unknown event")
        << list(R"({"url": "https://example.com/b", "events": ["state_changed", "ping"], )"
                R"("secret": "0123456789abcdef"})")
        << u"webhooks.json[1].events[1]:"_s;
    QTest::newRow("team not a string")
        << list(R"({"url": "https://example.com/b", "events": ["state_changed"], )"
                R"("secret": "0123456789abcdef", "team": 7})")
        << u"webhooks.json[1].team: must be a string"_s;
    QTest::newRow("team too long")
        << list(R"({"url": "https://example.com/b", "events": ["state_changed"], )"
                R"("secret": "0123456789abcdef", "team": ")" +
                QByteArray(201, 't') + "\"}")
        << u"webhooks.json[1].team: must be at most 200"_s;
    QTest::newRow("id not a string")
        << list(R"({"webhook_id": 5, "url": "https://example.com/b", )"
                R"("events": ["state_changed"], "secret": "0123456789abcdef"})")
        << u"webhooks.json[1].webhook_id: must be a string"_s;
    QTest::newRow("bad created_at")
        << list(R"({"url": "https://example.com/b", "events": ["state_changed"], )"
                R"("secret": "0123456789abcdef", "created_at": "yesterday"})")
        << u"webhooks.json[1].created_at: must be epoch seconds or an ISO 8601 time"_s;
}

void TestLegacyWebhookImport::badFileIsLeftUntouched()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, errorPart);
    QVERIFY(writeFile(seedPath(), content));
    const LegacyWebhookImport::Report report =
        LegacyWebhookImport::run(directory(), *m_store, kNow);
    QVERIFY(report.found);
    QVERIFY(!report.ok);
    QVERIFY2(report.error.contains(errorPart), qPrintable(report.error));
    QVERIFY2(report.error.contains(seedPath()), qPrintable(report.error));
    QVERIFY(!report.error.contains(u"0123456789abcdef"_s));
    QCOMPARE(report.imported, 0);
    QVERIFY(report.backupPath.isEmpty());
    QCOMPARE(readFile(seedPath()), content);
    QVERIFY(backups().isEmpty());
    QCOMPARE(storedCount(), 0); // not even the good first entry
}

QTEST_GUILESS_MAIN(TestLegacyWebhookImport)
#include "tst_legacywebhookimport.moc"
