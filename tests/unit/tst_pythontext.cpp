// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/hastaterecord.h"
#include "timeseries/pythontext.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using hai::HaAttributeValue;
using hai::PythonText;

// Expected values are what CPython 3.12 prints.
class TestPythonText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toFloat_data();
    void toFloat();
    void floatRepr_data();
    void floatRepr();
    void stringRepr_data();
    void stringRepr();
    void jsonRepr_data();
    void jsonRepr();
    void str();
    void digitTail_data();
    void digitTail();
};

void TestPythonText::toFloat_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("decimal") << u"21.5"_s << true << 21.5;
    QTest::newRow("spaces") << u" \t21.5\n "_s << true << 21.5;
    QTest::newRow("unicode spaces") << u"\u00a021\u3000"_s << true << 21.0;
    QTest::newRow("plus") << u"+1.5"_s << true << 1.5;
    QTest::newRow("exponent") << u"-1e3"_s << true << -1000.0;
    QTest::newRow("leading point") << u".5"_s << true << 0.5;
    QTest::newRow("trailing point") << u"5."_s << true << 5.0;
    QTest::newRow("underscores") << u"1_000.000_1"_s << true << 1000.0001;
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_s << true << 12.0;
    QTest::newRow("inf") << u"inf"_s << true << inf;
    QTest::newRow("-Infinity") << u"-Infinity"_s << true << -inf;
    QTest::newRow("overflow") << u"1e400"_s << true << inf;
    QTest::newRow("underflow") << u"1e-400"_s << true << 0.0;
    QTest::newRow("double underscore") << u"1__0"_s << false << 0.0;
    QTest::newRow("leading underscore") << u"_1"_s << false << 0.0;
    QTest::newRow("trailing underscore") << u"1_"_s << false << 0.0;
    QTest::newRow("underscore before point") << u"1_.5"_s << false << 0.0;
    QTest::newRow("bare exponent") << u"1e"_s << false << 0.0;
    QTest::newRow("no mantissa") << u"e3"_s << false << 0.0;
    QTest::newRow("infinit") << u"infinit"_s << false << 0.0;
    QTest::newRow("hex") << u"0x10"_s << false << 0.0;
    QTest::newRow("comma") << u"1,5"_s << false << 0.0;
    QTest::newRow("unit") << u"12 km"_s << false << 0.0;
    QTest::newRow("on") << u"on"_s << false << 0.0;
    QTest::newRow("empty") << QString() << false << 0.0;
    QTest::newRow("only spaces") << u"   "_s << false << 0.0;
}

void TestPythonText::toFloat()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(double, value);
    double out = -1;
    QCOMPARE(PythonText::toFloat(text, &out), ok);
    if (ok)
        QCOMPARE(out, value);
    double nan = 0;
    QVERIFY(PythonText::toFloat(u"NaN"_s, &nan));
    QVERIFY(std::isnan(nan));
}

void TestPythonText::floatRepr_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("repr");
    QTest::newRow("one") << 1.0 << u"1.0"_s;
    QTest::newRow("decimal") << 21.5 << u"21.5"_s;
    QTest::newRow("tenth") << 0.1 << u"0.1"_s;
    QTest::newRow("negative zero") << -0.0 << u"-0.0"_s;
    QTest::newRow("1e15") << 1e15 << u"1000000000000000.0"_s;
    QTest::newRow("1e16") << 1e16 << u"1e+16"_s;
    QTest::newRow("1e-4") << 0.0001 << u"0.0001"_s;
    QTest::newRow("1e-5") << 0.00001 << u"1e-05"_s;
    QTest::newRow("1.5e300") << 1.5e300 << u"1.5e+300"_s;
    QTest::newRow("mixed") << 123456789.123 << u"123456789.123"_s;
    QTest::newRow("negative") << -2.5e-7 << u"-2.5e-07"_s;
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << u"inf"_s;
}

void TestPythonText::floatRepr()
{
    QFETCH(double, value);
    QFETCH(QString, repr);
    QString out;
    PythonText::appendFloatRepr(&out, value);
    QCOMPARE(out, repr);
}

void TestPythonText::stringRepr_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("repr");
    QTest::newRow("plain") << u"abc"_s << u"'abc'"_s;
    QTest::newRow("single quote") << u"it's"_s << uR"("it's")"_s;
    QTest::newRow("both quotes") << uR"(it's "x")"_s << uR"('it\'s "x"')"_s;
    QTest::newRow("double quote") << uR"(a"b)"_s << uR"('a"b')"_s;
    QTest::newRow("backslash") << uR"(a\b)"_s << uR"('a\\b')"_s;
    QTest::newRow("controls") << u"a\nb\tc\r\x01\x7f"_s << uR"('a\nb\tc\r\x01\x7f')"_s;
    QTest::newRow("printable unicode") << u"ü€😀"_s << u"'ü€😀'"_s;
    QTest::newRow("no-break space") << u"\u00a0"_s << uR"('\xa0')"_s;
    QTest::newRow("format character") << u"\u200b"_s << uR"('\u200b')"_s;
    QTest::newRow("private use") << u"\ue000"_s << uR"('\ue000')"_s;
    QTest::newRow("private use, plane 15") << u"\U000F0000"_s << uR"('\U000f0000')"_s;
}

void TestPythonText::stringRepr()
{
    QFETCH(QString, text);
    QFETCH(QString, repr);
    QString out;
    PythonText::appendStringRepr(&out, text);
    QCOMPARE(out, repr);
}

void TestPythonText::jsonRepr_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("repr"); // empty: not JSON
    QTest::newRow("empty list") << u"[]"_s << u"[]"_s;
    QTest::newRow("empty dict") << u"{}"_s << u"{}"_s;
    QTest::newRow("scalars") << uR"([1,2.5,"x",true,false,null])"_s
                             << u"[1, 2.5, 'x', True, False, None]"_s;
    QTest::newRow("nested") << uR"({"a":{"b":[1,{}]},"c":[]})"_s
                            << u"{'a': {'b': [1, {}]}, 'c': []}"_s;
    QTest::newRow("key order kept") << uR"({"z":1,"a":2})"_s << u"{'z': 1, 'a': 2}"_s;
    QTest::newRow("floats") << u"[30.0,1E2,-0.5,1e-7]"_s << u"[30.0, 100.0, -0.5, 1e-07]"_s;
    QTest::newRow("ints exact") << u"[12345678901234567890,-0,-7]"_s
                                << u"[12345678901234567890, 0, -7]"_s;
    QTest::newRow("escapes") << uR"(["\u00e9\n","a\"b","\ud83d\ude00","\/"])"_s
                             << uR"(['é\n', 'a"b', '😀', '/'])"_s;
    QTest::newRow("spaces tolerated") << u"[ 1 , { \"a\" : 2 } ]"_s << u"[1, {'a': 2}]"_s;
    QTest::newRow("unfinished") << u"[1,"_s << QString();
    QTest::newRow("trailing text") << u"[1]x"_s << QString();
    QTest::newRow("bad literal") << u"[tru]"_s << QString();
    QTest::newRow("dict key not a string") << u"{1:2}"_s << QString();
}

void TestPythonText::jsonRepr()
{
    QFETCH(QString, json);
    QFETCH(QString, repr);
    QString out = u"x"_s;
    QCOMPARE(PythonText::appendJsonRepr(&out, json), !repr.isEmpty());
    QCOMPARE(out, u"x"_s + repr);
}

void TestPythonText::str()
{
    const auto strOf = [](const HaAttributeValue &value) {
        QString out;
        PythonText::appendStr(&out, value);
        return out;
    };
    HaAttributeValue value;
    QCOMPARE(strOf(value), u"None"_s);
    value.kind = HaAttributeValue::Kind::Bool;
    value.boolean = true;
    QCOMPARE(strOf(value), u"True"_s);
    value.kind = HaAttributeValue::Kind::Number;
    value.number = 5;
    QCOMPARE(strOf(value), u"5"_s);
    value.number = 5.5;
    QCOMPARE(strOf(value), u"5.5"_s);
    value.number = 1e300;
    QCOMPARE(strOf(value), u"1e+300"_s);
    value.kind = HaAttributeValue::Kind::String;
    value.text = u"it's"_s;
    QCOMPARE(strOf(value), u"it's"_s);
    value.kind = HaAttributeValue::Kind::Composite;
    value.text = uR"(["a"])"_s;
    QCOMPARE(strOf(value), u"['a']"_s);
    value.text = u"[broken"_s;
    QCOMPARE(strOf(value), u"[broken"_s);
}

void TestPythonText::digitTail_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<double>("value");
    QTest::newRow("12 km") << u"12 km"_s << true << 12.0;
    QTest::newRow("1 km") << u"1 km"_s << false << 0.0;
    QTest::newRow("1.5 km") << u"1.5 km"_s << true << 1.5;
    QTest::newRow("sign is lost") << u"-15 °C"_s << true << 15.0;
    QTest::newRow("two dots") << u"v1.2.3"_s << false << 0.0;
    QTest::newRow("dot without digit before") << u"a.12"_s << false << 0.0;
    QTest::newRow("dot without digit after") << u"12."_s << false << 0.0;
    QTest::newRow("digits apart") << u"a1b2"_s << false << 0.0;
    QTest::newRow("list repr") << u"[255, 128, 0]"_s << true << 2551280.0;
    QTest::newRow("arabic-indic") << u"\u0663\u0664 m"_s << true << 34.0;
    QTest::newRow("date") << u"2026-01-06"_s << true << 20260106.0;
    QTest::newRow("None") << u"None"_s << false << 0.0;
}

void TestPythonText::digitTail()
{
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QFETCH(double, value);
    QCOMPARE(PythonText::hasDigitTail(text), matches);
    if (matches)
        QCOMPARE(PythonText::digitTailValue(text), value);
}

QTEST_GUILESS_MAIN(TestPythonText)
#include "tst_pythontext.moc"
