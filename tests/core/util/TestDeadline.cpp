// Deadline: many timeouts on one QTimer per thread, in order, restartable, stoppable, and safe to
// stop or destroy from another deadline's callback.

#include <QtTest>

#include <memory>
#include <vector>

#include "util/Deadline.h"

using namespace awb;
using namespace std::chrono_literals;

class TestDeadline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firesInOrderOfExpiry();
    void restartPostponesAndStopCancels();
    void aCallbackMayStopOrDestroyAnotherDueDeadline();
    void thousandsRunAtOnce();
};

void TestDeadline::firesInOrderOfExpiry()
{
    std::vector<int> fired;
    Deadline a, b, c;
    a.start(60ms, [&] { fired.push_back(3); });
    b.start(5ms, [&] { fired.push_back(1); });
    c.start(30ms, [&] { fired.push_back(2); });
    QVERIFY(a.isActive() && b.isActive() && c.isActive());
    QCOMPARE(a.interval(), 60ms);
    QTRY_COMPARE_WITH_TIMEOUT(fired.size(), std::size_t(3), 5000);
    QCOMPARE(fired, (std::vector<int>{1, 2, 3}));
    QVERIFY(!a.isActive() && !b.isActive() && !c.isActive());
}

void TestDeadline::restartPostponesAndStopCancels()
{
    // Deadlines are absolute: a restarted 200 ms deadline comes after a 150 ms one started just
    // after the restart, whatever the machine's load; without the restart it would come first.
    std::vector<char> fired;
    Deadline a, b, m;
    a.start(200ms, [&] { fired.push_back('a'); });
    b.start(200ms, [&] { fired.push_back('b'); });
    b.stop();
    QVERIFY(!b.isActive());
    QTest::qWait(100);
    a.restart();
    m.start(150ms, [&] { fired.push_back('m'); });
    QTRY_COMPARE_WITH_TIMEOUT(fired.size(), std::size_t(2), 5000);
    QCOMPARE(fired, (std::vector<char>{'m', 'a'}));
    QTest::qWait(50);
    QCOMPARE(fired.size(), std::size_t(2)); // each once, and never the stopped one
}

void TestDeadline::aCallbackMayStopOrDestroyAnotherDueDeadline()
{
    // All three expire in the same tick; the first stops the second and destroys the third.
    auto second = std::make_unique<Deadline>();
    auto third = std::make_unique<Deadline>();
    int secondFired = 0, thirdFired = 0, firstFired = 0;
    Deadline first;
    first.start(0ms, [&] {
        ++firstFired;
        second->stop();
        third.reset();
    });
    second->start(0ms, [&] { ++secondFired; });
    third->start(0ms, [&] { ++thirdFired; });
    QTRY_COMPARE_WITH_TIMEOUT(firstFired, 1, 5000);
    QTest::qWait(20);
    QCOMPARE(secondFired, 0);
    QCOMPARE(thirdFired, 0);
    // A callback may also restart its own deadline.
    int ticks = 0;
    Deadline self;
    self.start(1ms, [&] {
        if (++ticks < 3)
            self.restart();
    });
    QTRY_COMPARE_WITH_TIMEOUT(ticks, 3, 5000);
}

void TestDeadline::thousandsRunAtOnce()
{
    constexpr int kCount = 20000;
    std::vector<std::unique_ptr<Deadline>> deadlines;
    int fired = 0;
    for (int i = 0; i < kCount; ++i) {
        deadlines.push_back(std::make_unique<Deadline>());
        deadlines.back()->start(std::chrono::milliseconds(i % 50), [&] { ++fired; });
    }
    for (int i = 0; i < kCount; i += 2)
        deadlines[i]->stop();
    QTRY_COMPARE_WITH_TIMEOUT(fired, kCount / 2, 10000);
}

QTEST_GUILESS_MAIN(TestDeadline)
#include "TestDeadline.moc"
