// SPDX-License-Identifier: GPL-3.0-or-later
// The Log page over the in-memory log ring: new records arrive by sequence, the level filter
// and the search box narrow the table, the ring and the model stay bounded, and "Copy
// diagnostics" puts masked text on the clipboard.
#include "core/logging.h"
#include "log/logmodel.h"
#include "pages/logpage.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

class TestLogPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { installLogging(LogLevel::Debug, {}); }
    void cleanupTestCase() { uninstallLogging(); }
    void filtersByLevelAndSearch_data();
    void filtersByLevelAndSearch();
    void ringKeepsTheNewest();
    void modelDropsTheOldest();
    void copiesDiagnostics();

private:
    static int visibleRows(LogPage &page, int levelIndex, const QString &search)
    {
        page.findChild<QComboBox *>(u"levelFilter"_s)->setCurrentIndex(levelIndex);
        page.findChild<QLineEdit *>(u"search"_s)->setText(search);
        return page.findChild<QTableView *>(u"logView"_s)->model()->rowCount();
    }
};

void TestLogPage::filtersByLevelAndSearch_data()
{
    QTest::addColumn<int>("levelIndex"); // all, info+, warnings+, errors
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("rows");
    // {m} is a marker unique to the row: each page reads the whole ring, older rows included.
    QTest::newRow("all levels") << 0 << u"{m}"_s << 4;
    QTest::newRow("info and above") << 1 << u"{m}"_s << 3;
    QTest::newRow("warnings and errors") << 2 << u"{m}"_s << 2;
    QTest::newRow("errors only") << 3 << u"{m}"_s << 1;
    QTest::newRow("search, any case") << 0 << u"WARNING {M}"_s << 1;
    QTest::newRow("no match") << 0 << u"{m} nowhere"_s << 0;
}

void TestLogPage::filtersByLevelAndSearch()
{
    QFETCH(int, levelIndex);
    QFETCH(QString, search);
    QFETCH(int, rows);
    static int run = 0;
    const QString marker = u"marker-%1-7f3a"_s.arg(++run);
    search.replace(u"{m}"_s, marker).replace(u"{M}"_s, marker.toUpper());
    LogPage page(nullptr, nullptr);
    qCDebug(lcCore).noquote() << "alpha debug" << marker;
    qCInfo(lcRegistry).noquote() << "alpha info" << marker;
    qCWarning(lcHa).noquote() << "beta warning" << marker;
    qCCritical(lcInflux).noquote() << "gamma error" << marker;
    page.poll();
    QCOMPARE(visibleRows(page, levelIndex, search), rows);
    // The category is searched too (earlier rows logged there as well).
    QVERIFY(visibleRows(page, 0, u"hai.influx"_s) >= 1);
    QCOMPARE(visibleRows(page, 0, u"hai.regis"_s), visibleRows(page, 0, u"alpha info"_s));
}

void TestLogPage::ringKeepsTheNewest()
{
    for (int i = 0; i < kLogRingCapacity + 10; ++i)
        qCDebug(lcCore).noquote() << u"ring %1"_s.arg(i);
    const QList<LogRecord> all = logRecordsSince(0);
    QCOMPARE(all.size(), kLogRingCapacity);
    QCOMPARE(all.constLast().message, u"ring %1"_s.arg(kLogRingCapacity + 9));
    QCOMPARE(all.constFirst().sequence + kLogRingCapacity - 1, all.constLast().sequence);
    QCOMPARE(all.constLast().category, u"hai.core"_s);
    QCOMPARE(all.constLast().level, QtDebugMsg);

    const quint64 last = all.constLast().sequence;
    QVERIFY(logRecordsSince(last).isEmpty());
    qCInfo(lcApi) << "one more";
    const QList<LogRecord> next = logRecordsSince(last);
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.constFirst().sequence, last + 1);
    QCOMPARE(next.constFirst().thread, u"main"_s);
}

void TestLogPage::modelDropsTheOldest()
{
    LogModel model(10);
    QList<LogRecord> batch;
    for (quint64 i = 1; i <= 25; ++i)
        batch.append({i, 0, QtInfoMsg, u"hai.core"_s, u"main"_s, QString::number(i)});
    model.append(batch.mid(0, 8));
    model.append(batch.mid(8));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.record(0).message, u"16"_s);
    QCOMPARE(model.lastSequence(), quint64(25));
    QCOMPARE(model.index(9, LogModel::MessageColumn).data().toString(), u"25"_s);
}

void TestLogPage::copiesDiagnostics()
{
    LogPage page(nullptr, nullptr);
    const QString text = page.diagnostics();
    QVERIFY(text.contains(QStringLiteral("HA Ingestor " HAI_VERSION)));
    page.copyDiagnostics();
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard->supportsSelection() && clipboard->text().isEmpty())
        QSKIP("this platform plugin keeps no clipboard");
    QCOMPARE(clipboard->text().section(u'\n', 1), text.section(u'\n', 1)); // not the timestamp
}

QTEST_MAIN(TestLogPage)
#include "tst_logpage.moc"
