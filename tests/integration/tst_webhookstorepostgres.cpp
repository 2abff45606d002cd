// SPDX-License-Identifier: GPL-3.0-or-later
// The WebhookStore cases (tests/support/webhookstorecases.h) against a real PostgreSQL 15 that
// this test starts itself (tests/support/postgresserver.h): the other dialect, where booleans
// are BOOLEAN, absent values must be NULL and rows come in no order unless asked. Every case
// gets a database of its own on the one server.
#include "postgresserver.h"
#include "webhooks/webhookstore.h"
#include "webhookstorecases.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

class TestWebhookStorePostgres : public test::WebhookStoreCases
{
    Q_OBJECT

private:
    test::PostgresServer m_server;
    int m_databases = 0;

protected:
    bool openDatabase(test::WebhookStoreFixture &fixture, QString *error) override
    {
        const QString name = u"hai_webhooks_"_s + QString::number(++m_databases);
        return m_server.createDatabase(name, error) && fixture.open(m_server.location(name), error);
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void columnTypes();
};

void TestWebhookStorePostgres::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    if (!m_server.start(&error))
        QFAIL(qPrintable(u"cannot start PostgreSQL: "_s + error));
}

void TestWebhookStorePostgres::cleanupTestCase()
{
    m_server.stop();
    QVERIFY(!m_server.isRunning());
}

// What the migration made of the portable column types on this dialect.
void TestWebhookStorePostgres::columnTypes()
{
    QVERIFY(m_fixture->database().isPostgres());
    const struct
    {
        QString table, column, type;
    } columns[] = {
        {u"webhooks"_s, u"enabled"_s, u"boolean"_s},
        {u"webhooks"_s, u"created_at"_s, u"double precision"_s},
        {u"webhooks"_s, u"delivered_count"_s, u"bigint"_s},
        {u"webhook_deliveries"_s, u"seq"_s, u"bigint"_s},
    };
    for (const auto &[table, column, type] : columns)
        QCOMPARE(value(u"SELECT data_type FROM information_schema.columns "
                       u"WHERE table_name = ? AND column_name = ?"_s,
                       {table, column})
                     .toString(),
                 type);
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    QCOMPARE(value(u"SELECT enabled FROM webhooks"_s).toBool(), true);
    QVERIFY(value(u"SELECT disabled_reason FROM webhooks"_s).isNull());
    QVERIFY(value(u"SELECT last_delivery_at FROM webhooks"_s).isNull());
}

QTEST_GUILESS_MAIN(TestWebhookStorePostgres)
#include "tst_webhookstorepostgres.moc"
