// isoUtcMs: the journal's fast time stamps must equal what Qt writes for UTC with milliseconds.

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include "util/IsoTime.h"

using namespace awb;

class TestIsoTime : public QObject
{
    Q_OBJECT

private slots:
    void matchesQtForChosenTimes_data()
    {
        QTest::addColumn<QDateTime>("time");
        const QTimeZone utc = QTimeZone::utc();
        QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, utc);
        QTest::newRow("a journal event")
            << QDateTime(QDate(2026, 11, 25), QTime(12, 59, 0, 7), utc);
        QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), utc);
        QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), utc);
        QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), utc);
        QTest::newRow("before 1970") << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 1), utc);
        QTest::newRow("offset zone")
            << QDateTime(QDate(2026, 10, 1), QTime(11, 0, 0, 7), QTimeZone(7200));
        QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), utc);
    }
    void matchesQtForChosenTimes()
    {
        QFETCH(QDateTime, time);
        QCOMPARE(isoUtcMs(time), time.toUTC().toString(Qt::ISODateWithMs));
    }

    void matchesQtForRandomTimes()
    {
        QRandomGenerator random(20261125);
        const qint64 year9999 =
            QDateTime(QDate(9999, 12, 31), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        for (int i = 0; i < 20000; ++i) {
            const qint64 ms = random.bounded(-year9999, year9999);
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
            QCOMPARE(isoUtcMs(time), time.toUTC().toString(Qt::ISODateWithMs));
        }
    }

    void invalidTimeIsEmpty() { QVERIFY(isoUtcMs(QDateTime()).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestIsoTime)
#include "TestIsoTime.moc"
