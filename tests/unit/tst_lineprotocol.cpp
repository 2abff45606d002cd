// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/lineprotocol.h"

#include <QRandomGenerator>
#include <QTest>

#include <limits>
#include <vector>

using namespace Qt::StringLiterals;
using hai::LineField;
using hai::LineProtocol;
using hai::LineTag;

class TestLineProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void escaping_data();
    void escaping();
    void floats_data();
    void floats();
    void tagsSortedByUtf8Bytes();
    void laterTagWinsAndEmptyTagsAreOmitted();
    void nonFiniteFieldsAreSkipped();
    void pointWithoutFieldsIsNotWritten();
    void timeKeyIsRenamed();
    void longStringIsCutOnCharacterBoundary();
    void matchesReferenceOnRandomTexts();
    void appendsToExistingBuffer();
};

void TestLineProtocol::escaping_data()
{
    QTest::addColumn<QString>("part"); // measurement, key, string
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("measurement plain")
        << u"m"_s << u"home_assistant_events"_s << QByteArray("home_assistant_events");
    QTest::newRow("measurement comma space, = kept")
        << u"m"_s << u"a b,c=d"_s << QByteArray(R"(a\ b\,c=d)");
    QTest::newRow("measurement unit") << u"m"_s << u"°C"_s << QByteArray(u8"°C");
    QTest::newRow("measurement leading #") << u"m"_s << u"#"_s << QByteArray(R"(\#)");
    QTest::newRow("measurement inner #") << u"m"_s << u"a#"_s << QByteArray("a#");
    QTest::newRow("measurement newline") << u"m"_s << u"a\nb"_s << QByteArray(R"(a\ b)");
    QTest::newRow("measurement quote") << u"m"_s << u"a\"b"_s << QByteArray(R"(a"b)");
    QTest::newRow("measurement trailing backslash") << u"m"_s << u"C:\\\\"_s << QByteArray("C:");

    QTest::newRow("key comma equals space")
        << u"k"_s << u"a b,c=d"_s << QByteArray(R"(a\ b\,c\=d)");
    QTest::newRow("key quote kept") << u"k"_s << u"say \"hi\""_s << QByteArray(R"(say\ "hi")");
    QTest::newRow("key backslash kept") << u"k"_s << u"a\\b"_s << QByteArray(R"(a\b)");
    QTest::newRow("key backslash before space") << u"k"_s << u"a\\ b"_s << QByteArray(R"(a\\ b)");
    QTest::newRow("key trailing backslashes") << u"k"_s << u"C:\\\\"_s << QByteArray("C:");
    QTest::newRow("key only backslashes") << u"k"_s << u"\\\\"_s << QByteArray();
    QTest::newRow("key newline and return") << u"k"_s << u"a\r\nb"_s << QByteArray(R"(a\ \ b)");
    QTest::newRow("key tab kept") << u"k"_s << u"a\tb"_s << QByteArray("a\tb");
    QTest::newRow("key unicode") << u"k"_s << u"Küche 😀"_s << QByteArray(u8"Küche\\ 😀");
    QTest::newRow("key lone surrogate")
        << u"k"_s << QString(QChar(0xd800)) + u"x"_s << QByteArray("\xef\xbf\xbdx");
    QTest::newRow("key empty") << u"k"_s << QString() << QByteArray();

    QTest::newRow("string plain") << u"s"_s << u"on"_s << QByteArray(R"("on")");
    QTest::newRow("string quote backslash")
        << u"s"_s << u"say \"hi\" \\ ok"_s << QByteArray(R"("say \"hi\" \\ ok")");
    QTest::newRow("string separators kept") << u"s"_s << u"a b,c=d"_s << QByteArray(R"("a b,c=d")");
    QTest::newRow("string newline") << u"s"_s << u"a\r\nb"_s << QByteArray(R"("a  b")");
    QTest::newRow("string trailing backslash") << u"s"_s << u"C:\\"_s << QByteArray(R"("C:\\")");
    QTest::newRow("string unicode") << u"s"_s << u"ü€😀"_s << QByteArray(u8"\"ü€😀\"");
    QTest::newRow("string empty") << u"s"_s << QString() << QByteArray(R"("")");
}

void TestLineProtocol::escaping()
{
    QFETCH(QString, part);
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QByteArray out;
    if (part == u"m")
        LineProtocol::appendMeasurement(&out, text);
    else if (part == u"k")
        LineProtocol::appendKey(&out, text);
    else
        LineProtocol::appendStringValue(&out, text);
    QCOMPARE(out, expected);
}

void TestLineProtocol::floats_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("decimal") << 21.5 << QByteArray("21.5");
    QTest::newRow("integral") << 100.0 << QByteArray("100");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("negative zero") << -0.0 << QByteArray("-0");
    QTest::newRow("one tenth") << 0.1 << QByteArray("0.1");
    QTest::newRow("negative") << -3.25 << QByteArray("-3.25");
    QTest::newRow("large") << 1e21 << QByteArray("1e+21");
    QTest::newRow("small") << 1.5e-05 << QByteArray("1.5e-05");
    QTest::newRow("long integral") << 123456789012.0 << QByteArray("123456789012");
    QTest::newRow("max") << std::numeric_limits<double>::max()
                         << QByteArray("1.7976931348623157e+308");
}

void TestLineProtocol::floats()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QByteArray out;
    QVERIFY(LineProtocol::appendFloat(&out, value));
    QCOMPARE(out, expected);
    QCOMPARE(out.toDouble(), value); // round trip
}

void TestLineProtocol::tagsSortedByUtf8Bytes()
{
    // UTF-16 order would put the emoji (a surrogate pair) before U+FF01.
    std::vector<LineTag> tags{{u"😀", u"6"}, {u"！", u"5"}, {u"€", u"4"},
                              {u"é", u"3"}, {u"a", u"2"},  {u"B", u"1"}};
    const LineField field = LineField::real(u"f", 1);
    QByteArray out;
    QVERIFY(LineProtocol::appendPoint(&out, u"m", tags.data(), qsizetype(tags.size()), &field, 1,
                                      1767607200123456));
    QCOMPARE(out, QByteArray(u8"m,B=1,a=2,é=3,€=4,！=5,😀=6 f=1 1767607200123456\n"));
    QVERIFY(LineProtocol::keyLess(u"\uffff", u"😀"));
    QVERIFY(!LineProtocol::keyLess(u"😀", u"\uffff"));
    QVERIFY(LineProtocol::keyLess(u"ab", u"abc"));
}

void TestLineProtocol::laterTagWinsAndEmptyTagsAreOmitted()
{
    std::vector<LineTag> tags{
        {u"domain", u"sensor"}, {u"empty", u""}, {u"", u"no key"}, {u"b", u"first"},
        {u"b", u"second"},      {u"c", u"set"},  {u"c", u""}};
    const LineField field = LineField::string(u"state", u"on");
    QByteArray out;
    QVERIFY(
        LineProtocol::appendPoint(&out, u"m", tags.data(), qsizetype(tags.size()), &field, 1, 5));
    QCOMPARE(out, QByteArray(R"(m,b=second,domain=sensor state="on" 5)"
                             "\n"));
}

void TestLineProtocol::nonFiniteFieldsAreSkipped()
{
    const LineField fields[] = {
        LineField::real(u"nan", std::numeric_limits<double>::quiet_NaN()),
        LineField::real(u"value", 1.5),
        LineField::real(u"inf", std::numeric_limits<double>::infinity()),
        LineField::real(u"", 2),
        LineField::string(u"s", u"x"),
        LineField::real(u"minus_inf", -std::numeric_limits<double>::infinity()),
    };
    QByteArray out;
    QVERIFY(LineProtocol::appendPoint(&out, u"m", nullptr, 0, fields, 6, 1));
    QCOMPARE(out, QByteArray("m value=1.5,s=\"x\" 1\n"));
    QVERIFY(!LineProtocol::appendFloat(&out, std::numeric_limits<double>::quiet_NaN()));
}

void TestLineProtocol::pointWithoutFieldsIsNotWritten()
{
    QByteArray out = "before\n";
    LineTag tag{u"t", u"v"};
    const LineField nan = LineField::real(u"v", std::numeric_limits<double>::quiet_NaN());
    QVERIFY(!LineProtocol::appendPoint(&out, u"m", &tag, 1, &nan, 1, 1));
    QVERIFY(!LineProtocol::appendPoint(&out, u"m", &tag, 1, nullptr, 0, 1));
    const LineField ok = LineField::real(u"v", 1);
    QVERIFY(!LineProtocol::appendPoint(&out, u"", &tag, 1, &ok, 1, 1));
    QVERIFY(!LineProtocol::appendPoint(&out, u"\\", &tag, 1, &ok, 1, 1));
    QCOMPARE(out, QByteArray("before\n"));
}

void TestLineProtocol::timeKeyIsRenamed()
{
    LineTag tag{u"time", u"x"};
    const LineField fields[] = {LineField::real(u"time", 1), LineField::real(u"timer", 2)};
    QByteArray out;
    QVERIFY(LineProtocol::appendPoint(&out, u"time", &tag, 1, fields, 2, 3));
    QCOMPARE(out, QByteArray("time,time_=x time_=1,timer=2 3\n"));
}

void TestLineProtocol::longStringIsCutOnCharacterBoundary()
{
    // 'a' then '€' (3 bytes) repeated: the cut may not split a character.
    QString text = u"a"_s;
    while (text.size() < 30000)
        text += u"€"_s;
    QByteArray out;
    LineProtocol::appendStringValue(&out, text);
    const QByteArray content = out.mid(1, out.size() - 2);
    QCOMPARE(content.size(), 1 + 3 * ((LineProtocol::kMaxStringBytes - 1) / 3));
    QVERIFY(content.size() <= LineProtocol::kMaxStringBytes);
    QCOMPARE(QString::fromUtf8(content).toUtf8(), content); // valid UTF-8
    QVERIFY(out.endsWith('"'));

    // Escapes do not count against the limit; the value does.
    out.clear();
    LineProtocol::appendStringValue(&out, QString(70000, u'"'));
    QCOMPARE(out.size(), 2 + 2 * LineProtocol::kMaxStringBytes);
}

// The encoder copies plain ASCII 8 characters at a time; a slow reference built from QString
// calls must agree on random texts around every chunk boundary.
void TestLineProtocol::matchesReferenceOnRandomTexts()
{
    const auto reference = [](QString text, const QString &escaped) {
        text.replace(u'\r', u' ').replace(u'\n', u' ');
        qsizetype end = text.size();
        while (escaped != u"\"\\"_s && end > 0 && text.at(end - 1) == u'\\')
            --end; // names drop a trailing backslash run
        text.truncate(end);
        QString out;
        for (const QChar c : std::as_const(text)) {
            if (escaped.contains(c))
                out += u'\\';
            out += c;
        }
        return out.toUtf8();
    };
    static const char16_t alphabet[] = {u'a', u'Z',  u'0',  u'_',  u'.',  u',', u'=', u' ',
                                        u'"', u'\\', u'\n', u'\r', u'\t', u'#', 0xe9, 0x20ac};
    QRandomGenerator random(20260105);
    for (int round = 0; round < 20000; ++round) {
        QString text;
        const int length = random.bounded(40);
        for (int i = 0; i < length; ++i) {
            // Mostly plain letters, so that whole 8-character chunks occur.
            const int pick = random.bounded(100);
            text += pick < 80 ? QChar(u'a' + pick % 26) : QChar(alphabet[pick % 16]);
        }
        if (random.bounded(10) == 0)
            text += u"😀"_s;
        QByteArray key;
        LineProtocol::appendKey(&key, text);
        QCOMPARE(key, reference(text, u", ="_s));
        QByteArray value;
        LineProtocol::appendStringValue(&value, text);
        QCOMPARE(value, '"' + reference(text, u"\"\\"_s) + '"');
        QByteArray measurement;
        LineProtocol::appendMeasurement(&measurement, text);
        QByteArray expected = reference(text, u", "_s);
        if (expected.startsWith('#'))
            expected.prepend('\\');
        QCOMPARE(measurement, expected);
    }
}

void TestLineProtocol::appendsToExistingBuffer()
{
    QByteArray out;
    const LineField field = LineField::real(u"value", 1);
    for (int i = 0; i < 1000; ++i) {
        LineTag tag{u"entity_id", u"sensor.a"};
        QVERIFY(LineProtocol::appendPoint(&out, u"m", &tag, 1, &field, 1, i));
    }
    QCOMPARE(out.count('\n'), 1000);
    QVERIFY(out.startsWith("m,entity_id=sensor.a value=1 0\nm,entity_id=sensor.a value=1 1\n"));
    QVERIFY(out.endsWith("m,entity_id=sensor.a value=1 999\n"));
}

QTEST_GUILESS_MAIN(TestLineProtocol)
#include "tst_lineprotocol.moc"
