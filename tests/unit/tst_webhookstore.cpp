// SPDX-License-Identifier: GPL-3.0-or-later
// The WebhookStore cases (tests/support/webhookstorecases.h) on SQLite: every case gets a new
// registry file in a temporary directory. tst_webhookstorepostgres runs the same cases on
// PostgreSQL.
#include "webhookstorecases.h"

#include <QStandardPaths>
#include <QTest>

using namespace hai;

class TestWebhookStore : public test::WebhookStoreCases
{
    Q_OBJECT

protected:
    bool openDatabase(test::WebhookStoreFixture &fixture, QString *error) override
    {
        return fixture.openSqlite(error);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
};

QTEST_GUILESS_MAIN(TestWebhookStore)
#include "tst_webhookstore.moc"
