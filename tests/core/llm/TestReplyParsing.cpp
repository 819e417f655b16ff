// ReplyParsing: what every protocol reads from a reply without trusting it; integers and token
// counts taken from numbers of any size without undefined behaviour.

#include <QTest>

#include "llm/protocols/ReplyParsing.h"

using namespace awb;
using namespace awb::llm;

class TestReplyParsing : public QObject
{
    Q_OBJECT

private slots:
    void integerAtReadsIntegersOnly_data()
    {
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<qint64>("value");
        QTest::newRow("integer") << QByteArray(R"({"n":3})") << qint64(3);
        QTest::newRow("negative") << QByteArray(R"({"n":-3})") << qint64(-3);
        QTest::newRow("integral float") << QByteArray(R"({"n":3.0})") << qint64(3);
        QTest::newRow("fraction") << QByteArray(R"({"n":2.5})") << qint64(-1);
        QTest::newRow("float beyond int64") << QByteArray(R"({"n":1e48})") << qint64(-1);
        QTest::newRow("unsigned beyond int64")
            << QByteArray(R"({"n":18446744073709551615})") << qint64(-1);
        QTest::newRow("int64's largest")
            << QByteArray(R"({"n":9223372036854775807})") << qint64(9223372036854775807LL);
        QTest::newRow("string") << QByteArray(R"({"n":"3"})") << qint64(-1);
        QTest::newRow("absent") << QByteArray(R"({})") << qint64(-1);
        QTest::newRow("not an object") << QByteArray(R"([3])") << qint64(-1);
    }
    void integerAtReadsIntegersOnly()
    {
        QFETCH(QByteArray, object);
        QFETCH(qint64, value);
        QCOMPARE(qint64(integerAt(*parseJson(object), "n", -1)), value);
    }

    void tokenCountIsClampedToItsRange_data()
    {
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<qint64>("count");
        const qint64 max = kMaxTokenCount;
        QTest::newRow("integer") << QByteArray(R"({"n":1234})") << qint64(1234);
        QTest::newRow("fraction dropped") << QByteArray(R"({"n":12.9})") << qint64(12);
        QTest::newRow("negative") << QByteArray(R"({"n":-1})") << qint64(0);
        QTest::newRow("negative float") << QByteArray(R"({"n":-1e300})") << qint64(0);
        QTest::newRow("float beyond int64") << QByteArray(R"({"n":1.68889e48})") << max;
        QTest::newRow("int64's largest") << QByteArray(R"({"n":9223372036854775807})") << max;
        QTest::newRow("unsigned's largest") << QByteArray(R"({"n":18446744073709551615})") << max;
        QTest::newRow("string") << QByteArray(R"({"n":"12"})") << qint64(0);
        QTest::newRow("absent") << QByteArray(R"({})") << qint64(0);
    }
    void tokenCountIsClampedToItsRange()
    {
        QFETCH(QByteArray, object);
        QFETCH(qint64, count);
        QCOMPARE(qint64(tokenCount(*parseJson(object), "n")), count);
    }
};

QTEST_GUILESS_MAIN(TestReplyParsing)
#include "TestReplyParsing.moc"
