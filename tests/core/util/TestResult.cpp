// Result and Status: a value or an error, and the error of a success is an empty one rather than
// undefined behaviour, since messages are formatted before the outcome is known.

#include <QTest>

#include "util/Result.h"

using namespace awb;

class TestResult : public QObject
{
    Q_OBJECT

private slots:
    void resultHoldsItsValueOrItsError()
    {
        const Result<int> value = 7;
        QVERIFY(value.ok());
        QCOMPARE(*value, 7);
        const Result<int> failure = Error::make(QStringLiteral("disk full"), QStringLiteral("io"));
        QVERIFY(!failure.ok());
        QCOMPARE(failure.errorMessage(), QStringLiteral("disk full"));
        QCOMPARE(failure.error().code, QStringLiteral("io"));
    }

    // The sanitized suite found tests formatting s.errorMessage() for a Status that succeeded:
    // that read an empty std::optional (ASan: an allocation of 2^48 bytes from garbage).
    void errorOfASuccessIsEmpty()
    {
        const Status status = Status::success();
        QVERIFY(status.ok());
        QCOMPARE(status.errorMessage(), QString());
        QCOMPARE(status.error().code, QString());
        const Result<int> value = 7;
        QCOMPARE(value.errorMessage(), QString());
        QCOMPARE(value.error().code, QString());
    }

    void statusKeepsItsError()
    {
        const Status status = Error::make(QStringLiteral("locked"), QStringLiteral("busy"));
        QVERIFY(!status.ok());
        QCOMPARE(status.errorMessage(), QStringLiteral("locked"));
        QCOMPARE(status.error().code, QStringLiteral("busy"));
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "TestResult.moc"
