// SPDX-License-Identifier: GPL-3.0-or-later
// WebhookListModel: a refresh merges in place (changed rows announce dataChanged, new ones are
// inserted, gone ones removed, nothing is reset), and the cells say what a person reads.
#include "webhooks/webhooklistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {
Webhook webhook(const QString &id, const QString &name)
{
    Webhook w;
    w.id = id;
    w.name = name;
    w.url = QUrl(u"https://example.com/"_s + id);
    w.events = {u"state_changed"_s};
    return w;
}
} // namespace

class TestWebhookListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergesInPlace_data();
    void mergesInPlace();
    void cells();
};

void TestWebhookListModel::mergesInPlace_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<int>("changed");
    QTest::addColumn<int>("inserted");
    QTest::addColumn<int>("removed");
    QTest::newRow("same") << QStringList{u"a"_s, u"b"_s} << QStringList{u"a"_s, u"b"_s} << 0 << 0
                          << 0;
    QTest::newRow("renamed") << QStringList{u"a"_s, u"b"_s} << QStringList{u"a"_s, u"b*"_s} << 1
                             << 0 << 0;
    QTest::newRow("added") << QStringList{u"a"_s} << QStringList{u"a"_s, u"c"_s} << 0 << 1 << 0;
    QTest::newRow("removed") << QStringList{u"a"_s, u"b"_s, u"c"_s} << QStringList{u"a"_s, u"c"_s}
                             << 0 << 0 << 1;
    QTest::newRow("all at once") << QStringList{u"a"_s, u"b"_s} << QStringList{u"b*"_s, u"d"_s} << 1
                                 << 1 << 1;
}

void TestWebhookListModel::mergesInPlace()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(int, changed);
    QFETCH(int, inserted);
    QFETCH(int, removed);
    // "b*" is webhook b under a new name.
    const auto list = [](const QStringList &ids) {
        WebhookList out;
        for (const QString &id : ids)
            out << webhook(id.left(1), id.endsWith(u'*') ? u"renamed"_s : u"name "_s + id);
        return out;
    };
    WebhookListModel model;
    QAbstractItemModelTester tester(&model);
    model.setWebhooks(list(before));
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy rowsInserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy rowsRemoved(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setWebhooks(list(after));
    QCOMPARE(dataChanged.count(), changed);
    QCOMPARE(rowsInserted.count(), inserted);
    QCOMPARE(rowsRemoved.count(), removed);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), after.size());
    for (const Webhook &w : list(after)) {
        const int row = model.rowOf(w.id);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, WebhookListModel::NameColumn).data().toString(), w.name);
        QCOMPARE(model.index(row, 3).data(WebhookListModel::IdRole).toString(), w.id);
    }
}

void TestWebhookListModel::cells()
{
    Webhook w = webhook(u"x"_s, u"X"_s);
    w.url = QUrl(u"https://user:pass@hooks.example.com:8443/in?token=t#frag"_s);
    w.events = {u"state_changed"_s, u"device_added"_s};
    w.enabled = false;
    w.disabledReason = u"20 failed attempts in a row"_s;
    w.stats.delivered = 12;
    w.stats.failed = 3;
    w.stats.lastStatusCode = 500;
    w.stats.lastError = u"HTTP 500"_s;
    w.stats.lastDeliveryAt = 1767607200;
    WebhookListModel model;
    model.setWebhooks({w});
    const auto cell = [&model](int column, int role = Qt::DisplayRole) {
        return model.index(0, column).data(role);
    };
    QCOMPARE(cell(WebhookListModel::UrlColumn).toString(), u"https://hooks.example.com:8443/in"_s);
    QCOMPARE(cell(WebhookListModel::EventsColumn).toString(), u"state_changed, device_added"_s);
    QCOMPARE(cell(WebhookListModel::EnabledColumn).toString(), u"Disabled by the app"_s);
    QCOMPARE(cell(WebhookListModel::EnabledColumn, Qt::ToolTipRole).toString(),
             u"20 failed attempts in a row"_s);
    QCOMPARE(cell(WebhookListModel::DeliveredColumn).toLongLong(), 12);
    QCOMPARE(cell(WebhookListModel::FailedColumn).toLongLong(), 3);
    QCOMPARE(cell(WebhookListModel::LastStatusColumn).toString(), u"HTTP 500"_s);
    QVERIFY(!cell(WebhookListModel::LastDeliveryColumn).toString().isEmpty());
    QCOMPARE(cell(WebhookListModel::LastDeliveryColumn, WebhookListModel::SortRole).toDouble(),
             1767607200.0);
    QCOMPARE(model.headerData(WebhookListModel::LastStatusColumn, Qt::Horizontal).toString(),
             u"Last status"_s);
}

QTEST_MAIN(TestWebhookListModel)
#include "tst_webhooklistmodel.moc"
