// Decimal: exact money arithmetic in millionths. Parsing, formatting, rounding half away from zero,
// arithmetic, overflow refusal and conversion from JSON strings, integers and doubles.

#include <QTest>

#include <cmath>
#include <limits>

#include "util/Decimal.h"

using namespace awb;

class TestDecimal : public QObject
{
    Q_OBJECT

private slots:
    void parseAcceptsDecimalText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::int64_t>("micros");
        QTest::newRow("zero") << "0" << std::int64_t(0);
        QTest::newRow("integer") << "42" << std::int64_t(42'000'000);
        QTest::newRow("two decimals") << "1234.50" << std::int64_t(1'234'500'000);
        QTest::newRow("negative fraction") << "-0.25" << std::int64_t(-250'000);
        QTest::newRow("explicit plus") << "+3" << std::int64_t(3'000'000);
        QTest::newRow("leading dot") << ".5" << std::int64_t(500'000);
        QTest::newRow("trailing dot") << "5." << std::int64_t(5'000'000);
        QTest::newRow("surrounding spaces") << "  7.25 " << std::int64_t(7'250'000);
        QTest::newRow("exponent") << "1e3" << std::int64_t(1'000'000'000);
        QTest::newRow("upper exponent with fraction") << "1.5E2" << std::int64_t(150'000'000);
        QTest::newRow("plus exponent") << "2e+2" << std::int64_t(200'000'000);
        QTest::newRow("negative exponent") << "2.5e-3" << std::int64_t(2'500);
        QTest::newRow("six decimals exact") << "0.123456" << std::int64_t(123'456);
        QTest::newRow("seventh decimal rounds up") << "1.23456789" << std::int64_t(1'234'568);
        QTest::newRow("half micro rounds away from zero") << "0.0000005" << std::int64_t(1);
        QTest::newRow("negative half micro rounds away") << "-0.0000005" << std::int64_t(-1);
        QTest::newRow("below half micro rounds down") << "0.0000004999" << std::int64_t(0);
        QTest::newRow("tiny exponent is zero") << "1e-30" << std::int64_t(0);
        QTest::newRow("largest value")
            << "9223372036854.775807" << std::numeric_limits<std::int64_t>::max();
        QTest::newRow("most negative value")
            << "-9223372036854.775807" << -std::numeric_limits<std::int64_t>::max();
        QTest::newRow("exponent within range") << "9e12" << std::int64_t(9'000'000'000'000'000'000);
    }
    void parseAcceptsDecimalText()
    {
        QFETCH(QString, text);
        QFETCH(std::int64_t, micros);
        const auto d = Decimal::parse(text);
        QVERIFY2(d.has_value(), qPrintable(text));
        QCOMPARE(d->micros(), micros);
    }

    void parseRefusesMalformedOrOverflowingText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("blank") << "   ";
        QTest::newRow("letters") << "abc";
        QTest::newRow("trailing letters") << "12abc";
        QTest::newRow("thousands separator") << "1,000";
        QTest::newRow("two dots") << "1.2.3";
        QTest::newRow("double sign") << "--1";
        QTest::newRow("sign only") << "-";
        QTest::newRow("dot only") << ".";
        QTest::newRow("exponent without digits") << "1e";
        QTest::newRow("exponent with fraction") << "1e1.5";
        QTest::newRow("one above the largest") << "9223372036854.775808";
        QTest::newRow("one below the smallest") << "-9223372036854.775808";
        QTest::newRow("exponent too large") << "1e16";
        QTest::newRow("exponent overflows int64") << "1e15";
        QTest::newRow("too many digits") << "123456789012345678901234567890123";
        // 29 digits times 10^21 exceeds even 128 bits; must be refused, not wrapped.
        QTest::newRow("mantissa times exponent overflows") << "99999999999999999999999999999e15";
        QTest::newRow("large negative overflow") << "-99999999999999999999999999999e15";
    }
    void parseRefusesMalformedOrOverflowingText()
    {
        QFETCH(QString, text);
        const auto d = Decimal::parse(text);
        QVERIFY2(!d.has_value(),
                 qPrintable(
                     QStringLiteral("%1 parsed as %2").arg(text, d ? d->toString(6) : QString())));
    }

    void toStringRoundsHalfAwayFromZero_data()
    {
        QTest::addColumn<std::int64_t>("micros");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pads to two decimals") << std::int64_t(1'234'500'000) << 2 << "1234.50";
        QTest::newRow("negative") << std::int64_t(-250'000) << 2 << "-0.25";
        QTest::newRow("half cent up") << std::int64_t(5'000) << 2 << "0.01";
        QTest::newRow("negative half cent away") << std::int64_t(-5'000) << 2 << "-0.01";
        QTest::newRow("below half cent") << std::int64_t(4'999) << 2 << "0.00";
        QTest::newRow("no negative zero") << std::int64_t(-4'999) << 2 << "0.00";
        QTest::newRow("carry into units") << std::int64_t(999'999) << 2 << "1.00";
        QTest::newRow("zero decimals half up") << std::int64_t(1'500'000) << 0 << "2";
        QTest::newRow("zero decimals negative half") << std::int64_t(-1'500'000) << 0 << "-2";
        QTest::newRow("zero decimals two and a half") << std::int64_t(2'500'000) << 0 << "3";
        QTest::newRow("six decimals") << std::int64_t(123'456) << 6 << "0.123456";
        QTest::newRow("one micro") << std::int64_t(1) << 6 << "0.000001";
        QTest::newRow("largest") << std::numeric_limits<std::int64_t>::max() << 6
                                 << "9223372036854.775807";
        QTest::newRow("largest rounded")
            << std::numeric_limits<std::int64_t>::max() << 2 << "9223372036854.78";
        QTest::newRow("more decimals than stored") << std::int64_t(1'500'000) << 8 << "1.50000000";
    }
    void toStringRoundsHalfAwayFromZero()
    {
        QFETCH(std::int64_t, micros);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        QCOMPARE(Decimal::fromMicros(micros).toString(decimals), expected);
    }

    void toStringDefaultsToTwoDecimals()
    {
        QCOMPARE(Decimal::fromInt(1234).toString(), QStringLiteral("1234.00"));
    }

    void toMinorRoundsHalfAwayFromZero_data()
    {
        QTest::addColumn<std::int64_t>("micros");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<std::int64_t>("minor");
        QTest::newRow("cents down") << std::int64_t(1'234'567) << 2 << std::int64_t(123);
        QTest::newRow("cents half up") << std::int64_t(1'235'000) << 2 << std::int64_t(124);
        QTest::newRow("cents negative half") << std::int64_t(-1'235'000) << 2 << std::int64_t(-124);
        QTest::newRow("units") << std::int64_t(1'500'000) << 0 << std::int64_t(2);
        QTest::newRow("micros") << std::int64_t(1'234'567) << 6 << std::int64_t(1'234'567);
        QTest::newRow("beyond micros") << std::int64_t(15) << 8 << std::int64_t(1'500);
    }
    void toMinorRoundsHalfAwayFromZero()
    {
        QFETCH(std::int64_t, micros);
        QFETCH(int, decimals);
        QFETCH(std::int64_t, minor);
        QCOMPARE(Decimal::fromMicros(micros).toMinor(decimals), minor);
    }

    void fromMinorScalesByDecimals_data()
    {
        QTest::addColumn<std::int64_t>("minor");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cents") << std::int64_t(12'345) << 2 << "123.450000";
        QTest::newRow("negative units") << std::int64_t(-5) << 0 << "-5.000000";
        QTest::newRow("mills") << std::int64_t(123) << 3 << "0.123000";
        QTest::newRow("micros") << std::int64_t(7) << 6 << "0.000007";
        QTest::newRow("beyond micros rounds") << std::int64_t(1'250) << 8 << "0.000013";
    }
    void fromMinorScalesByDecimals()
    {
        QFETCH(std::int64_t, minor);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        QCOMPARE(Decimal::fromMinor(minor, decimals).toString(6), expected);
    }

    void arithmeticIsExact_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QString>("expected");
        // 0.1 + 0.2 is the classic floating-point failure.
        QTest::newRow("add tenths") << "0.1"
                                    << "+"
                                    << "0.2"
                                    << "0.300000";
        QTest::newRow("add negative") << "100.00"
                                      << "+"
                                      << "-100.01"
                                      << "-0.010000";
        QTest::newRow("subtract") << "1234.56"
                                  << "-"
                                  << "0.57"
                                  << "1233.990000";
        QTest::newRow("multiply") << "1.5"
                                  << "*"
                                  << "2"
                                  << "3.000000";
        QTest::newRow("multiply rate") << "1234.56"
                                       << "*"
                                       << "0.075"
                                       << "92.592000";
        QTest::newRow("multiply rounds half up") << "0.000001"
                                                 << "*"
                                                 << "0.5"
                                                 << "0.000001";
        QTest::newRow("multiply negative rounds away") << "-0.000001"
                                                       << "*"
                                                       << "0.5"
                                                       << "-0.000001";
        QTest::newRow("multiply large") << "9000000"
                                        << "*"
                                        << "1000"
                                        << "9000000000.000000";
        QTest::newRow("divide thirds") << "1"
                                       << "/"
                                       << "3"
                                       << "0.333333";
        QTest::newRow("divide rounds up") << "2"
                                          << "/"
                                          << "3"
                                          << "0.666667";
        QTest::newRow("divide negative rounds away") << "-2"
                                                     << "/"
                                                     << "3"
                                                     << "-0.666667";
        QTest::newRow("divide by negative") << "2"
                                            << "/"
                                            << "-3"
                                            << "-0.666667";
        QTest::newRow("divide exact") << "10"
                                      << "/"
                                      << "4"
                                      << "2.500000";
    }
    void arithmeticIsExact()
    {
        QFETCH(QString, left);
        QFETCH(QString, op);
        QFETCH(QString, right);
        QFETCH(QString, expected);
        const Decimal a = Decimal::parse(left).value();
        const Decimal b = Decimal::parse(right).value();
        Decimal r;
        if (op == QLatin1String("+"))
            r = a + b;
        else if (op == QLatin1String("-"))
            r = a - b;
        else if (op == QLatin1String("*"))
            r = a * b;
        else
            r = a / b;
        QCOMPARE(r.toString(6), expected);
    }

    void compoundAssignmentMatchesOperators()
    {
        Decimal total;
        for (const char* amount : {"10.10", "20.20", "-0.30"})
            total += Decimal::parse(QLatin1String(amount)).value();
        QCOMPARE(total.toString(2), QStringLiteral("30.00"));
        total -= Decimal::fromInt(30);
        QCOMPARE(total.micros(), std::int64_t(0));
    }

    void negationAbsAndOrdering()
    {
        const Decimal a = Decimal::parse(QStringLiteral("-2.50")).value();
        QCOMPARE((-a).toString(2), QStringLiteral("2.50"));
        QCOMPARE(a.abs().toString(2), QStringLiteral("2.50"));
        QVERIFY(a < Decimal());
        QVERIFY(Decimal::fromInt(1) > Decimal::parse(QStringLiteral("0.999999")).value());
        QCOMPARE(Decimal::parse(QStringLiteral("1.0")).value(), Decimal::fromInt(1));
        QCOMPARE(Decimal::fromInt(3).toDouble(), 3.0);
    }

    void fromJsonAcceptsStringsIntegersAndDoubles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string") << QByteArray("\"12.34\"") << "12.340000";
        QTest::newRow("string exponent") << QByteArray("\"1e2\"") << "100.000000";
        QTest::newRow("integer") << QByteArray("42") << "42.000000";
        QTest::newRow("negative integer") << QByteArray("-7") << "-7.000000";
        QTest::newRow("largest integer") << QByteArray("9223372036854") << "9223372036854.000000";
        QTest::newRow("double tenth") << QByteArray("0.1") << "0.100000";
        QTest::newRow("double negative") << QByteArray("-2.25") << "-2.250000";
        QTest::newRow("double rounded to micros") << QByteArray("1234.5678901") << "1234.567890";
        QTest::newRow("double tiny") << QByteArray("1e-7") << "0.000000";
        QTest::newRow("double exponent") << QByteArray("1.5e3") << "1500.000000";
    }
    void fromJsonAcceptsStringsIntegersAndDoubles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto d = Decimal::fromJson(Json::parse(json.toStdString()));
        QVERIFY2(d.has_value(), json.constData());
        QCOMPARE(d->toString(6), expected);
    }

    void fromJsonRefusesOtherValues_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("bad string") << QByteArray("\"twelve\"");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("bool") << QByteArray("true");
        QTest::newRow("array") << QByteArray("[1]");
        QTest::newRow("object") << QByteArray("{\"amount\":1}");
        // Integers whose micros do not fit in 64 bits must be refused, not wrapped.
        QTest::newRow("integer too large") << QByteArray("9223372036855");
        QTest::newRow("integer too small") << QByteArray("-9223372036855");
        QTest::newRow("unsigned max") << QByteArray("18446744073709551615");
        QTest::newRow("double too large") << QByteArray("1e13");
    }
    void fromJsonRefusesOtherValues()
    {
        QFETCH(QByteArray, json);
        const auto d = Decimal::fromJson(Json::parse(json.toStdString()));
        QVERIFY2(!d.has_value(),
                 qPrintable(QStringLiteral("%1 gave %2")
                                .arg(QString::fromUtf8(json), d ? d->toString(6) : QString())));
    }

    void fromJsonRefusesNonFiniteDoubles()
    {
        QVERIFY(!Decimal::fromJson(Json(std::nan(""))).has_value());
        QVERIFY(!Decimal::fromJson(Json(std::numeric_limits<double>::infinity())).has_value());
    }

    void parseAndToStringRoundTrip()
    {
        for (const char* text : {"0.00", "1.01", "-1234567.89", "9223372036854.77"}) {
            const auto d = Decimal::parse(QLatin1String(text));
            QVERIFY(d.has_value());
            QCOMPARE(d->toString(2), QLatin1String(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestDecimal)
#include "TestDecimal.moc"
