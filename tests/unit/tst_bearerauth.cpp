// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/bearerauth.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hai::BearerAuth;

class TestBearerAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepts_data();
    void accepts();
    void unconfiguredRejectsEverything();
    void constantTimeEquals();
};

void TestBearerAuth::accepts_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("right") << QByteArray("Bearer s3cret-token") << true;
    QTest::newRow("right, trailing space") << QByteArray("Bearer s3cret-token ") << true;
    QTest::newRow("wrong") << QByteArray("Bearer s3cret-tokem") << false;
    QTest::newRow("prefix of token") << QByteArray("Bearer s3cret") << false;
    QTest::newRow("token plus extra") << QByteArray("Bearer s3cret-token2") << false;
    QTest::newRow("no scheme") << QByteArray("s3cret-token") << false;
    QTest::newRow("basic scheme") << QByteArray("Basic s3cret-token") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("bearer only") << QByteArray("Bearer ") << false;
}

void TestBearerAuth::accepts()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, accepted);
    const BearerAuth auth(u"s3cret-token"_s);
    QVERIFY(auth.isConfigured());
    QCOMPARE(auth.accepts(header), accepted);
}

void TestBearerAuth::unconfiguredRejectsEverything()
{
    const BearerAuth auth{QString()};
    QVERIFY(!auth.isConfigured());
    QVERIFY(!auth.accepts("Bearer "));
    QVERIFY(!auth.accepts("Bearer anything"));
}

void TestBearerAuth::constantTimeEquals()
{
    QVERIFY(BearerAuth::constantTimeEquals("abc", "abc"));
    QVERIFY(!BearerAuth::constantTimeEquals("abc", "abd"));
    QVERIFY(!BearerAuth::constantTimeEquals("abc", "abcd"));
    QVERIFY(BearerAuth::constantTimeEquals({}, {}));
}

QTEST_GUILESS_MAIN(TestBearerAuth)
#include "tst_bearerauth.moc"
